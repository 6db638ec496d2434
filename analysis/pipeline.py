"""The extraction job: corpus folder in, frames out, in batches.

The corpus is surveyed (its file list and catalog), cut into batches
(:mod:`analysis.batches`), and the batches run in this process, in worker
processes or on a Dask cluster (:mod:`analysis.executors`), coming back in
corpus order. What spans the corpus is done here, in that order: a text seen
before is rejected as a duplicate, speaker keys are unified, and the
articles' events are merged across articles at the end.

:func:`extract` streams: each batch's pieces are written as they come
(:mod:`analysis.tables.stream`), so memory holds a few batches and the
corpus' events, whatever the corpus' size; the frames are committed as one
unit (:mod:`analysis.tables.frames`). With the previous frames of the same
package and options in the output folder, articles whose text is unchanged
are not extracted again: their rows are taken from there. :func:`build_frames`
gives the same frames in memory, for tests and small corpora.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.batches import Batch, Piece, batch_size, run_batch
from analysis.corpus.reader import MAX_BYTES
from analysis.corpus.source import Source, survey
from analysis.executors import default_jobs, run_in_order  # noqa: F401  (default_jobs re-exported)
from analysis.outputs import unit
from analysis.outputs.fingerprint import corpus_summary, extractor_key, frames_key
from analysis.tables.event_spill import EventSpill
from analysis.tables.events import Merger, local_events
from analysis.tables.frames import MANIFEST, Frames, FramesError, check_owner, write_frames  # noqa: F401
from analysis.tables.previous import PreviousFrames


def extraction_options(default_language: str = "fr", max_bytes: int = MAX_BYTES) -> dict:
    """The options that change the frames, part of their key."""
    return {"language": default_language, "max_bytes": max_bytes}


def plan(source: Source, default_language: str = "fr", max_bytes: int = MAX_BYTES,
         known: dict[str, str] | None = None, csv: bool = False) -> tuple[list[Batch], list[str]]:
    """The batches of a corpus, in corpus order, and the warnings of its survey (catalog, file names).

    ``known`` maps a file to its content hash in previous frames (incremental runs); ``csv``: the
    batches render their CSV rows.
    """
    found = survey(source)
    size = batch_size(len(found.names))
    known = known or {}
    batches = []
    for i in range(0, len(found.names), size):
        names = tuple(found.names[i:i + size])
        batches.append(Batch(source, names, tuple(found.entries.get(n) for n in names), found.catalogued,
                             tuple(found.extra), default_language, max_bytes,
                             tuple(known.get(n) for n in names) if known else (), csv))
    return batches, list(found.warnings)


@dataclass
class Assembly:
    """The corpus-wide state of a run, fed with the batches' pieces in corpus order."""

    previous: PreviousFrames | None = None
    seen: dict[str, str] = field(default_factory=dict)  # content hash -> first file with it
    rejected: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    events: Merger | EventSpill = field(default_factory=Merger)
    speakers: set[str] = field(default_factory=set)
    n_chars: int = 0
    reused: int = 0

    def take(self, piece: Piece, names: tuple[str, ...]) -> Piece:
        """The piece with duplicates of earlier texts left out and reused rows put in; records the rest."""
        dropped = set()
        rejected = {r["file"]: r for r in piece.rejected}
        for file, digest in zip(piece.articles["file"], piece.articles["sha256"]):
            if digest in self.seen:
                # Counted once: a figure repeated under two names would count twice in every chart.
                dropped.add(file)
                rejected[file] = {"file": file, "reason": f"duplicate of {self.seen[digest]} (same text)"}
            else:
                self.seen[digest] = file
        self.rejected.extend(rejected[n] for n in names if n in rejected)  # corpus order
        self.warnings.extend(note for file, note in piece.warnings if file not in dropped)
        if dropped:
            keep = lambda frame: frame[~frame["file"].isin(dropped)].reset_index(drop=True)  # noqa: E731
            piece = Piece(keep(piece.articles), keep(piece.figures), keep(piece.claims),
                          [ev for ev in piece.events if ev["file"] not in dropped], reused=piece.reused)
        reused = [f for f in piece.reused if f not in dropped]
        if reused:
            piece = self._with_reused(piece, reused, names)
        self.events.add(piece.events)
        self.speakers.update(piece.claims["speaker_id"])
        self.n_chars += int(piece.articles["n_chars"].sum())
        return piece

    def _with_reused(self, piece: Piece, reused: list[str], names: tuple[str, ...]) -> Piece:
        """Put in the rows of unchanged articles from the previous frames, in corpus order, and read
        their events again (cheap beside extraction, and merged afresh with the rest)."""
        self.reused += len(reused)
        order = {n: i for i, n in enumerate(names)}
        wanted = set(reused)

        def merged(frame: pd.DataFrame, name: str) -> pd.DataFrame:
            old = self.previous.take(name, wanted, names[-1])
            both = pd.concat([frame, old.astype(frame.dtypes.to_dict())], ignore_index=True) if len(old) else frame
            return both.iloc[both["file"].map(order).argsort(kind="stable")].reset_index(drop=True)

        figures = merged(piece.figures, "figures")
        return Piece(piece.articles, figures, merged(piece.claims, "claims"), local_events(figures))

    def rejected_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rejected, columns=["file", "reason"])


def _pieces(batches: list[Batch], jobs: int, scheduler: str | None, progress: bool):
    """Each batch's piece, in corpus order, with a progress bar on a terminal."""
    results = run_in_order(run_batch, batches, jobs=jobs, scheduler=scheduler)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(len(b.names) for b in batches), desc="extracting", unit="art", file=sys.stderr,
                   mininterval=0.5, leave=False)
    try:
        for batch, piece in zip(batches, results):
            yield batch, piece
            if bar is not None:
                bar.update(len(batch.names))
    finally:
        if bar is not None:
            bar.close()


def build_frames(corpus_dir: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
                 progress: bool = False, jobs: int = 1, scheduler: str | None = None) -> Frames:
    """A corpus' frames, in memory: what :func:`extract` writes, for small corpora and tests."""
    from analysis.claims.coreference import speaker_id_mapping

    source = Source.of(corpus_dir)
    if source.local and not Path(source.location).is_dir():
        raise FileNotFoundError(f"{corpus_dir}: not a folder")
    batches, warnings = plan(source, default_language, max_bytes)
    run = Assembly(warnings=warnings)
    parts: dict[str, list[pd.DataFrame]] = {"articles": [], "figures": [], "claims": []}
    for batch, piece in _pieces(batches, jobs, scheduler, progress):
        piece = run.take(piece, batch.names)
        for name in parts:
            parts[name].append(getattr(piece, name))
    empty = _empty(source)
    frames = {name: pd.concat(parts[name], ignore_index=True) if parts[name] else getattr(empty, name)
              for name in parts}
    if not parts["articles"]:
        frames["articles"] = empty.articles
    mapping = speaker_id_mapping(run.speakers)
    frames["claims"]["speaker_id"] = frames["claims"]["speaker_id"].map(lambda v: mapping.get(v, v))
    return Frames(frames["articles"], frames["figures"], frames["claims"], run.events.frame(),
                  run.rejected_frame(), run.warnings)


def _empty(source: Source) -> Piece:
    """The frames of no article, with their columns and dtypes (written when no piece brought any row)."""
    return run_batch(Batch(source, (), (), False, ()))


class NoArticles(FramesError):
    """No article loaded from the corpus: nothing is written, the previous frames stand."""

    def __init__(self, result: "Extracted"):
        super().__init__("no article loaded")
        self.frames = result  # its rejected and warnings say why


@dataclass
class Extracted:
    """What :func:`extract` wrote: row counts, the rejected files and the warnings (not the frames,
    which may not fit in memory: read them with :func:`analysis.tables.frames.read_frames`)."""

    rows: dict[str, int]
    n_chars: int
    rejected: pd.DataFrame
    warnings: list[str]
    reused: int
    manifest: dict


def extract(corpus_dir, out_dir: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
            progress: bool = False, replace: bool = False, wait: float = 0.0, log=None, jobs: int = 1,
            scheduler: str | None = None, csv: bool = True, incremental: bool = True,
            summary: dict | None = None) -> Extracted:
    """Extract ``corpus_dir`` (a folder or an fsspec URL) into ``out_dir`` as one unit, in batches.

    The unit records the corpus (its summary: articles, bytes, one hash) and
    the key of its inputs, so readers can tell whose frames these are and
    whether they are still current. ``csv=False`` writes Parquet only (large
    corpora); ``incremental=False`` extracts every article again; ``summary``: the corpus'
    :func:`corpus_summary` when the caller already computed it (hashing a large corpus takes seconds).
    """
    source = Source.of(corpus_dir)
    if not source.exists():
        raise FramesError(f"corpus folder not found: {corpus_dir}")
    out_dir = Path(out_dir)
    with unit.locked(out_dir, wait=wait, log=log):  # held throughout: a second run waits or refuses at once
        check_owner(out_dir, source.location, replace)
        staged = unit.staging(out_dir)
        try:
            result = write_streamed(source, staged, default_language, max_bytes, jobs=jobs, scheduler=scheduler,
                                    progress=progress, csv=csv, previous=out_dir if incremental else None,
                                    summary=summary)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        data = unit.read_json(staged / MANIFEST)
        (staged / MANIFEST).unlink()
        unit.commit(out_dir, staged, [(f, out_dir / f) for f in data["files"]], MANIFEST, data)
    return result


def write_streamed(corpus, folder: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
                   jobs: int = 1, scheduler: str | None = None, progress: bool = False, csv: bool = True,
                   previous: Path | None = None, summary: dict | None = None) -> Extracted:
    """Write the frames of ``corpus`` and their ``frames.json`` into a private ``folder`` (a staging
    folder: committing it is the caller's job). ``previous``: a folder whose frames may lend the rows
    of unchanged articles; ``summary``: the corpus' :func:`corpus_summary` when already computed.
    Raises :class:`NoArticles` when no article loads."""
    source = corpus if isinstance(corpus, Source) else Source.of(corpus)
    options = extraction_options(default_language, max_bytes)
    summary = summary or corpus_summary(source)
    lender = PreviousFrames.open(previous, source.location, extractor_key(options)) if previous else None
    try:
        result = _stream(source, Path(folder), options, lender, jobs, scheduler, progress, csv)
    finally:
        if lender is not None:
            lender.close()
    if not result.rows["articles"]:
        raise NoArticles(result)
    result.manifest = {"corpus": source.location, "corpus_summary": summary,
                       "key": frames_key(source, options, summary), "extractor": extractor_key(options),
                       "files": {p.name: unit.sha256_file(p) for p in sorted(Path(folder).iterdir())},
                       "rows": result.rows}
    unit.write_json(Path(folder) / MANIFEST, result.manifest)
    return result


def _stream(source: Source, folder: Path, options: dict, previous: PreviousFrames | None, jobs: int,
            scheduler: str | None, progress: bool, csv: bool) -> Extracted:
    """Run the batches and write their pieces into ``folder`` as they come; then the corpus-wide frames."""
    from analysis.claims.coreference import speaker_id_mapping
    from analysis.tables.stream import FrameWriter, map_column

    batches, warnings = plan(source, options["language"], options["max_bytes"],
                             previous.hashes if previous else None, csv=csv)
    # The events wait on disk, beside the frames being written, until the merge.
    run = Assembly(previous=previous, warnings=warnings, events=EventSpill(folder / ".events"))
    try:
        # run_batch checked each piece's schema in its worker; what the assembly changes keeps it
        # (rows left out, rows of checked frames put in).
        writers = {name: FrameWriter(name, folder, csv=csv, check=False) for name in ("articles", "figures", "claims")}
        for batch, piece in _pieces(batches, jobs, scheduler, progress):
            piece = run.take(piece, batch.names)
            for name, writer in writers.items():
                writer.write(getattr(piece, name), piece.csv.get(name))
        empty = _empty(source)
        for name, writer in writers.items():
            writer.close(empty=getattr(empty, name))
        mapping = speaker_id_mapping(run.speakers)
        if mapping:
            map_column(folder, "claims", "speaker_id", mapping, csv=csv)
        rows = {name: writer.rows for name, writer in writers.items()}
        events = FrameWriter("events", folder, csv=csv)
        for part in run.events.frames():
            events.write(part)
        events.close(empty=Merger().frame())
    finally:
        run.events.close()
    rejected = FrameWriter("rejected", folder, csv=csv)
    rejected.write(run.rejected_frame())
    rejected.close()
    rows.update(events=events.rows, rejected=rejected.rows)
    return Extracted(rows, run.n_chars, run.rejected_frame(), run.warnings, run.reused, {})

"""What the report notebooks share: their parameters checked, their frames loaded.

Notebooks stay thin: a ``parameters`` cell, a call here, a chart from
:mod:`analysis.reporting.plots`, a summary table. Paths in parameters are relative to the
repository root (never to the working directory, which differs between
JupyterLab, papermill and nbval). Every parameter decides what the notebook
shows: :func:`load` gives the frames of the ``corpus`` parameter, extracting
them when they are missing or stale.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.tables.frames import READ_WAIT, Frames
from analysis.resources.lexicon import ACTORS
from analysis.paths import FIGURES, ROOT
from analysis.reporting.tempo import FREQUENCIES

SHOWN = 25  # rows a summary cell prints; the seeds' summaries are shorter, so they print whole

class ParameterError(ValueError):
    """A notebook parameter that cannot be used, with the reason."""


def resolve(path: str | Path) -> Path:
    """A parameter path, anchored on the repository root when relative."""
    path = Path(path)
    return path if path.is_absolute() else ROOT / path


def check(frequency: str | None = None, start: str | None = None, end: str | None = None,
          actor: str | None = None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Check the common parameters; return the date range as timestamps."""
    if frequency is not None and frequency not in FREQUENCIES:
        raise ParameterError(f"frequency must be one of {', '.join(FREQUENCIES)}, not {frequency!r}")
    if actor is not None and actor not in ACTORS:
        raise ParameterError(f"actor must be one of {', '.join(ACTORS)}, not {actor!r}")
    try:
        lo = pd.Timestamp(start) if start else None
        hi = pd.Timestamp(end) if end else None
    except ValueError as exc:
        raise ParameterError(f"start and end must be dates like 2021-03-01 ({exc})") from None
    if lo is not None and hi is not None and hi < lo:
        raise ParameterError(f"end {end} is before start {start}")
    return lo, hi


def figures_folder(figures_dir: str | Path | None) -> Path:
    """Where a notebook writes its charts: ``figures_dir``, or the project's ``figures/``."""
    return FIGURES if figures_dir is None else resolve(figures_dir)


def load(corpus: str | Path, frames: str | Path | None = None,
         columns: dict[str, list[str]] | None = None) -> Frames:
    """The frames of ``corpus``, always current, never another corpus' frames.

    ``columns`` maps a frame name to the only columns a notebook reads from it
    (see :func:`analysis.tables.frames.read_frames`): on a large corpus a report
    reads what it draws and prints, not every sentence of every figure.

    With ``frames`` None, they come from the corpus' own folder under
    ``build/frames/`` (see :func:`analysis.tables.frames.default_dir`), extracted again when the corpus, the package or the
    lockfile changed. With a ``frames`` folder, it must hold this corpus'
    current frames, or :class:`ParameterError` says why not.
    """
    from analysis.outputs.fingerprint import corpus_summary, frames_key
    from analysis.tables.frames import FramesError, default_dir, manifest, read_frames
    from analysis.outputs.unit import UnitBusy
    from analysis.pipeline import default_jobs, extract, extraction_options

    source = resolve(corpus).resolve()
    if not source.is_dir():
        raise ParameterError(f"corpus folder not found: {source}")
    summary = corpus_summary(source)  # hashed once, for the key and for an extraction
    key = frames_key(source, extraction_options(), summary)
    try:
        if frames is None:
            folder = default_dir(source)
            held = manifest(folder)
            if held.get("key") != key or held.get("corpus") != str(source):
                extract(source, folder, wait=READ_WAIT, jobs=default_jobs(), summary=summary)
            return read_frames(folder, columns)
        folder = resolve(frames)
        held = manifest(folder)
        if not held:
            raise ParameterError(f"no frames in {folder} (run `python -m analysis extract {corpus} --out {frames}`, "
                                 f"or set frames = None)")
        if held.get("corpus") != str(source):
            raise ParameterError(f"{folder} holds the frames of {held.get('corpus')}, not of {source}")
        if held.get("key") != key:
            raise ParameterError(f"the frames in {folder} are out of date: {source} or the package changed since "
                                 f"they were extracted (extract again, or set frames = None)")
        return read_frames(folder, columns)
    except (FramesError, UnitBusy) as exc:
        raise ParameterError(str(exc)) from None


def article_summary(data: Frames):
    """One row per article: outlet, date, the language it was read in and how that was decided, and the
    counts of figures and claims extracted from it (zero when none)."""
    articles = data.articles
    figures = data.figures.groupby("file").size().reindex(articles["file"], fill_value=0)
    claims = data.claims.groupby("file").size().reindex(articles["file"], fill_value=0)
    columns = ["file", "outlet", "published", "published_precision", "language", "language_source"]
    return articles[[c for c in columns if c in articles.columns]].assign(
        figures=figures.values, claims=claims.values)


def shown(table: pd.DataFrame, what: str = "rows", limit: int = SHOWN, **to_string) -> str:
    """``table.to_string(**to_string)``, but past ``limit`` rows only the first ``limit`` and a line
    saying how many ``what`` were left out: a summary of 200,000 articles stays a summary.
    Tables of at most ``limit`` rows print exactly as ``to_string`` prints them."""
    if len(table) <= limit:
        return table.to_string(**to_string)
    return (table.head(limit).to_string(**to_string)
            + f"\n... {len(table) - limit:,} more {what} not shown ({len(table):,} in all)")

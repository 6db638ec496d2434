"""The extraction job: corpus folder in, frames out.

:func:`build_frames` is pure apart from reading the corpus; :func:`extract`
adds the writing, as one unit keyed by the inputs (:mod:`analysis.tables.frames`). Articles are processed one at a time, so memory grows with
the figures, not with the corpus text held at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.corpus.language import resolve as resolve_language
from analysis.corpus.reader import MAX_BYTES, load_corpus
from analysis.tables.events import build_events
from analysis.extraction import claims_frame, extract_article, figures_frame
from analysis.outputs.fingerprint import frames_key
from analysis.outputs import unit
from analysis.tables.frames import Frames, FramesError, check_owner, commit_frames, write_frames  # noqa: F401  (re-exported)


def _progress(show: bool, total: int, desc: str):
    if not show:
        return None
    from tqdm import tqdm

    return lambda it: tqdm(it, total=total, desc=desc, unit="art", file=sys.stderr, mininterval=0.5, leave=False)


def build_frames(corpus_dir: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
                 progress: bool = False) -> Frames:
    """Load a corpus and derive its frames."""
    corpus_dir = Path(corpus_dir)
    n = sum(1 for p in corpus_dir.iterdir() if p.suffix.lower() == ".txt") if corpus_dir.is_dir() else 0
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, progress=_progress(progress, n, "reading"))
    rows: list[dict] = []
    claim_rows: list[dict] = []
    articles = corpus.articles
    records = articles[["file", "language", "published_date", "published_precision"]].to_dict("records")
    languages, sources = [], []
    wrap = _progress(progress, len(records), "extracting")
    for rec in wrap(records) if wrap else records:
        published = rec["published_date"]
        text = corpus.texts[rec["file"]]
        # The catalog's language, else the one its words show, else the default; recorded with how.
        language, source, warning = resolve_language(rec["language"], text, default_language)
        if warning:
            corpus.warnings.append(f"{rec['file']}: {warning}")
        languages.append(language)
        sources.append(source)
        figures, claims = extract_article(
            text,
            published=None if pd.isna(published) else published.date(),
            precision=rec["published_precision"] or None,
            language=language,
            file=rec["file"],
        )
        rows.extend(figures)
        claim_rows.extend(claims)
    articles["language"] = pd.Series(languages, index=articles.index, dtype=str)
    articles["language_source"] = pd.Series(sources, index=articles.index, dtype=str)
    figures = figures_frame(rows)
    return Frames(articles, figures, claims_frame(claim_rows), build_events(figures), corpus.rejected,
                  corpus.warnings)


class NoArticles(FramesError):
    """No article loaded from the corpus: nothing is written, the previous frames stand."""

    def __init__(self, frames: Frames):
        super().__init__("no article loaded")
        self.frames = frames


def extract(corpus_dir: Path, out_dir: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
            progress: bool = False, replace: bool = False, wait: float = 0.0, log=None) -> Frames:
    """Build the frames of ``corpus_dir`` and write them into ``out_dir`` as one unit.

    The unit records the corpus and the key of its inputs, so readers can tell
    whose frames these are and whether they are still current.
    """
    with unit.locked(out_dir, wait=wait, log=log):  # held throughout: a second run waits or refuses at once
        check_owner(out_dir, corpus_dir, replace)
        key = frames_key(corpus_dir, extraction_options(default_language, max_bytes))
        frames = build_frames(corpus_dir, default_language=default_language, max_bytes=max_bytes,
                              progress=progress)
        if frames.articles.empty:
            raise NoArticles(frames)
        commit_frames(frames, out_dir, corpus=corpus_dir, key=key)
    return frames


def extraction_options(default_language: str = "fr", max_bytes: int = MAX_BYTES) -> dict:
    """The options that change the frames, part of their key."""
    return {"language": default_language, "max_bytes": max_bytes}

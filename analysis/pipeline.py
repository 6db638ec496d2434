"""The extraction job: corpus folder in, frames out.

:func:`build_frames` is pure apart from reading the corpus; :func:`extract`
adds the writing. Articles are processed one at a time, so memory grows with
the figures, not with the corpus text held at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .corpus import MAX_BYTES, load_corpus
from .events import build_events
from .figures import claims_frame, extract_article, figures_frame
from .frames import FRAME_NAMES, Frames, write_frame


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
    records = corpus.articles[["file", "language", "published_date", "published_precision"]].to_dict("records")
    wrap = _progress(progress, len(records), "extracting")
    for rec in wrap(records) if wrap else records:
        published = rec["published_date"]
        figures, claims = extract_article(
            corpus.texts[rec["file"]],
            published=None if pd.isna(published) else published.date(),
            precision=rec["published_precision"] or None,
            language=rec["language"] or default_language,
            file=rec["file"],
        )
        rows.extend(figures)
        claim_rows.extend(claims)
    articles = corpus.articles
    # Articles the catalog does not describe are read, and recorded, in the default language.
    articles["language"] = articles["language"].replace("", default_language)
    figures = figures_frame(rows)
    return Frames(articles, figures, claims_frame(claim_rows), build_events(figures), corpus.rejected,
                  corpus.warnings)


def write_frames(frames: Frames, out_dir: Path) -> list[Path]:
    """Write every frame, schema-checked and atomically, into ``out_dir``."""
    written = []
    for name in FRAME_NAMES:
        written += write_frame(name, getattr(frames, name), out_dir)
    return written

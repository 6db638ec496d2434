"""The extraction job: corpus folder in, frames out.

:func:`build_frames` is pure apart from reading the corpus; :func:`extract`
adds the writing, as one unit keyed by the inputs (:mod:`analysis.tables.frames`). Articles are processed one at a time, so memory grows with
the figures, not with the corpus text held at once.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from contextlib import contextmanager
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


def _read_article(task: tuple) -> tuple:
    """One article's language (and how it was decided, and any warning), figures and claims.

    Pure, and at module level so worker processes can run it (:func:`build_frames` with ``jobs``).
    """
    file, text, catalog_language, published, precision, default_language = task
    # The catalog's language, else the one its words show, else the default; recorded with how.
    language, source, warning = resolve_language(catalog_language, text, default_language)
    figures, claims = extract_article(text, published=published, precision=precision, language=language,
                                      file=file)
    return language, source, warning, figures, claims


def build_frames(corpus_dir: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
                 progress: bool = False, jobs: int = 1) -> Frames:
    """Load a corpus and derive its frames.

    With ``jobs`` > 1 the articles are read by that many worker processes; results come back in
    corpus order, so the frames are the same as with one process.
    """
    corpus_dir = Path(corpus_dir)
    n = sum(1 for p in corpus_dir.iterdir() if p.suffix.lower() == ".txt") if corpus_dir.is_dir() else 0
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, progress=_progress(progress, n, "reading"))
    rows: list[dict] = []
    claim_rows: list[dict] = []
    articles = corpus.articles
    tasks = [(rec["file"], corpus.texts[rec["file"]], rec["language"],
              None if pd.isna(rec["published_date"]) else rec["published_date"].date(),
              rec["published_precision"] or None, default_language)
             for rec in articles[["file", "language", "published_date", "published_precision"]].to_dict("records")]
    languages, sources = [], []
    wrap = _progress(progress, len(tasks), "extracting")
    with _workers(jobs, len(tasks)) as pool:
        results = pool.imap(_read_article, tasks, chunksize=8) if pool else map(_read_article, tasks)
        for (file, *_), (language, source, warning, figures, claims) in zip(tasks, wrap(results) if wrap else results):
            if warning:
                corpus.warnings.append(f"{file}: {warning}")
            languages.append(language)
            sources.append(source)
            rows.extend(figures)
            claim_rows.extend(claims)
    articles["language"] = pd.Series(languages, index=articles.index, dtype=str)
    articles["language_source"] = pd.Series(sources, index=articles.index, dtype=str)
    figures = figures_frame(rows)
    return Frames(articles, figures, claims_frame(claim_rows), build_events(figures), corpus.rejected,
                  corpus.warnings)


MIN_PARALLEL = 8  # fewer articles than this are read in this process


@contextmanager
def _workers(jobs: int, n_tasks: int):
    """A process pool of ``jobs`` workers, or ``None`` when one process is enough (a handful of
    articles reads faster than workers start)."""
    if jobs <= 1 or n_tasks < MIN_PARALLEL:
        yield None
        return
    with multiprocessing.get_context("fork").Pool(min(jobs, n_tasks)) as pool:
        yield pool


def default_jobs() -> int:
    """The cores this process may use (the affinity mask, where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class NoArticles(FramesError):
    """No article loaded from the corpus: nothing is written, the previous frames stand."""

    def __init__(self, frames: Frames):
        super().__init__("no article loaded")
        self.frames = frames


def extract(corpus_dir: Path, out_dir: Path, default_language: str = "fr", max_bytes: int = MAX_BYTES,
            progress: bool = False, replace: bool = False, wait: float = 0.0, log=None, jobs: int = 1) -> Frames:
    """Build the frames of ``corpus_dir`` and write them into ``out_dir`` as one unit.

    The unit records the corpus and the key of its inputs, so readers can tell
    whose frames these are and whether they are still current.
    """
    with unit.locked(out_dir, wait=wait, log=log):  # held throughout: a second run waits or refuses at once
        check_owner(out_dir, corpus_dir, replace)
        key = frames_key(corpus_dir, extraction_options(default_language, max_bytes))
        frames = build_frames(corpus_dir, default_language=default_language, max_bytes=max_bytes,
                              progress=progress, jobs=jobs)
        if frames.articles.empty:
            raise NoArticles(frames)
        commit_frames(frames, out_dir, corpus=corpus_dir, key=key)
    return frames


def extraction_options(default_language: str = "fr", max_bytes: int = MAX_BYTES) -> dict:
    """The options that change the frames, part of their key."""
    return {"language": default_language, "max_bytes": max_bytes}

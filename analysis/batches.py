"""A batch of articles read and extracted on its own: the unit of work of every scheduler.

:func:`run_batch` takes a few hundred file names of a corpus (a
:class:`analysis.corpus.source.Source`), reads each article, decides its
language, extracts its figures and claims and its events within the article,
and returns frame pieces. It needs nothing from the other batches, so
batches run in this process, in worker processes or on a Dask cluster
(:mod:`analysis.executors`) with the same result. What spans the corpus is
left to the caller (:mod:`analysis.pipeline`): duplicate texts across
batches, speaker keys unified across articles, and events merged across
articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.corpus.language import resolve as resolve_language
from analysis.corpus.reader import MAX_BYTES, ArticleError, article_row, articles_frame
from analysis.corpus.source import Source
from analysis.extraction import claims_frame, extract_article, figures_frame
from analysis.tables.events import local_events
from analysis.tables.schemas import validate
from analysis.tables.stream import csv_rows_of

MAX_BATCH = 500  # articles per batch on large corpora: a Parquet row group each, and the memory of one batch
MIN_BATCH = 8


def batch_size(n_articles: int) -> int:
    """Articles per batch: enough batches (64) to keep every worker busy on a small corpus, at most
    :data:`MAX_BATCH`. It depends on the corpus only, never on the number of workers, so the frames
    (down to their Parquet row groups) are the same whatever runs them."""
    return max(MIN_BATCH, min(MAX_BATCH, n_articles // 64))


@dataclass(frozen=True)
class Batch:
    """Articles of one corpus to read and extract together; ``known`` gives, for incremental runs,
    the content hash each article had in the previous frames (its figures and claims are then taken
    from there instead of extracted again)."""

    source: Source
    names: tuple[str, ...]
    entries: tuple[dict | None, ...]  # catalog row of each article
    catalogued: bool
    extra: tuple[str, ...]  # catalog columns kept in the articles frame
    default_language: str = "fr"
    max_bytes: int = MAX_BYTES
    known: tuple[str | None, ...] = ()
    csv: bool = False  # render the pieces' CSV rows here too (the writing process then only appends them)


@dataclass
class Piece:
    """What a batch gives: pieces of the articles, figures and claims frames and its articles' events."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame  # speaker keys not yet unified across the corpus
    events: list  # local events (analysis.tables.events.local_events), in file order
    rejected: list[dict] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    reused: list[str] = field(default_factory=list)  # files unchanged since the previous frames: not extracted
    csv: dict[str, str] = field(default_factory=dict)  # frame name -> its rows as CSV text (Batch.csv)


def run_batch(batch: Batch) -> Piece:
    """Read and extract every article of ``batch`` (pure apart from reading its files)."""
    rows, figure_rows, claim_rows, rejected, warnings, reused = [], [], [], [], [], []
    known = batch.known or (None,) * len(batch.names)
    for name, entry, previous in zip(batch.names, batch.entries, known):
        try:
            text, encoding = batch.source.read_article(name, batch.max_bytes)
        except ArticleError as exc:
            rejected.append({"file": name, "reason": str(exc)})
            continue
        row, notes = article_row(name, text, encoding, entry, batch.catalogued, where=batch.source.path(name))
        # The catalog's language, else the one its words show, else the default; recorded with how.
        row["language"], row["language_source"], warning = resolve_language(row["language"], text,
                                                                           batch.default_language)
        if warning:
            notes.append(f"{name}: {warning}")
        warnings.extend((name, note) for note in notes)
        rows.append(row)
        if previous is not None and previous == row["sha256"]:
            reused.append(name)
            continue
        figures, claims = extract_article(text, published=row["published_date"],
                                          precision=row["published_precision"] or None,
                                          language=row["language"], file=name)
        figure_rows.extend(figures)
        claim_rows.extend(claims)
    # Checked here, in the worker, so that the process writing the frames only writes.
    articles = validate("articles", articles_frame(rows, list(batch.extra)))
    figures = validate("figures", figures_frame(figure_rows))
    claims = validate("claims", claims_frame(claim_rows, unify=False))
    piece = Piece(articles, figures, claims, local_events(figures), rejected, warnings, reused)
    if batch.csv:
        piece.csv = {name: csv_rows_of(getattr(piece, name)) for name in ("articles", "figures", "claims")}
    return piece

"""The package for notebooks of one's own: ``from analysis import load``.

>>> from analysis import load
>>> f = load("seeds")                      # a corpus folder: extracted when missing or stale
>>> f.figures[f.figures["category"] == "strikes"]
>>> f = load("reports/frames")             # a frames folder: read as it is
>>> f.text(f.articles["file"][0])          # an article's original text, as the spans index it

:func:`load` adds no caching of its own: a corpus' frames live in its folder
under ``build/frames/`` and are extracted there by
:func:`analysis.reporting.notebook.load`, the loader the report notebooks use,
when the corpus, the package or the lockfile changed since. The result is a
:class:`Loaded`, the usual :class:`~analysis.tables.frames.Frames` plus where
they came from, so that the article viewer can read the texts the spans refer to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis.tables.frames import MANIFEST, FramesError, Frames


class LoadError(ValueError):
    """A path that :func:`load` cannot use; the message names the path and the problem."""


@dataclass
class Loaded(Frames):
    """The frames of one corpus (``articles``, ``figures``, ``claims``, ``events``, ``rejected``), and

    ``corpus``: the corpus folder (or URL) they were extracted from; ``folder``: the frames folder read.
    """

    corpus: str | None = None
    folder: Path | None = None

    def text(self, file: str) -> str:
        """The original text of article ``file``, as the spans index it (see :func:`article_text`)."""
        return article_text(self, file, self.corpus)

    def view(self, file: str | None = None) -> "ArticleView":
        """The article viewer for ``file`` (None: the first article); shows itself in a notebook."""
        return view(self, file, self.corpus)


def _corpus_of(data: Frames, corpus) -> str:
    corpus = corpus or getattr(data, "corpus", None)
    if not corpus:
        raise LoadError("these frames do not say which corpus they come from: pass corpus=")
    return str(corpus)


def article_text(data: Frames, file: str, corpus: str | Path | None = None) -> str:
    """The original text of article ``file`` of ``data``, as read at extraction: ``text[start:end]``
    is each of its spans.

    Read again from ``corpus`` (default: the one ``data`` came from) with the
    package's reader, never decoded by hand; refused with :class:`LoadError`
    when the file changed since the frames were extracted (its content hash
    differs), since the spans would then point elsewhere.
    """
    from analysis.corpus.reader import ArticleError, MAX_BYTES, sha256_text
    from analysis.corpus.source import Source

    rows = data.articles[data.articles["file"] == file]
    if rows.empty:
        first = ", ".join(data.articles["file"].head(3))
        raise LoadError(f"no article {file!r} in these frames ({len(data.articles)} articles: {first}, ...)")
    source = Source.of(_corpus_of(data, corpus))
    try:
        text, _ = source.read_article(file, MAX_BYTES)
    except (ArticleError, OSError) as exc:
        raise LoadError(f"{source.path(file)}: cannot be read ({exc})") from None
    expected = rows["sha256"].iloc[0] if "sha256" in rows else None
    if expected and sha256_text(text) != expected:
        raise LoadError(f"{source.path(file)} changed since its frames were extracted: extract again "
                        f"(load the corpus folder, which does)")
    return text


@dataclass
class ArticleView:
    """One article in the viewer: ``html`` is a self-contained fragment; a notebook shows it."""

    file: str
    html: str

    def _repr_html_(self) -> str:
        return self.html


def view(data: Frames, file: str | None = None, corpus: str | Path | None = None) -> ArticleView:
    """The article viewer (:mod:`analysis.reporting.viewer`) for article ``file`` of ``data``
    (None: the first article), its text read from ``corpus`` (default: the one ``data`` came from)."""
    from analysis.reporting.viewer import article_html

    if file is None:
        if data.articles.empty:
            raise LoadError("no article in these frames")
        file = data.articles["file"].iloc[0]
    text = article_text(data, file, corpus)
    row = data.articles[data.articles["file"] == file].iloc[0]
    meta = " · ".join([file] + [str(row[c]) for c in ("outlet", "published", "language") if c in row and row[c]])
    title = row["title"] if "title" in row and row["title"] else file
    return ArticleView(file, article_html(text, data.figures[data.figures["file"] == file],
                                          data.claims[data.claims["file"] == file], title=title, meta=meta))


def _find(path: str | Path) -> Path:
    """``path`` as given, or relative to the repository root, or to the output root (``build/``, ``reports/``)."""
    from analysis.paths import OUTPUT_ROOT, ROOT

    path = Path(path).expanduser()
    if path.is_absolute():
        candidates = [path]
    else:
        candidates = list(dict.fromkeys([Path.cwd() / path, ROOT / path, OUTPUT_ROOT / path]))
    for candidate in candidates:
        if candidate.exists():
            return candidate.resolve()
    looked = ", ".join(str(c) for c in candidates)
    raise LoadError(f"{path}: no such folder (looked for {looked})")


def load(path: str | Path, columns: dict[str, list[str]] | None = None) -> Loaded:
    """The frames of a corpus folder or of a frames folder.

    Parameters
    ----------
    path
        A corpus folder (``.txt`` articles and an optional ``catalog.csv``):
        its frames are read from its folder under ``build/frames/``, extracted
        there first when missing or stale (the corpus, the package or the
        lockfile changed). Or a frames folder (one holding ``frames.json``, such as
        ``build/frames/seeds`` or ``reports/frames``): read as it is, each file
        checked against ``frames.json``. A relative path is looked up in the
        working directory, then the repository root, then the output root, so
        ``load("seeds")`` works from ``notebooks/`` too.
    columns
        Optional: a frame name mapped to the only columns to read from it
        (large corpora); the other frames are read whole.

    Returns
    -------
    Loaded
        ``articles``, ``figures``, ``claims``, ``events`` and ``rejected`` as
        pandas frames, ``warnings``, the ``corpus`` and the frames ``folder``,
        and :meth:`Loaded.text` for an article's text.

    Raises
    ------
    LoadError
        The path does not exist, is not a folder, holds neither articles nor
        frames, or its frames cannot be read or extracted; the message says which.
    """
    from analysis.reporting.notebook import ParameterError
    from analysis.reporting.notebook import load as load_corpus
    from analysis.tables.frames import manifest, read_frames

    folder = _find(path)
    if not folder.is_dir():
        raise LoadError(f"{folder}: not a folder (give a corpus folder or a frames folder)")
    if (folder / MANIFEST).exists():
        try:
            frames = read_frames(folder, columns)
        except (FramesError, ValueError) as exc:
            raise LoadError(f"{folder}: cannot read its frames ({exc})") from None
        return Loaded(**vars(frames), corpus=manifest(folder).get("corpus"), folder=folder)
    if not any(folder.glob("*.txt")):
        if any(folder.glob("*.parquet")):
            raise LoadError(f"{folder}: frames without {MANIFEST} (written by another tool?); extract them again")
        raise LoadError(f"{folder}: neither a corpus (no .txt articles) nor a frames folder (no {MANIFEST})")
    try:
        frames = load_corpus(folder, None, columns)
    except (ParameterError, FramesError) as exc:
        raise LoadError(f"{folder}: {exc}") from None
    from analysis.tables.frames import default_dir

    return Loaded(**vars(frames), corpus=str(folder), folder=default_dir(folder))

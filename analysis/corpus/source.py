"""Where a corpus' files are: a local folder, or a folder behind an fsspec URL.

A corpus on a shared or object store (``s3://bucket/articles``,
``gcs://…``, ``memory://…`` in tests) is read through fsspec, so that the
workers of a cluster read the articles themselves and only results travel.
A :class:`Source` is small and picklable: batches carry it to worker
processes and Dask workers. A local folder keeps the local rules of
:func:`analysis.corpus.reader.read_article` (symbolic links out of the corpus
are refused).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.reader import CATALOG_NAME, ArticleError, check_article, read_article


def is_url(location: str | Path) -> bool:
    """Whether ``location`` names a folder through a protocol (``s3://…``) rather than a local path."""
    return "://" in str(location) and not str(location).startswith("file://")


@dataclass(frozen=True)
class Source:
    """A corpus folder: ``location`` is a local path or an fsspec URL."""

    location: str

    @classmethod
    def of(cls, location: str | Path) -> "Source":
        location = str(location)
        if location.startswith("file://"):
            location = location[len("file://"):]
        if not is_url(location):
            location = str(Path(location).resolve())
        return cls(location.rstrip("/") if is_url(location) else location)

    @property
    def local(self) -> bool:
        return not is_url(self.location)

    def _fs(self):
        import fsspec

        fs, root = fsspec.core.url_to_fs(self.location)
        return fs, root

    def exists(self) -> bool:
        if self.local:
            return Path(self.location).is_dir()
        fs, root = self._fs()
        return fs.isdir(root)

    def files(self) -> list[str]:
        """The names of the files in the folder (not in sub-folders)."""
        if self.local:
            return [p.name for p in Path(self.location).iterdir() if p.is_file()]
        fs, root = self._fs()
        return [posixpath.basename(p["name"].rstrip("/")) for p in fs.ls(root, detail=True) if p["type"] == "file"]

    def path(self, name: str) -> str:
        """How messages name a file of the corpus."""
        return str(Path(self.location) / name) if self.local else f"{self.location}/{name}"

    def read_bytes(self, name: str) -> bytes:
        """A whole file (the catalog); :class:`OSError` when it cannot be read."""
        if self.local:
            return (Path(self.location) / name).read_bytes()
        fs, root = self._fs()
        return fs.cat_file(f"{root}/{name}")

    def read_article(self, name: str, max_bytes: int) -> tuple[str, str]:
        """One article's ``(text, encoding)``, or :class:`ArticleError` naming the problem."""
        if self.local:
            return read_article(Path(self.location) / name, max_bytes, root=Path(self.location))
        fs, root = self._fs()
        try:
            size = fs.size(f"{root}/{name}")
            if size is not None and size > max_bytes:
                raise ArticleError(f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
            data = fs.cat_file(f"{root}/{name}")
        except OSError as exc:
            raise ArticleError(f"cannot be read ({exc})") from None
        return check_article(data)

    def catalog(self):
        """The :class:`analysis.corpus.catalog.Catalog` of the folder (which must have one)."""
        from analysis.corpus.catalog import read_catalog

        return read_catalog(_Named(self, CATALOG_NAME))


@dataclass
class Survey:
    """What is in a corpus folder before any article is read: its articles and its catalog."""

    names: list[str]  # the .txt files, sorted by name: the row order of every frame
    entries: dict[str, dict]  # file -> catalog row
    extra: list[str]  # the catalog's columns, kept in the articles frame
    catalogued: bool  # whether the folder has a catalog (an article missing from it is then worth a warning)
    warnings: list[str]


def survey(source: Source) -> Survey:
    """List a corpus' articles and read its catalog, with a warning for each thing that does not fit.

    Files without the ``.txt`` extension are named (a folder of the wrong files
    must not pass for an empty corpus); hidden files and the catalog are not.
    """
    from analysis.corpus.catalog import empty_catalog

    files = source.files()
    names = sorted(f for f in files if f.lower().endswith(".txt"))
    catalog = source.catalog() if CATALOG_NAME in files else None
    meta, warnings = (catalog.rows, list(catalog.warnings)) if catalog else (empty_catalog(), [])
    entries = {row["file"]: row for row in meta.to_dict("records")}
    skipped = sorted(f for f in files if not f.lower().endswith(".txt") and f != CATALOG_NAME
                     and not f.startswith("."))
    if skipped:
        warnings.append(f"{source.location}: skipped {len(skipped)} file(s) without the .txt extension: "
                        f"{', '.join(skipped)}")
    if not names:
        warnings.append(f"no .txt articles in {source.location}")
    listed = set(names)
    for name in entries:
        if name not in listed:
            warnings.append(f"{source.path(CATALOG_NAME)}: {name} is listed but not in the corpus folder")
    return Survey(names, entries, list(meta.columns), catalog is not None, warnings)


class _Named:
    """A corpus file that :func:`analysis.corpus.catalog.read_catalog` reads like a :class:`~pathlib.Path`."""

    def __init__(self, source: Source, name: str):
        self.source, self.name = source, name

    def read_bytes(self) -> bytes:
        return self.source.read_bytes(self.name)

    def __str__(self) -> str:
        return self.source.path(self.name)

"""Fingerprints of what outputs depend on: a corpus' files, the package's code and data, the lockfile.

Frames are up to date when their key, a hash over all three, is the one they
were written with; reports add the notebooks and their parameters on top.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis.outputs.unit import sha256_file
from analysis.paths import LOCKFILE, MATPLOTLIBRC, PACKAGE, ROOT


def label(path: Path) -> str:
    """``path`` relative to the repository root when inside it, else absolute."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def corpus_files(corpus: Path) -> list[Path]:
    """The files of a corpus that extraction reads: its ``.txt`` articles and ``catalog.csv``."""
    return sorted(p for p in Path(corpus).iterdir()
                  if p.is_file() and (p.suffix.lower() == ".txt" or p.name == "catalog.csv"))


def tree_hash(paths: list[Path], base: Path) -> str:
    """One hash over files, by their path relative to ``base`` and their content."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(base)).encode())
        h.update(sha256_file(p).encode())
    return h.hexdigest()


def package_hash() -> str:
    """The package's code and data (``.py``, ``.tsv``, ``.md``), as one hash."""
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".md")
             and "__pycache__" not in p.parts]
    return tree_hash(files, PACKAGE)


def lock_hash() -> str:
    return sha256_file(LOCKFILE) if LOCKFILE.exists() else ""


def matplotlibrc_hash() -> str:
    return sha256_file(MATPLOTLIBRC) if MATPLOTLIBRC.exists() else ""


def corpus_summary(corpus) -> dict:
    """A corpus in three numbers: its articles (``.txt`` files), their total size in bytes, and one
    hash over every file extraction reads (articles and catalog), by name and content.

    Behind an fsspec URL, content hashes would mean reading the corpus twice: there the hash is over
    each file's name, size and the store's own checksum or modification time.
    """
    location = str(getattr(corpus, "location", corpus)).removeprefix("file://")
    if "://" not in location:  # a local folder (checked here so the report's no-change path stays light)
        root = Path(location).resolve()
        files = corpus_files(root)
        articles = [p for p in files if p.suffix.lower() == ".txt"]
        return {"articles": len(articles), "bytes": sum(p.stat().st_size for p in articles),
                "sha256": tree_hash(files, root)}
    from analysis.corpus.source import Source

    fs, root = Source.of(location)._fs()
    entries = sorted((e for e in fs.ls(root, detail=True) if e["type"] == "file"), key=lambda e: e["name"])
    h = hashlib.sha256()
    articles = [e for e in entries if e["name"].lower().endswith(".txt")]
    for e in entries:
        if e["name"].lower().endswith(".txt") or e["name"].endswith("/catalog.csv"):
            stamp = e.get("ETag") or e.get("etag") or e.get("checksum") or e.get("mtime") or e.get("created") or ""
            h.update(json.dumps([e["name"].rsplit("/", 1)[-1], e.get("size"), str(stamp)]).encode())
    return {"articles": len(articles), "bytes": sum(e.get("size") or 0 for e in articles), "sha256": h.hexdigest()}


def extractor_key(options: dict | None = None) -> str:
    """What the frames of any one article depend on besides its text: the package, the lockfile and
    the extraction options. Frames written under the same key can lend their rows of an unchanged
    article to the next extraction (incremental runs)."""
    return hashlib.sha256(json.dumps([package_hash(), lock_hash(), options or {}], sort_keys=True).encode()).hexdigest()


def frames_key(corpus, options: dict | None = None, summary: dict | None = None) -> str:
    """The key of a corpus' frames: its files (``summary``, from :func:`corpus_summary`, when already
    computed), the package, the lockfile and extraction options."""
    summary = summary or corpus_summary(corpus)
    return hashlib.sha256(json.dumps([summary["sha256"], extractor_key(options)]).encode()).hexdigest()

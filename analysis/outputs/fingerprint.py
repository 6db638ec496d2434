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


def frames_key(corpus: Path, options: dict | None = None) -> str:
    """The key of a corpus' frames: its files, the package, the lockfile and extraction options."""
    corpus = Path(corpus).resolve()
    return hashlib.sha256(json.dumps([tree_hash(corpus_files(corpus), corpus), package_hash(), lock_hash(),
                                      options or {}], sort_keys=True).encode()).hexdigest()

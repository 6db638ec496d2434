"""Frames on disk: schema-checked, written as one unit, read back only when whole.

A frames folder holds ``<name>.parquet`` and ``<name>.csv`` for every frame and
``frames.json``, its manifest: the corpus they come from, the key of their
inputs (:mod:`analysis.outputs.fingerprint`) and the SHA-256 of every file. It is
written through :mod:`analysis.outputs.unit` (locked, staged, committed), so a
run killed at any moment leaves the previous frames whole, two runs never mix,
and frames of one corpus never silently replace another's. CSV dates are ISO.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.outputs import unit

FRAME_NAMES = ("articles", "figures", "claims", "events", "rejected")
MANIFEST = "frames.json"
READ_WAIT = 600  # seconds a reader waits for a writer to finish


class FramesError(ValueError):
    """Frames that cannot be written or read as asked; the message says why and what to do."""


@dataclass
class Frames:
    """Every frame of a corpus, and the warnings met while building them."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    rejected: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


def write_frame(name: str, frame: pd.DataFrame, out_dir: Path, check: bool = True) -> list[Path]:
    """Validate ``frame`` against schema ``name`` and write ``<name>.parquet`` and ``<name>.csv``.

    A plain write: callers write into a private staging folder (see :func:`write_frames`).
    """
    from analysis.tables.stream import FrameWriter  # imports pandera, slow to load: only writers need it

    writer = FrameWriter(name, out_dir, check=check)
    writer.write(frame)
    return writer.close()


def owner(folder: Path) -> str | None:
    """The corpus whose frames ``folder`` holds (None when it holds none)."""
    data = unit.read_json(Path(folder) / MANIFEST)
    if data:
        return data.get("corpus")
    return "unknown (frames without frames.json)" if any(Path(folder).glob("*.parquet")) else None


def default_dir(corpus: Path) -> Path:
    """The frames folder of ``corpus`` under ``build/frames/``: named after the corpus folder,
    with a hash of its path added when another corpus of that name is already there."""
    from analysis.paths import FRAMES

    corpus = Path(corpus).resolve()
    plain = FRAMES / corpus.name
    if owner(plain) in (None, str(corpus)):
        return plain
    return FRAMES / f"{corpus.name}-{unit.sha256_bytes(str(corpus).encode())[:8]}"


def check_owner(out_dir: Path, corpus: Path | None, replace: bool = False) -> None:
    """Refuse to put ``corpus``' frames where another corpus' frames are, unless ``replace``."""
    held = owner(out_dir)
    source = None if not corpus else str(corpus) if "://" in str(corpus) else str(Path(corpus).resolve())
    if held and source and held != source and not replace:
        raise FramesError(f"{out_dir} holds the frames of {held}, not of {source}: choose another output "
                          f"folder, or replace them on purpose (--force)")


def stage_frames(frames: Frames, folder: Path, corpus: Path | None = None, key: str = "") -> list[str]:
    """Write every frame and ``frames.json`` into a private ``folder``; return the file names, manifest last."""
    files = {}
    for name in FRAME_NAMES:
        for path in write_frame(name, getattr(frames, name), folder):
            files[path.name] = unit.sha256_file(path)
    unit.write_json(Path(folder) / MANIFEST, _manifest_data(frames, corpus, key, files))
    return [*files, MANIFEST]


def _manifest_data(frames: Frames, corpus: Path | None, key: str, files: dict) -> dict:
    return {"corpus": str(Path(corpus).resolve()) if corpus else None, "key": key, "files": files,
            "rows": {name: len(getattr(frames, name)) for name in FRAME_NAMES}}


def commit_frames(frames: Frames, out_dir: Path, corpus: Path | None = None, key: str = "") -> dict:
    """Stage every frame and commit them as one unit; the caller holds the unit's lock."""
    out_dir = Path(out_dir)
    staged = unit.staging(out_dir)
    names = stage_frames(frames, staged, corpus, key)
    data = unit.read_json(staged / MANIFEST)
    (staged / MANIFEST).unlink()
    unit.commit(out_dir, staged, [(f, out_dir / f) for f in names[:-1]], MANIFEST, data)
    return data


def write_frames(frames: Frames, out_dir: Path, corpus: Path | None = None, key: str = "",
                 replace: bool = False, wait: float = 0.0, log=None) -> dict:
    """Write every frame into ``out_dir`` as one unit; return its manifest.

    Refuses (:class:`FramesError`) when ``out_dir`` holds another corpus' frames,
    unless ``replace``; refuses (:class:`analysis.outputs.unit.UnitBusy`) when
    another run is writing it, after waiting ``wait`` seconds.
    """
    with unit.locked(out_dir, wait=wait, log=log):
        check_owner(out_dir, corpus, replace)
        return commit_frames(frames, out_dir, corpus, key)


def manifest(folder: Path) -> dict:
    """The ``frames.json`` of ``folder`` (``{}`` when absent)."""
    return unit.read_json(Path(folder) / MANIFEST)


def read_frames(folder: Path, columns: dict[str, list[str]] | None = None) -> Frames:
    """Every frame of ``folder``, each file checked against ``frames.json``.

    ``columns`` maps a frame name to the only columns to read from it (the
    others are read whole): on a large corpus a report reads what it draws.
    A commit interrupted in ``folder`` is finished first; files that do not
    match their manifest raise :class:`FramesError`, never a mixture of runs.
    """
    columns = columns or {}
    unknown = sorted(set(columns) - set(FRAME_NAMES))
    if unknown:
        raise ValueError(f"no frame named {', '.join(unknown)}; frames: {', '.join(FRAME_NAMES)}")
    folder = Path(folder)
    for attempt in (1, 2):
        if unit.pending(folder) or attempt == 2:
            # A writer is committing, or was killed while doing so: wait for it, or finish its commit.
            with unit.locked(folder, wait=READ_WAIT):
                pass
        data = manifest(folder)
        if not data:
            raise FramesError(f"{folder}: no frames here (no {MANIFEST}); run `python -m analysis extract` first")
        raw, bad = {}, []
        for name in FRAME_NAMES:
            file = f"{name}.parquet"
            try:
                raw[name] = (folder / file).read_bytes()
            except OSError:
                bad.append(file)
                continue
            if unit.sha256_bytes(raw[name]) != data["files"].get(file):
                bad.append(file)
        if not bad:
            # Parsed from the bytes that were hashed: a file replaced in between is never read.
            return Frames(*(pd.read_parquet(io.BytesIO(raw[n]), columns=columns.get(n)) for n in FRAME_NAMES))
    raise FramesError(f"{folder}: {', '.join(bad)} missing or changed since {MANIFEST} was written; "
                      f"extract the frames again")


def read_frame(name: str, folder: Path) -> pd.DataFrame:
    """One frame of ``folder`` (Parquet preferred, CSV as fallback), for tools that need only one."""
    folder = Path(folder)
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        return pd.read_parquet(parquet)
    if csv.exists():
        return pd.read_csv(csv, keep_default_na=False, na_values=[""])
    raise FileNotFoundError(f"{folder}: no {name}.parquet or {name}.csv (run `python -m analysis extract` first)")

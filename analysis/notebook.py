"""What the report notebooks share: their parameters checked, their frames loaded.

Notebooks stay thin: a ``parameters`` cell, a call here, a chart from
:mod:`analysis.plots`, a summary table. Paths in parameters are relative to the
repository root (never to the working directory, which differs between
JupyterLab, papermill and nbval).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd

from .frames import FRAME_NAMES, Frames
from .lexicon import ACTORS
from .paths import ROOT
from .tempo import FREQUENCIES

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


WAIT_SECONDS = 600


def _wait_for_writer(folder: Path) -> None:
    """Wait while a running report extracts the frames (its marker names its process)."""
    marker = folder / ".extracting"
    deadline = time.monotonic() + WAIT_SECONDS
    while marker.exists():
        try:
            os.kill(int(marker.read_text().strip() or 0), 0)
        except (ValueError, OSError):
            return  # the writer is gone: a stale marker
        if time.monotonic() > deadline:
            raise ParameterError(f"{folder}: frames still being written after {WAIT_SECONDS} s ({marker})")
        time.sleep(0.05)


def load(frames_dir: str | Path, corpus: str | Path | None = None) -> Frames:
    """The frames of ``frames_dir``, extracted from ``corpus`` first when they are missing."""
    from .frames import read_frame

    folder = resolve(frames_dir)
    _wait_for_writer(folder)
    if not all((folder / f"{n}.parquet").exists() for n in FRAME_NAMES):
        if corpus is None:
            raise ParameterError(f"no frames in {folder} and no corpus to extract them from")
        source = resolve(corpus)
        if not source.is_dir():
            raise ParameterError(f"corpus folder not found: {source}")
        from .pipeline import build_frames, write_frames

        write_frames(build_frames(source), folder)
    return Frames(*(read_frame(n, folder) for n in FRAME_NAMES))

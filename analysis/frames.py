"""Writing frames: schema-checked, atomic, as Parquet and CSV side by side.

Each file is written under a temporary name in the target folder and moved
into place with ``os.replace``, so a run killed at any moment leaves the
previous outputs whole. CSV dates are ISO; floats use the shortest exact form.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

FRAME_NAMES = ("articles", "figures", "claims", "events", "rejected")


@dataclass
class Frames:
    """Every frame of a corpus, and the warnings met while building them."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    rejected: pd.DataFrame
    warnings: list[str] = field(default_factory=list)



def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_frame(name: str, frame: pd.DataFrame, out_dir: Path, check: bool = True) -> list[Path]:
    """Validate ``frame`` against schema ``name`` and write ``<name>.parquet`` and ``<name>.csv``."""
    if check:
        from .schemas import validate  # pandera loads slowly: only writers need it

        frame = validate(name, frame)
    out_dir = Path(out_dir)
    parquet, csv = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    atomic_write(parquet, lambda p: frame.to_parquet(p, index=False, engine="pyarrow"))
    atomic_write(csv, lambda p: frame.to_csv(p, index=False, date_format="%Y-%m-%d", lineterminator="\n"))
    return [parquet, csv]


def read_frame(name: str, folder: Path) -> pd.DataFrame:
    """Read a frame written by :func:`write_frame` (Parquet preferred, CSV as fallback)."""
    folder = Path(folder)
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        return pd.read_parquet(parquet)
    if csv.exists():
        return pd.read_csv(csv, keep_default_na=False, na_values=[""])
    raise FileNotFoundError(f"{folder}: no {name}.parquet or {name}.csv (run `python -m analysis extract` first)")

"""The previous frames of an output folder, lending their rows of unchanged articles to the next run.

An incremental extraction re-reads every article (its content hash is cheap)
but extracts only those whose hash is not in the previous frames. The rows
of the others are read back from the previous Parquet files, in corpus
order, one row group at a time: frames are written sorted by file name, so a
cursor moving forward through each file finds them without holding the file.
Previous frames lend rows only when they are whole (their hashes match
``frames.json``) and were written for the same corpus by the same package,
lockfile and options (:func:`analysis.outputs.fingerprint.extractor_key`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.outputs import unit
from analysis.tables.frames import MANIFEST


class _Cursor:
    def __init__(self, path: Path):
        self.file = pq.ParquetFile(path)
        self.group = 0
        self.buffer: pd.DataFrame | None = None

    def take(self, files: set[str], upto: str) -> pd.DataFrame:
        """The rows of ``files`` among those up to file name ``upto``; earlier rows are passed over for good."""
        parts = []
        while True:
            if self.buffer is None or self.buffer.empty:
                if self.group >= self.file.num_row_groups:
                    break
                self.buffer = self.file.read_row_group(self.group).to_pandas()
                self.group += 1
                continue
            upto_here = (self.buffer["file"] <= upto).to_numpy()
            parts.append(self.buffer[upto_here])
            if not upto_here.all():
                self.buffer = self.buffer[~upto_here]
                break
            self.buffer = None
        rows = pd.concat(parts, ignore_index=True) if parts else self.file.schema_arrow.empty_table().to_pandas()
        return rows[rows["file"].isin(files)].reset_index(drop=True)

    def close(self) -> None:
        self.file.close()


class PreviousFrames:
    """Rows of the previous frames, taken in corpus order (:meth:`take`); ``hashes``: file -> content hash."""

    def __init__(self, folder: Path, hashes: dict[str, str]):
        self.folder = Path(folder)
        self.hashes = hashes
        self._cursors = {name: _Cursor(self.folder / f"{name}.parquet") for name in ("figures", "claims")}

    @classmethod
    def open(cls, folder: Path, corpus: str, extractor: str) -> "PreviousFrames | None":
        """The previous frames of ``folder`` if they can lend rows to this run, else ``None``."""
        folder = Path(folder)
        data = unit.read_json(folder / MANIFEST)
        if not data or data.get("corpus") != corpus or data.get("extractor") != extractor:
            return None
        names = ["articles.parquet", "figures.parquet", "claims.parquet"]
        if unit.verify({n: data.get("files", {}).get(n, "") for n in names}, folder):
            return None
        articles = pd.read_parquet(folder / "articles.parquet", columns=["file", "sha256"])
        return cls(folder, dict(zip(articles["file"], articles["sha256"])))

    def take(self, name: str, files: set[str], upto: str) -> pd.DataFrame:
        return self._cursors[name].take(files, upto)

    def close(self) -> None:
        for cursor in self._cursors.values():
            cursor.close()

"""A frame written in pieces: each piece schema-checked, appended to the Parquet file as a row group
and to the CSV file, so a corpus of any size is written in the memory of one batch.

The files are the same as :func:`analysis.tables.frames.write_frame` writes
(one ``<name>.parquet`` and one ``<name>.csv``, read with ``pd.read_parquet``
and ``pd.read_csv``); only the Parquet row groups follow the pieces.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.tables.schemas import validate


class FrameWriter:
    """Appends pieces of frame ``name`` to ``<name>.parquet`` and ``<name>.csv`` in ``folder``.

    Every piece must have the columns and dtypes of the first (the frame's
    schema); a column the first piece left empty takes its type from a later one.
    ``csv=False`` writes Parquet only; ``check=False`` leaves the schema check to whoever made the
    pieces (the workers of a parallel run).
    """

    def __init__(self, name: str, folder: Path, csv: bool = True, check: bool = True):
        self.name, self.folder, self.csv, self.check = name, Path(folder), csv, check
        self.folder.mkdir(parents=True, exist_ok=True)
        self.parquet_path = self.folder / f"{name}.parquet"
        self.csv_path = self.folder / f"{name}.csv"
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self.rows = 0

    def write(self, piece: pd.DataFrame, csv_rows: str | None = None) -> None:
        """Append ``piece``; ``csv_rows``, its rows already rendered by :func:`csv_rows` (in a worker),
        saves rendering them here."""
        if self.check:
            piece = validate(self.name, piece)
        table = pa.Table.from_pandas(piece, preserve_index=False)
        if self._writer is None:
            self._schema = _with_types(table.schema, piece)
            self._writer = pq.ParquetWriter(self.parquet_path, self._schema)
        self._writer.write_table(table.cast(self._schema))
        if self.csv:
            with open(self.csv_path, "a", encoding="utf-8", newline="") as fh:
                if fh.tell() == 0:
                    fh.write(csv_rows_of(piece.iloc[:0], header=True))
                fh.write(csv_rows_of(piece) if csv_rows is None else csv_rows)
        self.rows += len(piece)

    def close(self, empty: pd.DataFrame | None = None) -> list[Path]:
        """Finish the files; ``empty``, the frame with no rows, is written when no piece came."""
        if self._writer is None:
            if empty is None:
                raise ValueError(f"{self.name}: no piece written and no empty frame given")
            self.write(empty)
        self._writer.close()
        return [self.parquet_path, self.csv_path] if self.csv else [self.parquet_path]


def csv_rows_of(piece: pd.DataFrame, header: bool = False) -> str:
    """A piece's rows as CSV text (ISO dates), the header line only when asked."""
    return piece.to_csv(index=False, header=header, date_format="%Y-%m-%d", lineterminator="\n")


def _with_types(schema: pa.Schema, piece: pd.DataFrame) -> pa.Schema:
    """The schema of the first piece, a column of all-missing values typed as a string column."""
    fields = [pa.field(f.name, pa.large_string() if pa.types.is_null(f.type) else f.type) for f in schema]
    return pa.schema(fields, metadata=schema.metadata)


def map_column(folder: Path, name: str, column: str, mapping: dict, csv: bool = True) -> None:
    """Rewrite frame ``name`` in ``folder`` with ``column`` mapped through ``mapping`` (other values
    kept), one row group at a time."""
    folder = Path(folder)
    source = folder / f"{name}.parquet"
    moved = source.with_name(f".{name}.unmapped.parquet")
    source.rename(moved)
    (folder / f"{name}.csv").unlink(missing_ok=True)
    writer = FrameWriter(name, folder, csv=csv)
    parquet = pq.ParquetFile(moved)
    for i in range(parquet.num_row_groups):
        piece = parquet.read_row_group(i).to_pandas()
        piece[column] = piece[column].map(lambda v: mapping.get(v, v))
        writer.write(piece)
    writer.close(empty=parquet.schema_arrow.empty_table().to_pandas())
    moved.unlink()

"""The corpus catalog: one row of metadata per article, checked and normalised.

``catalog.csv`` has the columns ``file,url,outlet,language,published``;
``published`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` and an optional
``published_precision`` (day, week, month, year) may say how far to trust it
(``week``: within three days either side). Other columns are kept.

Problems never raise: each is reported as a warning naming the file and the
row, and has a defined outcome (the row's bad field is left unknown, a
duplicate row is dropped, a catalog without a ``file`` column is ignored).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

REQUIRED = ["file", "url", "outlet", "language", "published"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PRECISIONS = ("day", "week", "month", "year")


@dataclass
class Catalog:
    rows: pd.DataFrame  # one row per file, all columns as strings
    warnings: list[str] = field(default_factory=list)


def parse_published(value: str) -> tuple[date, str] | None:
    """``"2021-03"`` → (2021-03-01, "month"); ``None`` when not a valid date."""
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day)), "day"
        if month:
            return date(year, int(month), 1), "month"
        return date(year, 1, 1), "year"
    except ValueError:
        return None


def empty_catalog() -> pd.DataFrame:
    return pd.DataFrame(columns=REQUIRED + ["published_precision"], dtype="str")


def read_catalog(path: Path) -> Catalog:
    """Read and check a catalog file; never raises on malformed content."""
    warnings: list[str] = []
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return Catalog(empty_catalog(), [f"{path}: not UTF-8 text; catalog ignored"])
    except OSError as exc:
        return Catalog(empty_catalog(), [f"{path}: cannot be read ({exc.strerror}); catalog ignored"])
    try:
        table = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "empty file"
        return Catalog(empty_catalog(), [f"{path}: not a readable CSV ({reason}); catalog ignored"])
    table.columns = [c.strip() for c in table.columns]
    if "file" not in table.columns:
        return Catalog(empty_catalog(), [f"{path}: no 'file' column; catalog ignored"])
    for col in REQUIRED:
        if col not in table.columns:
            warnings.append(f"{path}: missing column '{col}'; left unknown for every article")
            table[col] = ""
    if "published_precision" not in table.columns:
        table["published_precision"] = ""
    table = table.apply(lambda col: col.str.strip())

    published = list(table["published"])
    precisions = list(table["published_precision"])
    for i, (name, value, precision) in enumerate(zip(table["file"], published, precisions)):
        line = i + 2  # header is line 1
        if not value:
            continue
        parsed = parse_published(value)
        if parsed is None:
            warnings.append(f"{path}:{line}: {name}: bad date {value!r} "
                            "(want YYYY-MM-DD, YYYY-MM or YYYY); publication date left unknown")
            published[i], precisions[i] = "", ""
            continue
        if precision and precision not in _PRECISIONS:
            warnings.append(f"{path}:{line}: {name}: bad precision {precision!r} "
                            f"(want one of {', '.join(_PRECISIONS)}); taken from the date's form")
            precision = ""
        if not precision or _PRECISIONS.index(precision) < _PRECISIONS.index(parsed[1]):
            precision = parsed[1]
        precisions[i] = precision
    table["published"] = published
    table["published_precision"] = precisions

    blank = table["file"] == ""
    if blank.any():
        warnings.append(f"{path}: {int(blank.sum())} row(s) without a file name; skipped")
        table = table[~blank]
    dup = table["file"].duplicated()
    if dup.any():
        for name in table.loc[dup, "file"]:
            warnings.append(f"{path}: {name} is listed more than once; the first row is kept")
        table = table[~dup]
    return Catalog(table.reset_index(drop=True), warnings)

"""The curated gazetteer: the bases and places of this war, with coordinates.

``resources/geo/gazetteer.tsv`` holds one place a row (its columns and sources are
described in ``resources/geo/GAZETTEER.md``); ``spellings`` lists the French and
English forms an article may use, separated by ``|``. A spelling resolves to
one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.resources.lexicon import Matcher, read_table

# ACLED's geo_precision: 1 the exact place, 2 near it or within its district,
# 3 a region or province; a country, the coarsest we record, is 3 as well and
# keeps ``place_kind`` "country" to tell it apart.
GEO_PRECISION = {"base": 1, "landmark": 1, "city": 1, "province": 3, "country": 3}
SPECIFICITY = {"base": 0, "landmark": 1, "city": 2, "province": 3, "country": 4}


@dataclass(frozen=True)
class Place:
    place_id: str
    place_name: str
    kind: str
    admin1: str
    country: str
    latitude: float | None
    longitude: float | None
    geonames_id: str


def _float(x: str) -> float | None:
    try:
        return float(x)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def places() -> list[Place]:
    """Every gazetteer row as a :class:`Place`."""
    rows = read_table("gazetteer")
    return [
        Place(r["place_id"], r["place_name"], r["kind"], r["admin1"], r["country"], _float(r["latitude"]),
              _float(r["longitude"]), r["geonames_id"])
        for r in rows.to_dict("records")
    ]


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    """One matcher over every spelling; its labels are :class:`Place` objects."""
    rows = read_table("gazetteer")
    patterns, labels = [], []
    for place, spellings in zip(places(), rows["spellings"]):
        for spelling in spellings.split("|"):
            if spelling.strip():
                patterns.append(spelling.strip())
                labels.append(place)
    return Matcher(patterns, labels)


def place_row_matches(row: dict, text: str) -> bool:
    """Whether the gazetteer, all rows together, resolves a place named in ``text`` to this row.

    The whole matcher is used, not the row's spellings alone: a place inside a
    longer one ("Mosul" in "Mosul Dam") must resolve to the longer place.
    """
    return any(place.place_id == row["place_id"] for _, _, place in matcher().finditer(text))

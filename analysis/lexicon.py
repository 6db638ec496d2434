"""Knowledge as data: the versioned tables in ``data/`` and their compiled regexes.

Each table is a tab-separated file with one entry per row and, where it
matters, a ``language`` column, so a researcher extends the package by adding
rows and a new language is mostly new rows. Tables are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .paths import DATA

CATEGORIES = (
    "strikes", "operations", "attacks", "killed", "wounded", "captured", "destroyed",
    "rockets", "missiles", "drones", "indirect_fire", "artillery_rounds", "aircraft",
    "troops", "sites", "percent", "money", "other",
)
ACTORS = ("coalition", "us", "france", "uk", "iraq", "sdf", "isis", "iran", "iran_backed", "unknown")
QUALIFIERS = ("exact", "more_than", "less_than", "at_least", "at_most", "about", "vague")
PRECISIONS = ("day", "week", "month", "year")


@lru_cache(maxsize=None)
def read_table(name: str) -> pd.DataFrame:
    """Read ``data/<name>.tsv`` as strings (empty cells stay empty strings)."""
    return pd.read_csv(DATA / f"{name}.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=3)


def _rows(name: str, language: str) -> pd.DataFrame:
    table = read_table(name)
    return table[table["language"] == language]


def _alternation(patterns) -> str:
    # Longest patterns first so "frappes aériennes" wins over "frappes".
    return "|".join(sorted(patterns, key=len, reverse=True))


@dataclass(frozen=True)
class Entry:
    """One row of a lexicon, compiled."""

    regex: re.Pattern
    value: str
    extra: tuple = ()


def _compile_entries(name: str, language: str, value_col: str, extra_cols=(), flags=re.IGNORECASE):
    out = []
    for row in _rows(name, language).to_dict("records"):
        out.append(Entry(re.compile(row["pattern"], flags), row[value_col], tuple(row[c] for c in extra_cols)))
    return out


@lru_cache(maxsize=None)
def category_nouns(language: str = "fr"):
    """Compiled counted-noun entries: (regex, category, (strength,))."""
    return _compile_entries("categories", language, "category", ("strength",))


@lru_cache(maxsize=None)
def category_noun_regex(language: str = "fr") -> re.Pattern:
    """One regex matching any counted noun at the start of a string."""
    pats = _rows("categories", language)["pattern"]
    return re.compile(r"(?:" + _alternation(pats) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def verbs(language: str = "fr"):
    """Compiled category verbs: (regex, category, (position,))."""
    return _compile_entries("verbs", language, "category", ("position",))


@lru_cache(maxsize=None)
def qualifier_regex(language: str = "fr") -> tuple[re.Pattern, dict]:
    """A regex for a qualifier ending right before a number, and phrase -> qualifier."""
    rows = _rows("qualifiers", language)
    lookup = {p.lower(): q for p, q in zip(rows["pattern"], rows["qualifier"])}
    alternation = _alternation(re.escape(p) for p in rows["pattern"])
    # Anchored at the end: applied to the text just before a number.
    return re.compile(r"(?<![\w'])(" + alternation + r")\s*$", re.IGNORECASE), lookup


@lru_cache(maxsize=None)
def vague_amounts(language: str = "fr") -> tuple[re.Pattern, dict]:
    """A regex for vague amounts followed by "de"/"d'"/"of", and phrase -> (low, high)."""
    rows = _rows("vague_amounts", language)
    lookup = {p.lower(): (int(lo), int(hi)) for p, lo, hi in zip(rows["pattern"], rows["low"], rows["high"])}
    alternation = _alternation(re.escape(p) for p in rows["pattern"])
    linker = r"\s+(?:de\s+|d')" if language == "fr" else r"\s+of\s+"
    return re.compile(r"(?<![\w-])(" + alternation + r")(?=" + linker + r")", re.IGNORECASE), lookup


@lru_cache(maxsize=None)
def actor_regex(language: str = "fr") -> tuple[re.Pattern, list[str]]:
    """One regex with a named group per actor pattern; returns (regex, actor by group index).

    Actor names hardly collide across languages and articles quote in several
    ("Iraqi general says…" in a French page), so every language's rows are used.
    """
    rows = read_table("actors")
    ordered = sorted(zip(rows["pattern"], rows["actor"]), key=lambda r: len(r[0]), reverse=True)
    groups = "|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(ordered))
    return re.compile(r"(?<![\w-])(?:" + groups + r")(?![\w-])"), [a for _, a in ordered]


@lru_cache(maxsize=None)
def place_regex(language: str = "fr") -> tuple[re.Pattern, list[tuple[str, str, str]]]:
    """One regex over the gazetteer's spellings; returns (regex, [(name, kind, country)]).

    Like actors, place names are matched in every language the gazetteer has.
    """
    rows = read_table("places")
    ordered = sorted(
        zip(rows["pattern"], rows["place_name"], rows["kind"], rows["country"]), key=lambda r: len(r[0]), reverse=True
    )
    groups = "|".join(f"(?P<p{i}>{p})" for i, (p, *_) in enumerate(ordered))
    return re.compile(r"(?<![\w-])(?:" + groups + r")(?![\w-])"), [tuple(r[1:]) for r in ordered]


@lru_cache(maxsize=None)
def speech_cue_regex(language: str = "fr") -> re.Pattern:
    """A regex for the attribution cues of reported speech ("a déclaré", "selon")."""
    pats = _rows("speech_cues", language)["pattern"]
    return re.compile(r"(?<![\w-])(?:" + _alternation(pats) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def noun_entry(noun: str, language: str = "fr") -> Entry | None:
    """The category entry whose pattern matches a counted noun as found in a text."""
    for entry in sorted(category_nouns(language), key=lambda e: len(e.regex.pattern), reverse=True):
        if entry.regex.fullmatch(noun):
            return entry
    return None

"""Every rule table under ``analysis/resources/``: its schema, and each row's examples.

The tables are found by listing the folders, so a new table or a new language
folder is covered without touching this file. Each table name has one pandera
schema below (columns, allowed values, patterns that compile, no duplicates)
and a row reader in the package (``lexicon.ROW_READERS``): each row, compiled as
the package compiles it, must fire on its ``example`` and not on its
``counterexample``. A table without a schema or a reader fails.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.pandas import Check, Column, DataFrameSchema

from analysis.paths import RESOURCES
from analysis.resources.gazetteer import GEO_PRECISION
from analysis.resources.lexicon import (
    ACTORS, CATEGORIES, CHANNELS, NEUTRAL_FOLDERS, QUALIFIERS, ROW_READERS, read_tsv, row_matches,
)

FILES = sorted(p for p in RESOURCES.glob("*/*.tsv") if not p.parent.name.startswith(("_", ".")))
EXAMPLE_COLUMNS = ("example", "counterexample")

def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _literal(s: str) -> bool:
    return bool(s) and s == s.strip() and "  " not in s


NON_EMPTY = Check(lambda s: s.str.strip() != "", name="non-empty")
COMPILES = Check(lambda s: s.map(_compiles), name="compiles as a regex")
PATTERN = Column(str, [NON_EMPTY, COMPILES])
LITERAL = Column(str, Check(lambda s: s.map(_literal), name="a plain phrase, no outer or double spaces"))
OPTIONAL_REGEX = Column(str, COMPILES)  # may be empty
NOTE = {"note": Column(str, required=False)}
EXAMPLES = {c: Column(str) for c in EXAMPLE_COLUMNS}


def _schema(name: str, columns: dict, unique=("pattern",), checks=None) -> DataFrameSchema:
    return DataFrameSchema({**columns, **EXAMPLES, **NOTE}, checks=checks or [], unique=list(unique), strict=True,
                           name=name)


def _float_in(lo: float, hi: float):
    def ok(x: str) -> bool:
        if x == "":
            return True
        try:
            return lo <= float(x) <= hi
        except ValueError:
            return False
    return Check(lambda s: s.map(ok), name=f"empty or a number in [{lo}, {hi}]")


def _spellings_ok(s: str) -> bool:
    parts = s.split("|")
    return all(p.strip() == p and p and _compiles(p) for p in parts)


def _no_spelling_in_two_rows(df: pd.DataFrame) -> bool:
    spellings = [p for s in df["spellings"] for p in set(s.split("|"))]
    return len(spellings) == len(set(spellings))


SOURCE_TAGS = {"geonames", "dr5hn", "wikipedia", "wikimapia", "knowledge", "unverified"}
# The study area: Iraq, Syria and the neighbours whose bases the coalition used (Kuwait,
# Jordan, Turkey) and Iran. A latitude and longitude swapped fall outside it.
LATITUDES, LONGITUDES = (28.0, 42.0), (34.0, 60.0)

# The head-noun classes of categories.tsv and the verb actions of verbs.tsv, which
# head_actions.tsv combines into a category (analysis/attribution/category.py).
NOUN_CLASSES = ("troop", "fighter", "person", "target", "equipment", "place", "times")
ACTIONS = ("kill", "wound", "capture", "destroy", "neutralise", "strike", "attack", "deploy", "action")

SCHEMAS = {
    "categories": _schema("categories", {
        "pattern": PATTERN, "category": Column(str, Check.isin(CATEGORIES)),
        "strength": Column(str, Check.isin(("strong", "weak"))),
        "class": Column(str, Check.isin(("",) + NOUN_CLASSES))}),
    "verbs": _schema("verbs", {
        "pattern": PATTERN, "category": Column(str, Check.isin(("",) + CATEGORIES)),  # empty: the action decides
        "action": Column(str, Check.isin(ACTIONS)),
        "position": Column(str, Check.isin(("any", "after", "before")))}),
    "head_actions": _schema("head_actions", {
        "class": Column(str, Check.isin(NOUN_CLASSES)), "action": Column(str, Check.isin(ACTIONS)),
        "category": Column(str, Check.isin(CATEGORIES))}, unique=("class", "action")),
    "qualifiers": _schema("qualifiers", {
        "pattern": LITERAL, "qualifier": Column(str, Check.isin(QUALIFIERS)), "not_after": OPTIONAL_REGEX}),
    "vague_amounts": _schema("vague_amounts", {
        "pattern": LITERAL,
        "low": Column(int, Check.ge(1), coerce=True), "high": Column(int, Check.ge(1), coerce=True),
        "qualifier": Column(str, Check.isin(("",) + QUALIFIERS)),
        "value": Column(str, Check(lambda s: s.str.fullmatch(r"|\d+(?:\.\d+)?"), name="empty or a number"))},
        checks=[Check(lambda df: df["low"] <= df["high"], name="low <= high")]),
    "number_format": _schema("number_format", {
        "mark": Column(str, Check.isin(("space", "dot", "comma"))), "role": Column(str, Check.isin(("group", "decimal")))},
        unique=("mark",), checks=[Check(lambda df: (df["role"] == "decimal").sum() == 1, name="one decimal mark")]),
    "number_words": _schema("number_words", {
        "pattern": LITERAL, "role": Column(str, Check.isin(("first", "inner", "link", "multiplier"))),
        "not_after": OPTIONAL_REGEX, "not_before": OPTIONAL_REGEX}),
    "language_markers": _schema("language_markers", {
        "pattern": Column(str, Check.str_matches(r"^[^\W\d_]+$"), name="one lower-case word")}),
    "actors": _schema("actors", {"pattern": PATTERN, "actor": Column(str, Check.isin(ACTORS))}),
    "clauses": _schema("clauses", {
        "kind": Column(str, Check.isin((
            "gerund", "relative", "coordination", "complement", "source", "place_head", "place_tail", "passive",
            "auxiliary", "agent", "attack_verb", "attack_noun", "attack_claim", "attack_link", "action_noun", "attribution",
            "fighting", "finder", "generic", "one_event", "preposition", "retaliation", "strike_noun", "target",
            "aside", "toll", "cause"))),
        "pattern": PATTERN}, unique=("kind", "pattern")),
    "period_cues": _schema("period_cues", {
        "role": Column(str, Check.isin(("since", "span", "cumulative", "stock", "vague", "anaphora", "toll", "saying",
                                                     "since_event"))),
        "pattern": PATTERN},
        unique=("role", "pattern")),
    "event_cues": _schema("event_cues", {
        "role": Column(str, Check.isin(("weapon", "target", "cumulative", "series", "base_anaphora"))),
        "pattern": PATTERN, "value": Column(str)}, unique=("role", "pattern")),
    "breakdown_cues": _schema("breakdown_cues", {
        "role": Column(str, Check.isin(("part", "part_after", "coordinator"))), "pattern": PATTERN},
        unique=("role", "pattern")),
    "speech_cues": _schema("speech_cues", {
        "before": OPTIONAL_REGEX, "pattern": PATTERN,
        "form": Column(str, Check.isin(("verb", "participle", "source", "source_initial", "read", "none",
                                        "auxiliary", "incise"))),
        "channel": Column(str, Check.isin(("",) + CHANNELS))}, unique=("before", "pattern")),
    "speech_verbs": _schema("speech_verbs", {
        "lemma": Column(str, NON_EMPTY), "past": OPTIONAL_REGEX, "present": OPTIONAL_REGEX,
        "imperfect": OPTIONAL_REGEX, "participle": OPTIONAL_REGEX,
        "channel": Column(str, Check.isin(("",) + CHANNELS))}, unique=("lemma",)),
    "channels": _schema("channels", {"pattern": PATTERN, "channel": Column(str, Check.isin(CHANNELS))}),
    "media": _schema("media", {"pattern": PATTERN}),
    "furniture": _schema("furniture", {
        "scope": Column(str, Check.isin(("line", "tail", "inline", "phrase"))), "pattern": PATTERN,
        "reason": Column(str, NON_EMPTY)}, unique=("scope", "pattern")),
    "gazetteer": DataFrameSchema({
        "place_id": Column(str, Check.str_matches(r"^[a-z][a-z0-9_]*$"), unique=True),
        "place_name": Column(str, NON_EMPTY),
        "kind": Column(str, Check.isin(tuple(GEO_PRECISION))),
        "admin1": Column(str),
        "country": Column(str, NON_EMPTY),
        "latitude": Column(str, _float_in(*LATITUDES)),
        "longitude": Column(str, _float_in(*LONGITUDES)),
        "geonames_id": Column(str, Check.str_matches(r"^\d*$")),
        "spellings": Column(str, Check(lambda s: s.map(_spellings_ok), name="spellings that compile, none empty")),
        "source": Column(str, Check(lambda s: s.map(lambda x: set(x.split(";")) <= SOURCE_TAGS), name="known tags")),
        **EXAMPLES,
    }, checks=[
        Check(lambda df: (df["latitude"] == "") == (df["longitude"] == ""),
              name="latitude and longitude both set or both empty"),
        Check(_no_spelling_in_two_rows, name="no spelling in two rows"),
    ], strict=True, name="gazetteer"),
}


def _rel(path) -> str:
    return str(path.relative_to(RESOURCES))


def _rows(path) -> list[dict]:
    """The file's rows as the package reads them: per-language rows carry their ``language``."""
    table = read_tsv(path)
    if path.parent.name not in NEUTRAL_FOLDERS:
        table.insert(0, "language", path.parent.name)
    return table.to_dict("records")


def _lacks_examples(path) -> list[str]:
    return [c for c in EXAMPLE_COLUMNS if c not in read_tsv(path).columns]


def _pending(path, missing: list[str]):
    message = f"{_rel(path)} has no {' or '.join(missing)} column"
    pytest.fail(f"{message}: every row needs an example its pattern matches and a counterexample it does not")


def test_there_are_tables_to_check():
    assert set(SCHEMAS) <= {p.stem for p in FILES}, "a schema names a table that no folder holds"
    assert any(p.parent.name == "fr" for p in FILES) and any(p.parent.name == "en" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_the_table_has_a_schema_and_a_row_reader(path):
    assert path.stem in SCHEMAS, f"{_rel(path)}: declare a schema for table {path.stem!r} in tests/test_resources.py"
    assert path.stem in ROW_READERS, f"{_rel(path)}: add a row reader for {path.stem!r} to lexicon.ROW_READERS"


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_the_table_follows_its_schema(path):
    schema = SCHEMAS.get(path.stem)
    if schema is None:
        pytest.fail(f"{_rel(path)}: no schema declared for table {path.stem!r}")
    table = read_tsv(path)
    missing = _lacks_examples(path)
    if missing:  # check the rest now; the missing columns are reported below
        schema = schema.remove_columns(missing)
    try:
        schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases[["column", "check", "index", "failure_case"]]
        pytest.fail(f"{_rel(path)} breaks its schema (index 0 is the file's line 2):\n{cases.to_string()}")
    if missing:
        _pending(path, missing)


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_every_row_matches_its_example_and_not_its_counterexample(path):
    missing = _lacks_examples(path)
    if missing:
        _pending(path, missing)
    name = path.stem
    problems = []
    for line, row in enumerate(_rows(path), start=2):
        where = f"{_rel(path)} line {line} ({row.get('pattern', row.get('place_id'))!r})"
        for column, wanted in (("example", True), ("counterexample", False)):
            text = row[column]
            if not text.strip():
                problems.append(f"{where}: no {column}")
            elif row_matches(name, row, text) != wanted:
                problems.append(f"{where}: {'does not match' if wanted else 'matches'} its {column} {text!r}")
    if problems:
        pytest.fail(f"{len(problems)} problem(s) in {_rel(path)}:\n" + "\n".join(problems))

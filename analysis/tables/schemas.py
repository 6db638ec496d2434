"""The schema of every frame, declared once and checked whenever a frame is written.

Columns, dtypes and the value rules a user may rely on: categories and
actors from fixed vocabularies, spans inside their sentence, ``low <= value
<= high`` where set (except that "plus de 150" states 150 with low 151, and
"moins de 120" 120 with high 119), periods that end after they start. In
events, every count has ``low <= best <= high`` where set, without exception
(the convention of ``events.source_estimate``: "plus de 150" is best 151);
a single event (``kind`` ``event``) is one day, a ``period_total`` is dated
by the last day of its period.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.pandas import Check, Column, DataFrameSchema

from analysis.resources.lexicon import ACTORS, CATEGORIES, CHANNELS, PRECISIONS, QUALIFIERS, SPEAKER_KINDS

ARTICLE_COLUMNS = [
    "file", "url", "outlet", "language", "language_source", "published", "published_date", "published_precision",
    "encoding", "n_chars", "sha256", "title",
]

ARTICLES = DataFrameSchema(
    {
        "file": Column(str, unique=True),
        "url": Column(str),
        "outlet": Column(str),
        "language": Column(str),
        # How the language was decided: the catalog, the text's words (analysis.corpus.language), or --language;
        # empty only in a corpus loaded but not yet extracted (load_corpus).
        "language_source": Column(str, Check.isin(("", "catalog", "detected", "default"))),
        "published": Column(str, Check.str_matches(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")),
        "published_date": Column("datetime64[ns]", nullable=True),
        "published_precision": Column(str, Check.isin(("",) + PRECISIONS)),
        "encoding": Column(str),
        "n_chars": Column("int64", Check.ge(0)),
        "sha256": Column(str, Check.str_length(64, 64)),
        "title": Column(str),
    },
    strict=False,  # extra catalog columns are kept
    ordered=False,
    name="articles",
    coerce=True,
)

# Provenance of a figure or a claim: the file and the span of its text, ``original[start:end] == text``.
_SPAN = {
    "file": Column(str),
    "start": Column("int64", Check.ge(0)),
    "end": Column("int64", Check.ge(0)),
    "text": Column(str, Check.str_length(min_value=1)),
}
_SPAN_NOT_EMPTY = Check(lambda df: df["start"] < df["end"], name="span_not_empty")

FIGURES = DataFrameSchema(
    {
        "figure_id": Column(str, unique=True),
        **_SPAN,
        "sentence": Column(str),
        "sentence_start": Column("int64", Check.ge(0)),
        "sentence_end": Column("int64", Check.ge(0)),
        "value": Column("float64", nullable=True),
        "low": Column("float64", nullable=True),
        "high": Column("float64", nullable=True),
        "qualifier": Column(str, Check.isin(QUALIFIERS)),
        # "1,500" in French, "1.500" in English: read the article language's way, flagged for review.
        "ambiguous_separator": Column(bool),
        "category": Column(str, Check.isin(CATEGORIES)),
        "subject": Column(str),
        "actor": Column(str, Check.isin(ACTORS)),
        "actor_evidence": Column(str),
        "place": Column(str),
        "place_name": Column(str),
        "place_kind": Column(str, Check.isin(("", "base", "landmark", "city", "province", "country"))),
        "admin1": Column(str),
        "country": Column(str),
        "latitude": Column("float64", Check.in_range(-90, 90), nullable=True),
        "longitude": Column("float64", Check.in_range(-180, 180), nullable=True),
        "geo_precision": Column("Int64", Check.isin((1, 2, 3)), nullable=True),
        "period_start": Column("datetime64[ns]", nullable=True),
        "period_end": Column("datetime64[ns]", nullable=True),
        "time_precision": Column(str, Check.isin(PRECISIONS), nullable=True),
        "claim_id": Column(str, nullable=True),
        "repeat_of": Column(str, nullable=True),
    },
    checks=[
        _SPAN_NOT_EMPTY,
        Check(lambda df: (df["sentence_start"] <= df["start"]) & (df["end"] <= df["sentence_end"]),
              name="figure_inside_sentence"),
        # The bounds are inclusive bounds on the true amount; ``value`` is the number as
        # stated, which a strict comparative leaves just outside ("plus de 150": low 151).
        Check(lambda df: df["low"].isna() | df["value"].isna() | (df["low"] <= df["value"])
              | ((df["qualifier"] == "more_than") & (df["low"] > df["value"])), name="low_le_value"),
        Check(lambda df: df["high"].isna() | df["value"].isna() | (df["value"] <= df["high"])
              | ((df["qualifier"] == "less_than") & (df["high"] < df["value"])), name="value_le_high"),
        Check(lambda df: df["low"].isna() | df["high"].isna() | (df["low"] <= df["high"]), name="low_le_high"),
        Check(lambda df: df["period_start"].isna() | (df["period_start"] <= df["period_end"]), name="period_ordered"),
        Check(lambda df: df["value"].notna() | df["low"].notna() | df["high"].notna(), name="has_a_number"),
    ],
    strict=True,
    ordered=True,
    name="figures",
    coerce=True,
)

CLAIMS = DataFrameSchema(
    {
        "claim_id": Column(str, unique=True),
        **_SPAN,
        "cue": Column(str, Check.str_length(min_value=1)),
        "speaker": Column(str),
        # A key for the speaker across articles: the canonical name casefolded, without articles,
        # accents or punctuation, its acronym kept (analysis.claims.coreference.speaker_id).
        "speaker_id": Column(str, Check.str_matches(r"^[a-z0-9 ()-]*$")),
        "role": Column(str),
        "speaker_kind": Column(str, Check.isin(SPEAKER_KINDS)),
        "channel": Column(str, Check.isin(CHANNELS)),
        "sentence_start": Column("int64", Check.ge(0)),
        "sentence_end": Column("int64", Check.ge(0)),
    },
    checks=[_SPAN_NOT_EMPTY],
    strict=True,
    ordered=True,
    name="claims",
    coerce=True,
)

_COUNT = {"nullable": True}
_COUNTS = ("weapon", "fatalities", "wounded")


def _ordered(a: str, b: str, name: str) -> Check:
    """``df[a] <= df[b]`` on every row where both are set."""
    return Check(lambda df: df[a].isna() | df[b].isna() | (df[a] <= df[b]), name=name)


EVENTS = DataFrameSchema(
    {
        "event_id": Column(str, unique=True),
        "kind": Column(str, Check.isin(("event", "period_total"))),
        "event_date": Column("datetime64[ns]"),
        "period_start": Column("datetime64[ns]"),
        "period_end": Column("datetime64[ns]"),
        "time_precision": Column(str, Check.isin(PRECISIONS)),
        "event_type": Column(str),
        "sub_event_type": Column(str),
        "weapon": Column(str, Check.isin(CATEGORIES)),
        "actor1": Column(str, Check.isin(ACTORS)),
        "actor2": Column(str, Check.isin(ACTORS)),
        "place_name": Column(str),
        "admin1": Column(str),
        "country": Column(str),
        "latitude": Column("float64", Check.in_range(-90, 90), nullable=True),
        "longitude": Column("float64", Check.in_range(-180, 180), nullable=True),
        "geo_precision": Column("Int64", Check.isin((1, 2, 3)), nullable=True),
        **{f"{what}_{est}": Column("float64", Check.ge(0), **_COUNT)
           for what in _COUNTS for est in ("low", "best", "high")},
        "grade": Column(str, Check.isin(("single_source", "corroborated", "contested"))),
        "n_sources": Column("int64", Check.ge(1)),
        "sources": Column(str, Check.str_length(min_value=1)),
        "files": Column(str, Check.str_length(min_value=1)),
    },
    # Every count agrees with its bounds: low <= best <= high wherever set (events.source_estimate).
    checks=[check for what in _COUNTS for check in (
        _ordered(f"{what}_low", f"{what}_best", f"{what}_low_le_best"),
        _ordered(f"{what}_best", f"{what}_high", f"{what}_best_le_high"),
        _ordered(f"{what}_low", f"{what}_high", f"{what}_low_le_high"),
    )] + [
        # A single event is one day; a period total is dated by the day its tally runs to.
        Check(lambda df: (df["period_start"] <= df["event_date"]) & (df["event_date"] <= df["period_end"]),
              name="date_in_period"),
        Check(lambda df: (df["kind"] != "event") | ((df["period_start"] == df["event_date"])
                                                     & (df["period_end"] == df["event_date"])), name="event_is_one_day"),
        Check(lambda df: (df["kind"] != "period_total") | (df["period_end"] == df["event_date"]),
              name="total_dated_by_its_end"),
    ],
    strict=True,
    ordered=True,
    name="events",
    coerce=True,
)

REJECTED = DataFrameSchema(
    {"file": Column(str), "reason": Column(str, Check.str_length(min_value=1))},
    strict=True,
    name="rejected",
    coerce=True,
)

SCHEMAS = {"articles": ARTICLES, "figures": FIGURES, "claims": CLAIMS, "events": EVENTS, "rejected": REJECTED}


def validate(name: str, frame):
    """Check a frame against its declared schema and return it with the declared dtypes.

    Raises ``pandera.errors.SchemaErrors`` listing every failure.
    """
    return SCHEMAS[name].validate(frame, lazy=True)


SchemaError = pa.errors.SchemaErrors

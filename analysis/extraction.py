"""The figures of an article: every number mention with what, who, where and when.

:func:`extract_figures` is the pure entry point, one article's text and date in,
a list of row dicts out; :func:`figures_frame` maps it over a corpus.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.attribution.actor import attribute_with_evidence
from analysis.attribution.breakdown import apply_breakdowns
from analysis.attribution.repeats import mark_repeats
from analysis.attribution.category import categorise
from analysis.claims.coreference import unify_speaker_ids
from analysis.claims.extract import CLAIM_COLUMNS, claims_rows
from analysis.mentions.prepared import Article, prepare
from analysis.text.normalform import NormalForm, normal_form
from analysis.attribution.period import when
from analysis.attribution.place import locate

FIGURE_COLUMNS = [
    "figure_id", "file", "start", "end", "text", "sentence", "sentence_start", "sentence_end",
    "value", "low", "high", "qualifier", "ambiguous_separator", "category", "subject", "actor", "actor_evidence",
    "place", "place_name", "place_kind", "admin1", "country", "latitude", "longitude", "geo_precision",
    "period_start", "period_end", "time_precision", "claim_id", "repeat_of",
]


def _claim_of(claims: list[dict], start: int, end: int) -> str | None:
    """The claim whose statement holds the span, if any."""
    for c in claims:
        if c["start"] <= start and end <= c["end"]:
            return c["claim_id"]
    return None


def figures_of(art: Article, file: str = "", claims: list[dict] | None = None) -> list[dict]:
    """One row per figure of a prepared article; ``claims`` (rows) give each figure its claim."""
    claims = claims or []
    rows = []
    for m in art.numbers:
        sentence = art.sentence_of(m.number_start)
        cat = categorise(art, m, sentence)
        period = when(art, m, sentence)
        where = locate(art, m, sentence)
        gaz = where.place
        rows.append({
            "figure_id": f"{file}:{m.start}-{m.end}",
            "file": file,
            "start": m.start,
            "end": m.end,
            "text": art.text[m.start:m.end],
            "sentence": art.text[sentence[0]:sentence[1]],
            "sentence_start": sentence[0],
            "sentence_end": sentence[1],
            "value": m.value,
            "low": m.low,
            "high": m.high,
            "qualifier": m.qualifier,
            "ambiguous_separator": m.ambiguous_separator,
            "category": cat.category,
            "subject": art.text[cat.noun_start:cat.noun_end] if cat.noun_start is not None and not cat.subject else cat.subject,
            **dict(zip(("actor", "actor_evidence"), attribute_with_evidence(art, m, cat, sentence))),
            "place": where.text,
            "place_name": gaz.place_name if gaz else where.text,
            "place_kind": gaz.kind if gaz else "",
            "admin1": gaz.admin1 if gaz else "",
            "country": gaz.country if gaz else "",
            "latitude": gaz.latitude if gaz else None,
            "longitude": gaz.longitude if gaz else None,
            "geo_precision": where.geo_precision,
            "period_start": period.start if period else None,
            "period_end": period.end if period else None,
            "time_precision": period.precision if period else None,
            "claim_id": _claim_of(claims, m.start, m.end),
        })
    rows = apply_breakdowns(rows, art.view, art.language, [(t.start, t.end) for t in art.timexes])
    return mark_repeats(rows, art.view)


def extract_article(text: str, published: date | None = None, precision: str | None = None,
                    language: str = "fr", file: str = "") -> tuple[list[dict], list[dict]]:
    """The figures and the claims of one article's original text, as rows.

    Text in decomposed Unicode or with HTML entities is read in its normal form
    (:mod:`analysis.text.normalform`) and every span mapped back to the original.
    """
    norm = normal_form(text)
    art = prepare(norm.text if norm else text, published, precision, language)
    claims = claims_rows(art, file)
    figures = figures_of(art, file, claims)
    if norm:
        figures, claims = _to_original(norm, text, file, figures, claims)
    return figures, claims


def _to_original(norm: NormalForm, text: str, file: str, figures: list[dict],
                 claims: list[dict]) -> tuple[list[dict], list[dict]]:
    """Rows read on the normal form, with offsets, ids, text and sentence in the original ``text``.

    Values (subject, place, speaker...) stay as read on the normal form.
    """
    claim_ids = {}
    for c in claims:
        c["start"], c["end"] = norm.span(c["start"], c["end"])
        c["sentence_start"], c["sentence_end"] = norm.span(c["sentence_start"], c["sentence_end"])
        c["text"] = text[c["start"]:c["end"]]
        new_id = f"{file}#c{c['start']}-{c['end']}"
        claim_ids[c["claim_id"]], c["claim_id"] = new_id, new_id
    for f in figures:
        f["start"], f["end"] = norm.span(f["start"], f["end"])
        f["sentence_start"], f["sentence_end"] = norm.span(f["sentence_start"], f["sentence_end"])
        f["figure_id"] = f"{file}:{f['start']}-{f['end']}"
        f["text"] = text[f["start"]:f["end"]]
        f["sentence"] = text[f["sentence_start"]:f["sentence_end"]]
        f["claim_id"] = claim_ids.get(f["claim_id"])
    return figures, claims


def extract_figures(text: str, published: date | None = None, precision: str | None = None,
                    language: str = "fr", file: str = "") -> list[dict]:
    """Every numeric fact stated in one article's original text, with its provenance."""
    return extract_article(text, published, precision, language, file)[0]


def figures_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows from :func:`extract_figures` as a frame with the declared column order and dtypes."""
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    for col in ("value", "low", "high", "latitude", "longitude"):
        frame[col] = frame[col].astype("float64")
    frame["geo_precision"] = frame["geo_precision"].astype("Int64")
    frame["repeat_of"] = frame["repeat_of"].astype("str")  # typed even when every row is missing
    frame["ambiguous_separator"] = frame["ambiguous_separator"].astype("object").fillna(False).astype("bool")
    for col in ("start", "end", "sentence_start", "sentence_end"):
        frame[col] = frame[col].astype("int64")
    for col in ("period_start", "period_end"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return frame


def claims_frame(rows: list[dict], unify: bool = True) -> pd.DataFrame:
    """Rows from :func:`extract_article` as the claims frame.

    ``unify``: one key per speaker across the rows ("… (osdh)" for an article that gave no
    acronym); a batch of a larger corpus leaves it to the end, when every key is known.
    """
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    frame["speaker_id"] = frame["speaker_id"].fillna("")
    if unify:
        frame["speaker_id"] = unify_speaker_ids(list(frame["speaker_id"]))
    for col in ("start", "end", "sentence_start", "sentence_end"):
        frame[col] = frame[col].astype("int64")
    return frame

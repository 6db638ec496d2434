"""Tempo: counts as rates over the periods they cover, and attacks per period.

Strike tempo: every figure that counts strikes, as a rate over the period it covers.

A figure "plus de 150 frappes ce mois-ci" covers March and states a lower
bound; its rate per day is at least 151/31. The table keeps the wording
honest: ``rate_low`` and ``rate_high`` are the bounds the wording allows (one
may be open), ``rate`` the stated number's rate, ``kind`` says how to draw it
(``point``, ``at_least``, ``at_most``, ``range``) and ``source`` who said it.
A three-year total ("1375 frappes" since September 2014) is its count over
those three years: about 37 a month, never 1375 in one month.

Attacks: single events are counted per period (:func:`attack_counts`); period
totals of the events frame are rates over their periods (:func:`attack_rates`),
drawn beside the counts and never added to them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FREQUENCIES = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}
_DRAW = {"exact": "point", "about": "point", "more_than": "at_least", "at_least": "at_least",
         "less_than": "at_most", "at_most": "at_most", "vague": "range"}


def source_label(figures: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame | None = None,
                 unknown: str | None = None) -> pd.Series:
    """Who stated each figure: the claim's speaker and channel, else the article's outlet, else the
    article's file name (or ``unknown``, for a chart that groups the articles of no stated outlet)."""
    labels = pd.Series(figures["file"].to_numpy() if unknown is None else unknown, index=figures.index, dtype="str")
    if articles is not None and not articles.empty:
        named = articles[articles["outlet"].fillna("") != ""].drop_duplicates("file", keep="last")
        outlet = figures["file"].map(pd.Series(named["outlet"].to_numpy(), index=named["file"].to_numpy()))
        labels = outlet.where(outlet.notna(), labels).astype("str")
    if claims is not None and not claims.empty:
        speaker, channel = claims["speaker"].fillna(""), claims["channel"].fillna("")
        said = (speaker + " (" + channel + ")").where(speaker != "", channel)
        said = pd.Series(said.to_numpy(), index=claims["claim_id"].to_numpy())
        said = said[~said.index.duplicated(keep="last")]
        by_claim = figures["claim_id"].map(said)
        labels = by_claim.where(by_claim.notna(), labels).astype("str")
    return labels


ACTOR_NAMES = {"coalition": "the coalition", "us": "the US", "france": "France", "uk": "the UK", "iraq": "Iraq",
               "sdf": "the SDF", "isis": "ISIS", "iran": "Iran", "iran_backed": "Iran-backed groups",
               "other": "other actors", "unknown": "unknown actors", None: "all actors"}


def actor_name(actor: str | None) -> str:
    """The ``actor`` parameter in words for a title or a message; None (no selection) is "all actors"."""
    return ACTOR_NAMES.get(actor or None, str(actor))


def window_text(start=None, end=None) -> str:
    """A date window in words: "from 2019-01-01 to 2019-12-31", "from 2019-01-01", "all dates"."""
    lo = "" if start is None else f"from {pd.Timestamp(start):%Y-%m-%d}"
    hi = "" if end is None else f"to {pd.Timestamp(end):%Y-%m-%d}"
    return " ".join(p for p in (lo, hi) if p) or "all dates"


def no_strikes_message(actor: str | None, start=None, end=None, corpus: str | None = None) -> str:
    """What an empty strike tempo says, on the chart and in the notebook, instead of empty axes."""
    where = f" in {corpus}" if corpus else ""
    return f"no strike figures for {actor_name(actor)}{where}, {window_text(start, end)}"


def strike_tempo(figures: pd.DataFrame, claims: pd.DataFrame | None = None, articles: pd.DataFrame | None = None,
                 frequency: str = "week", actor: str | None = None, start=None, end=None) -> pd.DataFrame:
    """One row per strike figure with its period and its rate per ``frequency``."""
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {frequency!r}: use one of {', '.join(FREQUENCIES)}")
    strikes = figures[(figures["category"] == "strikes") & figures["period_start"].notna()]
    if "repeat_of" in strikes.columns:  # a fact restated (headline, body) is counted once
        strikes = strikes[strikes["repeat_of"].isna()]
    strikes = strikes.copy()
    if actor:
        strikes = strikes[strikes["actor"] == actor]
    if start is not None:
        strikes = strikes[strikes["period_end"] >= pd.Timestamp(start)]
    if end is not None:
        strikes = strikes[strikes["period_start"] <= pd.Timestamp(end)]
    days = (strikes["period_end"] - strikes["period_start"]).dt.days + 1
    per = days / FREQUENCIES[frequency]
    out = pd.DataFrame({
        "figure_id": strikes["figure_id"],
        "text": strikes["text"],
        "actor": strikes["actor"],
        "period_start": strikes["period_start"],
        "period_end": strikes["period_end"],
        "days": days.astype("int64"),
        "rate": strikes["value"] / per,
        "rate_low": strikes["low"] / per,
        "rate_high": strikes["high"] / per,
        "kind": strikes["qualifier"].map(_DRAW).fillna("point"),
        "source": source_label(strikes, claims, articles) if len(strikes) else pd.Series(dtype="str"),
    })
    if "sentence" in strikes:  # a report that does not print sentences need not read them
        out["sentence"] = strikes["sentence"]
    return out.sort_values(["period_start", "figure_id"], kind="stable").reset_index(drop=True)


HOSTILE = ("iran_backed", "iran", "isis", "other", "unknown")  # actors whose attacks on the coalition are counted


def _attacks_on_coalition(events: pd.DataFrame, kind: str) -> pd.DataFrame:
    hostile = events["actor1"].isin(HOSTILE) & (events["actor2"] == "coalition")
    if "kind" in events:
        hostile &= events["kind"] == kind
    elif kind != "event":
        hostile &= False
    return events[hostile].copy()


def attacks_in_window(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """The single attacks on coalition forces (hostile ``actor1``) dated within [``start``, ``end``].

    The one selection behind the attack counts, the attacks by place, the
    summary table and the map of notebook 03, so that they all show the same
    attacks. Period totals are left out (a total is many attacks over a
    period, not one at a place on a day). With a bound set, an event without
    a date is left out too: nothing says it falls within the window.
    """
    return dated_within(_attacks_on_coalition(events, "event"), start, end)


def dated_within(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """The rows of ``events`` whose ``event_date`` lies in [``start``, ``end``] (either may be None); with a
    bound set, an undated row is left out."""
    if start is not None:
        events = events[pd.to_datetime(events["event_date"]) >= pd.Timestamp(start)]
    if end is not None:
        events = events[pd.to_datetime(events["event_date"]) <= pd.Timestamp(end)]
    return events


def attack_counts(events: pd.DataFrame, frequency: str = "week", start=None, end=None) -> pd.DataFrame:
    """Single attacks on coalition forces (:func:`attacks_in_window`) counted by period and weapon.

    Period totals ("46 attaques depuis le 17 octobre") are not counted here: a
    total is no event of its last day; :func:`attack_rates` spreads it over its period.
    """
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {frequency!r}: use one of {', '.join(FREQUENCIES)}")
    attacks = attacks_in_window(events, start, end)
    period = {"day": "D", "week": "W", "month": "M"}[frequency]
    attacks["period"] = attacks["event_date"].dt.to_period(period).dt.start_time
    table = attacks.groupby(["period", "weapon"]).size().unstack(fill_value=0)
    return table.sort_index()


def _draw(low, best, high) -> str:
    if pd.notna(low) and pd.notna(high):
        return "point" if low == high else "range"
    if pd.notna(low):
        return "at_least"
    if pd.notna(high):
        return "at_most"
    return "point"


def attack_rates(events: pd.DataFrame, frequency: str = "week", start=None, end=None) -> pd.DataFrame:
    """Period totals of attacks on coalition forces as rates per ``frequency`` over the periods they cover.

    "46 attaques entre le 17 octobre et le 9 novembre" is 46 / 24 days, about
    13.4 attacks per week from 17 October to 9 November, never 46 on 9
    November. Columns as :func:`strike_tempo`'s: ``rate`` (from the best
    estimate), ``rate_low``/``rate_high`` (the bounds, one may be open) and
    ``kind`` (``point``, ``at_least``, ``at_most``, ``range``); ``label`` says
    what was counted. Totals without a count of attacks (only casualties) are left out.
    """
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {frequency!r}: use one of {', '.join(FREQUENCIES)}")
    totals = _attacks_on_coalition(events, "period_total")
    totals = totals[totals[["weapon_low", "weapon_best", "weapon_high"]].notna().any(axis=1)]
    if start is not None:
        totals = totals[totals["period_end"] >= pd.Timestamp(start)]
    if end is not None:
        totals = totals[totals["period_start"] <= pd.Timestamp(end)]
    days = (totals["period_end"] - totals["period_start"]).dt.days + 1
    per = days / FREQUENCIES[frequency]
    best = totals["weapon_best"].where(totals["weapon_best"].notna(), totals["weapon_low"])
    out = pd.DataFrame({
        "event_id": totals["event_id"],
        "weapon": totals["weapon"],
        "place_name": totals["place_name"],
        "period_start": totals["period_start"],
        "period_end": totals["period_end"],
        "days": days.astype("int64"),
        "rate": best / per,
        "rate_low": totals["weapon_low"] / per,
        "rate_high": totals["weapon_high"] / per,
        "kind": [_draw(lo, b, hi) for lo, b, hi in zip(totals["weapon_low"], totals["weapon_best"],
                                                       totals["weapon_high"])],
        "label": [f"{b:g} {w}{' in ' + p if p else ''}" if pd.notna(b) else f"{w}{' in ' + p if p else ''}"
                  for b, w, p in zip(best, totals["weapon"], totals["place_name"].fillna(""))],
        "files": totals["files"],
    })
    return out.sort_values(["period_start", "event_id"], kind="stable").reset_index(drop=True)


def rates_by_month(table: pd.DataFrame) -> pd.DataFrame:
    """The spread of the rates covering each calendar month, for charts of thousands of figures.

    ``table`` has the columns of :func:`strike_tempo` or :func:`attack_rates`; each row covers every month its
    period touches, with its stated rate (``rate``, else the bound it states). One row per month from the
    first to the last, indexed by the month's first day: ``figures`` (rows covering it), ``q25``, ``median``
    and ``q75`` of their rates (missing where no row covers the month). Drawing this is bounded by the
    number of months, whatever the number of figures; a figure over a year weighs in each of its months.
    """
    columns = ["figures", "q25", "median", "q75"]
    value = table["rate"].fillna(table["rate_low"]).fillna(table["rate_high"]) if len(table) else table["rate"]
    ok = value.notna() & table["period_start"].notna() & table["period_end"].notna()
    value, start, end = value[ok].to_numpy(float), table.loc[ok, "period_start"], table.loc[ok, "period_end"]
    if not len(value):
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="month"), dtype=float)
    first = (start.dt.year * 12 + start.dt.month - 1).to_numpy()
    last = (end.dt.year * 12 + end.dt.month - 1).to_numpy()
    span = np.maximum(last - first + 1, 1)
    offsets = np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span)
    covered = pd.DataFrame({"month": np.repeat(first, span) + offsets, "rate": np.repeat(value, span)})
    grouped = covered.groupby("month")["rate"]
    out = pd.DataFrame({"figures": grouped.size(), "q25": grouped.quantile(0.25), "median": grouped.median(),
                        "q75": grouped.quantile(0.75)})
    out = out.reindex(np.arange(out.index.min(), out.index.max() + 1))
    out["figures"] = out["figures"].fillna(0).astype("int64")
    out.index = pd.DatetimeIndex(pd.to_datetime({"year": out.index // 12, "month": out.index % 12 + 1, "day": 1}),
                                 name="month")
    return out


COARSER = {"day": ["week", "month", "year"], "week": ["month", "year"], "month": ["year"]}
_PERIOD = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def periods_between(first, last, frequency: str) -> int:
    """How many calendar ``frequency`` periods (day, week, month, year) ``first`` to ``last`` touch."""
    if pd.isna(first) or pd.isna(last):
        return 0
    return len(pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq=_PERIOD[frequency]))


def coarsened(counts: pd.DataFrame, frequency: str, limit: int, start=None, end=None) -> tuple[pd.DataFrame, str]:
    """``counts`` (from :func:`attack_counts`) with at most ``limit`` periods in the time they span, for a chart.

    The span runs from ``start`` (else the first period counted) to ``end``
    (else the last): ten attacks four years apart span 1,500 days, and bars a
    day wide on such an axis are invisible. Returned as they are (with
    ``frequency``) when the span holds at most ``limit`` periods; otherwise summed
    per week, month or year (the finest that fits) and divided by the number of
    ``frequency`` units in each calendar period, so that the values stay attacks
    per ``frequency``: an average over the period, days without a reported
    attack counting as none. The second value names the period used.
    """
    if counts.empty:
        return counts, frequency
    first = counts.index.min() if start is None else min(pd.Timestamp(start), counts.index.min())
    last = counts.index.max() if end is None else max(pd.Timestamp(end), counts.index.max())
    if periods_between(first, last, frequency) <= limit:
        return counts, frequency
    for coarse in COARSER.get(frequency, []):
        if periods_between(first, last, coarse) <= limit or coarse == "year":
            periods = counts.index.to_period(_PERIOD[coarse])
            table = counts.groupby(periods).sum()
            units = ((table.index.end_time.normalize() - table.index.start_time).days + 1) / FREQUENCIES[frequency]
            table = table.div(np.asarray(units, dtype=float), axis=0)
            table.index = pd.DatetimeIndex(table.index.start_time, name=counts.index.name)
            return table, coarse
    return counts, frequency

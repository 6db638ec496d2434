"""Strike tempo: every figure that counts strikes, as a rate over the period it covers.

A figure "plus de 150 frappes ce mois-ci" covers March and states a lower
bound; its rate per day is at least 151/31. The table keeps the wording
honest: ``rate_low`` and ``rate_high`` are the bounds the wording allows (one
may be open), ``rate`` the stated number's rate, ``kind`` says how to draw it
(``point``, ``at_least``, ``at_most``, ``range``) and ``source`` who said it.
"""

from __future__ import annotations

import pandas as pd

FREQUENCIES = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}
_DRAW = {"exact": "point", "about": "point", "more_than": "at_least", "at_least": "at_least",
         "less_than": "at_most", "at_most": "at_most", "vague": "range"}


def source_label(figures: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.Series:
    """Who stated each figure: the claim's speaker and channel, else the outlet or file."""
    by_claim = {}
    if claims is not None and not claims.empty:
        by_claim = {c: f"{s} ({ch})" if s else ch for c, s, ch in zip(claims["claim_id"], claims["speaker"], claims["channel"])}
    outlets = {}
    if articles is not None and not articles.empty:
        outlets = {f: o for f, o in zip(articles["file"], articles["outlet"]) if o}
    labels = []
    for claim_id, file in zip(figures["claim_id"], figures["file"]):
        if isinstance(claim_id, str) and claim_id in by_claim:
            labels.append(by_claim[claim_id])
        else:
            labels.append(outlets.get(file, file))
    return pd.Series(labels, index=figures.index, dtype="str")


def strike_tempo(figures: pd.DataFrame, claims: pd.DataFrame | None = None, articles: pd.DataFrame | None = None,
                 frequency: str = "week", actor: str | None = None, start=None, end=None) -> pd.DataFrame:
    """One row per strike figure with its period and its rate per ``frequency``."""
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {frequency!r}: use one of {', '.join(FREQUENCIES)}")
    strikes = figures[(figures["category"] == "strikes") & figures["period_start"].notna()].copy()
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
        "sentence": strikes["sentence"],
    })
    return out.sort_values(["period_start", "figure_id"], kind="stable").reset_index(drop=True)


def attack_counts(events: pd.DataFrame, frequency: str = "week", start=None, end=None) -> pd.DataFrame:
    """Attacks on coalition forces (hostile ``actor1``) counted by period and weapon."""
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {frequency!r}: use one of {', '.join(FREQUENCIES)}")
    attacks = events[events["actor1"].isin(["iran_backed", "iran", "isis", "unknown"]) &
                     (events["actor2"] == "coalition")].copy()
    if start is not None:
        attacks = attacks[attacks["event_date"] >= pd.Timestamp(start)]
    if end is not None:
        attacks = attacks[attacks["event_date"] <= pd.Timestamp(end)]
    period = {"day": "D", "week": "W", "month": "M"}[frequency]
    attacks["period"] = attacks["event_date"].dt.to_period(period).dt.start_time
    table = attacks.groupby(["period", "weapon"]).size().unstack(fill_value=0)
    return table.sort_index()

"""Events: attacks and strikes as the unit charts count, merged across articles.

An event comes from the figures that count one attack or strike on one day
(time precision ``day``): rockets, missiles, drones, indirect fire, artillery
rounds, strikes — and killed or wounded counted in a sentence that names an
attack. Figures over a longer period ("plus de 150 frappes ce mois-ci") are
aggregates: they stay figures and feed the tempo charts.

Within an article, the event figures of one sentence, or of one day, kind and
place, are one event. Across articles, events of the same kind, place and
attacker whose days overlap are merged, keeping every source; where sources
disagree on a count the event keeps the range and is graded ``contested``, in
Airwars' spirit (``single_source``, ``corroborated``, ``contested``).
ACLED's names are used for event types and geo precision; UCDP's low, best
and high estimates for counts.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from .actor import HOSTILE
from .lexicon import actor_matcher

WEAPONS = {"rockets", "missiles", "drones", "indirect_fire", "artillery_rounds", "strikes"}
CASUALTIES = {"killed", "wounded"}
_ATTACK_WORDS = re.compile(
    r"\b(?:attaques?|attentats?|frappes?|raids?|drones?|roquettes?|missiles?|tirs?|obus|bombardements?|explosions?)\b",
    re.IGNORECASE,
)
_WEAPON_WORDS = [
    (re.compile(r"\bdrones?\b", re.IGNORECASE), "drones"),
    (re.compile(r"\broquettes?\b", re.IGNORECASE), "rockets"),
    (re.compile(r"\bmissiles?\b", re.IGNORECASE), "missiles"),
    (re.compile(r"\b(?:mortiers?|tirs?\s+indirects?)\b", re.IGNORECASE), "indirect_fire"),
    (re.compile(r"\b(?:frappes?|raids?|bombardements?)\b", re.IGNORECASE), "strikes"),
]
# ACLED event types for what the event's weapon was.
EVENT_TYPES = {
    "rockets": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missiles": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "indirect_fire": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "artillery_rounds": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "drones": ("Explosions/Remote violence", "Air/drone strike"),
    "strikes": ("Explosions/Remote violence", "Air/drone strike"),
    "attacks": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
}
PRECISION_CODE = {"day": 1, "week": 2, "month": 3}

EVENT_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "weapon", "actor1", "actor2",
    "place_name", "admin1", "country", "latitude", "longitude", "geo_precision",
    "weapon_low", "weapon_best", "weapon_high", "fatalities_low", "fatalities_best", "fatalities_high",
    "wounded_low", "wounded_best", "wounded_high", "grade", "n_sources", "sources", "files",
]


def _weapon_of_sentence(sentence: str) -> str | None:
    for rx, weapon in _WEAPON_WORDS:
        if rx.search(sentence):
            return weapon
    return None


def event_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures that describe a single attack or strike (not aggregates)."""
    if figures.empty:
        return figures
    one_day = (figures["time_precision"] == "day") & (figures["period_start"] == figures["period_end"])
    weapon = figures["category"].isin(WEAPONS)
    casualty = figures["category"].isin(CASUALTIES) & figures["sentence"].str.contains(_ATTACK_WORDS)
    return figures[one_day & (weapon | casualty)]


def _estimate(rows: pd.DataFrame) -> tuple[float | None, float | None, float | None]:
    """Low, best and high of one count across the figures that state it."""
    if rows.empty:
        return None, None, None
    lows = rows["low"].dropna()
    highs = rows["high"].dropna()
    values = rows["value"].dropna()
    low = lows.min() if len(lows) else (values.min() if len(values) else None)
    high = highs.max() if len(highs) == len(rows) else None
    best = values.median() if len(values) else low
    return low, best, high


def _agree(rows: pd.DataFrame) -> bool:
    """Whether the sources' counts are compatible: one stated value, or overlapping bounds."""
    values = set(rows["value"].dropna())
    if len(values) > 1:
        return False
    lows = rows["low"].fillna(float("-inf"))
    highs = rows["high"].fillna(float("inf"))
    return lows.max() <= highs.min()


def _event_id(date, sub_type, place, actor1) -> str:
    key = f"{date}|{sub_type}|{place}|{actor1}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _groups_in_article(figs: pd.DataFrame) -> list[pd.DataFrame]:
    """Event figures of one article grouped: one sentence, or one day, weapon and place."""
    groups: list[pd.DataFrame] = []
    keyed: dict[tuple, int] = {}
    for _, sentence_rows in figs.groupby("sentence_start", sort=True):
        weapons = sentence_rows[sentence_rows["category"].isin(WEAPONS)]
        if weapons.empty:
            weapon = _weapon_of_sentence(sentence_rows["sentence"].iloc[0]) or "attacks"
        else:
            weapon = weapons["category"].iloc[0]
        first = weapons.iloc[0] if not weapons.empty else sentence_rows.iloc[0]
        key = (first["period_start"], weapon, first["place_name"] or first["place"])
        rows = sentence_rows.assign(_weapon=weapon)
        if key in keyed and key[2]:
            groups[keyed[key]] = pd.concat([groups[keyed[key]], rows])
        else:
            keyed[key] = len(groups)
            groups.append(rows)
    return groups


def _target(group: pd.DataFrame, actor1: str) -> str:
    """actor2: attacks by hostile forces hit the coalition; coalition fire hits the enemy its sentence names."""
    if actor1 in HOSTILE:
        return "coalition"
    for sentence in group["sentence"]:
        for _, _, actor in actor_matcher().finditer(sentence):
            if actor in HOSTILE:
                return actor
    return "unknown"


def _local_event(group: pd.DataFrame) -> dict:
    weapon = group["_weapon"].iloc[0]
    weapons = group[group["category"] == weapon]
    lead = weapons.iloc[0] if not weapons.empty else group.iloc[0]
    actors = [a for a in weapons["actor"] if a != "unknown"] or [a for a in group["actor"] if a != "unknown"]
    actor1 = actors[0] if actors else "unknown"
    return {
        "date": lead["period_start"], "weapon": weapon, "actor1": actor1, "actor2": _target(group, actor1),
        "lead": lead, "figures": group, "file": lead["file"],
    }


def _same_event(a: dict, b: dict) -> bool:
    if a["weapon"] != b["weapon"] or a["date"] != b["date"]:
        return False
    if (a["actor1"] in HOSTILE) != (b["actor1"] in HOSTILE) and "unknown" not in (a["actor1"], b["actor1"]):
        return False
    pa, pb = a["lead"]["place_name"], b["lead"]["place_name"]
    return bool(pa) and pa == pb


def build_events(figures: pd.DataFrame) -> pd.DataFrame:
    """The events frame from the figures frame (see the module docstring)."""
    candidates = event_figures(figures)
    local: list[dict] = []
    for _, figs in candidates.groupby("file", sort=True):
        events = [_local_event(g) for g in _groups_in_article(figs)]
        # Coalition fire whose sentence names no enemy answers the attackers of the same article.
        attackers = [ev["actor1"] for ev in events if ev["actor1"] in HOSTILE]
        for ev in events:
            if ev["actor2"] == "unknown" and ev["actor1"] not in HOSTILE and attackers:
                ev["actor2"] = attackers[0]
        local.extend(events)
    merged: list[list[dict]] = []
    for ev in local:
        home = next((m for m in merged if _same_event(m[0], ev) and ev["file"] not in {x["file"] for x in m}), None)
        if home is None:
            merged.append([ev])
        else:
            home.append(ev)
    rows = [_event_row(group) for group in merged]
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    if frame.empty:
        return frame.astype({"event_date": "datetime64[ns]"})
    return frame.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)


def _event_row(group: list[dict]) -> dict:
    figs = pd.concat([ev["figures"] for ev in group])
    lead = group[0]["lead"]
    weapon = group[0]["weapon"]
    counts = figs[figs["category"] == weapon]
    killed = figs[figs["category"] == "killed"]
    wounded = figs[figs["category"] == "wounded"]
    files = sorted({ev["file"] for ev in group})
    # Sources disagree when the articles' own counts of the same thing are incompatible.
    per_article = [counts[counts["file"] == f] for f in files]
    stated = [c for c in per_article if not c.empty]
    agree = all(_agree(pd.concat([a, b])) for a in stated for b in stated)
    grade = "single_source" if len(files) == 1 else ("corroborated" if agree else "contested")
    event_type, sub_event_type = EVENT_TYPES.get(weapon, EVENT_TYPES["attacks"])
    actor1 = next((ev["actor1"] for ev in group if ev["actor1"] != "unknown"), "unknown")
    sources = list(figs["figure_id"]) + sorted({c for c in figs["claim_id"].dropna()})
    w = _estimate(counts)
    k = _estimate(killed)
    h = _estimate(wounded)
    place_name = lead["place_name"] or lead["place"]
    return {
        "event_id": _event_id(lead["period_start"], sub_event_type, place_name, actor1),
        "event_date": lead["period_start"],
        "time_precision": "day",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "weapon": weapon,
        "actor1": actor1,
        "actor2": next((ev["actor2"] for ev in group if ev["actor2"] != "unknown"), "unknown"),
        "place_name": place_name,
        "admin1": lead.get("admin1", ""),
        "country": lead.get("country", ""),
        "latitude": lead["latitude"],
        "longitude": lead["longitude"],
        "geo_precision": lead["geo_precision"],
        "weapon_low": w[0], "weapon_best": w[1], "weapon_high": w[2],
        "fatalities_low": k[0], "fatalities_best": k[1], "fatalities_high": k[2],
        "wounded_low": h[0], "wounded_best": h[1], "wounded_high": h[2],
        "grade": grade,
        "n_sources": len(files),
        "sources": ";".join(sources),
        "files": ";".join(files),
    }

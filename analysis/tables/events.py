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

from analysis.attribution.actor import HOSTILE
from analysis.resources.lexicon import actor_matcher

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


def _num(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def source_estimate(row: dict) -> tuple[float | None, float | None, float | None]:
    """Low, best and high of one count as one figure states it: the events' convention.

    ``low`` and ``high`` are the figure's inclusive bounds (see numbers.py);
    ``best`` is the most likely count the wording supports, leaning low as
    UCDP's best estimates do, and always inside the bounds:

    ============================  =====  ====  ====
    wording (qualifier)            low   best  high
    ============================  =====  ====  ====
    "20" (exact)                    20    20    20
    "plus de 20" (more_than)        21    21     –
    "au moins 20" (at_least)        20    20     –
    "moins de 120" (less_than)       –     –   119
    "jusqu'à 40" (at_most)           –     –    40
    "environ 20" (about)             –    20     –
    "des dizaines" (vague)          20    20    99
    "entre 15 et 20" (vague)        15    15    20
    ============================  =====  ====  ====

    So ``best`` is the stated number when the wording makes it a likely count,
    else the smallest count the wording allows (the lower bound); a wording
    that only bounds the count from above gives no best, since any number
    below the bound would be invented. The figures frame keeps the number as
    stated ("plus de 20": value 20, low 21); only events use this convention.
    """
    value, low, high = _num(row["value"]), _num(row["low"]), _num(row["high"])
    qualifier = row["qualifier"]
    if qualifier in ("less_than", "at_most"):
        best = None
    elif qualifier in ("more_than", "vague"):
        best = low
    else:  # exact, at_least, about: the stated number
        best = value
    return low, best, high


def _estimate(rows: list[dict]) -> tuple[float | None, float | None, float | None]:
    """Low, best and high of one count across the figures that state it.

    The range spans the sources: ``low`` is the lowest of their lows and
    ``high`` the highest of their highs, each left empty as soon as one
    source leaves that side open ("environ 20", "plus de 20"). ``best`` is
    the median of the exact counts when a source gives one (a precise count
    outweighs a bound or a vague amount: "des dizaines" and "30" give 30),
    else the median of the sources' bests. Each source's best lies within
    its own bounds (:func:`source_estimate`), so ``low <= best <= high``
    holds for the event too.
    """
    if not rows:
        return None, None, None
    estimates = [source_estimate(r) for r in rows]
    lows = [e[0] for e in estimates]
    highs = [e[2] for e in estimates]
    exact = [b for lo, b, hi in estimates if lo is not None and lo == hi]
    bests = sorted(exact or [e[1] for e in estimates if e[1] is not None])
    low = None if None in lows else min(lows)
    high = None if None in highs else max(highs)
    best = None
    if bests:
        mid = len(bests) // 2
        best = bests[mid] if len(bests) % 2 else (bests[mid - 1] + bests[mid]) / 2
    return low, best, high


def _agree(rows: list[dict]) -> bool:
    """Whether the sources' counts are compatible: one stated value, or overlapping bounds."""
    values = {_num(r["value"]) for r in rows} - {None}
    if len(values) > 1:
        return False
    lows = [_num(r["low"]) if _num(r["low"]) is not None else float("-inf") for r in rows]
    highs = [_num(r["high"]) if _num(r["high"]) is not None else float("inf") for r in rows]
    return max(lows) <= min(highs)


def _event_id(date, sub_type, place, actor1, first_source) -> str:
    # The first supporting figure tells apart two events that share day, kind, place and actor.
    key = f"{date}|{sub_type}|{place}|{actor1}|{first_source}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _groups_in_article(figs: list[dict]) -> list[list[dict]]:
    """Event figures of one article grouped: one sentence, or one day, weapon and place."""
    by_sentence: dict[int, list[dict]] = {}
    for f in figs:
        by_sentence.setdefault(f["sentence_start"], []).append(f)
    groups: list[list[dict]] = []
    keyed: dict[tuple, int] = {}
    for _, rows in sorted(by_sentence.items()):
        weapons = [r for r in rows if r["category"] in WEAPONS]
        weapon = weapons[0]["category"] if weapons else (_weapon_of_sentence(rows[0]["sentence"]) or "attacks")
        first = weapons[0] if weapons else rows[0]
        rows = [dict(r, _weapon=weapon) for r in rows]
        key = (first["period_start"], weapon, first["place_name"] or first["place"])
        if key[2] and key in keyed:
            groups[keyed[key]].extend(rows)
        else:
            keyed[key] = len(groups)
            groups.append(rows)
    return groups


def _target(group: list[dict], actor1: str) -> str:
    """actor2: attacks by hostile forces hit the coalition; coalition fire hits the enemy its sentence names."""
    if actor1 in HOSTILE:
        return "coalition"
    for sentence in dict.fromkeys(r["sentence"] for r in group):
        for _, _, actor in actor_matcher().finditer(sentence):
            if actor in HOSTILE:
                return actor
    return "unknown"


def _local_event(group: list[dict]) -> dict:
    weapon = group[0]["_weapon"]
    weapons = [r for r in group if r["category"] == weapon]
    lead = weapons[0] if weapons else group[0]
    actors = [r["actor"] for r in weapons if r["actor"] != "unknown"] or \
        [r["actor"] for r in group if r["actor"] != "unknown"]
    actor1 = actors[0] if actors else "unknown"
    return {"date": lead["period_start"], "weapon": weapon, "actor1": actor1, "actor2": _target(group, actor1),
            "lead": lead, "figures": group, "file": lead["file"]}


def _same_event(a: dict, b: dict) -> bool:
    if a["weapon"] != b["weapon"] or a["date"] != b["date"]:
        return False
    if (a["actor1"] in HOSTILE) != (b["actor1"] in HOSTILE) and "unknown" not in (a["actor1"], b["actor1"]):
        return False
    pa, pb = a["lead"]["place_name"], b["lead"]["place_name"]
    return bool(pa) and pa == pb


def build_events(figures: pd.DataFrame) -> pd.DataFrame:
    """The events frame from the figures frame (see the module docstring)."""
    by_file: dict[str, list[dict]] = {}
    for rec in event_figures(figures).to_dict("records"):
        by_file.setdefault(rec["file"], []).append(rec)
    local: list[dict] = []
    for file in sorted(by_file):
        events = [_local_event(g) for g in _groups_in_article(by_file[file])]
        # Coalition fire whose sentence names no enemy answers the attackers of the same article.
        attackers = [ev["actor1"] for ev in events if ev["actor1"] in HOSTILE]
        for ev in events:
            if ev["actor2"] == "unknown" and ev["actor1"] not in HOSTILE and attackers:
                ev["actor2"] = attackers[0]
        local.extend(events)
    merged: list[list[dict]] = []
    by_key: dict[tuple, list[list[dict]]] = {}  # candidates share weapon, day and place
    for ev in local:
        key = (ev["weapon"], ev["date"], ev["lead"]["place_name"])
        home = next((m for m in by_key.get(key, []) if _same_event(m[0], ev)
                     and ev["file"] not in {x["file"] for x in m}), None)
        if home is None:
            merged.append([ev])
            by_key.setdefault(key, []).append(merged[-1])
        else:
            home.append(ev)
    frame = pd.DataFrame([_event_row(group) for group in merged], columns=EVENT_COLUMNS)
    frame["event_date"] = pd.to_datetime(frame["event_date"]).astype("datetime64[ns]")
    return frame.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)


def _event_row(group: list[dict]) -> dict:
    figs = [f for ev in group for f in ev["figures"]]
    lead = group[0]["lead"]
    weapon = group[0]["weapon"]
    counts = [f for f in figs if f["category"] == weapon]
    files = sorted({ev["file"] for ev in group})
    # Sources disagree when the articles' own counts of the same thing are incompatible.
    stated = [[c for c in counts if c["file"] == f] for f in files]
    stated = [c for c in stated if c]
    agree = all(_agree(a + b) for a in stated for b in stated)
    grade = "single_source" if len(files) == 1 else ("corroborated" if agree else "contested")
    event_type, sub_event_type = EVENT_TYPES.get(weapon, EVENT_TYPES["attacks"])
    actor1 = next((ev["actor1"] for ev in group if ev["actor1"] != "unknown"), "unknown")
    claim_ids = sorted({f["claim_id"] for f in figs if isinstance(f["claim_id"], str) and f["claim_id"]})
    sources = [f["figure_id"] for f in figs] + claim_ids
    w = _estimate(counts)
    k = _estimate([f for f in figs if f["category"] == "killed"])
    h = _estimate([f for f in figs if f["category"] == "wounded"])
    place_name = lead["place_name"] or lead["place"]
    return {
        "event_id": _event_id(lead["period_start"], sub_event_type, place_name, actor1,
                              min(f["figure_id"] for f in figs)),
        "event_date": lead["period_start"],
        "time_precision": "day",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "weapon": weapon,
        "actor1": actor1,
        "actor2": next((ev["actor2"] for ev in group if ev["actor2"] != "unknown"), "unknown"),
        "place_name": place_name,
        "admin1": lead["admin1"],
        "country": lead["country"],
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

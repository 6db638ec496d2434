"""Exports of the frames in formats other tools read.

``acled``: the events frame as an ACLED-style CSV (ACLED's column names and
codes: ``time_precision`` 1 day, 2 week, 3 month; ``geo_precision`` 1–3;
actors by name), so a researcher can append it to ACLED data. ``notes`` says
what was counted with its low/best/high estimate in words (:func:`count_phrase`:
"at least 21 rockets" for "plus de 20") and the grade; ``source``
names the outlets (or files) behind each event. Only single events are
exported: a period total ("46 attaques depuis le 17 octobre") is no ACLED
event, and its rows stay in the events frame (``kind`` ``period_total``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.tables.events import PRECISION_CODE
from analysis.tables.frames import read_frame
from analysis.outputs.unit import atomic_write

ACTOR_NAMES = {
    "coalition": "Global Coalition against Daesh",
    "us": "Military Forces of the United States",
    "france": "Military Forces of France",
    "uk": "Military Forces of the United Kingdom",
    "iraq": "Military Forces of Iraq",
    "sdf": "SDF: Syrian Democratic Forces",
    "isis": "Islamic State",
    "iran": "Military Forces of Iran",
    "iran_backed": "Iran-backed militias",
    "unknown": "Unidentified Armed Group",
}
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]
WEAPON_WORDS = {
    "rockets": "rockets", "missiles": "missiles", "drones": "drones", "indirect_fire": "rounds of indirect fire",
    "artillery_rounds": "artillery rounds", "strikes": "strikes", "attacks": "attacks",
}


def _number(x) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def count_phrase(low, best, high, noun: str) -> str:
    """An event's low/best/high estimate of a count in words, as ACLED notes give it.

    "5 rockets"; "at least 21 rockets" ("plus de 20": low and best 21, no
    high); "at most 119 rockets" ("moins de 120": no best); "about 20
    rockets" (a best without bounds); "20 rockets (between 20 and 99)" ("des
    dizaines"); "an unknown number of rockets" when no figure counts them.
    """
    low, best, high = (None if pd.isna(x) else float(x) for x in (low, best, high))
    if low is None and best is None and high is None:
        return f"an unknown number of {noun}"
    if low is not None and high is not None:
        if low == high:
            return f"{_number(low)} {noun}"
        span = f"between {_number(low)} and {_number(high)}"
        return f"{_number(best)} {noun} ({span})" if best is not None else f"{span} {noun}"
    if low is not None:
        bound = f"at least {_number(low)}"
    elif high is not None:
        bound = f"at most {_number(high)}"
    else:
        return f"about {_number(best)} {noun}"
    if best is None or best == low:
        return f"{bound} {noun}"
    return f"{_number(best)} {noun} ({bound})"


def acled_frame(events: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The single events (``kind`` ``event``) as ACLED-style rows; period totals are left out."""
    outlets = {}
    if articles is not None and not articles.empty:
        outlets = {f: (o or f) for f, o in zip(articles["file"], articles["outlet"])}
    rows = []
    if "kind" in events:  # ACLED rows are single events: period totals are left out
        events = events[events["kind"] == "event"]
    for ev in events.to_dict("records"):
        files = [f for f in str(ev["files"]).split(";") if f]
        noun = WEAPON_WORDS.get(ev["weapon"], ev["weapon"])
        notes = (f"{count_phrase(ev['weapon_low'], ev['weapon_best'], ev['weapon_high'], noun)}; grade {ev['grade']}; "
                 f"{ev['n_sources']} source(s); figures {ev['sources']}")
        rows.append({
            "event_id_cnty": ev["event_id"],
            "event_date": pd.Timestamp(ev["event_date"]).strftime("%Y-%m-%d"),
            "year": pd.Timestamp(ev["event_date"]).year,
            "time_precision": PRECISION_CODE.get(ev["time_precision"], 3),
            "event_type": ev["event_type"],
            "sub_event_type": ev["sub_event_type"],
            "actor1": ACTOR_NAMES.get(ev["actor1"], ev["actor1"]),
            "actor2": ACTOR_NAMES.get(ev["actor2"], ev["actor2"]),
            "country": ev["country"],
            "admin1": ev["admin1"],
            "location": ev["place_name"],
            "latitude": ev["latitude"],
            "longitude": ev["longitude"],
            "geo_precision": ev["geo_precision"],
            "source": "; ".join(sorted({outlets.get(f, f) for f in files})),
            "notes": notes,
            # Empty when no figure counts the dead, or only bounds them from above ("moins de 10 morts"):
            # in ACLED 0 means "nobody was killed".
            "fatalities": None if pd.isna(ev["fatalities_best"]) else int(ev["fatalities_best"]),
        })
    table = pd.DataFrame(rows, columns=ACLED_COLUMNS)
    table["fatalities"] = table["fatalities"].astype("Int64")
    return table


def export_acled(frames_dir: Path, out: Path | None = None) -> Path:
    """Write ``events_acled.csv`` next to the frames (or to ``out``); return its path."""
    frames_dir = Path(frames_dir)
    events = read_frame("events", frames_dir)
    try:
        articles = read_frame("articles", frames_dir)
    except FileNotFoundError:
        articles = None
    table = acled_frame(events, articles)
    target = Path(out) if out else frames_dir / "events_acled.csv"
    atomic_write(target, lambda p: table.to_csv(p, index=False, lineterminator="\n"))
    return target

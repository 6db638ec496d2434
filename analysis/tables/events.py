"""Events: attacks on the coalition and strikes by it, from the roles of the figures.

Which figures. Counts of weapons (rockets, missiles, drones, indirect fire,
artillery rounds), of attacks and of strikes; and killed or wounded counted
in a sentence that names an attack or a strike (words in
``resources/<lang>/event_cues.tsv``, role ``weapon``).

Events or period totals. A figure that counts one attack or strike on one
day is an ``event`` (``kind``). A figure is a ``period_total`` when its
period is longer than a day, when it counts several attacks or strikes
themselves ("46 attaques", "12 frappes": a tally of events, whatever its
period), or when its sentence calls it a running total ("au total", "depuis
le début", role ``cumulative``). Casualties in a sentence that names several
attacks together ("blessés dans ces attaques", role ``series``) are a total
too. A total keeps ``period_start`` and ``period_end``; it is never merged
with single events, and charts spread it over its period as a rate.
Within an article, a total stated for one day inside the period of another
total of the same kind (the breakdown "soit 24 en Irak et 22 en Syrie" after
"46 attaques depuis le 17 octobre") takes that period: articles give the
period of a tally once.

Roles decide the event type. A strike needs a friendly actor (``coalition``,
``us``, ``france``, ``uk``, ``iraq``, ``sdf``) and a weapon (a strike,
drone, missile, rocket, shell: the generic "attaque" of a ground fight is
neither); its ``actor2`` is the enemy its sentences name, else the attacker
of the same article. An attack on the coalition needs a hostile or unknown
actor and a friendly target: a place that is a base in the gazetteer (every
base there hosts coalition troops), or words naming coalition forces as what
was hit or as the victims (role ``target``: "contre les forces américaines",
"une base qui abrite des troupes de la coalition", "trois soldats américains
tués"); its ``actor2`` is ``coalition``. A figure meeting neither ("les
frappes ont tué 1.046 membres de l'EI" read with the EI as actor, an EI
attack on Iraqi police) makes no event.

Merging. Within an article, the figures of one sentence are one event, and
events of the same day and weapon (a generic "attaque" matches any weapon)
whose places agree (the same, one unnamed, or one inside the other: a base in
its province or country) are one. Across articles, events are blocked by day
(totals by period) and merged when type, weapon and place agree (here a place
must be named on both sides, so an event without one is never compared: the
merge stays linear however many placeless events a corpus holds); every source is kept (``n_sources``,
``sources``, ``files``). When the sources' counts disagree the event keeps
the range and is graded ``contested``, in Airwars' spirit (``single_source``,
``corroborated``, ``contested``); totals merge across articles only when
their counts agree. ACLED's names are used for event types and geo
precision; UCDP's low, best and high estimates for counts.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import pandas as pd

from analysis.attribution.actor import FRIENDLY, HOSTILE
from analysis.resources.gazetteer import SPECIFICITY
from analysis.resources.lexicon import actor_matcher, read_table

WEAPONS = {"rockets", "missiles", "drones", "indirect_fire", "artillery_rounds", "strikes"}
CASUALTIES = {"killed", "wounded"}
# Nouns that count events themselves: several of them are a tally, never one event.
EVENT_COUNTS = {"attacks", "strikes"}
KINDS = ("event", "period_total")
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
    "event_id", "kind", "event_date", "period_start", "period_end", "time_precision", "event_type", "sub_event_type",
    "weapon", "actor1", "actor2", "place_name", "admin1", "country", "latitude", "longitude", "geo_precision",
    "weapon_low", "weapon_best", "weapon_high", "fatalities_low", "fatalities_best", "fatalities_high",
    "wounded_low", "wounded_best", "wounded_high", "grade", "n_sources", "sources", "files",
]


@lru_cache(maxsize=None)
def event_cues() -> dict[str, list[tuple[re.Pattern, str]]]:
    """``resources/<lang>/event_cues.tsv`` compiled by role, every language together, in row order."""
    cues: dict[str, list[tuple[re.Pattern, str]]] = {}
    for row in read_table("event_cues").to_dict("records"):
        cues.setdefault(row["role"], []).append((_cue_rx(row["pattern"]), row["value"]))
    return cues


def _cue_rx(pattern: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.IGNORECASE)


def event_cue_row_matches(row: dict, text: str) -> bool:
    """Whether one row of ``event_cues`` fires on ``text`` (for tests/test_resources.py)."""
    return _cue_rx(row["pattern"]).search(text) is not None


def _has(role: str, sentence: str) -> bool:
    return any(rx.search(sentence) for rx, _ in event_cues().get(role, []))


def weapon_of_sentence(sentence: str) -> str | None:
    """The weapon of the attack or strike a sentence names (the first ``weapon`` row found), or None."""
    for rx, weapon in event_cues().get("weapon", []):
        if rx.search(sentence):
            return weapon
    return None


def _count(row: dict) -> float | None:
    """The smallest count a figure allows, else its stated number."""
    for key in ("low", "value"):
        x = row.get(key)
        if x is not None and not pd.isna(x):
            return float(x)
    return None


def is_period_total(row: dict) -> bool:
    """Whether a figure counts over a period rather than one attack or strike on one day.

    Its period is longer than a day (or not known to the day); it counts
    several attacks or strikes themselves ("46 attaques"); or its sentence calls
    it a running total (``cumulative`` cues: "au total", "depuis le début").
    """
    if row["time_precision"] != "day" or row["period_start"] != row["period_end"]:
        return True
    if row["category"] in EVENT_COUNTS and (_count(row) or 0) > 1:
        return True
    return _has("cumulative", row["sentence"])


def event_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures that count attacks or strikes, or their dead and wounded (events and period totals)."""
    if figures.empty:
        return figures
    dated = figures["period_start"].notna() & figures["period_end"].notna()
    weapon = figures["category"].isin(WEAPONS | EVENT_COUNTS)
    casualty = figures["category"].isin(CASUALTIES)
    if casualty.any():
        casualty = casualty & figures["sentence"].map(lambda s: weapon_of_sentence(s) is not None)
    return figures[dated & (weapon | casualty)]


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
    if not rows:
        return True
    values = {_num(r["value"]) for r in rows} - {None}
    if len(values) > 1:
        return False
    lows = [_num(r["low"]) if _num(r["low"]) is not None else float("-inf") for r in rows]
    highs = [_num(r["high"]) if _num(r["high"]) is not None else float("inf") for r in rows]
    return max(lows) <= min(highs)


def _event_id(kind, start, end, sub_type, place, actor1, first_source) -> str:
    # The first supporting figure tells apart two events that share day, kind, place and actor.
    key = f"{start}|{sub_type}|{place}|{actor1}|{first_source}"
    if kind != "event":
        key = f"{kind}|{end}|{key}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _specificity(fig: dict) -> int:
    """How precise a figure's place is: a base first, an unnamed place last."""
    if not fig["place_name"]:
        return 6
    return SPECIFICITY.get(fig["place_kind"], 5)


def _inside(small: dict, big: dict) -> bool:
    """Whether place ``small`` lies in ``big``: its country, its province or the city its province is named after."""
    name = big["place_name"]
    if big["place_kind"] == "country":
        return small["country"] == name
    if big["place_kind"] == "province":
        return bool(big["admin1"]) and small["admin1"] == big["admin1"]
    if big["place_kind"] == "city":  # Baghdad, Erbil, Kirkuk: a city named like its province
        return small["place_kind"] in ("base", "landmark") and small["admin1"] == name
    return False


def places_agree(a: dict, b: dict, allow_unnamed: bool) -> bool:
    """Whether two figures' places can be one place: the same, one inside the other, or (if allowed) one unnamed."""
    if not a["place_name"] or not b["place_name"]:
        return allow_unnamed
    return a["place_name"] == b["place_name"] or _inside(a, b) or _inside(b, a)


def _weapons_agree(a: str, b: str) -> bool:
    """A generic "attaque" can be any weapon's attack."""
    return a == b or "attacks" in (a, b)


def _local(figs: list[dict], kind: str, lead: dict) -> dict:
    if lead["category"] in WEAPONS | EVENT_COUNTS:
        weapon = lead["category"]
    else:
        weapon = weapon_of_sentence(lead["sentence"]) or "attacks"
    return {"kind": kind, "weapon": weapon, "figures": list(figs), "lead": lead, "file": lead["file"],
            "start": lead["period_start"], "end": lead["period_end"], "place": min(figs, key=_specificity)}


def _sentence_groups(figs: list[dict]) -> list[dict]:
    """Event figures of one article, one group per sentence (and per kind and day within it)."""
    by_sentence: dict[int, list[dict]] = {}
    for f in figs:
        by_sentence.setdefault(f["sentence_start"], []).append(f)
    out: list[dict] = []
    for _, rows in sorted(by_sentence.items()):
        groups: list[dict] = []
        for r in rows:
            if r["category"] in CASUALTIES:
                continue
            kind = "period_total" if is_period_total(r) else "event"
            # Two counts of the same thing in one sentence are two events or totals unless their places agree
            # ("24 attaques en Irak et 22 en Syrie").
            home = next((g for g in groups if g["kind"] == kind and g["start"] == r["period_start"]
                         and all(f["category"] != r["category"] or places_agree(f, r, allow_unnamed=False)
                                 for f in g["figures"])), None)
            if home is None:
                groups.append(_local([r], kind, r))
            else:
                home["figures"].append(r)
        casualties = [r for r in rows if r["category"] in CASUALTIES]
        if casualties and groups:  # the dead and wounded of the first attack or tally the sentence counts
            groups[0]["figures"].extend(casualties)
            groups[0]["place"] = min(groups[0]["figures"], key=_specificity)
        elif casualties:
            lead = casualties[0]
            several = is_period_total(lead) or _has("series", lead["sentence"])
            groups.append(_local(casualties, "period_total" if several else "event", lead))
        out.extend(groups)
    return out


def _absorb(home: dict, ev: dict) -> None:
    home["figures"].extend(ev["figures"])
    if home["weapon"] == "attacks":
        home["weapon"] = ev["weapon"]
    home["start"], home["end"] = min(home["start"], ev["start"]), max(home["end"], ev["end"])
    home["place"] = min(home["figures"], key=_specificity)


def _stated(ev: dict) -> list[dict]:
    return [f for f in ev["figures"] if f["category"] == ev["weapon"]]


def _actor1(ev: dict) -> str:
    """Who fired: the first named actor of the counted weapon, else of any figure of the event."""
    named = [f for f in ev["figures"] if f["category"] == ev["weapon"]] + ev["figures"]
    return next((f["actor"] for f in named if f["actor"] != "unknown"), "unknown")


def _sides_agree(a: dict, b: dict) -> bool:
    """Friendly fire and hostile fire are never one event; an unknown actor may be either.

    A generic "attaque" matches any weapon only on the hostile side: a friendly
    ground fight is not the air strike of the same day.
    """
    sa, sb = (_actor1(a) in FRIENDLY, _actor1(b) in FRIENDLY)
    known = [s for s, ev in ((sa, a), (sb, b)) if _actor1(ev) != "unknown"]
    if len(set(known)) > 1:
        return False
    if a["weapon"] == b["weapon"]:
        return True
    return "attacks" in (a["weapon"], b["weapon"]) and not any(known)


def _same_in_article(a: dict, b: dict) -> bool:
    if a["kind"] != b["kind"] or not _sides_agree(a, b):
        return False
    if not places_agree(a["place"], b["place"], allow_unnamed=True):
        return False
    if a["kind"] == "event":
        return a["start"] == b["start"]
    if a["start"] > b["end"] or b["start"] > a["end"]:
        return False
    # One source stating a tally twice: for each count both state, the same number or bounds that agree.
    for what in (a["weapon"], b["weapon"], "killed", "wounded"):
        ca = [f for f in a["figures"] if f["category"] == what]
        cb = [f for f in b["figures"] if f["category"] == what]
        if ca and cb and not ({_num(r["value"]) for r in ca} & {_num(r["value"]) for r in cb} - {None}
                              or _agree(ca + cb)):
            return False
    return True


def _inherit_periods(totals: list[dict]) -> None:
    """A one-day total inside another total's longer period of the same kind takes that period."""
    for t in totals:
        if t["start"] != t["end"]:
            continue
        around = [o for o in totals if o is not t and o["start"] < o["end"] and o["start"] <= t["start"] <= o["end"]
                  and _weapons_agree(o["weapon"], t["weapon"])]
        if around:
            best = max(around, key=lambda o: (o["end"] - o["start"], o["end"]))
            t["start"], t["end"] = best["start"], best["end"]


def _merge(items: list[dict], same) -> list[dict]:
    merged: list[dict] = []
    for ev in items:
        home = next((m for m in merged if same(m, ev)), None)
        if home is None:
            merged.append(ev)
        else:
            _absorb(home, ev)
    return merged


def article_events(figs: list[dict]) -> list[dict]:
    """One article's events and totals, merged within the article (before roles are read)."""
    groups = _sentence_groups(figs)
    totals = [g for g in groups if g["kind"] == "period_total"]
    _inherit_periods(totals)
    return _merge([g for g in groups if g["kind"] == "event"], _same_in_article) + _merge(totals, _same_in_article)


def _hostile_named(sentences) -> str | None:
    for sentence in sentences:
        for _, _, actor in actor_matcher().finditer(sentence):
            if actor in HOSTILE:
                return actor
    return None


def read_roles(ev: dict, base: dict | None = None) -> bool:
    """Set ``actor1``, ``actor2`` and ``side`` from the roles; False when the figures make no attack or strike.

    A strike: a friendly actor firing a weapon. An attack on the coalition: a
    hostile or unknown actor and a friendly target (a gazetteer base, or the
    ``target`` cues in the event's sentences, or "la base" when the article
    names one gazetteer base: ``base`` is a figure placed there).
    """
    actor1 = _actor1(ev)
    sentences = list(dict.fromkeys(f["sentence"] for f in ev["figures"]))
    if actor1 in FRIENDLY:
        if ev["weapon"] == "attacks":  # a ground fight ("ont repoussé les attaques, tuant 51 militants")
            return False
        ev.update(actor1=actor1, actor2=_hostile_named(sentences) or "unknown", side="strike")
        return True
    at_base = any(f["place_kind"] == "base" for f in ev["figures"])
    if not at_base and base is not None and any(_has("base_anaphora", s) for s in sentences):
        # "deux roquettes sont tombées à proximité de la base": the base the article names.
        at_base = True
        if not ev["place"]["place_name"]:
            ev["place"] = base
    if at_base or any(_has("target", s) for s in sentences):
        ev.update(actor1=actor1, actor2="coalition", side="attack")
        return True
    return False


def _same_across(a: dict, b: dict) -> bool:
    if a["side"] != b["side"] or not _weapons_agree(a["weapon"], b["weapon"]):
        return False
    if a["side"] == "attack" and (a["actor1"] in HOSTILE) and (b["actor1"] in HOSTILE) and a["actor1"] != b["actor1"]:
        return False
    if not places_agree(a["place"], b["place"], allow_unnamed=False):
        return False
    if a["kind"] == "period_total":
        return _agree(_stated(a) + _stated(b))
    return True


class _Slim:
    """A record read like the dict it was made from, holding only what the cross-article merge needs.

    A corpus' events wait for the merge until its last article is read: as slotted records they take
    about a third of the memory of the dicts they come from.
    """

    __slots__ = ()

    def __init__(self, **values):
        for k, v in values.items():
            object.__setattr__(self, k, v)

    def __getitem__(self, key):
        return getattr(self, key)

    def __eq__(self, other):
        return type(self) is type(other) and all(self[k] == other[k] for k in self.__slots__)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{k}={self[k]!r}' for k in self.__slots__)})"

    def __reduce__(self):  # shared again when a worker's records are unpickled
        return _rebuild, (type(self), tuple(self[k] for k in self.__slots__))

    @classmethod
    def of(cls, record) -> "_Slim":
        return cls(**{k: _shared(k, record[k]) for k in cls.__slots__})


def _rebuild(cls, values: tuple) -> _Slim:
    return cls(**{k: _shared(k, v) for k, v in zip(cls.__slots__, values)})


_UNIQUE = {"figure_id", "claim_id"}
_SHARED: dict = {}


def _shared(key: str, value):
    """One object per distinct name, place or date: frames hand out a fresh copy per row."""
    if key in _UNIQUE or not isinstance(value, (str, float, pd.Timestamp)) or value != value:  # NaN != NaN
        return value
    if len(_SHARED) > 1_000_000:  # bounded: a corpus of unique strings gains nothing here
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


class _Place(_Slim):
    __slots__ = ("place", "place_name", "place_kind", "admin1", "country", "latitude", "longitude", "geo_precision")


class _Figure(_Slim):
    __slots__ = ("figure_id", "claim_id", "file", "category", "actor", "value", "low", "high", "qualifier",
                 "time_precision")


class _Event(_Slim):
    __slots__ = ("kind", "weapon", "side", "actor1", "actor2", "file", "start", "end", "place", "figures")

    @classmethod
    def of(cls, ev: dict) -> "_Event":
        return cls(**{k: _shared(k, ev[k]) for k in cls.__slots__ if k not in ("place", "figures")},
                   place=_Place.of(ev["place"]), figures=tuple(_Figure.of(f) for f in ev["figures"]))


def local_events(figures: pd.DataFrame) -> list:
    """Each article's events and totals, merged within the article and with their roles read.

    Per article, so a batch of articles can be done on its own (in a worker); the events come back
    as compact records in file order, ready for :func:`merge_events`.
    """
    by_file: dict[str, list[dict]] = {}
    for rec in event_figures(figures).to_dict("records"):
        by_file.setdefault(rec["file"], []).append(rec)
    local: list = []
    for file in sorted(by_file):
        bases = {f["place_name"]: f for f in by_file[file] if f["place_kind"] == "base"}
        base = next(iter(bases.values())) if len(bases) == 1 else None
        events = [ev for ev in article_events(by_file[file]) if read_roles(ev, base)]
        # Coalition fire whose sentences name no enemy answers the attackers of the same article.
        attackers = [ev["actor1"] for ev in events if ev["actor1"] in HOSTILE]
        for ev in events:
            if ev["side"] == "strike" and ev["actor2"] == "unknown" and attackers:
                ev["actor2"] = attackers[0]
        local.extend(_Event.of(ev) for ev in events)
    return local


class _Group(list):
    """Events merged into one, with the set of their files (an article is never merged with itself)."""

    __slots__ = ("files",)

    def __init__(self, first):
        super().__init__([first])
        self.files = {first["file"]}


class Merger:
    """The cross-article merge, fed with articles' :func:`local_events` in file order as they come
    (a corpus read in batches merges while it reads); :meth:`frame` gives the events frame."""

    def __init__(self):
        self.merged: list[list] = []
        self.blocks: dict[tuple, list[list]] = {}  # candidates share kind and day (totals: period)

    def add(self, local) -> None:
        for ev in local:
            if not ev["place"]["place_name"]:
                # Across articles a place must be named on both sides (_same_across): an event without one
                # stands alone, and is kept out of the blocks so the search stays linear in the corpus.
                self.merged.append([ev])
                continue
            key = (ev["kind"], ev["start"], ev["end"])
            home = next((m for m in self.blocks.get(key, []) if ev["file"] not in m.files
                         and _same_across(m[0], ev)), None)
            if home is None:
                self.merged.append(_Group(ev))
                self.blocks.setdefault(key, []).append(self.merged[-1])
            else:
                home.append(ev)
                home.files.add(ev["file"])

    def rows(self) -> list[dict]:
        """The events frame's rows, in its order (kind, event date, event id)."""
        rows = [_event_row(group) for group in self.merged]
        return sorted(rows, key=lambda r: (r["kind"], r["event_date"], r["event_id"]))

    def frame(self) -> pd.DataFrame:
        return events_frame(self.rows())


def merge_events(local) -> pd.DataFrame:
    """The events frame from every article's :func:`local_events`, in file order: merged across articles."""
    merger = Merger()
    merger.add(local)
    return merger.frame()


ROWS_PER_CHUNK = 20_000


def events_frame(rows: list[dict]) -> pd.DataFrame:
    """Event rows as the events frame, typed. Rows become columns a chunk at a time: a corpus' rows
    as dicts would take several times the frame."""
    chunks = [_events_chunk(rows[i:i + ROWS_PER_CHUNK]) for i in range(0, len(rows), ROWS_PER_CHUNK)]
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0] if chunks else _events_chunk([])


def _events_chunk(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for col in ("event_date", "period_start", "period_end"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    for col in [f"{what}_{end}" for what in ("weapon", "fatalities", "wounded") for end in ("low", "best", "high")]:
        frame[col] = frame[col].astype("float64")  # typed even when no event has that count
    return frame


def build_events(figures: pd.DataFrame) -> pd.DataFrame:
    """The events frame from the figures frame (see the module docstring)."""
    return merge_events(local_events(figures))


def _event_row(group: list[dict]) -> dict:
    figs = [f for ev in group for f in ev["figures"]]
    first = group[0]
    weapon = next((ev["weapon"] for ev in group if ev["weapon"] != "attacks"), "attacks")
    place = min((ev["place"] for ev in group), key=_specificity)
    counts = [f for f in figs if f["category"] == weapon]
    files = sorted({ev["file"] for ev in group})
    # Sources disagree when the articles' own counts of the same thing are incompatible. Pairs of
    # sources agreeing is the same as all of them agreeing (one value; bounds that pairwise overlap
    # share a point), so one pass over the counts does, however many sources.
    agree = _agree(counts)
    grade = "single_source" if len(files) == 1 else ("corroborated" if agree else "contested")
    event_type, sub_event_type = EVENT_TYPES.get(weapon, EVENT_TYPES["attacks"])
    actor1 = next((ev["actor1"] for ev in group if ev["actor1"] != "unknown"), "unknown")
    claim_ids = sorted({f["claim_id"] for f in figs if isinstance(f["claim_id"], str) and f["claim_id"]})
    sources = [f["figure_id"] for f in figs] + claim_ids
    w = _estimate(counts)
    k = _estimate([f for f in figs if f["category"] == "killed"])
    h = _estimate([f for f in figs if f["category"] == "wounded"])
    place_name = place["place_name"] or place["place"]
    kind = first["kind"]
    start, end = min(ev["start"] for ev in group), max(ev["end"] for ev in group)
    if kind == "event":
        precision = "day"
    else:
        precision = next((f["time_precision"] for f in figs if f["time_precision"] != "day"), "day")
    return {
        "event_id": _event_id(kind, start, end, sub_event_type, place_name, actor1, min(f["figure_id"] for f in figs)),
        "kind": kind,
        # A total is dated by the day its tally runs to.
        "event_date": start if kind == "event" else end,
        "period_start": start,
        "period_end": end,
        "time_precision": precision,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "weapon": weapon,
        "actor1": actor1,
        "actor2": next((ev["actor2"] for ev in group if ev["actor2"] != "unknown"), "unknown"),
        "place_name": place_name,
        "admin1": place["admin1"],
        "country": place["country"],
        "latitude": place["latitude"],
        "longitude": place["longitude"],
        "geo_precision": place["geo_precision"],
        "weapon_low": w[0], "weapon_best": w[1], "weapon_high": w[2],
        "fatalities_low": k[0], "fatalities_best": k[1], "fatalities_high": k[2],
        "wounded_low": h[0], "wounded_best": h[1], "wounded_high": h[2],
        "grade": grade,
        "n_sources": len(files),
        "sources": ";".join(sources),
        "files": ";".join(files),
    }

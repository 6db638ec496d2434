"""Breakdowns: counts that are parts of another count, or items of one list.

A toll is often given whole and then split: "au moins 224 civils, dont 38
enfants et 28 femmes", "cinq personnes ont été blessées, dont trois membres de
la coalition et deux soldats irakiens", "46 attaques … 24 attaques en Irak et
22 en Syrie", "seven locations, three in Iraq and four in Syria". A part says
little by itself (38 *enfants* counts nobody killed, "22 en Syrie" counts
nothing), so it takes from its total what it does not state:

* **part** (a cue of ``resources/<lang>/breakdown_cues.tsv`` right before the
  number, role ``part``; the total is the count before it in the sentence), or
  **sum** (a list of counts whose values add up to a count stated earlier in
  the sentence or the two before): the part inherits the total's period and
  actor, its category when its own is weak, its place when it names none;
* **split** (a toll followed, in the next sentences, by counts of the same
  people adding up to it: "34 service members suffered concussions … Eight
  service members … nine other service members …"): each part takes the
  toll's category, actor and place, and keeps the period of its own sentence;
* **item** (the next count of one list, joined by a ``coordinator`` cue:
  "1.046 membres de l'EI, 72 du Front al-Nosra et 52 civils"): the item takes
  the first item's category when its own is weak. Items of one list may have
  different actors (the dead of two sides), so the actor is not inherited.

A category is *weak* when the count has no noun of its own ("22 en Syrie"),
or a noun that names who was counted but not what happened to them (``other``;
``troops`` under a total of killed, wounded or captured). Everything here is
pure: row dicts in, row dicts out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.resources.lexicon import read_table

PEOPLE_OUTCOMES = {"killed", "wounded", "captured"}
MAX_ITEM_GAP = 80  # characters between two items of one list ("…, en grande majorité des non-Syriens, 72 …")
SUM_SENTENCES_BACK = 2
_CLAUSE_END = re.compile(r"[,;.!?:]")
_NUMBER_AHEAD = (r"\s+(?=\d|(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|cent|"
                 r"one|two|three|four|five|seven|eight|nine|ten|eleven|twelve|twenty|hundred)\b)")


@lru_cache(maxsize=None)
def cue_patterns(language: str, role: str) -> str:
    """The ``role`` cues of one language as one alternation ('' when the language has none)."""
    table = read_table("breakdown_cues")
    rows = table[(table["language"] == language) & (table["role"] == role)]
    return "|".join(f"(?:{p})" for p in sorted(rows["pattern"], key=len, reverse=True))


def row_regex(pattern: str) -> re.Pattern:
    """A cue row as it must read in running text: the cue right before a number."""
    return re.compile(r"\b(?:" + pattern + r")" + _NUMBER_AHEAD, re.IGNORECASE)


def cue_row_matches(row: dict, text: str) -> bool:
    """One row as the package reads it: a ``part``/``coordinator`` cue right before a number,
    a ``part_after`` cue anywhere after a word boundary (for tests/test_resources.py)."""
    if row["role"] == "part_after":
        return re.search(r"\b(?:" + row["pattern"] + r")", text, re.IGNORECASE) is not None
    return row_regex(row["pattern"]).search(text) is not None


@lru_cache(maxsize=None)
def _gap_end(language: str, role: str) -> re.Pattern | None:
    alternation = cue_patterns(language, role)
    if not alternation:
        return None
    # Word cues need a word boundary before them; the comma of a list does not.
    boundary = r"\b" if role == "part" else ""
    return re.compile(boundary + r"(?:" + alternation + r")\s*$", re.IGNORECASE)


def _weak(row: dict, total: dict | None = None) -> bool:
    if not row.get("subject") or row["category"] == "other":
        return True
    return total is not None and row["category"] == "troops" and total["category"] in PEOPLE_OUTCOMES


def _fits(part: dict, total: dict) -> bool:
    """Whether a count can be a part of a total: it says no more than who was counted, the same
    thing, or another fate of people ("1 prisonnier" among the dead); "two facilities" struck are
    no part of "three rockets"."""
    return (_weak(part, total) or part["category"] == total["category"]
            or {part["category"], total["category"]} <= PEOPLE_OUTCOMES)


def _head_word(row: dict) -> str:
    words = (row.get("subject") or "").lower().split()
    return words[-1].rstrip("s") if words else ""


def _split(rows: list[dict], j: int, done: set[int]) -> list[int]:
    """The counts right after row ``j``'s sentence, of the same head noun, that add up to it (two or more)."""
    total, head = rows[j], _head_word(rows[j])
    parts, acc = [], 0.0
    for k in range(j + 1, len(rows)):
        row = rows[k]
        if row["sentence_start"] == total["sentence_start"]:
            continue
        if (k in done or row["value"] is None or not head or _head_word(row) != head or row.get("repeat_of")
                or not _fits(row, total)):
            break
        parts.append(k)
        acc += row["value"]
        if acc >= total["value"]:
            break
    return parts if len(parts) >= 2 and abs(acc - total["value"]) < 1e-9 else []


def _own_clause_dated(rows: list[dict], k: int, text: str, timexes) -> bool:
    """Whether a time expression sits in row ``k``'s own clause ("dont 200 arrivés le 3 février")."""
    stop = _CLAUSE_END.search(text, rows[k]["end"])
    end = stop.start() if stop else len(text)
    if k + 1 < len(rows):
        end = min(end, rows[k + 1]["start"])
    return any(rows[k]["end"] <= lo and hi <= end for lo, hi in timexes)


def _inherit(part: dict, total: dict, *, actor: bool, period: bool) -> None:
    if _weak(part, total) and total["category"] != "other":
        part["category"] = total["category"]
    if actor:
        part["actor"], part["actor_evidence"] = total["actor"], f"part of {total['text']!r}"
    if period:
        for key in ("period_start", "period_end", "time_precision"):
            part[key] = total[key]
    if not part.get("place") and total.get("place"):
        for key in ("place", "place_name", "place_kind", "admin1", "country", "latitude", "longitude",
                    "geo_precision"):
            part[key] = total[key]


def _lists(rows: list[dict], text: str, language: str) -> list[list[int]]:
    """Runs of consecutive counts of one sentence joined by a coordinator, as row indices."""
    joined = _gap_end(language, "coordinator")
    runs: list[list[int]] = []
    for i, row in enumerate(rows):
        prev = rows[i - 1] if i else None
        if (prev is not None and joined is not None and prev["sentence_start"] == row["sentence_start"]
                and 0 <= row["start"] - prev["end"] <= MAX_ITEM_GAP
                and not re.search(r"[.;:!?]", text[prev["end"]:row["start"]])
                and joined.search(text[prev["end"]:row["start"]])):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _window(rows: list[dict], i: int) -> set:
    """The sentence of row ``i`` and the ``SUM_SENTENCES_BACK`` sentences before it (that hold counts)."""
    starts = sorted({r["sentence_start"] for r in rows})
    at = starts.index(rows[i]["sentence_start"])
    return set(starts[max(0, at - SUM_SENTENCES_BACK):at + 1])


def apply_breakdowns(rows: list[dict], text: str, language: str = "fr", timexes=()) -> list[dict]:
    """The figure rows of one article with parts and list items completed from their total.

    ``rows`` must be sorted by ``start``; ``text`` is the text their offsets
    refer to; ``timexes`` the ``(start, end)`` spans of its time expressions: a
    part dated in its own clause keeps its period. Returns new dicts; the input
    is left as it was.
    """
    rows = [dict(r) for r in rows]
    part_cue = _gap_end(language, "part")
    lists = _lists(rows, text, language)
    list_of = {i: run for run in lists for i in run}
    done: set[int] = set()

    # Parts introduced by a cue; the items listed after the first part are parts too.
    for i, row in enumerate(rows):
        if i in done or part_cue is None:
            continue
        prior = [j for j in range(i) if rows[j]["sentence_start"] == row["sentence_start"] and j not in list_of[i]]
        if not prior or not part_cue.search(text[rows[prior[-1]]["end"]:row["start"]]):
            continue
        total = rows[prior[-1]]
        for k in [k for k in list_of[i] if k >= i]:
            _inherit(rows[k], total, actor=True, period=not _own_clause_dated(rows, k, text, timexes))
            done.add(k)

    # Lists followed by "figurent parmi les victimes": parts of the last toll stated before.
    after_cue = cue_patterns(language, "part_after")
    if after_cue:
        after_rx = re.compile(r"[^.;:!?]{0,40}?\b(?:" + after_cue + r")", re.IGNORECASE)
        for run in lists:
            last = rows[run[-1]]
            if any(k in done for k in run) or not after_rx.match(text, last["end"]):
                continue
            tolls = [j for j in range(run[0]) if rows[j]["category"] in PEOPLE_OUTCOMES
                     and rows[j]["sentence_start"] in _window(rows, run[0])]
            if tolls:
                for k in run:
                    _inherit(rows[k], rows[tolls[-1]], actor=True,
                             period=not _own_clause_dated(rows, k, text, timexes))
                    done.add(k)

    # Lists whose values add up to a count stated just before.
    for run in lists:
        if len(run) < 2 or any(k in done for k in run):
            continue
        values = [rows[k]["value"] for k in run]
        if any(v is None for v in values):
            continue
        window = _window(rows, run[0])
        totals = [j for j in range(run[0]) if rows[j]["sentence_start"] in window
                  and rows[j]["value"] is not None and abs(rows[j]["value"] - sum(values)) < 1e-9
                  and all(_fits(rows[k], rows[j]) for k in run)]
        if totals:
            total = rows[totals[-1]]
            for k in run:
                _inherit(rows[k], total, actor=rows[k]["actor"] == "unknown",
                         period=not _own_clause_dated(rows, k, text, timexes))
                done.add(k)

    # A toll split over the next sentences ("34 service members suffered concussions … Eight
    # service members … nine other service members … Sixteen …"): counts of the same people
    # that add up to it: the same people, hurt by the same hand. Each part keeps the period of
    # its own sentence (a status on that day).
    for j, total in enumerate(rows):
        if total["category"] not in PEOPLE_OUTCOMES or total["value"] is None or j in done:
            continue
        parts = _split(rows, j, done)
        for k in parts:
            _inherit(rows[k], total, actor=True, period=False)
            done.add(k)

    # Items of one list: the category of the first strong item.
    for run in lists:
        head = None
        for k in run:
            if head is not None and k not in done and _weak(rows[k], rows[head]) and rows[head]["category"] != "other":
                rows[k]["category"] = rows[head]["category"]
            elif not _weak(rows[k]):
                head = k
    return rows

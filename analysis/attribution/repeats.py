"""Repeats: the same fact stated again in one article (title, caption, lead, body).

News pages state their main figure several times: in the title, a photo
caption, the lead and the body ("56 soldats américains blessés" three times).
A chart that summed every mention would count the fact two or three times, so
each later statement of a fact points to the one kept (``repeat_of``), and
charts and scores read the kept one only; every mention stays in the frame
with its provenance.

Two mentions state one fact when they count the same value of the same
category (a count of what happened, not a stock) with the same qualifier,
compatible actors (equal, or one ``unknown``) and compatible periods
(overlapping, or one of them in the headline, whose figures are dated by the
page rather than by the text). The mention kept is
the first outside the headline (the body's wording is the fuller one), or
the first one when every mention is in it (a subhead, a short line with
no closing stop, is passed over like the headline); a first line longer than a
headline is the lead, and counts as body.

Two more kinds of repeat, and two marks of distinct facts:

* a range or vague amount with the same bounds and a compatible counted noun
  ("an estimated 3,000 to 5,000 fighters" … "the current estimate is 3,000 to
  5,000"; "dozens of trucks" twice), whatever its category;
* a count that points back restates an earlier count of the same value: "all 59
  have returned to duty" whatever it counts, "the 2,500 troops" or "ces 12
  roquettes" with the same noun;
* things destroyed or struck with different nouns ("three supply routes",
  "three front-end loaders") are different things;
* counts in sentences that open on different places ("Near Mosul, three
  strikes…", "Near Rawah, three strikes…": a strike release) are different facts.

Pure: rows in, rows out.
"""

from __future__ import annotations

import re


def _periods_overlap(a: dict, b: dict) -> bool:
    if a.get("period_start") is None or b.get("period_start") is None:
        return True
    return a["period_start"] <= b["period_end"] and b["period_start"] <= a["period_end"]


# Counts of what happened. Stocks (troops, aircraft), shares and sums are restated for many
# reasons ("six Rafale" in two raids), so two of them are never taken for one fact.
EVENT_CATEGORIES = {"strikes", "operations", "attacks", "killed", "wounded", "captured", "destroyed", "rockets",
                    "missiles", "drones", "indirect_fire", "artillery_rounds", "sites"}
HEADLINE_MAX = 200  # a first line longer than this is the lead paragraph, not a headline


# Targets and equipment: a different noun is a different thing ("supply routes", "front-end loaders").
_NOUN_DISTINCT = {"destroyed", "sites"}
# A sentence opening on a place ("Near Rawah, three strikes…", "In Syria, coalition forces…").
_LOCATIVE_OPENING = re.compile(r"[\W_]*(?:near|in|around|outside|west\s+of|east\s+of|north\s+of|south\s+of|"
                               r"près\s+de|à|en|dans\s+la\s+région\s+de)\s+([^,.;:\n]{2,40}),", re.IGNORECASE)
# A determiner that points back to a count already given ("all 59", "the 2,500", "ces 12", "les 12").
_ALL = re.compile(r"(?:^|\W)(?:all(?:\s+the)?|tous\s+les|toutes\s+les|tous\s+ces|toutes\s+ces)\s+$", re.IGNORECASE)
_DEFINITE = re.compile(r"(?:^|\W)(?:the|those|these|ces|les)\s+$", re.IGNORECASE)


def _head_word(subject) -> str:
    words = re.findall(r"[\w-]+", str(subject or "").lower())
    return words[-1].rstrip("s") if words else ""


def _opening_place(row: dict) -> str:
    found = _LOCATIVE_OPENING.match(row.get("sentence") or "")
    return found.group(1).strip().lower() if found else ""


def _same_range(a: dict, b: dict) -> bool:
    """The same vague amount or range, counting compatible nouns (or one with none)."""
    if a["qualifier"] != "vague" or b["qualifier"] != "vague" or a.get("low") is None:
        return False
    if (a["low"], a["high"]) != (b.get("low"), b.get("high")):
        return False
    ha, hb = _head_word(a.get("subject")), _head_word(b.get("subject"))
    return not ha or not hb or ha == hb


def _points_back(a: dict, b: dict, text: str) -> bool:
    """``b`` restates ``a`` with a determiner pointing back ("all 59 have returned to duty")."""
    if a["value"] is None or (a["value"], a["qualifier"]) != (b["value"], b["qualifier"]):
        return False
    before = text[max(0, b["start"] - 15):b["start"]]
    if _ALL.search(before):
        return True
    # "the 2,500 troops": the same noun again; "the two were killed" may name two people never counted.
    ha, hb = _head_word(a.get("subject")), _head_word(b.get("subject"))
    return bool(_DEFINITE.search(before)) and a["category"] == b["category"] and bool(ha) and ha == hb


def _in_heading(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a heading line: short, on a line of its own, with no closing stop
    (a subhead restating the body: "Des dizaines de milliers de civils utilisés comme boucliers")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].strip()
    return 0 < len(line) <= HEADLINE_MAX and line[-1] not in ".!?:\"”»)"


def _same_fact(a: dict, b: dict, first_line_end: int) -> bool:
    if a["value"] is None:
        return False
    if a["category"] not in EVENT_CATEGORIES:
        # Other counts (people surrendered, rescued, fled) restate one fact only with the same noun:
        # "three Yezidi women … were rescued" and "Three Yazidi women … were rescued".
        ha, hb = _head_word(a.get("subject")), _head_word(b.get("subject"))
        if a["category"] != "other" or not ha or ha != hb or a["value"] < 2:
            return False
    if (a["value"], a["qualifier"], a["category"]) != (b["value"], b["qualifier"], b["category"]):
        return False
    if a["actor"] != b["actor"] and "unknown" not in (a["actor"], b["actor"]):
        return False
    in_head = a["start"] < first_line_end or b["start"] < first_line_end
    if a["category"] in _NOUN_DISTINCT and not in_head:
        ha, hb = _head_word(a.get("subject")), _head_word(b.get("subject"))
        if ha and hb and ha != hb:
            return False
    pa, pb = _opening_place(a), _opening_place(b)
    if pa and pb and pa != pb:
        return False
    return in_head or _periods_overlap(a, b)


def mark_repeats(rows: list[dict], text: str) -> list[dict]:
    """The figure rows of one article, each with ``repeat_of``: the id of the mention kept for its fact.

    ``rows`` are sorted by ``start``; ``text`` is the article text their offsets refer to.
    """
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    first_line_end = len(text) if newline < 0 else newline
    if first_line_end - stripped > HEADLINE_MAX:
        first_line_end = 0
    rows = [dict(r, repeat_of=None) for r in rows]
    facts: list[list[int]] = []
    for i, row in enumerate(rows):
        for fact in facts:
            first = rows[fact[0]]
            if (_same_fact(first, row, first_line_end) or _same_range(first, row)
                    or _points_back(first, row, text)):
                fact.append(i)
                break
        else:
            facts.append([i])
    for fact in facts:
        if len(fact) < 2:
            continue
        body = [i for i in fact if rows[i]["start"] >= first_line_end and not _in_heading(text, rows[i]["start"])]
        body = body or [i for i in fact if rows[i]["start"] >= first_line_end]
        kept = body[0] if body else fact[0]
        for i in fact:
            if i != kept:
                rows[i]["repeat_of"] = rows[kept]["figure_id"]
    return rows

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
the first one when every mention is in it; a first line longer than a
headline is the lead, and counts as body. Pure: rows in, rows out.
"""

from __future__ import annotations


def _periods_overlap(a: dict, b: dict) -> bool:
    if a.get("period_start") is None or b.get("period_start") is None:
        return True
    return a["period_start"] <= b["period_end"] and b["period_start"] <= a["period_end"]


# Counts of what happened. Stocks (troops, aircraft), shares and sums are restated for many
# reasons ("six Rafale" in two raids), so two of them are never taken for one fact.
EVENT_CATEGORIES = {"strikes", "operations", "attacks", "killed", "wounded", "captured", "destroyed", "rockets",
                    "missiles", "drones", "indirect_fire", "artillery_rounds", "sites"}
HEADLINE_MAX = 200  # a first line longer than this is the lead paragraph, not a headline


def _same_fact(a: dict, b: dict, first_line_end: int) -> bool:
    if a["value"] is None or a["category"] not in EVENT_CATEGORIES:
        return False
    if (a["value"], a["qualifier"], a["category"]) != (b["value"], b["qualifier"], b["category"]):
        return False
    if a["actor"] != b["actor"] and "unknown" not in (a["actor"], b["actor"]):
        return False
    in_head = a["start"] < first_line_end or b["start"] < first_line_end
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
            if _same_fact(rows[fact[0]], row, first_line_end):
                fact.append(i)
                break
        else:
            facts.append([i])
    for fact in facts:
        if len(fact) < 2:
            continue
        body = [i for i in fact if rows[i]["start"] >= first_line_end]
        kept = body[0] if body else fact[0]
        for i in fact:
            if i != kept:
                rows[i]["repeat_of"] = rows[kept]["figure_id"]
    return rows

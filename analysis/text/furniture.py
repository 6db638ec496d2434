"""Spans of page furniture: the parts of a scraped page that are not the article.

Cookie notices, share prompts, reading-time lines, image file names, photo
captions, comment forms and the "related articles" block must never become
data. The patterns live in ``resources/shared/furniture.tsv`` with three scopes:

``line``
    a whole line that matches is furniture;
``tail``
    a line that is only a block heading ("À découvrir également", "LEAVE A
    REPLY"): it and everything after it is furniture;
``inline``
    a phrase that truncates the article mid-line ("Voir l'article en entier"):
    the phrase and everything after it is furniture;
``phrase``
    a phrase that alone is furniture, wherever it is: an agency's dateline mark
    ("Feb. 15 (UPI) -- One contractor…", the date and place kept). A pattern with a
    group blanks only what its first group holds, and only after a dateline city in
    capitals at the start of its line ("ERBIL (Kurdistan 24) – …": the mark is furniture,
    the city is kept).

A line repeated verbatim (a headline printed twice) is furniture from its
second occurrence on, so its content is counted once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from analysis.resources.lexicon import read_table
from analysis.text.view import lower_pattern, lowered

# A tail heading only counts past this share of the text: a page whose body
# mentions "commentaires" near the top must not lose its whole article.
_TAIL_MIN_POSITION = 0.3
# Lines this long are paragraphs: only the "anywhere in the line" patterns can make them furniture.
_SHORT_LINE = 250


@dataclass(frozen=True)
class FurnitureSpan:
    start: int
    end: int
    reason: str


@lru_cache(maxsize=1)
def _patterns():
    table = read_table("furniture")
    compiled = {"line": [], "tail": [], "inline": [], "phrase": []}
    for row in table.itertuples(index=False):
        compiled[row.scope].append((_compile(row.scope, row.pattern), row.reason))
    compiled["long"] = [(rx, r) for rx, r in compiled["line"] if isinstance(rx, _Search)]
    return compiled


def _compile(scope: str, pattern: str):
    """One row's pattern: for ``line`` and ``tail`` its ``fullmatch`` is tried on a line,
    for ``inline`` its ``search`` on the lowered view."""
    if scope == "line" and pattern.startswith(".*"):
        # "anywhere in the line" (or "at its end"): a search, far cheaper than a
        # backtracking full match on a long paragraph.
        core = pattern[2:-2] if pattern.endswith(".*") else pattern[2:] + r"\s*$"
        return _Search(re.compile(core, re.IGNORECASE))
    if scope == "line":
        return re.compile(r"\s*(?:" + pattern + r")\s*", re.IGNORECASE)
    if scope == "tail":
        return re.compile(r"\s*(?:" + pattern + r")\s*[:.]?\s*", re.IGNORECASE)
    return re.compile(lower_pattern(r"(?:" + pattern + r")"))  # searched in the lowered view


def furniture_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``furniture`` makes furniture of ``text``: of one of its lines (``line``,
    ``tail``), or of a phrase in it (``inline``)."""
    rx = _compile(row["scope"], row["pattern"])
    if row["scope"] in ("inline", "phrase"):
        return bool(rx.search(lowered(text)))
    return any(rx.fullmatch(line) for _, _, line in _lines(text))


class _Search:
    """A compiled pattern whose ``fullmatch`` means "found anywhere in the string"."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx

    def fullmatch(self, line: str):
        return self.rx.search(line)


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def furniture_spans(view: str) -> list[FurnitureSpan]:
    """Return the furniture spans of a normalised article view, in text order."""
    patterns = _patterns()
    spans: list[FurnitureSpan] = []
    seen_lines: set[str] = set()
    n = len(view)
    low = lowered(view)
    inline = [(m.start(), reason) for rx, reason in patterns["inline"] for m in [rx.search(low)] if m]
    inline_at, inline_reason = min(inline) if inline else (n + 1, "")
    spans += [FurnitureSpan(m.start(rx.groups and 1), m.end(rx.groups and 1), reason)
              for rx, reason in patterns["phrase"] for m in rx.finditer(low)
              if m.end(rx.groups and 1) > m.start(rx.groups and 1) and (not rx.groups or _after_city(view, m.start(1)))]
    for start, end, line in _lines(view):
        stripped = line.strip()
        if not stripped:
            continue
        if start >= _TAIL_MIN_POSITION * n or start > 0 and end == n:
            for rx, reason in patterns["tail"]:
                if rx.fullmatch(line):
                    spans.append(FurnitureSpan(start, n, reason))
                    return _merge(spans)
        # Most line patterns describe short lines; a long paragraph only meets the searches.
        candidates = patterns["line"] if len(line) < _SHORT_LINE else patterns["long"]
        reason = next((r for rx, r in candidates if rx.fullmatch(line)), None)
        if reason is None and stripped in seen_lines and len(stripped) > 20:
            reason = "repeated line"
        seen_lines.add(stripped)
        if reason is not None:
            spans.append(FurnitureSpan(start, end, reason))
            continue
        if start <= inline_at <= end:
            spans.append(FurnitureSpan(inline_at, n, inline_reason))
            return _merge(spans)
    return _merge(spans)


# A dateline's city in capitals, perhaps with its country: "QAYARA AIR BASE, Iraq", "SULAIMANIYA/MOSUL".
_DATELINE_CITY = re.compile(r"\s*[A-Z][A-Z .'/-]*(?:,\s*[A-Z][\w .'-]*)?\s*")


def _after_city(view: str, pos: int) -> bool:
    """Whether a group's context before ``pos`` on its line is a dateline city (the case is read on the view)."""
    return _DATELINE_CITY.fullmatch(view, view.rfind("\n", 0, pos) + 1, pos) is not None


def _merge(spans: list[FurnitureSpan]) -> list[FurnitureSpan]:
    spans.sort(key=lambda s: s.start)
    merged: list[FurnitureSpan] = []
    for s in spans:
        if merged and s.start <= merged[-1].end:
            last = merged[-1]
            if s.end > last.end:
                merged[-1] = FurnitureSpan(last.start, s.end, last.reason)
        else:
            merged.append(s)
    return merged

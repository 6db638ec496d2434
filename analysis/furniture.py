"""Spans of page furniture: the parts of a scraped page that are not the article.

Cookie notices, share prompts, reading-time lines, image file names, photo
captions, comment forms and the "related articles" block must never become
data. The patterns live in ``data/furniture.tsv`` with three scopes:

``line``
    a whole line that matches is furniture;
``tail``
    a line that is only a block heading ("À découvrir également", "LEAVE A
    REPLY"): it and everything after it is furniture;
``inline``
    a phrase that truncates the article mid-line ("Voir l'article en entier"):
    the phrase and everything after it is furniture.

A line repeated verbatim (a headline printed twice) is furniture from its
second occurrence on, so its content is counted once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from .lexicon import read_table

# A tail heading only counts past this share of the text: a page whose body
# mentions "commentaires" near the top must not lose its whole article.
_TAIL_MIN_POSITION = 0.3


@dataclass(frozen=True)
class FurnitureSpan:
    start: int
    end: int
    reason: str


@lru_cache(maxsize=1)
def _patterns():
    table = read_table("furniture")
    compiled = {"line": [], "tail": [], "inline": []}
    for row in table.itertuples(index=False):
        if row.scope == "line":
            rx = re.compile(r"\s*(?:" + row.pattern + r")\s*", re.IGNORECASE)
        elif row.scope == "tail":
            rx = re.compile(r"\s*(?:" + row.pattern + r")\s*[:.]?\s*", re.IGNORECASE)
        else:
            rx = re.compile(r"(?:" + row.pattern + r")", re.IGNORECASE)
        compiled[row.scope].append((rx, row.reason))
    return compiled


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
    for start, end, line in _lines(view):
        stripped = line.strip()
        if not stripped:
            continue
        if start >= _TAIL_MIN_POSITION * n or start > 0 and end == n:
            for rx, reason in patterns["tail"]:
                if rx.fullmatch(line):
                    spans.append(FurnitureSpan(start, n, reason))
                    return _merge(spans)
        reason = next((r for rx, r in patterns["line"] if rx.fullmatch(line)), None)
        if reason is None and stripped in seen_lines and len(stripped) > 20:
            reason = "repeated line"
        seen_lines.add(stripped)
        if reason is not None:
            spans.append(FurnitureSpan(start, end, reason))
            continue
        for rx, reason in patterns["inline"]:
            m = rx.search(line)
            if m:
                spans.append(FurnitureSpan(start + m.start(), n, reason))
                return _merge(spans)
    return _merge(spans)


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

"""Where a figure happened: the place named in its sentence, as written.

Gazetteer names (``data/places.tsv``) are preferred, the most specific first
(a base over a city, a city over a province, a province over a country),
the nearest to the number among equals; a capitalised name after a locative
preposition ("à Kirkouk", "près de Qaim") is kept when the gazetteer knows none.
"""

from __future__ import annotations

import re

from .context import Article
from .numbers import NumberMention

_SPECIFICITY = {"base": 0, "landmark": 1, "city": 2, "province": 3, "country": 4}
_LOCATIVE = re.compile(
    r"(?<![\w-])(?:à|au|en|près\s+d[eu']\s*|dans\s+la\s+ville\s+d[e']\s*|dans\s+la\s+province\s+d[e']\s*|"
    r"au\s+nord\s+d[e']\s*|au\s+sud\s+d[e']\s*|à\s+l'est\s+d[e']\s*|à\s+l'ouest\s+d[e']\s*)\s*"
    r"(?P<name>[A-ZÀ-Ý][\w'-]+(?:\s+(?:al-|el-|ad-)?[A-ZÀ-Ý][\w'-]+){0,2})"
)


_COORDINATION = re.compile(r"\s*(?:,|et|ou|and)\s+(?:en\s+|à\s+|au\s+|in\s+)?", re.IGNORECASE)


def locate(art: Article, m: NumberMention, sentence: tuple[int, int]) -> str:
    """The place of one figure as written in the text, or an empty string."""
    hits = [p for p in art.places if sentence[0] <= p.start and p.end <= sentence[1]]
    if hits:
        best = min(hits, key=lambda p: (_SPECIFICITY.get(p.extra[0], 5), abs(p.start - m.start)))
        start, end = best.start, best.end
        # "en Irak et en Syrie": coordinated places of one kind are kept together, as written.
        for other in hits:
            if other is best or other.extra[0] != best.extra[0]:
                continue
            lo, hi = (other.end, start) if other.start < start else (end, other.start)
            if _COORDINATION.fullmatch(art.view[lo:hi]):
                start, end = min(start, other.start), max(end, other.end)
        return art.text[start:end]
    candidates = [c for c in _LOCATIVE.finditer(art.view, sentence[0], sentence[1])]
    if candidates:
        best = min(candidates, key=lambda c: abs(c.start() - m.start))
        return art.text[best.start("name"):best.end("name")]
    return ""

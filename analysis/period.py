"""When a figure happened: the period its sentence (or paragraph) gives it.

Evidence, in order: a time expression on the same side of the attribution
cue as the number ("plus de 150 frappes … ce mois-ci, ont déclaré … cette
semaine" takes "ce mois-ci"), the nearest first; one on the other side (the
day a statement was made stands in for the day of the event); the last one in
the earlier sentences of the paragraph; the publication window itself.
"""

from __future__ import annotations

import re

from .context import Article
from .numbers import NumberMention
from .timex import Period, publication_period, resolve


# "plus de frappes ce mois-ci qu'elle ne l'a fait de toute l'année dernière": the time
# inside a comparative clause (marked by the expletive "ne") is the yardstick, not the event.
_COMPARATIVE = re.compile(
    r"\b(?:plus|moins|davantage|autant)\b[^,;:]*\bqu(?:e\s|')\s*(?:[\w']+\s+){0,2}n(?:e\s|')[^,;:]*$", re.IGNORECASE
)


def _is_comparative(art: Article, t, m: NumberMention, sentence) -> bool:
    if _COMPARATIVE.search(art.view, sentence[0], t.start) is None:
        return False
    return _COMPARATIVE.search(art.view, sentence[0], m.start) is None


def _side(art: Article, pos: int, sentence) -> int:
    """Index of the cue-delimited part of the sentence holding ``pos``."""
    return len(art.within("cues", sentence[0], pos))


def when(art: Article, m: NumberMention, sentence: tuple[int, int]) -> Period | None:
    """The period of one figure, or ``None`` when the article has no date."""
    if art.published is None:
        return None
    precision = art.precision or "day"
    here = [t for t in art.within("timexes", sentence[0], sentence[1]) if not (t.start < m.end and m.start < t.end)]
    side = _side(art, m.start, sentence)
    ranked = sorted(here, key=lambda t: (
        _is_comparative(art, t, m, sentence), _side(art, t.start, sentence) != side, abs(t.start - m.start)))
    for t in ranked:
        period = resolve(t, art.published, precision, art.view)
        if period:
            return period
    paragraph = art.line_start(m.start)
    earlier = art.within("timexes", paragraph, sentence[0])
    for t in reversed(earlier):
        # "Depuis fin décembre, lorsque …. Des frappes …": a later sentence tells of that moment.
        period = resolve(t, art.published, precision, art.view, since=False)
        if period:
            return period
    return publication_period(art.published, precision)

"""When a figure happened: the period its sentence (or paragraph) gives it.

Evidence, in order: a time expression on the same side of the attribution
cue as the number ("plus de 150 frappes … ce mois-ci, ont déclaré … cette
semaine" takes "ce mois-ci"), the nearest first; one on the other side (the
day a statement was made stands in for the day of the event); the last one in
the earlier sentences of the paragraph; the lead's day; the publication window itself.

Rules on what a figure covers rather than where the nearest date sits (the cue
words are rows of ``resources/<lang>/period_cues.tsv``):

* a length of time ("en trois mois") and "depuis <date>" run up to publication
  (:mod:`analysis.mentions.timex`);
* a running total ("au total", "selon son décompte") in a sentence without a
  date of its own takes an earlier "depuis" of the paragraph up to publication;
  a total whose start the text never gives keeps the publication window (a
  period cannot be left half open);
* a stock ("l'opération mobilise 700 militaires", "actuellement") is counted
  when the article is written: only a date in the figure's own clause can move
  it ("Lancée le 19 septembre 2014, l'opération mobilise …" stays at publication);
* a date tied to a noun by "de" ("une attaque de vendredi") names that noun's
  event and is not carried to later sentences;
* a later paragraph with no date of its own takes the day of the lead's event.
"""

from __future__ import annotations

import re

from analysis.mentions.prepared import Article
from analysis.mentions.numbers import NumberMention
from analysis.mentions.timex import Period, cue_patterns, publication_period, resolve


def _cue_regex(role: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(cue_patterns(role)) + r")(?![\w-])", re.IGNORECASE)


_STOCK = _cue_regex("stock")
_CUMULATIVE = _cue_regex("cumulative")
# Punctuation that closes a clause inside a sentence.
_CLAUSE_END = re.compile(r"[,;:()\[\]«»\"—–]")
# "une attaque de vendredi", "les frappes américaines du 3 mai": the date belongs to that noun.
_NOUN_DATE = re.compile(r"(?<![\w-])[\w'’-]{3,}\s+(?:d[eu]|d')\s*$", re.IGNORECASE)
_LEAD_REACH = 2  # paragraphs with words from the start in which the lead's date is looked for
RULES = {"stock": True, "cumulative": True, "noun_date": True, "lead": True, "clause": True}


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


def _clause(art: Article, pos: int, sentence) -> tuple[int, int]:
    """The stretch of ``sentence`` around ``pos`` between clause punctuation."""
    lo, hi = sentence
    for m in _CLAUSE_END.finditer(art.view, sentence[0], pos):
        lo = m.end()
    m = _CLAUSE_END.search(art.view, pos, sentence[1])
    if m:
        hi = m.start()
    return lo, hi


def _same_clause(art: Article, t, m: NumberMention) -> bool:
    lo, hi = min(t.end, m.end), max(t.start, m.start)
    return _CLAUSE_END.search(art.view, lo, hi) is None


def _lead_period(art: Article, precision: str) -> Period | None:
    """The single day the lead's event happened on, if the first paragraphs give one."""
    paragraphs = 0
    for lo in art._line_starts:
        hi = art.view.find("\n", lo)
        hi = len(art.view) if hi < 0 else hi
        if not art.view[lo:hi].strip():
            continue
        for t in art.within("timexes", lo, hi):
            period = resolve(t, art.published, precision, art.view)
            if period and period.start == period.end and period.precision == "day":
                return period
        if art.view[lo:hi].rstrip()[-1:] in ".!?»\"":  # a title is not a paragraph of the lead
            paragraphs += 1
        if paragraphs >= _LEAD_REACH:
            return None
    return None


def when(art: Article, m: NumberMention, sentence: tuple[int, int]) -> Period | None:
    """The period of one figure, or ``None`` when the article has no date."""
    if art.published is None:
        return None
    precision = art.precision or "day"
    here = [t for t in art.within("timexes", sentence[0], sentence[1]) if not (t.start < m.end and m.start < t.end)]
    stock = RULES["stock"] and _STOCK.search(art.view, sentence[0], sentence[1]) is not None
    if stock:
        here = [t for t in here if _same_clause(art, t, m)]
    side = _side(art, m.start, sentence)
    ranked = sorted(here, key=lambda t: (
        _is_comparative(art, t, m, sentence), _side(art, t.start, sentence) != side,
        RULES["clause"] and not _same_clause(art, t, m), abs(t.start - m.start)))
    for t in ranked:
        period = resolve(t, art.published, precision, art.view)
        if period:
            return period
    if stock:
        return publication_period(art.published, precision)
    paragraph = art.line_start(m.start)
    earlier = art.within("timexes", paragraph, sentence[0])
    cumulative = RULES["cumulative"] and _CUMULATIVE.search(art.view, sentence[0], sentence[1]) is not None
    for t in reversed(earlier):
        if RULES["noun_date"] and _NOUN_DATE.search(art.view, max(paragraph, t.start - 40), t.start):
            continue
        # "Depuis fin décembre, lorsque …. Des frappes …": a later sentence tells of that moment,
        # unless it gives a running total ("Selon son décompte, …").
        period = resolve(t, art.published, precision, art.view, since=cumulative)
        if period:
            return period
    if RULES["lead"] and not earlier:
        lead = _lead_period(art, precision)
        if lead and lead.end <= art.published and paragraph > 0:
            return lead
    return publication_period(art.published, precision)

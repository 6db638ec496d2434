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
* "since these attacks began" runs from the date of the nearest earlier "since <date>";
* a stock ("l'opération mobilise 700 militaires", "actuellement") is counted
  when the article is written: only a date in the figure's own clause can move
  it ("Lancée le 19 septembre 2014, l'opération mobilise …" stays at publication);
* a date tied to a noun by "de" ("une attaque de vendredi") names that noun's
  event and is not carried to later sentences;
* a later paragraph with no date of its own takes the day of the lead's event;
* a time given only relative to an undated event ("quelques jours après une
  attaque similaire", "a récemment annoncé", "suivront") leaves the period
  empty: the text gives no resolvable anchor;
* a figure that refers back, by "ces attaques", a definite determiner ("des
  plus de 50 blessés") or "au total" in a paragraph without a date, takes the
  period of the nearest earlier sentence about the same thing, up to the day
  its own sentence says it was stated ("avait indiqué vendredi que …");
* the same count of the same thing restated elsewhere with a date takes that
  date; a dateless sentence after a dated one takes the period of that
  sentence's figure (not the day its source spoke).

* a day that only dates a statement ("the task force said in a statement
  Saturday": right after a verb of saying and its medium, the "saying" cues)
  gives way to the event day the lead gives, when that is the week before;
  likewise the lead's day skips such a day;
* "the same day" takes the day of the nearest earlier time expression;
* "earlier this month" takes the first calendar date the article gives later
  that falls inside it (a vague lead, an exact body: "… On Jan. 8, Iran fired");
* a dispatch's dateline ("Feb. 15 (UPI) --") is the day it was filed, not an event's;
* an article that never says when anything happened (no time expression but its dateline)
  leaves its periods empty, and "Separately," opens an undated event of its own;
* a date in a "where" clause on a place after the figure ("most of them in Raqqa, where the
  offensive began on June 6th") tells that place's story, not the figure's;
* a named set may close another clause of a dateless sentence ("2,815 civilians, including 655
  children, … were among those killed");
* a time expression cut by the sentence split ("On Jan. | 8, …") belongs to the
  sentence it ends in.

Clauses are cut by punctuation and by :func:`analysis.attribution.actor.clauses`
(relative, participle and coordinated clauses), so a weekday binds to its own clause.
"""

from __future__ import annotations

import bisect
import re

from analysis.attribution.actor import clauses
from analysis.mentions.prepared import Article
from analysis.mentions.numbers import NumberMention
from analysis.mentions.timex import (Period, Timex, cue_patterns, cue_regex, find_timexes, introduced_by_since,
                                     publication_period, resolve)


def _cue_regex(*roles: str) -> re.Pattern:
    return cue_regex([p for role in roles for p in cue_patterns(role)])


_STOCK = _cue_regex("stock")
_CUMULATIVE = _cue_regex("cumulative", "toll")  # a running total within the paragraph
_TOTAL = _cue_regex("cumulative")  # "au total": also over a span stated in an earlier paragraph
_VAGUE = _cue_regex("vague")
_ANAPHORA = _cue_regex("anaphora")
_SINCE_EVENT = _cue_regex("since_event")
# "said in a statement Saturday": the words between a verb of saying and the day of the statement.
_SAYING = re.compile(r"[\s,]*(?:(?:" + "|".join(cue_patterns("saying")) + r")[\s,]*)?", re.IGNORECASE)
# Punctuation that closes a clause inside a sentence.
_CLAUSE_END = re.compile(r"[,;:()\[\]«»\"—–]")
# "une attaque de vendredi", "les frappes américaines du 3 mai": the date belongs to that noun.
_NOUN_DATE = re.compile(r"(?<![\w-])[\w'’-]{3,}\s+(?:d[eu]|d')\s*$", re.IGNORECASE)
_WHERE_CLAUSE = re.compile(r"[,;–—(]\s*(?:where|où)\s", re.IGNORECASE)
_LEAD_REACH = 2  # paragraphs with words from the start in which the lead's date is looked for
RULES = {"stock": True, "cumulative": True, "noun_date": True, "lead": True, "clause": True, "clause_split": True,
         "vague": True, "anaphora": True, "restated": True, "previous": True,
         "an_noun": True, "lead_all": True, "an_det": True, "an_cum": True, "an_said": True,
         "same_day": True, "where_clause": True, "undated": True, "an_sentence": True, "said_lead": True,
         "earlier": True, "dateline": True, "since_event": True}


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


def _said_time(art: Article, t, sentence, medium: bool = False) -> bool:
    """Whether ``t`` dates the saying: it stands right by a speech cue ("avait indiqué vendredi que");
    with ``medium``, also after the medium of the saying ("said in a statement Saturday", a "saying" cue)."""
    for lo, hi in art.within("cues", *sentence):
        gap = art.view[hi:t.start] if hi <= t.start else art.view[t.end:lo]
        if re.fullmatch(r"[\s,]*", gap) or (medium and hi <= t.start and _SAYING.fullmatch(gap)):
            return True
    return False


def _clause(art: Article, pos: int, sentence) -> tuple[int, int]:
    """The stretch of ``sentence`` around ``pos`` between clause punctuation."""
    lo, hi = sentence
    for m in _CLAUSE_END.finditer(art.view, sentence[0], pos):
        lo = m.end()
    m = _CLAUSE_END.search(art.view, pos, sentence[1])
    if m:
        hi = m.start()
    return lo, hi


def _same_clause(art: Article, t, m: NumberMention, sentence) -> bool:
    """No clause punctuation between ``t`` and ``m``, and the same clause of the sentence's split."""
    lo, hi = min(t.end, m.end), max(t.start, m.start)
    if _CLAUSE_END.search(art.view, lo, hi) is not None:
        return False
    return not RULES["clause_split"] or _clause_of(art, t.start, sentence) == _clause_of(art, m.number_start, sentence)


def _lead_period(art: Article, precision: str, said: bool = False) -> Period | None:
    """The single day the lead's event happened on, if the first paragraphs give one.

    With ``said``, a day that only dates a statement ("said in a statement Saturday") gives way to
    an event day of the first paragraphs ("In Syria on Friday, drones engaged …"); it is kept when
    none is given."""
    key = ("lead", precision, said)
    if key not in art.cache:
        art.cache[key] = _lead_day(art, precision, said)
    return art.cache[key]


def _lead_day(art: Article, precision: str, said: bool) -> Period | None:
    paragraphs, said_day = 0, None
    for lo in art._line_starts:
        hi = art.view.find("\n", lo)
        hi = len(art.view) if hi < 0 else hi
        if not art.view[lo:hi].strip():
            continue
        for t in (_all_timexes(art, lo, hi) if RULES["lead_all"] else art.within("timexes", lo, hi)):
            if RULES["dateline"] and _dateline(art, t):
                continue
            period = resolve(t, art.published, precision, art.view)
            if period and period.start == period.end and period.precision == "day":
                if said and _said_time(art, t, art.sentence_of(t.start), medium=True):
                    said_day = said_day or period  # "the task force said in a statement Saturday": not the event
                    continue
                return period
        if art.view[lo:hi].rstrip()[-1:] in ".!?»\"":  # a title is not a paragraph of the lead
            paragraphs += 1
        if paragraphs >= _LEAD_REACH:
            return said_day
    return said_day


def _sentence_timexes(art: Article, sentence) -> list[Timex]:
    """The time expressions of ``sentence``, with one cut by the sentence split ("On Jan. | 8, Iran fired")."""
    inside = art.within("timexes", sentence[0], sentence[1])
    cut = [t for t in art.timexes if t.start < sentence[0] < t.end]
    return [t for t in cut + inside if not (RULES["dateline"] and _dateline(art, t))]


# "Feb. 15 (UPI) --", "WASHINGTON, Jan. 8 (Reuters) -": the date the dispatch was filed, not an event's.
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][\w .&/-]{1,30}\)\s*)?(?:--|—|–|-)\s")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][A-Z .'-]+,\s*)?$")


def _dateline(art: Article, t: Timex) -> bool:
    """Whether ``t`` is a dispatch's dateline: it opens its line (after a city in capitals) and a
    dash, or an agency in brackets and a dash, follows it."""
    # The original text: the view blanks the agency mark "(UPI) --" as page furniture.
    if t.kind != "date" or not _DATELINE_AFTER.match(art.text, t.end):
        return False
    return _DATELINE_BEFORE.search(art.view, max(0, t.start - 40), t.start) is not None


def _same_day(art: Article, t: Timex, precision: str, depth: int) -> Period | None:
    """"the same day", "le même jour": the day of the nearest earlier time expression of the article."""
    for before in reversed(_all_timexes(art, 0, t.start)):
        if before.kind == "same":
            continue
        if depth < 2 and before.kind in ("weekday", "date", "deictic"):
            period = resolve(before, art.published, precision, art.view)
            if period:
                return period
        return None
    return None


def _dated_later(art: Article, t: Timex, period: Period, precision: str) -> Period | None:
    """"earlier this month … On Jan. 8, Iran fired": the first calendar date given later in the
    article that falls inside the vague period (the lead is vague, the body exact)."""
    for later in _all_timexes(art, t.end, len(art.view)):
        if later.kind != "date":
            continue
        day = resolve(later, art.published, precision, art.view, since=False)
        if day and day.start == day.end and period.start <= day.start <= period.end:
            return day
    return None


def _vague(art: Article, sentence) -> list[Timex]:
    """Times given only relative to an undated event ("quelques jours après une attaque"), as timexes."""
    return [Timex(x.start(), x.end(), "vague", ()) for x in _VAGUE.finditer(art.view, *sentence)]


def _clause_of(art: Article, pos: int, sentence) -> tuple[int, int]:
    """The clause of the sentence (:func:`analysis.attribution.actor.clauses`) holding ``pos``."""
    for lo, hi, _ in clauses(art, sentence):
        if lo <= pos < hi:
            return lo, hi
    return sentence


def _anaphoric(art: Article, m: NumberMention, sentence) -> tuple[str | None, str | None]:
    """(how the figure refers back, the word naming what it counts), or ``(None, word)``.

    A figure about "ces attaques" ("named"), a count with a definite determiner ("des plus de 50
    blessés", "definite") or a running total ("au total", "total") counts a set told before."""
    lo, hi = _clause_of(art, m.number_start, sentence)
    noun = None
    for x in (_ANAPHORA.finditer(art.view, lo, hi) if RULES["an_noun"] else ()):
        words = art.view[x.start():x.end()].split()
        if len(words) > 1:  # "ces attaques": the set is named
            noun = words[-1]
    if noun is None and RULES["an_sentence"] and not art.within("timexes", *sentence):
        # "2,815 civilians, including 655 children, and 7,396 militants were among those killed":
        # in a sentence without a date, the named set may close another clause of the sentence.
        for x in _ANAPHORA.finditer(art.view, *sentence):
            words = art.view[x.start():x.end()].split()
            if len(words) > 2:
                noun = words[-1]
    if noun:
        return "named", noun
    det = RULES["an_det"] and _ANAPHORA.search(art.view, max(lo, m.start - 12), m.number_end)
    after = re.match(r"\s*([^\W\d_][\w'-]*)", art.view[m.number_end:m.number_end + 40])
    word = after.group(1) if after else None
    if det:
        return "definite", word
    return ("total" if RULES["an_cum"] and _TOTAL.search(art.view, *sentence) else None), word


def _stem(word: str) -> str:
    word = word.lower()
    return word[:max(4, len(word) - 3)]


def _sentences_before(art: Article, pos: int):
    """The article's sentences that end before ``pos``, the nearest first."""
    i = bisect.bisect_right(art._sentence_starts, pos) - 1
    for j in range(i - 1, -1, -1):
        yield art.sentences[j]


def _all_timexes(art: Article, lo: int, hi: int) -> list[Timex]:
    """Time expressions anywhere in the article (``art.timexes`` covers only paragraphs with numbers)."""
    found = art.cache.get("all_timexes")
    if found is None:
        found = art.cache["all_timexes"] = find_timexes(art.view, 0, len(art.view), art.low)
    return [t for t in found if lo <= t.start and t.end <= hi]


def _antecedent(art: Article, m: NumberMention, sentence, word: str | None, precision: str, depth: int) -> Period | None:
    """The period of the nearest earlier sentence that speaks of the same thing (``word``) and is dated:
    the period its first figure got, else its first time expression."""
    if not word:
        return None
    stem = re.compile(r"(?<![\w-])" + re.escape(_stem(word)), re.IGNORECASE)
    for s in _sentences_before(art, sentence[0]):
        if not stem.search(art.view, *s):
            continue
        dated = [t for t in _all_timexes(art, *s) if not _noun_date(art, t, s[0])]
        if not dated:
            continue
        figures = [n for n in art.numbers if s[0] <= n.number_start < s[1]]
        if figures and depth < 2:
            period = when(art, figures[0], s, depth + 1)
            if period:
                return period
        for t in dated:
            period = resolve(t, art.published, precision, art.view)
            if period:
                return period
    return None


def _noun_date(art: Article, t, floor: int) -> bool:
    return RULES["noun_date"] and _NOUN_DATE.search(art.view, max(floor, t.start - 40), t.start) is not None


def _restated(art: Article, m: NumberMention, sentence, precision: str, depth: int) -> Period | None:
    """The same count of the same thing said again elsewhere with a date of its own
    ("56 soldats blessés" in the lead, "56 soldats blessés … depuis le 17 octobre" below)."""
    after = re.match(r"\s*([^\W\d_][\w'-]*)", art.view[m.number_end:m.number_end + 40])
    if m.value is None or not after or depth >= 2:
        return None
    for n in art.numbers:
        if n is m or n.value != m.value:
            continue
        other = re.match(r"\s*([^\W\d_][\w'-]*)", art.view[n.number_end:n.number_end + 40])
        s = art.sentence_of(n.number_start)
        if other and other.group(1).lower() == after.group(1).lower() and s != sentence and art.within("timexes", *s):
            period = when(art, n, s, depth + 1)
            if period:
                return period
    return None


def _since_before(art: Article, sentence, precision: str) -> Period | None:
    """"59 injured since these attacks began": the span the nearest earlier "since <date>" of the
    article opened ("since Oct. 17 there have been 55 attacks"), up to publication."""
    for t in reversed(_all_timexes(art, 0, sentence[0])):
        if introduced_by_since(art.view, t):
            period = resolve(t, art.published, precision, art.view)
            if period and period.start < period.end:
                return period
    return None


def when(art: Article, m: NumberMention, sentence: tuple[int, int], depth: int = 0) -> Period | None:
    """The period of one figure, or ``None`` when the article has no date or the text gives
    no resolvable anchor ("quelques jours après une attaque", "récemment")."""
    if art.published is None:
        return None
    precision = art.precision or "day"
    here = [t for t in _sentence_timexes(art, sentence) if not (t.start < m.end and m.start < t.end)]
    if RULES["where_clause"]:
        # "… killed, most of them in Raqqa governorate – where the offensive began on June 6th": a date in a
        # relative clause on a place after the figure tells that place's story, not the figure's.
        here = [t for t in here if not (t.start > m.end and _WHERE_CLAUSE.search(art.view, m.end, t.start))]
    if RULES["vague"]:
        here += _vague(art, sentence)
    stock = RULES["stock"] and _STOCK.search(art.view, sentence[0], sentence[1]) is not None
    if stock:
        here = [t for t in here if _same_clause(art, t, m, sentence)]
    side = _side(art, m.start, sentence)
    anaphoric, word = _anaphoric(art, m, sentence) if RULES["anaphora"] else (None, None)
    ranked = sorted(here, key=lambda t: (
        _is_comparative(art, t, m, sentence), _side(art, t.start, sentence) != side,
        RULES["clause"] and not _same_clause(art, t, m, sentence), abs(t.start - m.start)))
    said = None  # the day the figure was stated, when only that is given
    for t in ranked:
        if t.kind == "vague":
            return None
        if RULES["an_said"] and anaphoric and not stock and (
                _side(art, t.start, sentence) != side or _said_time(art, t, sentence)):
            said = said or resolve(t, art.published, precision, art.view)
            continue
        if t.kind == "same" and RULES["same_day"]:
            period = _same_day(art, t, precision, depth)
        else:
            period = resolve(t, art.published, precision, art.view)
        if period and RULES["said_lead"] and _said_time(art, t, sentence, medium=True) and len(here) == 1:
            # "…, the task force said in a statement Saturday": the event day the lead gives, if earlier.
            lead = _lead_period(art, precision, said=True)
            if lead and lead.end < period.start and (period.start - lead.end).days <= 7:
                return lead
        if period and RULES["earlier"] and t.kind in ("month_rel", "week_rel", "year_rel") and t.get("rel") == "earlier":
            period = _dated_later(art, t, period, precision) or period
        if period:
            return period
    if stock:
        return publication_period(art.published, precision)
    if RULES["since_event"] and _SINCE_EVENT.search(art.view, *sentence):
        period = _since_before(art, sentence, precision)
        if period:
            return period
    paragraph = art.line_start(m.start)
    earlier = [t for t in art.within("timexes", paragraph, sentence[0]) if not _noun_date(art, t, paragraph)]
    if anaphoric == "total" and earlier:
        anaphoric = None  # the paragraph opened the span: "Depuis le 4 avril, … Au total, 85 frappes"
    if anaphoric:
        # "Le Pentagone avait indiqué vendredi que 21 soldats avaient été blessés dans ces attaques":
        # the period of those attacks, up to the day it was said.
        period = _antecedent(art, m, sentence, word, precision, depth)
        if period and anaphoric == "total" and period.start == period.end:
            period = None  # a total runs over a span stated before, not over one day's event
        if period:
            if said and period.start <= said.end < period.end:
                return Period(period.start, said.end, period.precision)
            return period
        if said:
            return said
    if RULES["restated"] and not earlier:
        period = _restated(art, m, sentence, precision, depth)
        if period:
            return period
    cumulative = RULES["cumulative"] and _CUMULATIVE.search(art.view, sentence[0], sentence[1]) is not None
    for t in reversed(earlier):
        # "Depuis fin décembre, lorsque …. Des frappes …": a later sentence tells of that moment,
        # unless it gives a running total ("Selon son décompte, …").
        if RULES["previous"] and not cumulative and depth < 2:
            # A sentence without a date of its own tells more of that sentence's event: the period its figures got.
            s = art.sentence_of(t.start)
            figures = [n for n in art.numbers if s[0] <= n.number_start < s[1]]
            if figures:
                period = when(art, figures[-1], s, depth + 1)
                if period:
                    return period
        period = resolve(t, art.published, precision, art.view, since=cumulative)
        if period:
            return period
    if RULES["lead"] and not earlier:
        lead = _lead_period(art, precision, said=RULES["said_lead"])
        if lead and lead.end <= art.published and paragraph > 0:
            return lead
    if RULES["undated"] and not [t for t in _all_timexes(art, 0, len(art.view)) if not _dateline(art, t)]:
        return None  # the article never says when anything happened: no resolvable anchor
    return publication_period(art.published, precision)

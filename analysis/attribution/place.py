"""Where a figure happened: the place named in its sentence, as written and resolved.

Gazetteer places (:mod:`analysis.resources.gazetteer`) are preferred, the most specific
first (a base over a city, a city over a province, a province over a country); among
equals, one a locative preposition introduces ("Iran fired … at two bases in Iraq"),
then one right after the figure's words ("trois en Irak et deux en Syrie"), then the
nearest. A sentence that names no place takes the place of the sentence before it in
its paragraph, else the place of the article's first lines (title, caption, lead). A capitalised name after a locative
preposition ("à Kirkouk", "près de Qaim") is kept, with unknown coordinates,
when the gazetteer knows none; in English "in", "near", "outside" or "north of" introduce it
("in al-Ikrishi", "near the village of Tal Sakhr"). A province or country written right after the
place, after a comma ("in al-Baghouz, Syria"), is written with it. Wording such as "près de", "à l'extérieur de"
or "au sud de" makes the location approximate (ACLED geo_precision 2).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.mentions.prepared import Article, Mention
from analysis.resources import gazetteer
from analysis.resources.gazetteer import GEO_PRECISION, SPECIFICITY, Place
from analysis.mentions.numbers import NumberMention

_LOCATIVE = re.compile(
    r"(?<![\w-])(?:à|au|en|près\s+d[eu']\s*|dans\s+la\s+ville\s+d[e']\s*|dans\s+la\s+province\s+d[e']\s*|"
    r"au\s+nord\s+d[e']\s*|au\s+sud\s+d[e']\s*|à\s+l'est\s+d[e']\s*|à\s+l'ouest\s+d[e']\s*)\s*"
    r"(?P<name>[A-ZÀ-Ý][\w'-]+(?:\s+(?:al-|el-|ad-)?[A-ZÀ-Ý][\w'-]+){0,2})"
)
# English: "killed 40 fighters in al-Ikrishi", "near the town of Baghdadi"; a name written with a
# lower-case article ("al-", "el-") or capitalised, that is no month, weekday or institution.
_LOCATIVE_EN = re.compile(
    r"(?<![\w-])(?:in|near|outside|(?:north|south|east|west)\s+of)\s+(?:the\s+(?:town|city|village|district|area)\s+of\s+)?"
    r"(?P<name>(?:(?:al|el|ad|as|ar|an|ash)-)?[A-Z][a-z][\w'-]+(?:\s+(?:al-|el-)?[A-Z][a-z][\w'-]+){0,2})"
    r"(?![\w-])(?!\s+(?:Ministry|Council|Command|Forces|Army|Office|Agency|Committee|Party|Movement|Front))")
_NOT_PLACE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Washington|Congress|Parliament|Twitter|Telegram)\b")
_COORDINATION = re.compile(r"\s*(?:,|et|ou|and)\s+(?:en\s+|à\s+|au\s+|in\s+)?", re.IGNORECASE)
_NEAR = re.compile(
    r"(?:près\s+d[eu']|à\s+proximité\s+d[eu']|aux\s+abords\s+d[eu']|dans\s+les\s+environs\s+d[eu']|"
    r"à\s+l'extérieur\s+d[eu']|(?:au|à\s+l')\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+d[eu']|"
    r"\d+\s*km\s+d[eu']|near|outside|north\s+of|south\s+of|east\s+of|west\s+of)"
    r"\s*(?:la\s+|l'|le\s+|les\s+)?(?:(?:ville|base(?:\s+aérienne)?|province|localité|village)\s+d[e']\s*)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Located:
    text: str  # the place as written ("" when the sentence names none)
    place: Place | None  # the gazetteer entry, if known
    near: bool  # the wording puts the event near the place, not at it

    @property
    def geo_precision(self) -> int | None:
        if self.place is None:
            return None
        return max(GEO_PRECISION.get(self.place.kind, 3), 2 if self.near else 1)


def locate(art: Article, m: NumberMention, sentence: tuple[int, int]) -> Located:
    """The place of one figure: as written, resolved in the gazetteer, and how precisely."""
    # A country inside an actor's name ("milices soutenues par l'Iran") is no place of the event.
    actor_spans = [(a.start, a.end) for a in art.within("actors", sentence[0], sentence[1])]
    hits = [p for p in art.within("places", sentence[0], sentence[1])
            if not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in actor_spans)]
    if hits:
        parts = _breakdown_places(art, m, hits, sentence) if RULES["breakdown"] else None
        return parts or _best(art, hits, (m.start, m.end), sentence[0])
    candidates = list(_LOCATIVE.finditer(art.view, sentence[0], sentence[1]))
    if RULES["locative_en"] and art.language == "en":
        candidates = [c for c in _LOCATIVE_EN.finditer(art.view, sentence[0], sentence[1])
                      if not _NOT_PLACE.match(c.group("name"))]
    if candidates:
        best = min(candidates, key=lambda c: abs(c.start() - m.start))
        return Located(art.text[best.start("name"):best.end("name")], None, False)
    if RULES["fallback"]:
        return _context_place(art, m, sentence)
    return Located("", None, False)


# Each rule can be switched off, so a test can show what it changes.
RULES = {"locative": True, "fallback": True, "gap": True, "apposition": True, "breakdown": True, "possessor": True,
         "dateline": True, "previous_paragraphs": True, "enclosing": True, "locative_en": True}
# "Iran fired missiles at two bases in Iraq": among places of one kind, the one a locative
# preposition introduces is where it happened; the other is a subject or a possessor.
_AFTER_LOCATIVE = re.compile(
    r"(?<![\w-])(?:in|at|near|on|to|into|inside|across|throughout|en|à|au|aux|dans|vers|sur)\s+"
    r"(?:the\s+|la\s+|le\s+|les\s+|l')?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _locative(art: Article, p) -> bool:
    return bool(_AFTER_LOCATIVE.search(art.view, max(0, p.start - 30), p.start))


def _follows(art: Article, p, span: tuple[int, int]) -> bool:
    """Whether ``p`` comes right after the figure's words ("à 9 reprises en Syrie", "two in Iraq"):
    at most three words between, none of them a coordination or a clause break."""
    if p.start < span[1]:
        return False
    between = art.view[span[1]:p.start]
    return not re.search(r"[,;:()]|(?<![\w-])(?:et|and|ou|or)(?![\w-])", between) and len(between.split()) <= 4


def _best(art: Article, hits, pos: tuple[int, int], floor: int) -> Located:
    """The most specific of ``hits`` (a locative one first among equals, then the nearest to ``pos``),
    with the places of its kind coordinated with it."""
    hits = [p for p in hits if not (RULES["apposition"] and _describes_another(art, p, hits))] or hits
    best = min(hits, key=lambda p: (SPECIFICITY.get(p.value.kind, 5),
                                    RULES["locative"] and not _locative(art, p),
                                    not (RULES["gap"] and _follows(art, p, pos)), abs(p.start - pos[0])))
    start, end = best.start, best.end
    # "en Irak et en Syrie": coordinated places of one kind are kept together, as written.
    for other in hits:
        if other is best or other.value.kind != best.value.kind:
            continue
        lo, hi = (other.end, start) if other.start < start else (end, other.start)
        if _COORDINATION.fullmatch(art.view[lo:hi]):
            start, end = min(start, other.start), max(end, other.end)
    coordinated = (start, end) != (best.start, best.end)
    # "Baghdad's heavily fortified Green Zone": the place that holds it, as a possessor, is written with it.
    if RULES["possessor"] and not coordinated:
        for other in hits:
            if other.end <= start and SPECIFICITY.get(other.value.kind, 5) > SPECIFICITY.get(best.value.kind, 5) \
                    and _POSSESSOR.fullmatch(art.view, other.end, start):
                start = other.start
    # "in al-Baghouz, Syria", "in the city of al-Mayadeen, Deir al-Zour Province": the larger unit
    # written right after the place, after a comma, says which one it is and is written with it.
    if RULES["enclosing"] and not coordinated and not art.text[start:end].isupper():  # not a dateline's "NEAR BAGHOUZ, Syria:"
        for other in hits:
            if other.start >= end and SPECIFICITY.get(other.value.kind, 5) > SPECIFICITY.get(best.value.kind, 5) \
                    and SPECIFICITY.get(other.value.kind, 5) >= SPECIFICITY["province"] \
                    and re.fullmatch(r",\s*", art.view[end:other.start]) and not _COORDINATED_AFTER.match(art.view, other.end):
                end = other.end
                break
    near = bool(_NEAR.search(art.view, max(floor, start - 60), start))
    # Several places together resolve to none of them alone.
    return Located(art.text[start:end], None if coordinated else best.value, near)


# "in Iraq, Syria and Jordan": a list of places, not a place and its enclosing unit.
_COORDINATED_AFTER = re.compile(r"\s*(?:,|and|or|et|ou)\s+[A-ZÀ-Ý]")
_POSSESSOR = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}")


# "55 attacks on US forces, including 27 in Iraq and 28 in Syria": the parts of the total follow it.
_BREAKDOWN = re.compile(r"[^.;:]{0,80}?(?:,|\s)\s*(?:including|among\s+them|of\s+which|dont)\s", re.IGNORECASE)


def _breakdown_places(art: Article, m: NumberMention, hits, sentence) -> Located | None:
    """A total followed by its parts place by place ("55 attacks, including 27 in Iraq and 28 in
    Syria", "60 attaques, dont 30 en Irak et 30 en Syrie") happened in all of their places, as written."""
    x = _BREAKDOWN.match(art.view, m.end, sentence[1])
    if x is None or art.within("places", m.end, x.start()):
        return None
    after = [p for p in hits if p.start >= x.end()]
    names, seen = [], set()
    for p in after:
        if p.value.kind == after[0].value.kind and p.value.place_id not in seen:
            seen.add(p.value.place_id)
            names.append(art.text[p.start:p.end])
    if len(names) < 2:
        return None
    return Located(", ".join(names), None, False)


def _places_in(art: Article, lo: int, hi: int) -> list[Mention]:
    return [Mention(a, b, place) for a, b, place in gazetteer.matcher().finditer(art.view, lo, hi)]


def _context_place(art: Article, m: NumberMention, sentence: tuple[int, int]) -> Located:
    """A sentence that names no place goes on about the place its paragraph named just before
    ("… landed on Coalition Forces in Erbil tonight. There was one civilian contractor killed …"),
    else about the place of the article's lead (its title and first paragraphs)."""
    paragraph = art.line_start(m.start)
    hits = _places_in(art, paragraph, sentence[0])
    if hits:
        return _last_sentence_place(art, hits, sentence)
    lead = _lead_places(art)
    lead = _best(art, lead, (0, 0), 0) if lead and lead[0].end <= sentence[0] else None
    hits = _previous_paragraph_places(art, paragraph) if RULES["previous_paragraphs"] else []
    if hits:
        # A paragraph before goes on about the place the lead named, unless it names one at least as
        # specific ("Crews took off from bases in Jordan" is no place of the raid on Raqqa the lead told).
        before = _last_sentence_place(art, hits, sentence)
        if lead is None or lead.place is None or before.place is None or (
                SPECIFICITY.get(before.place.kind, 5) <= SPECIFICITY.get(lead.place.kind, 5)):
            return before
    return lead or Located("", None, False)


def _last_sentence_place(art: Article, hits: list[Mention], sentence: tuple[int, int]) -> Located:
    last = art.sentence_of(hits[-1].start)
    return _best(art, [h for h in hits if h.start >= last[0]], (sentence[0], sentence[0]), last[0])


# "Baghouz, a village on the banks of the Euphrates": an apposition that says where the place before it lies.
_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:village|town|city|district|area|region|neighbou?rhood|suburb|"
    r"hamlet|settlement|enclave|pocket|base|camp|province|governorate)\b[^,;:.()]{0,60}?$", re.IGNORECASE)


def _describes_another(art: Article, p: Mention, hits: list[Mention]) -> bool:
    """Whether ``p`` only says where an earlier place of the sentence lies, in an apposition to it
    ("headed toward Baghouz, a village located on the banks of the Euphrates")."""
    return any(o.end <= p.start and p.start - o.end <= 90 and _APPOSITION.search(art.view[o.end:p.start])
               for o in hits if o is not p)


_BACK_PARAGRAPHS = 2  # paragraphs of running text looked back through for the place a story goes on about


def _previous_paragraph_places(art: Article, paragraph: int) -> list[Mention]:
    """The places of the nearest of the previous paragraphs that names one, looking back through at
    most :data:`_BACK_PARAGRAPHS` paragraphs of running text (a subhead or caption without final
    punctuation is skipped, not counted): news paragraphs are often one sentence long, and the next
    one goes on about the place the last one named ("… hit homes in Abu al-Hassan village. |
    The airstrikes killed at least 43 people")."""
    i = bisect.bisect_left(art._line_starts, paragraph)
    seen = 0
    for lo in reversed(art._line_starts[:i]):
        hi = art.view.find("\n", lo)
        hi = len(art.view) if hi < 0 else hi
        line = art.view[lo:hi].strip()
        if not line:
            continue
        if lo < _lead_end(art):
            return []  # the lead is the last resort, with its own rule
        if line[-1] not in ".!?\"”»":
            continue
        hits = _places_in(art, lo, hi)
        if hits:
            return hits
        seen += 1
        if seen >= _BACK_PARAGRAPHS:
            return []
    return []


def _lead_end(art: Article) -> int:
    """Where the lines :func:`_lead_places` reads end."""
    _lead_places(art)
    return art.cache["lead_end"]


# "NEAR BAGHOUZ, Syria:", "ERBIL (Kurdistan 24) –", "SULAIMANIYA/MOSUL —": a dispatch's dateline, in capitals.
_DATELINE = re.compile(
    r"[ \t]*(?P<near>NEAR\s+)?(?P<names>[A-Z][A-Z'’. -]+[A-Z](?:\s*/\s*[A-Z][A-Z'’. -]+[A-Z])*)"
    r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–|-|:)\s")
_DATELINE_LINES = 6  # the dateline opens the first paragraph of text, after the title and the byline


def _dateline_places(art: Article) -> tuple[bool, list[Mention]]:
    """Whether the dispatch's dateline (in capitals) says "NEAR", and its gazetteer places: the
    dispatch was filed there, which is the story's place only when "NEAR" says so ("NEAR BAGHOUZ,
    Syria:"); "QAYARA AIR BASE, Iraq (AP) -" may be where a general spoke of Mosul."""
    lines = 0
    for lo in art._line_starts:
        hi = art.text.find("\n", lo)
        hi = len(art.text) if hi < 0 else hi
        if not art.text[lo:hi].strip():
            continue
        x = _DATELINE.match(art.text, lo, hi)
        if x:
            found = []
            for name in re.finditer(r"[^/]+", x.group("names")):
                written = name.group(0).strip().title()
                found += [Mention(x.start("names") + name.start(), x.start("names") + name.start() + len(name.group(0).rstrip()), place)
                          for a, b, place in gazetteer.matcher().finditer(written) if (a, b) == (0, len(written))]
            return bool(x.group("near")), found
        lines += 1
        if lines >= _DATELINE_LINES:
            break
    return False, []


_LEAD_LINES = 3  # the title and the first paragraphs, where an article says where it happened


def _lead_places(art: Article) -> list[Mention]:
    """The gazetteer places of the article's first lines of text."""
    found = art.cache.get("lead_places")
    if found is None:
        found, lines, end = [], 0, 0
        for lo in art._line_starts:
            hi = art.view.find("\n", lo)
            hi = len(art.view) if hi < 0 else hi
            if not art.view[lo:hi].strip():
                continue
            found += _places_in(art, lo, hi)
            lines += 1
            end = hi
            if lines >= _LEAD_LINES:
                break
        if RULES["dateline"]:
            near, dateline = _dateline_places(art)
            if near or not found:  # where the reporter filed from, unless it is near the story
                found += dateline
        art.cache["lead_places"] = found
        art.cache["lead_end"] = end
    return found

"""What a number counts: the category and the counted noun as written.

Order of evidence, most specific first:

1. the noun right after the number ("150 frappes", "huit séries de tirs
   indirects", "des dizaines de positions ennemies"), from
   ``resources/<lang>/categories.tsv``; a *strong* noun (strikes, rockets, killed…) decides;
2. a verb of the clause (``resources/<lang>/verbs.tsv``): "tuant 27 terroristes",
   "18 combattants tués" make a *weak* noun (people, places) a count of the
   killed, wounded, captured or destroyed;
3. a noun earlier in the sentence when the number stands alone as a
   predicate ("les frappes ont totalisé 312");
4. otherwise ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.resources import lexicon
from analysis.mentions.prepared import Article
from analysis.mentions.numbers import NumberMention

_ADJECTIVES = re.compile(
    r"\s*(?:(?:nouve(?:aux|lles?)|autres|premi(?:ers|ères)|derni(?:ers|ères)|importantes?|grande?s?|petite?s?|"
    r"supplémentaires|nombreux|nombreuses|différente?s|principales?|principaux|seulement)\s+)*",
    re.IGNORECASE,
)
_LINK = re.compile(r"\s*(?:de\s+|d')", re.IGNORECASE)
_UNITS = re.compile(
    r"(?:séries|série|vagues?|volées?|rafales?|salves?|types?|sortes?|tonnes?|lots?|groupes?)\s+(?:de\s+|d')",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.()«»\"!?]|\s(?:et|mais|qui|que|dont|où|alors)\s")
_PREDICATE_END = re.compile(
    r"\s*(?:[,.;:)!?»\"]|$|(?:et|dont|selon|depuis|pour|sur|au|en|dans|contre|ce|cette|cet|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|hier)\b)",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"[$€£]\s*$")
_PERCENT_UNIT = re.compile(r"%|pour\s?cent|pourcents?|percent|per cent", re.IGNORECASE)


@dataclass(frozen=True)
class Category:
    category: str
    subject: str
    noun_start: int | None  # span of the counted noun in the view, if any
    noun_end: int | None
    active: bool = False  # a verb before the number did it ("tuant 27"): its subject is the actor


def _verb_category(art: Article, start: int, end: int, sentence: tuple[int, int], noun_end: int | None):
    """A category verb just before the number or after its noun phrase, within the clause."""
    before = art.view[max(sentence[0], start - 30):start]
    after_from = noun_end if noun_end is not None else end
    after = art.view[after_from:min(sentence[1], after_from + 60)]
    cut = _CLAUSE_END.search(after)
    # "ont été tués" may follow a relative clause, but never crosses a comma.
    after = after[: cut.start()] if cut else after
    hit = lexicon.verb_before_regex(art.language).search(before)
    if hit:
        return lexicon.verbs(art.language)[int(hit.lastgroup[1:])].value, True
    hit = lexicon.verb_anywhere_regex(art.language).search(after)
    if hit:
        return lexicon.verbs(art.language)[int(hit.lastgroup[1:])].value, False
    return None, False


def categorise(art: Article, m: NumberMention, sentence: tuple[int, int]) -> Category:
    """Category and counted noun of one number mention."""
    view = art.view
    if m.is_percent:
        unit = _PERCENT_UNIT.search(view, m.number_start, m.number_end)
        return Category("percent", unit.group(0) if unit else "%", unit.start() if unit else None, unit.end() if unit else None)
    if _MONEY_BEFORE.search(view, max(0, m.number_start - 3), m.number_start):
        return Category("money", view[m.number_start - 1:m.number_start], None, None)

    pos = m.end
    if m.qualifier == "vague" or view[m.number_start:m.number_end].lower().endswith(("millions", "million", "milliards", "milliard")):
        link = _LINK.match(view, pos)
        pos = link.end() if link else pos
    pos = _ADJECTIVES.match(view, pos).end()
    subject_start = pos
    unit = _UNITS.match(view, pos)
    if unit:
        pos = unit.end()
    noun = lexicon.category_noun_regex(art.language).match(view, pos)
    if noun and noun.end() <= sentence[1]:
        entry = lexicon.noun_entry(noun.group(0).lower(), art.language)
        category, strength = (entry.value, entry.extra[0]) if entry else ("other", "weak")
        subject = view[subject_start:noun.end()]
        if strength == "strong":
            return Category(category, subject, noun.start(), noun.end())
        verb, active = _verb_category(art, m.start, m.end, sentence, noun.end())
        return Category(verb or category, subject, noun.start(), noun.end(), active)

    verb, active = _verb_category(art, m.start, m.end, sentence, None)
    if verb:
        return Category(verb, "", None, None, active)
    # The number as a predicate ("les frappes ont totalisé 312, …"): the last strong
    # noun earlier in the sentence. A number followed by an unknown noun counts that noun.
    if not _PREDICATE_END.match(view, m.end):
        return Category("other", "", None, None)
    best = None
    rx = lexicon.category_noun_regex(art.language)
    for nm in re.finditer(r"(?<![\w-])(?=\w)", view[sentence[0]:m.start]):
        hit = rx.match(view, sentence[0] + nm.start(), m.start)
        if hit:
            entry = lexicon.noun_entry(hit.group(0).lower(), art.language)
            if entry and entry.extra[0] == "strong":
                best = (entry.value, hit)
    if best:
        return Category(best[0], best[1].group(0), best[1].start(), best[1].end())
    return Category("other", "", None, None)

"""What a number counts: the category, read from the head noun of the counted phrase and its verb.

A figure's category is the product of two things read on tokens of its clause:

* the **head noun** of the counted phrase, found after the number past
  adjectives, units ("séries de"), a partitive ("trois des sites") and, after a
  collective number, "de" ("des dizaines de militants"); in English, the last
  known noun of the compound after the number ("two ISIL vehicle bombs",
  "two operational and weapons storage facilities"); its row in
  ``resources/<lang>/categories.tsv`` gives a default category, a *strength*
  and a *class* (troop, fighter, person, target, equipment, place, times);
* the **verb** governing the number's clause (``resources/<lang>/verbs.tsv``):
  either the verb whose object the phrase is ("tuant 51 militants", "ont visé
  trois des sites", "ont tué, dimanche, 97 membres"), with only function words
  between them, or the verb the phrase is the subject of, up to the end of the
  clause ("56 soldats américains avaient été blessés", "2152 objectifs
  neutralisés"). Its *action* (kill, wound, destroy, strike, attack, deploy...)
  combined with the noun's class gives the category
  (``resources/<lang>/head_actions.tsv``): a target struck is a site, a target
  neutralised is destroyed, a fighter counted as a force is troops, "à 14
  reprises" after "attaquées" is attacks.

A count after a partitive ("four of the five contractors who were injured") takes
the category of the count it is part of; an object listed after another
("destroyed two vehicle bombs and four buildings") shares its verb.

A strong noun (strikes, rockets, "morts"...) decides by itself. A number with no
noun of its own ("six ont été menées", "deux en Syrie", "72 du Front al-Nosra")
takes the head of the figure before it in the sentence (else a strong noun
earlier in the sentence, "les frappes ont totalisé 312", else the last figure of
the previous sentence). A weak noun with no verb takes the category of a figure
with the same head coordinated before it ("à 14 reprises en Irak et à 9
reprises en Syrie").

Each result says how sure it is: ``strength`` is ``strong`` when a strong noun,
a verb or a strong antecedent decided, ``weak`` when it is only a weak noun's
default (or ``other``); a later pass (breakdowns, lists) may override weak ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.attribution.clauses import clause_cues
from analysis.mentions.numbers import NumberMention
from analysis.mentions.prepared import Article
from analysis.resources import lexicon

_ADJECTIVES = re.compile(
    r"\s*(?:(?:nouve(?:aux|lles?)|autres|premi(?:ers|ères)|derni(?:ers|ères)|importantes?|grande?s?|petite?s?|"
    r"supplémentaires|nombreux|nombreuses|différente?s|principales?|principaux|seulement|"
    r"other|more|additional|further|civilian|military|operational)\s+)*",
    re.IGNORECASE,
)
# English puts names, nationalities and other nouns before the counted noun ("two ISIL vehicle bombs",
# "one U.S. service member", "two operational and weapons storage facilities", "two drone attacks"):
# the head is the last known noun of the words after the number, which end at a function word.
_EN_WORD = re.compile(r"\s*[\"“‘]?([\w'’-]+(?:\.[\w]+)*\.?)")
_EN_STOP = re.compile(
    r"(?:of|in|at|on|to|from|for|with|by|near|into|across|against|or|but|who|whom|which|that|were|was|are|is|be|"
    r"have|has|had|been|the|a|an|than|as|since|after|before|during|per|each|while|they|he|she|it|we|said|says|"
    r"told|would|will|could|can|may|might|did|do|does|not|no|still|also|there|this|these|those|its|their|his|her)$",
    re.IGNORECASE,
)
_EN_MAX_WORDS = 5
_GLOSS = re.compile(r"\s*\([A-Z][\w.-]{0,9}\)")
_LINK = re.compile(r"\s*(?:de\s+|d'|of\s+)", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s*(?:des\s+|d'entre\s+(?:les\s+)?|of\s+the\s+)", re.IGNORECASE)
_COLLECTIVE = re.compile(r"(?:aines?|milliers?|millions?|milliards?|dozens?)$")
_UNITS = re.compile(
    r"(?:séries|série|vagues?|volées?|rafales?|salves?|types?|sortes?|tonnes?|lots?|groupes?)\s+(?:de\s+|d')",
    re.IGNORECASE,
)
# What may follow a number that has no noun of its own ("six ont été menées", "deux en Syrie").
_ELLIPSIS = re.compile(
    r"\s*(?:$|[,.;:)!?»\"–-]|(?:en|à|au|aux|dans|sur|du|de|des|pour|contre|parmi|selon|lors|chez|et|ou|dont|qui|"
    r"ont|sont|a|avaient|étaient|était|avait|seraient|auraient|se|ne|y|in|of|on|at|and|were|was|have|had)"
    r"(?![\w-])|s'|n'|d')",
    re.IGNORECASE,
)
# Function words that may stand between a verb and its counted object ("ont tué, dimanche, 97 membres").
_FILLER = (
    r"(?:les|des|ses|leurs|ces|la|le|l'|au\s+total|également|aussi|ainsi|notamment|encore|déjà|respectivement|"
    r"hier|aujourd'hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|nuit|à(?:\s+nouveau)?|"
    r"the|some|a\s+total\s+of|a\s+minimum\s+of|\w+ment|\w+ly)"
)
_CLAUSE_END = re.compile(r"[,;:.()«»\"!?]|\s(?:et|mais|que|qu'|dont|où|ou|alors|and|but|while)\s", re.IGNORECASE)
_RELATIVE = re.compile(r"\s(?:qui|who|which|that)\s", re.IGNORECASE)
_OWN_PARTICIPLE = re.compile(r"\s+")
# Between two counted phrases of one list: "two vehicle bombs and four buildings", "trois sites, deux dépôts".
# Items with a bare article may stand between ("nine positions and a checkpoint, six armed trucks").
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|et|ou)\s+)?"
                        r"(?:(?:an?|une?)\s+[^\d,;:.()]{1,40}?,\s*(?:(?:and|or|et|ou)\s+)?)*$", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"(?:été|were|was|been)\s+$", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"[$€£]\s*$")
_PERCENT_UNIT = re.compile(r"%|pour\s?cent|pourcents?|percent|per cent", re.IGNORECASE)
_ACTIVE_ACTIONS = {"kill", "wound", "capture", "destroy", "neutralise"}
_CLOSE_QUOTE = re.compile(r"[\"”’]")
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or|et|ou)\s+", re.IGNORECASE)
_CASUALTY_CLASSES = ("person", "fighter", "troop")


def _cue(art: Article, kind: str) -> re.Pattern | None:
    """A clause cue of the article's language (``resources/<lang>/clauses.tsv``), if it has one."""
    return clause_cues(art.language if art.language in ("fr", "en") else "fr").get(kind)


def _subject_end(art: Article, start: int, sentence: tuple[int, int]) -> int:
    """Where the subject that starts with a counted phrase ends, ``start`` being the end of its noun:
    past a closing quotation mark ('38 "terrorists" were killed'), an aside ("13 fighters, nine of
    whom were Syrians, were killed") and counts coordinated with it ("2,815 civilians and 7,396
    militants were among those killed"), so that the verb after them still governs the phrase."""
    aside = _cue(art, "aside")
    for _ in range(4):
        before = start
        if start < sentence[1] and _CLOSE_QUOTE.match(art.view, start):
            start += 1
        hit = aside.match(art.view, start, sentence[1]) if aside is not None else None
        if hit:
            start = hit.end() - 1  # keep the closing comma out: a coordinated count may follow it
        join = _COORDINATED.match(art.view, start, sentence[1])
        if join:
            nxt = next((x for x in art.numbers if x.start == join.end()), None)
            if nxt is not None:
                head = _head(art, nxt, sentence)
                if head.end is not None:
                    start = head.end
            else:  # one number for two nouns: "11 vehicles and ammunition depots destroyed"
                rx = _nouns(art.language)[0]
                if art.language == "en":
                    found = _english_head(art.view, join.end(), sentence[1], rx, art.language)
                    start = found[1].end() if found else start
                else:
                    noun = rx.match(art.view, _ADJECTIVES.match(art.view, join.end()).end(), sentence[1])
                    start = noun.end() if noun else start
        elif hit:
            start += 1  # past the comma closing the aside
        if start == before:
            break
    return start


@dataclass(frozen=True)
class Category:
    category: str
    subject: str
    noun_start: int | None  # span of the counted noun in the view, if any
    noun_end: int | None
    active: bool = False  # a verb before the number did it ("tuant 27"): its subject is the actor
    strength: str = "weak"  # "strong": a strong noun, a verb or a strong antecedent decided; "weak": a default
    evidence: str = ""  # "noun", "verb", "antecedent", "coordination", "predicate", "toll", "default"


@dataclass(frozen=True)
class _Noun:
    pattern: str
    category: str
    strength: str
    cls: str


@dataclass(frozen=True)
class _Head:
    noun: _Noun | None  # None: an unknown word, or no noun at all (elliptic)
    start: int | None
    end: int | None
    subject_start: int
    elliptic: bool


@dataclass(frozen=True)
class _Verb:
    action: str
    category: str
    active: bool


# --- tables ---------------------------------------------------------------------------------------------------

def _rows(name: str, language: str):
    table = lexicon.read_table(name)
    return table[table["language"] == language].to_dict("records")


@lru_cache(maxsize=None)
def _nouns(language: str) -> tuple[re.Pattern, dict[str, _Noun], tuple[tuple[re.Pattern, _Noun], ...]]:
    rows = _rows("categories", language)
    entries = tuple((re.compile(r["pattern"], re.IGNORECASE),
                     _Noun(r["pattern"], r["category"], r["strength"] or "weak", r.get("class", "") or ""))
                    for r in sorted(rows, key=lambda r: len(r["pattern"]), reverse=True))
    rx = re.compile(r"(?:" + "|".join(r["pattern"] for r in sorted(rows, key=lambda r: len(r["pattern"]), reverse=True))
                    + r")(?![\w-])", re.IGNORECASE)
    return rx, {}, entries


def _noun_entry(hit: str, language: str) -> _Noun | None:
    _, cache, entries = _nouns(language)
    if hit not in cache:
        cache[hit] = next((n for rx, n in entries if rx.fullmatch(hit)), None)
    return cache[hit]


@lru_cache(maxsize=None)
def _verbs(language: str) -> tuple[tuple[_Verb, str], ...]:
    """(verb, position) per row, in table order."""
    return tuple((_Verb(r["action"], r["category"], False), r["position"]) for r in _rows("verbs", language))


@lru_cache(maxsize=None)
def _verb_regexes(language: str) -> tuple[re.Pattern, re.Pattern]:
    """Verbs right before a counted phrase (past fillers), and verbs after it; group ``vN`` is row N."""
    rows = _rows("verbs", language)
    before = "|".join(f"(?P<v{i}>{r['pattern']})" for i, r in enumerate(rows) if r["position"] in ("any", "before"))
    after = "|".join(f"(?P<v{i}>{r['pattern']})" for i, r in enumerate(rows) if r["position"] in ("any", "after"))
    return (re.compile(r"(?<![\w-])(?:" + before + r")(?:\s*,?\s*" + _FILLER + r"(?![\w-]))*\s*,?\s*$", re.IGNORECASE),
            re.compile(r"(?<![\w-])(?:" + after + r")", re.IGNORECASE))


@lru_cache(maxsize=None)
def _head_actions(language: str) -> dict[tuple[str, str], str]:
    return {(r["class"], r["action"]): r["category"] for r in _rows("head_actions", language)}


# --- head noun ------------------------------------------------------------------------------------------------

def _head(art: Article, m: NumberMention, sentence: tuple[int, int]) -> _Head:
    """The counted noun after the number, or none (an elliptic number)."""
    view, language = art.view, art.language
    rx = _nouns(language)[0]
    pos = m.end
    number = view[m.number_start:m.number_end].lower()
    if m.qualifier == "vague" or _COLLECTIVE.search(number):
        link = _LINK.match(view, pos)
        pos = link.end() if link else pos
    partitive = _PARTITIVE.match(view, pos)
    if partitive and rx.match(view, _ADJECTIVES.match(view, partitive.end()).end()):
        pos = partitive.end()  # "trois des sites"
    pos = _ADJECTIVES.match(view, pos).end()
    if language == "en":
        found = _english_head(view, pos, sentence[1], rx, language)
        if found is not None:
            first, noun = found
            return _Head(_noun_entry(noun.group(0), language), noun.start(), noun.end(), first, False)
    subject_start = pos
    unit = _UNITS.match(view, pos)
    if unit:
        pos = unit.end()
    noun = rx.match(view, pos)
    if noun and noun.end() <= sentence[1]:
        return _Head(_noun_entry(noun.group(0), language), noun.start(), noun.end(), subject_start, False)
    rest = _ELLIPSIS.match(view, m.end, sentence[1])
    if rest or m.end >= sentence[1]:
        return _Head(None, None, None, subject_start, True)
    return _Head(None, None, None, subject_start, False)


def _english_head(view: str, pos: int, stop: int, rx: re.Pattern, language: str):
    """(start of the first noun, last noun) of an English noun compound after ``pos``, or None.

    Words up to ``_EN_MAX_WORDS`` are read until a function word, a punctuation mark or, once a
    noun is found, a word that is no noun ("three American troops killed"); "and" may join
    modifiers before the first noun ("operational and weapons storage facilities")."""
    first = last = None
    words = 0
    while pos < stop and words < _EN_MAX_WORDS:
        gloss = _GLOSS.match(view, pos, stop)
        if gloss and words > 0:
            pos = gloss.end()  # "34 Islamic State (IS) militants": an acronym glossing the words before
        word = _EN_WORD.match(view, pos, stop)
        if word is None:
            break
        token = word.group(1)
        acronym = len(token) > 1 and token.isupper()  # "IS casualties": the group, not the verb
        if (_EN_STOP.match(token) and not acronym) or (token.lower() == "and" and last is not None):
            break
        noun = rx.match(view, word.start(1), stop)
        if noun is not None:
            first = first if first is not None else noun.start()
            last = noun
            pos, words = noun.end(), words + 1
            continue
        if last is not None or _verb_regexes(language)[1].match(view, word.start(1)):
            break
        pos, words = word.end(), words + 1
    return (first, last) if last is not None else None


def _casualty_modifier(art: Article, head: _Head) -> str | None:
    """The toll an English casualty word before a person noun gives ("10 wounded fighters",
    "two dead soldiers"): the category of that word (killed, wounded)."""
    if art.language != "en" or head.noun is None or head.noun.cls not in _CASUALTY_CLASSES or head.start is None:
        return None
    rx = _nouns(art.language)[0]
    for word in re.finditer(r"[\w-]+", art.view[head.subject_start:head.start]):
        hit = rx.fullmatch(word.group(0))
        noun = _noun_entry(hit.group(0), art.language) if hit else None
        if noun is not None and noun.strength == "strong" and noun.category in ("killed", "wounded"):
            return noun.category
    return None


# --- verb -----------------------------------------------------------------------------------------------------

def _verb(art: Article, m: NumberMention, head: _Head, sentence: tuple[int, int]) -> _Verb | None:
    """The category verb governing the counted phrase: the verb it is the object of, else the one it is the subject of."""
    before_rx, after_rx = _verb_regexes(art.language)
    verbs = _verbs(art.language)
    view = art.view
    lo = max(sentence[0], m.start - 60)
    hit = before_rx.search(view, lo, m.start)
    if hit and "," in view[hit.end(hit.lastgroup):m.start] and head.end is not None:
        # "one contractor killed, five contractors injured": a participle right after the
        # counted noun is its own verb, not the one before the comma.
        own = _OWN_PARTICIPLE.match(view, _subject_end(art, head.end, sentence))
        after = after_rx.match(view, own.end()) if own else None
        if after:
            verb = verbs[int(after.lastgroup[1:])][0]
            return _Verb(verb.action, verb.category, False)
    if hit:
        verb = verbs[int(hit.lastgroup[1:])][0]
        active = verb.action in _ACTIVE_ACTIONS and not _PASSIVE_BEFORE.search(view, lo, hit.start())
        return _Verb(verb.action, verb.category, active)
    start = head.end if head.end is not None else m.end
    if head.end is not None:
        start = _subject_end(art, start, sentence)
    stop = min(sentence[1], start + 90)
    cut = _CLAUSE_END.search(view, start, stop)
    if cut:
        stop = cut.start()
    # A relative clause right after the phrase has it as subject ("objectifs qui ont été frappés");
    # one further on belongs to another noun.
    rel = _RELATIVE.search(view, start, stop)
    if rel and len(view[start:rel.start()].split()) > 2:
        stop = rel.start()
    hit = after_rx.search(view, start, stop)
    if hit:
        verb = verbs[int(hit.lastgroup[1:])][0]
        return _Verb(verb.action, verb.category, False)
    return None


def _apply(noun: _Noun | None, verb: _Verb | None, language: str) -> str | None:
    """The category a verb gives a noun of its class; a bare number or an unknown noun takes the verb's own."""
    if verb is None:
        return None
    cls = noun.cls if noun is not None else ""
    found = _head_actions(language).get((cls, verb.action))
    if found:
        return found
    if not cls and verb.category:
        return verb.category
    return None


# --- antecedents ----------------------------------------------------------------------------------------------

def _previous(art: Article, m: NumberMention) -> list[NumberMention]:
    return [x for x in art.numbers if x.end <= m.start]


def _cached(art: Article, m: NumberMention) -> tuple[_Head, Category] | None:
    store = art.cache.setdefault("category", {}) if hasattr(art, "cache") else {}
    key = (m.start, m.end)
    if key not in store:
        sentence = art.sentence_of(m.number_start)
        store[key] = _categorise(art, m, sentence)
    return store[key]


def _antecedent(art: Article, m: NumberMention, sentence: tuple[int, int]) -> tuple[_Head, Category] | None:
    """The last figure with a head noun before ``m`` in its sentence."""
    for prev in reversed(_previous(art, m)):
        if prev.start < sentence[0]:
            break
        head, cat = _cached(art, prev)
        if head.noun is not None or cat.category != "other":
            return head, cat
    return None


def _previous_sentence_antecedent(art: Article, m: NumberMention, sentence: tuple[int, int]):
    before = [x for x in _previous(art, m) if x.start < sentence[0]]
    if not before:
        return None
    prev = before[-1]
    prev_sentence = art.sentence_of(prev.number_start)
    if art.sentence_of(max(0, sentence[0] - 1)) != prev_sentence:
        return None  # only the sentence right before
    head, cat = _cached(art, prev)
    return (head, cat) if head.noun is not None else None


def _predicate_noun(art: Article, m: NumberMention, sentence: tuple[int, int]):
    """The last strong noun earlier in the sentence ("les frappes ont totalisé 312")."""
    rx = _nouns(art.language)[0]
    best = None
    for nm in re.finditer(r"(?<![\w-])(?=\w)", art.view[sentence[0]:m.start]):
        hit = rx.match(art.view, sentence[0] + nm.start(), m.start)
        if hit:
            noun = _noun_entry(hit.group(0), art.language)
            if noun and noun.strength == "strong":
                best = (noun, hit)
    return best


def _of_number(art: Article, m: NumberMention) -> NumberMention | None:
    """The count right after a partitive ("four of the five contractors", "trois des cinq soldats")."""
    partitive = _PARTITIVE.match(art.view, m.end)
    if partitive is None:
        return None
    return next((x for x in art.numbers if x.start == partitive.end()), None)


def _listed_verb(art: Article, m: NumberMention, sentence: tuple[int, int]) -> _Verb | None:
    """The verb of the counted phrase this one is listed after, in the same clause."""
    before = [x for x in _previous(art, m) if x.start >= sentence[0]]
    if not before:
        return None
    prev = before[-1]
    p_head, p_cat = _cached(art, prev)
    end = p_head.end if p_head.end is not None else prev.end
    if p_cat.evidence != "verb" or end > m.start or not _LIST_JOIN.match(art.view[end:m.start]):
        return None
    return _verb(art, prev, p_head, sentence) or _listed_verb(art, prev, sentence)


# --- entry point ----------------------------------------------------------------------------------------------

def categorise(art: Article, m: NumberMention, sentence: tuple[int, int]) -> Category:
    """Category and counted noun of one number mention."""
    return _categorise(art, m, sentence)[1]


def _categorise(art: Article, m: NumberMention, sentence: tuple[int, int]) -> tuple[_Head, Category]:
    view = art.view
    if m.is_percent:
        unit = _PERCENT_UNIT.search(view, m.number_start, m.number_end)
        return _Head(None, None, None, m.end, False), Category(
            "percent", unit.group(0) if unit else "%", unit.start() if unit else None, unit.end() if unit else None,
            strength="strong", evidence="noun")
    if _MONEY_BEFORE.search(view, max(0, m.number_start - 3), m.number_start):
        return _Head(None, None, None, m.end, False), Category(
            "money", view[m.number_start - 1:m.number_start], None, None, strength="strong", evidence="noun")

    partitive = _of_number(art, m)
    if partitive is not None:
        # "Four of the five contractors who were injured": what the whole counts.
        p_head, p_cat = _cached(art, partitive)
        return p_head, Category(p_cat.category, p_cat.subject, None, None, p_cat.active, p_cat.strength,
                                "partitive")

    head = _head(art, m, sentence)
    noun = head.noun
    subject = view[head.subject_start:head.end] if head.end is not None else ""
    if noun is not None and noun.strength == "strong":
        return head, Category(noun.category, subject, head.start, head.end, strength="strong", evidence="noun")
    casualty = _casualty_modifier(art, head)
    if casualty:
        return head, Category(casualty, subject, head.start, head.end, strength="strong", evidence="noun")

    verb = _verb(art, m, head, sentence)
    active = bool(verb and verb.active)

    if head.elliptic:
        toll = _cue(art, "toll")
        if toll is not None and toll.search(art.view[sentence[0]:m.start]):
            # "the death toll from the strikes has risen to 23": the dead.
            return head, Category("killed", "", None, None, strength="strong", evidence="toll")
        ante = _antecedent(art, m, sentence)
        if ante is not None:
            a_head, a_cat = ante
            inherited = a_head if a_head.noun is not None else None
            strong_noun = inherited is not None and inherited.noun.strength == "strong"
            # "Sur les 47 attaques, six ont été menées": a strong noun decides; otherwise the
            # number's own verb acts on the inherited noun ("12 civils tués et 5 blessés").
            own = None if strong_noun else (_apply(inherited.noun if inherited else None, verb, art.language)
                                            or _apply(None, verb, art.language))
            if own:
                return head, Category(own, a_cat.subject, None, None, active, "strong", "verb")
            return head, Category(a_cat.category, a_cat.subject, None, None, a_cat.active or active, a_cat.strength,
                                  "antecedent")
        own = _apply(None, verb, art.language)
        if own:
            return head, Category(own, "", None, None, active, "strong", "verb")
        pred = _predicate_noun(art, m, sentence)
        if pred:
            p_noun, hit = pred
            return head, Category(p_noun.category, hit.group(0), hit.start(), hit.end(), strength="strong",
                                  evidence="predicate")
        ante = _previous_sentence_antecedent(art, m, sentence)
        if ante is not None:
            a_head, a_cat = ante
            return head, Category(a_cat.category, a_cat.subject, None, None, a_cat.active, a_cat.strength,
                                  "antecedent")
        return head, Category("other", "", None, None, strength="weak", evidence="default")

    own = _apply(noun, verb, art.language)
    if own:
        return head, Category(own, subject, head.start, head.end, active, "strong", "verb")
    if noun is not None and verb is None:
        # "destroyed two vehicle bombs and four buildings": an object coordinated after another
        # shares its verb.
        listed = _listed_verb(art, m, sentence)
        own = _apply(noun, listed, art.language) if listed else None
        if own:
            return head, Category(own, subject, head.start, head.end, listed.active, "strong", "verb")
    if noun is not None:
        # "attaquées à 14 reprises en Irak et à 9 reprises en Syrie": the same head coordinated.
        for prev in reversed(_previous(art, m)):
            if prev.start < sentence[0]:
                break
            p_head, p_cat = _cached(art, prev)
            if p_head.noun is not None and p_head.noun.pattern == noun.pattern and p_cat.strength == "strong":
                return head, Category(p_cat.category, subject, head.start, head.end, p_cat.active, "strong",
                                      "coordination")
        if noun.cls == "fighter" and m.qualifier == "vague" and verb is None:
            # "hundreds of militants", "3,000 to 5,000 fighters": a force is sized by estimate, a toll
            # counted; a crowd that attacked ("des centaines de miliciens ont attaqué") is no force.
            return head, Category("troops", subject, head.start, head.end, strength="weak", evidence="default")
        return head, Category(noun.category, subject, head.start, head.end, strength="weak", evidence="default")
    return head, Category("other", "", None, None, strength="weak", evidence="default")


def noun_class(art: Article, cat: Category) -> str:
    """The class (fighter, person, equipment...) of a figure's counted noun, "" when it has none."""
    if cat.noun_start is None:
        return ""
    noun = _noun_entry(art.view[cat.noun_start:cat.noun_end], art.language)
    return noun.cls if noun is not None else ""


def head_action_row_matches(row: dict, text: str) -> bool:
    """Whether the first count of ``text`` gets the row's category (a row of ``head_actions``
    is a class and an action: its example is a phrase where both meet)."""
    from analysis.mentions.prepared import prepare  # a reader for tests/test_resources.py only

    art = prepare(text, None, None, row.get("language", "fr"))
    if not art.numbers:
        return False
    m = art.numbers[0]
    return categorise(art, m, art.sentence_of(m.number_start)).category == row["category"]

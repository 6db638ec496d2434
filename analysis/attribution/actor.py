"""Who did the counted thing: the actor of a figure.

Actor names come from ``resources/<lang>/actors.tsv``, clause cues from
``resources/<lang>/clauses.tsv`` (see :mod:`analysis.attribution.clauses`).
Victims are never actors. Evidence, in order:

1. for troops and aircraft, the names inside the counted noun phrase ("six
   Rafale", "soldats d'autres pays membres de la coalition"): whose they are;
2. a participle clause ("…, tuant 51 militants") and a count that follows the
   verb of its clause ("les frappes ont tué 1.046 membres de l'EI") act with
   the clause's subject; a passive clause acts on its subject and its doer is
   the agent after "par"; a subject with no name ("les troupes", "les
   frappes", "elle") is the last named one of its kind earlier in the text;
3. names attached to the counted noun ("frappes américaines et irakiennes",
   "missiles iraniens") or, in English, standing before it ("two Iranian
   drones"), unless the noun is what was acted on; an attack as the subject
   ("a drone attack killed three troops") did it for the attacker the text names;
4. the nearest group of names before the number — skipping targets ("contre
   l'EI"), names a preposition governs, the speaker of a reported statement
   and names that only qualify another ("la coalition dirigée par les
   États-Unis") — or an agent after it ("tués par des frappes de la coalition");
5. for weapons fired and attacks (and the people they killed or wounded), the
   attacker the text attributes them to (:mod:`analysis.attribution.attacker`),
   else ``unknown`` (also for a toll in a relative clause on an attack: "a drone
   attack that killed three soldiers");
   a toll with no doer near it takes the named subject the article's framing gives
   its killing in an earlier sentence ("U.S.-led coalition kills over 10,000");
6. for counts of actions, the subject of an earlier sentence of the
   paragraph, then the friendly force the article names most.

Several friendly names together ("américaines et irakiennes") make the
coalition. ``attribute_with_evidence`` also gives the names that
decided, as written.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from analysis.attribution.attacker import HOSTILE, attacker_at
from analysis.attribution.category import Category, noun_class
from analysis.attribution.clauses import (
    PRONOUN_SUBJECT, clause_of, clauses, cues, finite_verb, governing, is_governed, passive_agent, subject_names,
    subject_span,
)
from analysis.mentions.numbers import NumberMention
from analysis.mentions.prepared import Article, Mention
from analysis.resources import lexicon

__all__ = ["HOSTILE", "FRIENDLY", "attribute", "attribute_with_evidence", "combine", "article_subject"]

FRIENDLY = {"coalition", "us", "france", "uk", "iraq", "sdf"}
INCOMING = {"rockets", "drones", "missiles", "indirect_fire", "attacks"}
# Counts of what was done *to* something: a name attached to the noun ("positions
# de Daech", "12 membres de Daech" captured) is the victim, not the actor.
CARRIED_OVER = {"strikes", "operations", "artillery_rounds", "aircraft", "killed", "wounded", "captured", "destroyed",
                "sites"}
VICTIMS = {"killed", "wounded", "captured"}
PATIENT = {"killed", "wounded", "captured", "destroyed", "sites", "percent", "money"}
OWNED = {"troops", "aircraft"}
# Counted people or things that are not victims ("two cars of ISIS militants raided the village",
# "3,000 Islamic State members surrendered"): whose they are is who acted.
OWNED_CLASSES = {"fighter", "equipment"}
_DONE_TO = ("killed", "wounded", "captured", "destroyed")

_MODIFIER_BEFORE = re.compile(r"(?:dirigée?s?|menée?s?|conduite?s?|led)\s+par\s+(?:les\s+|la\s+|le\s+|l')?$|\b(?:led|headed|backed|supported|sponsored|armed|funded)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_GROUP_LINK = re.compile(r"^\s*(?:et|,|ou|and)?\s*(?:les\s+|la\s+|le\s+|l'|des\s+|de\s+la\s+|de\s+l'|du\s+)?$", re.IGNORECASE)
_ATTACHED_LINK = re.compile(
    r"^\s*(?:,\s*)?(?:et\s+|ou\s+|and\s+|or\s+)?(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d'|de\s+|par\s+l'|par\s+les\s+|par\s+la\s+|par\s+|"
    r"soutenu(?:e|s|es)?\s+par\s+|by\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# The complements of a noun phrase up to a name: "d'autres pays membres de la", "de la 9e division de l'".
_OWNER_LINK = re.compile(
    r"^\s*(?:(?:de\s+|d'|du\s+|des\s+|of\s+(?:the\s+)?)(?:l'|la\s+|les\s+)?(?:[\w-]+\s+){0,3}?)*"
    r"(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d'|de\s+|of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_ATTACK = re.compile(r"\b(?:attaque|attentat|tirs?\s+de\s+roquettes?|roquettes?|drones?\s+(?:piégé|armé|kamikaze)|"
                     r"attaque\s+de\s+drone|attacks?|rockets?)", re.IGNORECASE)
_ATTACK_BEFORE = re.compile(_ATTACK.pattern + r"\w*\s*,?\s*$", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
_RELATIVE_OPEN = re.compile(r"\s*(?:qui|that|which)\b", re.IGNORECASE)
_FIRING = re.compile(r"\b(?:tir|lan[cç]|fir|launch)\w*", re.IGNORECASE)
_AMONG = re.compile(r"^\s*(?:parmi|among)\s+(?:les\s+|des\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _evidence(art: Article, names: list[Mention]) -> str:
    return " ; ".join(art.text[a.start:a.end] for a in names)


def combine(actors: list[str]) -> str:
    """One actor for a group of names: several friendly forces act as the coalition."""
    distinct = list(dict.fromkeys(actors))
    if len(distinct) > 1 and all(a in FRIENDLY for a in distinct):
        return "coalition"
    return distinct[0]


def _is_target(art: Article, a: Mention, floor: int) -> bool:
    return bool(cues(art)["target"].search(art.view, max(floor, a.start - 60), a.start))


def _is_modifier(art: Article, a: Mention) -> bool:
    return bool(_MODIFIER_BEFORE.search(art.view, max(0, a.start - 25), a.start))


def _is_place_adjective(art: Article, a: Mention) -> bool:
    """A nationality adjective of a place ("la frontière irakienne", "the Iraqi border")."""
    head, tail = cues(art).get("place_head"), cues(art).get("place_tail")
    return bool(head and head.search(art.view, max(0, a.start - 30), a.end)
                or tail and tail.match(art.view, a.start, a.end + 30))


def _is_source(art: Article, a: Mention, clause) -> bool:
    """A name in the reported source of the clause ("ont déclaré des responsables irakiens")."""
    return bool(cues(art)["source"].search(art.view, max(clause[0], a.start - 45), a.start))


def _attached(art: Article, names: list[Mention], after: int, limit: int, link: re.Pattern = _ATTACHED_LINK
              ) -> list[Mention]:
    """Names chained right after ``after`` (the end of the counted noun)."""
    out, pos = [], after
    for a in names:
        if a.start < pos:
            continue
        if a.start > limit or not link.match(art.view[pos:a.start]):
            break
        out.append(a)
        pos, link = a.end, _ATTACHED_LINK
    return out


def _groups_before(art: Article, names: list[Mention]) -> list[list[Mention]]:
    """Consecutive names joined by "et" or a comma form one group."""
    groups: list[list[Mention]] = []
    for a in names:
        if groups and _GROUP_LINK.match(art.view[groups[-1][-1].end:a.start]):
            groups[-1].append(a)
        else:
            groups.append([a])
    return groups


def _usable(art: Article, names: list[Mention]) -> list[Mention]:
    """Names that can act: not qualifying another, not a place's adjective, not a reported source."""
    out = []
    for a in names:
        if _is_modifier(art, a) or _is_place_adjective(art, a):
            continue
        parts = clauses(art, art.sentence_of(a.start))
        if _is_source(art, a, clause_of(parts, a.start)):
            continue
        out.append(a)
    return out


def attribute(art: Article, m: NumberMention, cat: Category, sentence: tuple[int, int]) -> str:
    """The actor of one figure (``unknown`` when the text does not say)."""
    return attribute_with_evidence(art, m, cat, sentence)[0]


def attribute_with_evidence(art: Article, m: NumberMention, cat: Category,
                            sentence: tuple[int, int]) -> tuple[str, str]:
    """The actor of one figure and the words that decided it (empty when none did)."""
    actor, names = _attribute(art, m, cat, sentence)
    if isinstance(names, str):
        return actor, names
    return actor, _evidence(art, names) if actor != "unknown" else ""


def _attacker(art: Article, pos: int):
    found = attacker_at(art, pos)
    return (found[0], [found[1]] if found[1] else "") if found else ("unknown", "")


def _subject_of(art: Article, clause, names: list[Mention], before: int):
    """The actor of an active clause's subject: its names, or for an unnamed subject ("les
    troupes", "les frappes", "elle") the last named one of its kind earlier in the text."""
    span = subject_span(art, clause)
    if span is None:
        return None
    named = [a for a in subject_names(art, clause, names) if a.end <= before]
    if named:
        return combine([a.value for a in named]), named
    if not art.view[span[0]:span[1]].strip(" ,«»\"'"):
        return None
    if _ATTACK.search(art.view, span[0], span[1]):
        # "a suicide drone attack killed three troops": whoever the text says carries out the attacks.
        return _attacker(art, span[0])
    if PRONOUN_SUBJECT.match(art.view, span[0], span[1]):
        # "…, qu'elle ne l'a fait…": a pronoun takes the subject of an earlier clause of the sentence
        parts = clauses(art, art.sentence_of(span[0]))
        for earlier in reversed([c for c in parts if c[1] <= clause[0] and c[2] not in ("gerund", "relative")]):
            named = subject_names(art, earlier, names)
            if named:
                return combine([a.value for a in named]), named
    return _antecedent(art, span)


def _antecedent(art: Article, span: tuple[int, int]):
    """The doer an unnamed subject refers back to: for a strike or aircraft noun, the last strike
    the text gives a doer; otherwise the subject of the nearest earlier sentence that names one."""
    text = art.view[span[0]:span[1]]
    strike = cues(art)["strike_noun"].search(text)
    if strike and not cues(art)["fighting"].search(text):
        found = _last_strike_doer(art, span[0])
        if found:
            return found
    if cues(art)["fighting"].search(text):
        return None
    friendly_head = PRONOUN_SUBJECT.match(text) or re.search(
        r"\b(?:troupes|soldats|forces|militaires|armée|troops|soldiers|forces|army)\b", text, re.IGNORECASE)
    if not (friendly_head or strike):
        return None
    return _earlier_subject(art, span[0])


def _earlier_subject(art: Article, pos: int, limit: int = 4):
    """The named subject (or passive agent) of one of the ``limit`` sentences before ``pos``."""
    earlier = [s for s in art.sentences if s[1] <= pos][-limit:]
    for sentence in reversed(earlier):
        names = _usable(art, [a for a in art.all_actors() if sentence[0] <= a.start and a.end <= sentence[1]])
        for clause in clauses(art, sentence):
            if clause[2] in ("gerund", "relative"):
                continue
            named = subject_names(art, clause, names)
            if named:
                return combine([a.value for a in named]), named
            _, agent, _ = passive_agent(art, clause, names, cues(art)["agent"])
            if agent:
                return combine([a.value for a in agent]), agent
    return None


def _last_strike_doer(art: Article, pos: int, limit: int | None = None):
    """The doer of the last strike, raid or aircraft before ``pos`` that the text gives one (in
    the ``limit`` sentences before, if given): a name attached to the noun ("frappes de la
    coalition", "raids américains", "U.S. airstrikes") or the subject of its clause ("l'armée
    française a mené un nouveau raid")."""
    names = _usable(art, [a for a in art.all_actors() if a.end <= pos])
    for sentence in list(reversed([s for s in art.sentences if s[0] < pos]))[:limit]:
        inside = [a for a in names if sentence[0] <= a.start and a.end <= sentence[1]]
        if not inside:
            continue
        for noun in reversed(list(cues(art)["strike_noun"].finditer(art.view, sentence[0], min(pos, sentence[1])))):
            attached = [a for a in _attached(art, inside, noun.end(), noun.end() + 40)
                        if not _is_target(art, a, noun.end())]
            # English puts the doer before the noun: "U.S. airstrikes", "coalition and Iraqi strikes".
            before = [a for a in inside if a.end <= noun.start()
                      and not art.view[a.end:noun.start()].strip(" -") and not _is_target(art, a, sentence[0])]
            if before and not attached:
                group = _groups_before(art, [a for a in inside if a.end <= before[-1].end])[-1]
                attached = [a for a in group if not _is_target(art, a, sentence[0])]
            if attached:
                return combine([a.value for a in attached]), attached
            clause = clause_of(clauses(art, sentence), noun.start())
            if passive_agent(art, clause, inside, cues(art)["agent"])[0]:
                continue  # "34 militants were killed in air strikes": the subject is acted on
            named = subject_names(art, clause, inside)
            if named and named[-1].end <= noun.start():
                return combine([a.value for a in named]), named
    return None


def _owner(art: Article, m: NumberMention, cat: Category, sentence) -> list[Mention]:
    """For troops and aircraft, the names inside the counted noun phrase: "six Rafale",
    "soldats américains", "soldats d'autres pays membres de la coalition"."""
    if cat.noun_start is None or not (cat.category in OWNED
                                      or cat.category == "other" and art.language == "en"
                                      and noun_class(art, cat) in OWNED_CLASSES):
        return []
    inside = art.within("actors", sentence[0], sentence[1])
    own = [a for a in inside if m.end <= a.start and a.end <= cat.noun_end]
    if own:
        return own
    return _attached(art, _usable(art, inside), cat.noun_end, cat.noun_end + 60, _OWNER_LINK)


def _modifiers(art: Article, m: NumberMention, cat: Category) -> list[Mention]:
    """Names standing between a number and its counted noun (English order: "three U.S. airstrikes")."""
    if cat.noun_start is None or cat.noun_start <= m.end:
        return []
    return [a for a in art.within("actors", m.end, cat.noun_start) if not _is_place_adjective(art, a)]


_INDEFINITE_BEFORE = re.compile(r"(?:^|\W)(?:an?|une?|des)\s+$", re.IGNORECASE)


def _qualifies_a_count(art: Article, a: Mention) -> bool:
    """Whether a name stands right after a number or an indefinite article, inside a counted
    or listed noun phrase ("nine ISIS tactical units", "an ISIS headquarters")."""
    if _INDEFINITE_BEFORE.search(art.view, max(0, a.start - 6), a.start):
        # "by a US drone strike" names the doer, not something hit
        return not cues(art)["agent"].search(art.view, max(0, a.start - 40), a.start)
    return any(x.end <= a.start and not art.view[x.end:a.start].strip() for x in art.numbers
               if a.start - 3 <= x.end <= a.start)


def _victims_side(art: Article, m: NumberMention, cat: Category, sentence) -> list[Mention]:
    """The names the victims are described by: in the counted noun ("311 jihadistes"), attached
    to it ("membres des FDS") or after "parmi" ("50 blessés parmi les soldats américains")."""
    if cat.noun_start is None:
        return []
    inside = art.within("actors", sentence[0], sentence[1])
    own = [a for a in inside if m.start <= a.start and a.end <= cat.noun_end and not (a.start < m.end)]
    if own:
        return own
    attached = _attached(art, inside, cat.noun_end, cat.noun_end + 50)
    if attached:
        return attached
    return [a for a in inside if cat.noun_end <= a.start < cat.noun_end + 60
            and _AMONG.match(art.view[cat.noun_end:a.start])][:1]


def _fighting(art: Article, m: NumberMention, cat: Category, sentence, clause):
    """Dead counted on both sides of fighting ("les combats ont tué 311 jihadistes et 106 membres
    des FDS"): each side's dead were killed by the other side named in the sentence."""
    span = subject_span(art, clause)
    if span is None or not cues(art)["fighting"].search(art.view, *span):
        return None
    side = _victims_side(art, m, cat, sentence)
    if not side:
        return None
    ours = {a.value for a in side}
    others = [a for a in art.within("actors", span[1], sentence[1])
              if a.value not in ours and (a.value in HOSTILE) != (side[0].value in HOSTILE)]
    return (others[0].value, others[:1]) if others else None


def _effective_clause(art: Article, parts, here):
    """A clause with no verb of its own (", et 52 civils") continues the clause before it."""
    i = parts.index(here)
    if here[2] not in ("coordination", "complement") or finite_verb(art, here) is not None:
        return here
    i -= 1
    while i > 0 and (parts[i][2] in ("relative", "gerund") or finite_verb(art, parts[i]) is None):
        i -= 1
    return parts[i]


def _attribute(art: Article, m: NumberMention, cat: Category, sentence: tuple[int, int]):
    parts = clauses(art, sentence)
    here = clause_of(parts, m.start)
    names = [
        a for a in art.within("actors", sentence[0], sentence[1])
        if not (a.start < m.end and m.start < a.end)
        and not (cat.noun_start is not None and cat.noun_start <= a.start < cat.noun_end)
        and not _is_modifier(art, a)
        and not _is_place_adjective(art, a)
        and not _is_source(art, a, clause_of(parts, a.start))
    ]
    incoming = cat.category in INCOMING
    found = cues(art)

    if cat.evidence == "toll":
        # "The death toll from U.S. airstrikes … has risen to 23": the dead of those strikes.
        doer = _last_strike_doer(art, m.start, limit=1)
        if doer:
            return doer

    owner = _owner(art, m, cat, sentence)
    if owner:
        return combine([a.value for a in owner]), owner

    # Names between the number and its noun ("two Iranian missiles", "two ISIL vehicle bombs"):
    # the doer of what is counted, or, for what was done to it, the victim's side.
    modifiers = _modifiers(art, m, cat)
    if modifiers and cat.category not in PATIENT:
        return combine([a.value for a in modifiers]), modifiers
    names = [a for a in names if a not in modifiers]
    if cat.category in PATIENT:
        # "destroyed nine ISIL positions and eight vehicles": a name qualifying another count of
        # what was hit is on the receiving side too, never the doer of this one.
        names = [a for a in names if not _qualifies_a_count(art, a)]

    # A participle clause ("…, tuant 51 militants") acts with the subject of the clause it
    # hangs on; what it counts (the victims, the things destroyed) never acts.
    if here[2] == "gerund":
        ruling = governing(parts, here)
        subject = _subject_of(art, ruling, names, m.start)
        if subject:
            return subject
        passive, agent, _ = passive_agent(art, ruling, names, cues(art)["agent"])
        if agent:
            return agent[0].value, agent
        if passive or _ATTACK.search(art.view, ruling[0], ruling[1]) or incoming:
            return _attacker(art, m.start)
        return "unknown", ""

    # A relative clause on an attack ("a drone attack that killed three U.S. soldiers"): the
    # attack did it, for the attacker the text names.
    if here[2] in ("relative", "complement") and cat.category in VICTIMS and cat.active and _ATTACK_BEFORE.search(
            art.view, max(sentence[0], here[0] - 40), here[0]) and _RELATIVE_OPEN.match(art.view, here[0]):
        return _attacker(art, m.start)

    # A toll with the circumstances after it ("a civilian was killed and 20 others wounded when IS
    # militants fired mortar rounds"): the subject of that clause inflicted it.
    if cat.category in VICTIMS and not cat.active and found.get("cause") is not None:
        for later in parts[parts.index(here) + 1:]:
            if later[2] != "complement" or not found["cause"].match(art.view, later[0], later[1]):
                continue
            named = [a for a in subject_names(art, later, names) if a not in modifiers]
            if named:
                return combine([a.value for a in named]), named

    # A passive clause: its subject is acted on; the agent is "par …", else for an
    # attack the attacker the text names.
    passive, agent, attack = passive_agent(art, here, names, cues(art)["agent"])
    if passive:
        # The grammatical subject: the names just before the passive verb, after any
        # fronted phrase ("Selon l'armée irakienne, 70 % de la ville a été libérée").
        verb = found["passive"].search(art.view, here[0], here[1])
        lo = max(here[0], art.view.rfind(",", here[0], verb.start()) + 1)
        patients = [a for a in names if lo <= a.start < verb.start()]
        if agent:
            return combine([a.value for a in agent]), agent
        if attack and any(a.value in FRIENDLY for a in patients):
            return _attacker(art, m.start)
        names = [a for a in names if a not in patients]

    # A count after the verb of an active clause ("les frappes ont tué 1.046 membres de l'EI",
    # "La force Chammal a détruit deux sites") was done by the clause's subject.
    clause = _effective_clause(art, parts, here)
    verb = finite_verb(art, clause)
    if clause[2] != "relative" and verb is not None and verb.end() <= m.start and (
            cat.category in _DONE_TO or lexicon.verb_anywhere_regex(art.language if art.language in ("fr", "en")
                                                                     else "fr").search(art.view, verb.start(), m.start)):
        fighting = _fighting(art, m, cat, sentence, clause)
        if fighting:
            return fighting
        # "la coalition a abattu deux drones": who shoots a weapon down did not launch it.
        shot_down = found["finder"].search(art.view, verb.start(), m.start) is not None
        subject = None if shot_down else _subject_of(art, clause, names, m.start)
        if subject:
            return subject

    attached = []
    if cat.noun_end is not None:
        attached = _attached(art, names, cat.noun_end, cat.noun_end + 40)
        if attached and cat.category not in PATIENT:
            return combine([a.value for a in attached]), attached
    names = [a for a in names if a not in attached]

    before = [a for a in names if a.end <= m.start and not _is_target(art, a, sentence[0])]
    if cat.category in VICTIMS and not cat.active:
        # "Trois soldats américains ont été tués": names before a passive count are the victims'.
        before = []
    if found["finder"].search(art.view, sentence[0], m.start):
        # "Les forces irakiennes ont découvert sept plates-formes": the finder made none of them.
        before = [a for a in before if a.value not in FRIENDLY]
    groups = _groups_before(art, before)
    if groups:
        group = groups[-1]
        actor = combine([a.value for a in group])
        if not incoming or actor not in FRIENDLY or _FIRING.search(art.view, group[-1].end, m.start):
            return actor, group
        hostile = [a.value for a in before if a.value in HOSTILE]
        if hostile:
            return hostile[-1], [a for a in before if a.value in HOSTILE][-1:]

    after = [a for a in names if a.start >= m.end and not _is_target(art, a, m.end)]
    cues_after = [s for s, e in art.within("cues", m.end, sentence[1])]
    first_cue = min(cues_after, default=sentence[1])
    for a in after:
        if a.start < first_cue and found["agent"].search(art.view, max(m.end, a.start - 40), a.start):
            if not incoming or a.value not in FRIENDLY:
                return a.value, [a]
    victims_friendly = cat.category in VICTIMS and any(
        a.value in FRIENDLY for a in _victims_side(art, m, cat, sentence))
    if incoming or (cat.category in VICTIMS and not cat.active
                    and (_ATTACK.search(art.view, *sentence) or victims_friendly)):
        return _attacker(art, m.start)
    # The victims of strikes ("38 enfants figurent parmi les victimes des bombardements"):
    # the last strike the text gives a doer.
    if cat.category in VICTIMS or found["strike_noun"].search(art.view, m.end, sentence[1]):
        strike = found["strike_noun"].search(art.view, sentence[0], sentence[1])
        if strike and not found["fighting"].search(art.view, *sentence):
            doer = _last_strike_doer(art, sentence[0])
            if doer:
                return doer
    if cat.category in VICTIMS and not victims_friendly and not found["fighting"].search(art.view, *sentence):
        # A toll with no doer in its sentence, in a report of strikes ("13 fighters were killed in
        # al-Mayadeen", after "the toll from U.S. airstrikes has risen to 23"): the strikes' doer.
        doer = _last_strike_doer(art, m.start, limit=3)
        if doer:
            return doer
    if cat.category in VICTIMS and not victims_friendly and not found["fighting"].search(art.view, *sentence):
        # No doer near the toll: the one the article's framing gives its killing ("U.S.-led
        # coalition kills over 10,000 in 40 months", "Iraqi forces killed 40 militants").
        doer = _framing_doer(art, m.start)
        if doer:
            return doer
    action = bool(found["action_noun"].match(art.view, m.end, min(sentence[1], m.end + 60)))
    if cat.category not in CARRIED_OVER and not action:
        return "unknown", ""
    # The subject of an earlier sentence of the paragraph ("La coalition a poursuivi ses
    # frappes. Près d'Hajin, 11 frappes ont touché…"), else the last names of the paragraph
    # outside targets; for counts of actions only: a crowd or a share ("des milliers de
    # manifestants") does not inherit a doer.
    paragraph = art.line_start(m.start)
    earlier = _earlier_subject(art, sentence[0])
    if earlier and earlier[1][0].start >= paragraph:
        return earlier
    earlier = [a for a in art.within("actors", paragraph, sentence[0])
               if not _is_target(art, a, paragraph) and not _is_modifier(art, a)
               and not (cat.category in PATIENT and _qualifies_a_count(art, a))]
    groups = _groups_before(art, earlier)
    if groups:
        return combine([a.value for a in groups[-1]]), groups[-1]
    # Last, for a count of actions (bombs dropped, targets hit, sites struck or destroyed), the
    # friendly force the article names most often.
    # The same for the dead or wounded of the other side ("2,000 IS casualties"): the war the
    # article reports is the friendly force's. Not in a headline: it repeats a figure of the body,
    # which says who did it (see :mod:`analysis.attribution.repeats`).
    hostile_victims = cat.category in VICTIMS and art.line_start(m.start) > 0 and any(
        a.value in HOSTILE for a in _victims_side(art, m, cat, sentence) + _modifiers(art, m, cat))
    if action or hostile_victims or cat.category in ("strikes", "operations", "artillery_rounds", "aircraft", "sites",
                                                     "destroyed"):
        subject = article_subject(art)
        if subject:
            return subject, ""
    return "unknown", ""


@lru_cache(maxsize=None)
def _kill_verbs(language: str) -> re.Pattern | None:
    """The verbs of killing or wounding that may stand before their count ("kills over 10,000")."""
    patterns = [e.regex.pattern for e in lexicon.verbs(language if language in ("fr", "en") else "fr")
                if e.value in VICTIMS and e.extra[0] == "any"]
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE) if patterns else None


def _framing_doer(art: Article, pos: int):
    """The named subject of the first active verb of killing with a count after it ("X kills
    over 10,000") in the sentences before the one of ``pos`` (the headline or lead, which frames
    the tolls that follow), or None. The verbs are the ``killed``/``wounded`` rows of
    ``resources/<lang>/verbs.tsv`` that may stand before a number."""
    kill = _kill_verbs(art.language)
    if kill is None:
        return None
    here = art.sentence_of(pos)[0]
    for sentence in art.sentences:
        if sentence[1] > here:
            break
        if not kill.search(art.view, *sentence):
            continue
        names = _usable(art, [a for a in art.all_actors() if sentence[0] <= a.start and a.end <= sentence[1]])
        for clause in clauses(art, sentence):
            verb = next((v for v in kill.finditer(art.view, clause[0], clause[1])
                         if not v.group(0).lower().endswith(("ing", "ant"))
                         and art.within("numbers", v.end(), v.end() + 25)), None)
            if verb is None or clause[2] in ("gerund", "relative") or _BE_BEFORE.search(
                    art.view, clause[0], verb.start()):
                continue
            # The subject: from the clause start (after a fronted phrase closed by a comma) to the
            # verb, which a headline writes in the present plural ("Iraqi troops kill 25 militants").
            lo = max(clause[0], art.view.rfind(",", clause[0], verb.start()) + 1)
            named = [a for a in names if lo <= a.start and a.end <= verb.start()
                     and not is_governed(art, a, lo) and not _is_target(art, a, lo)]
            if named and not _ATTACK.search(art.view, named[-1].end, verb.start()):
                return combine([a.value for a in named]), named
    return None


def article_subject(art: Article) -> str | None:
    """The friendly force an article names most often outside targets (its title included)."""
    if "subject" not in art.cache:
        names = [a for a in art.all_actors() if a.value in FRIENDLY
                 and not _is_target(art, a, 0) and not _is_modifier(art, a) and not _is_place_adjective(art, a)
                 and not cues(art)["source"].search(art.view, max(0, a.start - 45), a.start)]
        counts = Counter(a.value for a in names)
        art.cache["subject"] = counts.most_common(1)[0][0] if counts else None
    return art.cache["subject"]

"""Who did the counted thing: the actor of a figure.

Actor names come from ``resources/<lang>/actors.tsv``. Evidence, in order:

1. names attached to the counted noun ("frappes américaines et irakiennes",
   "missiles iraniens", "miliciens soutenus par l'Iran"), unless the noun is
   what was acted on ("positions de Daech" destroyed: Daech is the victim);
2. the nearest group of names before the number in the sentence — the
   subject in French word order — skipping targets ("contre l'EI", "visant
   des milices"), the speaker of a reported statement and names that only
   qualify another ("la coalition dirigée par les États-Unis");
3. an agent after the number ("tués par des frappes de la coalition");
4. for counts of actions, the nearest names in the earlier sentences of the paragraph;
5. for weapons fired at bases (rockets, drones, missiles, indirect fire,
   attacks), the hostile actor the article is about, since the friendly
   forces in such sentences are the targets or the ones shooting down.

Several friendly names together ("américaines et irakiennes") make the
coalition.

Before these, the sentence is split into clauses (cues in ``resources/<lang>/clauses.tsv``):
a participle clause ("…, tuant 51 militants") takes the subject of the clause
it hangs on (or its passive agent, or for an attack the article's attacker);
in a passive clause the subject is acted on and the agent is "par …". Names of
a reported source ("des responsables irakiens") and nationality adjectives of
a place ("la frontière irakienne") never act. Last, a count of actions (bombs,
targets, sorties) with no name in its sentence or paragraph goes to the
friendly force the article names most. ``attribute_with_evidence`` also gives
the names that decided, as written.
"""

from __future__ import annotations

import re
from collections import Counter

from functools import lru_cache

from analysis.attribution.category import Category
from analysis.mentions.prepared import Article, Mention
from analysis.resources import lexicon
from analysis.resources.lexicon import read_table
from analysis.mentions.numbers import NumberMention

FRIENDLY = {"coalition", "us", "france", "uk", "iraq", "sdf"}
HOSTILE = ("iran_backed", "iran", "isis")
INCOMING = {"rockets", "drones", "missiles", "indirect_fire", "attacks"}
# Counts of what was done *to* something: a name attached to the noun ("positions
# de Daech", "12 membres de Daech" captured) is the victim, not the actor.
CARRIED_OVER = {"strikes", "operations", "artillery_rounds", "aircraft", "killed", "wounded", "captured", "destroyed",
                "sites"}
VICTIMS = {"killed", "wounded", "captured"}
PATIENT = {"killed", "wounded", "captured", "destroyed", "sites", "percent", "money"}

_TARGET_BEFORE = re.compile(
    r"(?:\bcontre|\bvisant|\bvisé(?:e|s|es)?|\bciblant|\bciblé(?:e|s|es)?|\bsur|\bvers|\bfrappant|\bcombattre|"
    r"\bà l'encontre|\bagainst|\btargeting|\bdéfaite|\bliée?s?\s+(?:à|au|aux)|\butilisée?s?\s+par)\b[^,;:.]{0,45}$",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(r"(?:dirigée?s?|menée?s?|conduite?s?|led)\s+par\s+(?:les\s+|la\s+|le\s+|l')?$|(?:by)\s+(?:the\s+)?$", re.IGNORECASE)
_GROUP_LINK = re.compile(r"^\s*(?:et|,|ou|and)?\s*(?:les\s+|la\s+|le\s+|l'|des\s+|de\s+la\s+|de\s+l'|du\s+)?$", re.IGNORECASE)
_ATTACHED_LINK = re.compile(
    r"^\s*(?:,\s*)?(?:et\s+|ou\s+)?(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d'|de\s+|par\s+l'|par\s+les\s+|par\s+la\s+|par\s+|"
    r"soutenu(?:e|s|es)?\s+par\s+)?$",
    re.IGNORECASE,
)
_AGENT_BEFORE = re.compile(r"(?:\bpar|\b(?:frappes?|raids?|bombardements?|tirs?)(?:\s+aériens?|\s+aériennes?)?)\s+(?:des\s+|les\s+|la\s+|le\s+|l'|un\s+|une\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)
_ATTACK = re.compile(r"\b(?:attaque|attentat|tirs?\s+de\s+roquettes?|roquettes?|drones?\s+(?:piégé|armé|kamikaze)|"
                     r"attaque\s+de\s+drone)", re.IGNORECASE)
_FIRING = re.compile(r"\b(?:tir|lan[cç])\w*", re.IGNORECASE)


@lru_cache(maxsize=None)
def clause_cues(language: str) -> dict[str, re.Pattern]:
    """The clause cues of ``resources/<lang>/clauses.tsv`` for one language, one regex per kind."""
    table = read_table("clauses")
    table = table[table["language"] == language]
    return {kind: _cue_regex(rows["pattern"]) for kind, rows in table.groupby("kind")}


def _cue_regex(patterns) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Where each kind of clause cue is looked for: before a name ("depuis la frontière | irakienne"),
# right after a number ("16 | bombes ont été lancées"), or anywhere in the clause.
_BEFORE_NAME = {"place_head": 30, "source": 45}
_AFTER_NUMBER = ("action_noun",)


def clause_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``clauses`` fires on ``text`` where the package looks for its kind."""
    rx = _cue_regex([row["pattern"]])
    if row["kind"] in _BEFORE_NAME:
        reach = _BEFORE_NAME[row["kind"]]
        names = [s for s, _, _ in lexicon.actor_matcher().finditer(text)]
        return any(rx.search(text, max(0, s - reach), s) for s in names)
    if row["kind"] in _AFTER_NUMBER:
        return any(rx.match(text, m.end(), min(len(text), m.end() + 60)) for m in re.finditer(r"\d+", text))
    return bool(rx.search(text))


def _cues(art: Article) -> dict[str, re.Pattern]:
    return clause_cues(getattr(art, "language", "fr") if getattr(art, "language", "fr") in ("fr", "en") else "fr")


def clauses(art: Article, sentence: tuple[int, int]) -> list[tuple[int, int, str]]:
    """Split a sentence into clauses: (start, end, kind), kind being the cue that opens it
    ("main" for the first one, "gerund", "relative", "coordination")."""
    cues = _cues(art)
    cuts = []
    for kind in ("gerund", "relative", "coordination"):
        for m in cues[kind].finditer(art.view, *sentence):
            cuts.append((m.start(), kind))
    cuts.sort()
    out, start, kind = [], sentence[0], "main"
    for pos, k in cuts:
        if pos > start:
            out.append((start, pos, kind))
            start, kind = pos, k
        elif pos == start and k == "gerund":
            kind = k
    out.append((start, sentence[1], kind))
    return out


def _is_place_adjective(art: Article, a: Mention) -> bool:
    return bool(_cues(art)["place_head"].search(art.view, max(0, a.start - 30), a.start))


def _is_source(art: Article, a: Mention, clause: tuple[int, int, str]) -> bool:
    """A name in the reported source of the clause ("ont déclaré des responsables irakiens")."""
    lo = clause[0]
    return bool(_cues(art)["source"].search(art.view, max(lo, a.start - 45), a.start))


def _subject(art: Article, clause: tuple[int, int, str], names: list[Mention]) -> list[Mention]:
    """The names before the verb of a clause (its subject), unless the clause is passive."""
    cues = _cues(art)
    text_lo = clause[0]
    if clause[2] == "gerund":
        return []
    verb = cues["auxiliary"].search(art.view, text_lo, clause[1])
    if verb is None:
        return []
    if cues["passive"].match(art.view, verb.start()):
        return []
    subject = [a for a in names if text_lo <= a.start and a.end <= verb.start()]
    return _groups_before(art, subject)[0] if subject else []


def _passive_agent(art: Article, clause: tuple[int, int, str], names: list[Mention]) -> tuple[bool, list[Mention], bool]:
    """(passive?, agent names after "par", attack verb?) for one clause."""
    cues = _cues(art)
    verb = cues["passive"].search(art.view, clause[0], clause[1])
    if verb is None:
        return False, [], False
    agent = [a for a in names if a.start >= verb.end() and a.end <= clause[1]
             and _AGENT_BEFORE.search(art.view, max(verb.end(), a.start - 40), a.start)]
    attack = bool(cues["attack_verb"].search(art.view, verb.start(), verb.end()))
    return True, agent[:1] if agent else [], attack


def _evidence(art: Article, names: list[Mention]) -> str:
    return " ; ".join(art.text[a.start:a.end] for a in names)


def combine(actors: list[str]) -> str:
    """One actor for a group of names: several friendly forces act as the coalition."""
    distinct = list(dict.fromkeys(actors))
    if len(distinct) > 1 and all(a in FRIENDLY for a in distinct):
        return "coalition"
    return distinct[0]


def _in_sentence(art: Article, sentence) -> list[Mention]:
    return art.within("actors", sentence[0], sentence[1])


def _is_target(art: Article, a: Mention, floor: int) -> bool:
    return bool(_TARGET_BEFORE.search(art.view, max(floor, a.start - 60), a.start))


def _is_modifier(art: Article, a: Mention) -> bool:
    return bool(_MODIFIER_BEFORE.search(art.view, max(0, a.start - 25), a.start))


def _attached(art: Article, names: list[Mention], after: int, limit: int) -> list[Mention]:
    """Names chained right after ``after`` (the end of the counted noun)."""
    out, pos = [], after
    for a in names:
        if a.start < pos:
            continue
        if a.start > limit or not _ATTACHED_LINK.match(art.view[pos:a.start]):
            break
        out.append(a)
        pos = a.end
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


def article_attacker(art: Article) -> str | None:
    """The hostile actor an article names most often outside target phrases.

    The paragraphs with figures are read first; the rest of the article (its
    title, say) only when they name none.
    """
    if "attacker" not in art.cache:
        art.cache["attacker"] = _most_named_hostile(art, art.actors) or _most_named_hostile(art, art.all_actors())
    return art.cache["attacker"]


def _most_named_hostile(art: Article, names: list[Mention]) -> str | None:
    counts = Counter(_through_proxies(art, a, names) for a in names if a.value in HOSTILE and not _is_target(art, a, 0))
    if not counts:
        return None
    top = max(counts.values())
    return next(_through_proxies(art, a, names) for a in names if counts.get(_through_proxies(art, a, names)) == top)


def _through_proxies(art: Article, a: Mention, names: list[Mention]) -> str:
    """Iran acting in a sentence that names its proxies ("l'Iran a multiplié les attaques
    via ses supplétifs") acts through them."""
    if a.value != "iran":
        return a.value
    for b in art.all_actors():
        if b.value == "iran_backed":
            lo, hi = min(a.end, b.end), max(a.start, b.start)
            if hi - lo < 200 and not re.search(r"[.!?]\s", art.view[lo:hi]):
                return "iran_backed"
    return a.value


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


def _attribute(art: Article, m: NumberMention, cat: Category, sentence: tuple[int, int]):
    parts = clauses(art, sentence)
    here = next((c for c in parts if c[0] <= m.start < c[1]), parts[-1])
    names = [
        a for a in _in_sentence(art, sentence)
        if not (a.start < m.end and m.start < a.end)
        and not (cat.noun_start is not None and cat.noun_start <= a.start < cat.noun_end)
        and not _is_modifier(art, a)
        and not _is_place_adjective(art, a)
        and not _is_source(art, a, next((c for c in parts if c[0] <= a.start < c[1]), parts[-1]))
    ]
    incoming = cat.category in INCOMING

    # A participle clause ("…, tuant 51 militants") acts with the subject of the clause it
    # hangs on; what it counts (the victims, the things destroyed) never acts.
    if here[2] == "gerund":
        i = parts.index(here)
        while i > 0 and parts[i][2] in ("gerund", "relative"):
            i -= 1
        governing = parts[i]
        subject = _subject(art, governing, names)
        if subject:
            return combine([a.value for a in subject]), subject
        passive, agent, _ = _passive_agent(art, governing, names)
        if agent:
            return agent[0].value, agent
        if passive or _ATTACK.search(art.view, governing[0], governing[1]) or incoming:
            attacker = article_attacker(art)
            return (attacker, "") if attacker else ("unknown", "")
        return "unknown", ""

    # A passive clause: its subject is acted on; the agent is "par …", else for an
    # attack the attacker the article is about.
    passive, agent, attack = _passive_agent(art, here, names)
    if passive:
        # The grammatical subject: the names just before the passive verb, after any
        # fronted phrase ("Selon l'armée irakienne, 70 % de la ville a été libérée").
        verb = _cues(art)["passive"].search(art.view, here[0], here[1])
        lo = max(here[0], art.view.rfind(",", here[0], verb.start()) + 1)
        patients = [a for a in names if lo <= a.start < verb.start()]
        if agent:
            return combine([a.value for a in agent]), agent
        if attack and any(a.value in FRIENDLY for a in patients):
            attacker = article_attacker(art)
            return (attacker, "") if attacker else ("unknown", "")
        names = [a for a in names if a not in patients]

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
        if a.start < first_cue and _AGENT_BEFORE.search(art.view, max(m.end, a.start - 40), a.start):
            if not incoming or a.value not in FRIENDLY:
                return a.value, [a]
    if incoming or (cat.category in VICTIMS and not cat.active and _ATTACK.search(art.view, *sentence)):
        hostile = [a.value for a in after if a.value in HOSTILE and a.start < first_cue]
        if hostile:
            return hostile[0], [a for a in after if a.value in HOSTILE][:1]
        return article_attacker(art) or "unknown", ""
    # The subject of an earlier sentence of the paragraph ("La coalition a poursuivi ses
    # frappes. Près d'Hajin, 11 frappes ont touché…"), for counts of actions only: a
    # crowd or a share ("des milliers de manifestants") does not inherit a doer.
    action = bool(_cues(art)["action_noun"].match(art.view, m.end, min(sentence[1], m.end + 60)))
    if cat.category not in CARRIED_OVER and not action:
        return "unknown", ""
    paragraph = art.line_start(m.start)
    earlier = [a for a in art.within("actors", paragraph, sentence[0])
               if not _is_target(art, a, paragraph) and not _is_modifier(art, a)]
    groups = _groups_before(art, earlier)
    if groups:
        return combine([a.value for a in groups[-1]]), groups[-1]
    # Last, for a count of actions (bombs dropped, targets hit), the friendly force the
    # article names most often.
    if action or cat.category in ("strikes", "operations", "artillery_rounds", "aircraft"):
        subject = article_subject(art)
        if subject:
            return subject, ""
    return "unknown", ""


def article_subject(art: Article) -> str | None:
    """The friendly force an article names most often outside targets (its title included)."""
    if "subject" not in art.cache:
        names = [a for a in art.all_actors() if a.value in FRIENDLY
                 and not _is_target(art, a, 0) and not _is_modifier(art, a) and not _is_place_adjective(art, a)
                 and not _cues(art)["source"].search(art.view, max(0, a.start - 45), a.start)]
        counts = Counter(a.value for a in names)
        art.cache["subject"] = counts.most_common(1)[0][0] if counts else None
    return art.cache["subject"]

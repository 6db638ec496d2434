"""Clauses of a sentence and the roles of the names in them, from the cues of ``resources/<lang>/clauses.tsv``.

A sentence is cut where a participle ("…, tuant 51 militants"), a relative
pronoun or a coordinating conjunction opens a new clause. Inside a clause the
subject is the noun phrase before the finite verb (the ``auxiliary`` cue),
without the phrases a preposition opens ("depuis l'attaque terroriste de
Paris", "en coordination avec la coalition"); a passive clause acts on its
subject, and its doer is the agent after "par".
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.mentions.prepared import Article, Mention
from analysis.resources.lexicon import read_table

Clause = tuple[int, int, str]

PRONOUN_SUBJECT = re.compile(r"^\s*(?:qu'|que\s+|that\s+)?(?:il|elle|ils|elles|celui-ci|celle-ci|ceux-ci|celles-ci|he|she|it|they)\b",
                             re.IGNORECASE)


@lru_cache(maxsize=None)
def clause_cues(language: str) -> dict[str, re.Pattern]:
    """The clause cues of ``resources/<lang>/clauses.tsv`` for one language, one regex per kind."""
    table = read_table("clauses")
    table = table[table["language"] == language]
    return {kind: re.compile("|".join(f"(?:{p})" for p in rows["pattern"]), re.IGNORECASE)
            for kind, rows in table.groupby("kind")}


def clause_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``clauses`` fires on ``text`` (resource checks). Some kinds are looked for
    at one place only (``target``/``place_head`` before a name, ``one_event`` at a sentence
    start): their examples are written so that the cue sits there."""
    return re.compile(f"(?:{row['pattern']})", re.IGNORECASE).search(text) is not None


def cues(art: Article) -> dict[str, re.Pattern]:
    language = getattr(art, "language", "fr")
    return clause_cues(language if language in ("fr", "en") else "fr")


def clauses(art: Article, sentence: tuple[int, int]) -> list[Clause]:
    """Split a sentence into clauses: (start, end, kind), kind being the cue that opens it
    ("main" for the first one, "gerund", "relative", "coordination")."""
    found = cues(art)
    cuts = []
    for kind in ("gerund", "relative", "coordination", "complement"):
        for m in found[kind].finditer(art.view, *sentence):
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


def clause_of(parts: list[Clause], pos: int) -> Clause:
    return next((c for c in parts if c[0] <= pos < c[1]), parts[-1])


def governing(parts: list[Clause], here: Clause) -> Clause:
    """The clause a participle or relative clause hangs on (the nearest earlier main or coordinated one)."""
    i = parts.index(here)
    while i > 0 and parts[i][2] in ("gerund", "relative"):
        i -= 1
    return parts[i]


def finite_verb(art: Article, clause: Clause) -> re.Match | None:
    """The first finite verb of a clause; a word in capitals is an acronym ("IS militants"), no verb."""
    for verb in cues(art)["auxiliary"].finditer(art.view, clause[0], clause[1]):
        word = verb.group(0)
        if not (len(word) > 1 and word.isupper()):
            return verb
    return None


def is_passive(art: Article, clause: Clause) -> bool:
    verb = finite_verb(art, clause)
    return verb is not None and bool(cues(art)["passive"].match(art.view, verb.start()))


def subject_span(art: Article, clause: Clause) -> tuple[int, int] | None:
    """The subject of an active clause: from the clause start (after a fronted phrase closed by
    a comma) to its finite verb; ``None`` for a participle or passive clause or one with no verb."""
    if clause[2] == "gerund":
        return None
    verb = finite_verb(art, clause)
    if verb is None or cues(art)["passive"].match(art.view, verb.start()):
        return None
    lo = clause[0]
    comma = art.view.rfind(",", lo, verb.start())
    if comma >= 0 and art.view[comma + 1:verb.start()].strip():
        lo = comma + 1
    return lo, verb.start()


@lru_cache(maxsize=None)
def _governing_preposition(language: str) -> re.Pattern:
    # A preposition with no comma or "et" between it and the end of the text before a name.
    return re.compile(r"(?:" + clause_cues(language)["preposition"].pattern + r")(?:(?!\b(?:et|and)\b)[^,;:.])*$",
                      re.IGNORECASE)


def is_governed(art: Article, a: Mention, lo: int) -> bool:
    """Whether a preposition between ``lo`` and the name governs it ("avec la coalition",
    "aux forces irakiennes"); "de" only joins a name to its head noun ("les frappes de la coalition")."""
    language = getattr(art, "language", "fr")
    return bool(_governing_preposition(language if language in ("fr", "en") else "fr").search(art.view, lo, a.start))


def subject_names(art: Article, clause: Clause, names: list[Mention]) -> list[Mention]:
    """The names in the subject of a clause, leaving out those a preposition governs."""
    span = subject_span(art, clause)
    if span is None:
        return []
    return [a for a in names if span[0] <= a.start and a.end <= span[1] and not is_governed(art, a, span[0])]


def passive_agent(art: Article, clause: Clause, names: list[Mention], agent_before: re.Pattern
                  ) -> tuple[bool, list[Mention], bool]:
    """(passive?, agent names after "par", attack verb?) for one clause."""
    found = cues(art)
    verb = found["passive"].search(art.view, clause[0], clause[1])
    if verb is None:
        return False, [], False
    agent = [a for a in names if a.start >= verb.end() and a.end <= clause[1]
             and agent_before.search(art.view, max(verb.end(), a.start - 40), a.start)]
    attack = bool(found["attack_verb"].search(art.view, verb.start(), verb.end()))
    return True, agent[:1] if agent else [], attack

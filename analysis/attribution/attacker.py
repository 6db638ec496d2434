"""Who an article says carries out the attacks it counts (rockets, drones, attacks on bases).

An attack is given to a hostile actor only where the text attributes it
(``resources/<lang>/clauses.tsv``):

- a name after an attribution cue: "revendiquée par", "attribuées aux",
  "Washington accuse Téhéran", "tirs lancés par des groupes soutenus par l'Iran";
- a name attached to an attack noun: "les attaques de la milice Kataeb Hezbollah";
- the subject of an attack verb: "l'Iran a intensifié les attaques…",
  "des milices …, qui auraient ciblé les forces américaines";
- the target of strikes made in retaliation: "les frappes contre les Kataeb
  Hezbollah, en représailles à une attaque…".

A sentence that speaks of attacks in general ("sont généralement attribuées
aux groupes pro-iraniens", "les imputant systématiquement à…") attributes
none. An attribution whose subject is one event ("Cette attaque avait été
revendiquée par…") covers that sentence and the one before it only; any
other covers the whole article. Iran acting through its proxies ("via ses
supplétifs", "par procuration") is ``iran_backed``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from analysis.attribution.clauses import clauses, cues, is_governed
from analysis.mentions.prepared import Article, Mention

HOSTILE = ("iran_backed", "iran", "isis")
_WINDOW = 120  # how far after an attribution cue the attributed name may stand


@dataclass(frozen=True)
class Attribution:
    actor: str
    start: int  # the span of text whose attacks it covers
    end: int
    evidence: Mention
    local: bool  # about one event ("Cette attaque…"), not the whole article


def attacker_at(art: Article, pos: int) -> tuple[str, Mention] | None:
    """The attacker the article names for attacks counted at ``pos``, with the deciding name."""
    found = attributions(art)
    chosen = [f for f in found if f.local and f.start <= pos < f.end] or [f for f in found if not f.local]
    if not chosen:
        return None
    counts = Counter(f.actor for f in chosen)
    top = max(counts.values())
    best = next(f for f in chosen if counts[f.actor] == top)
    return best.actor, best.evidence


def attributions(art: Article) -> list[Attribution]:
    """Every attribution of attacks in the article, in text order (cached per article)."""
    if "attributions" not in art.cache:
        names = art.all_actors()
        out = []
        for i, sentence in enumerate(art.sentences):
            hostile = [a for a in names if sentence[0] <= a.start and a.end <= sentence[1] and a.value in HOSTILE]
            if not hostile or cues(art)["generic"].search(art.view, *sentence):
                continue
            lo, hi = _scope(art, i)
            for a in _attributed(art, sentence, hostile):
                out.append(Attribution(through_proxies(art, a), lo, hi, a, hi - lo < len(art.view)))
        art.cache["attributions"] = out
    return art.cache["attributions"]


def _scope(art: Article, i: int) -> tuple[int, int]:
    sentence = art.sentences[i]
    if cues(art)["one_event"].match(art.view, sentence[0]):
        return (art.sentences[i - 1][0] if i > 0 else sentence[0]), sentence[1]
    return 0, len(art.view)


def _attributed(art: Article, sentence: tuple[int, int], hostile: list[Mention]) -> list[Mention]:
    found = cues(art)
    out = []
    # "revendiquée par …", "accuse Téhéran …": the first hostile name after the cue
    for cue in found["attribution"].finditer(art.view, *sentence):
        after = [a for a in hostile if cue.end() <= a.start < cue.end() + _WINDOW
                 and not re.search(r"[;.]", art.view[cue.end():a.start])]
        out += after[:1]
    # an attack noun with its doer attached: "les attaques de la milice Kataeb Hezbollah"
    for noun in found["attack_noun"].finditer(art.view, *sentence):
        attached = [a for a in hostile if noun.end() <= a.start < noun.end() + 40
                    and found["attack_link"].fullmatch(art.view, noun.end(), a.start)]
        out += attached[:1]
    # the subject of an attack verb, or the antecedent of "qui" for a relative clause
    parts = clauses(art, sentence)
    for k, clause in enumerate(parts):
        verb = found["attack_claim"].search(art.view, clause[0], clause[1])
        if verb is None or found["passive"].search(art.view, clause[0], verb.end()):
            continue
        if clause[2] == "relative" and re.match(r"\s*(?:qui|who|which)\b", art.view[clause[0]:clause[1]], re.I):
            before = [a for a in hostile if clause[0] - 80 <= a.start and a.end <= clause[0]]
            out += before[-2:]
            continue
        out += [a for a in hostile if clause[0] <= a.start and a.end <= verb.start()
                and not is_governed(art, a, clause[0])]
    # retaliation: the targets of strikes made in reprisal carried out the attack
    if found["retaliation"].search(art.view, *sentence):
        out += [a for a in hostile if is_governed(art, a, sentence[0])
                and found["target"].search(art.view, max(sentence[0], a.start - 60), a.start)]
    return sorted(set(out), key=lambda a: a.start)


def through_proxies(art: Article, a: Mention) -> str:
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

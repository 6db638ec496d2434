"""Speech cues: where a text says that someone said something, and in what form.

The verbs of saying are data, one row per lemma in ``resources/<lang>/speech_verbs.tsv`` with
the forms news writes (past participle, present, imperfect, present participle); the
constructions around them are rows of ``resources/<lang>/speech_cues.tsv``: the auxiliaries a
past participle needs ("a déclaré", "a-t-il ajouté", "comme l'a précisé"), the pronoun of an
incise after a present ("», précise-t-il"), source phrases
("selon X", "d'après X", "Pour ce commandant, …"), "peut-on lire dans le communiqué",
"a-t-on appris de source …" and look-alikes that are no cue ("le groupe dit « EI »").

A cue's ``form`` tells the claim builders (:mod:`analysis.claims.quotes`) where its
speaker and its content are: ``verb`` (subject before, or inverted after a comma),
``participle`` (the sentence's subject, or its own absolute subject), ``source`` and
``source_initial`` (the phrase after the cue) and ``read`` (a communiqué's author).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.resources.lexicon import read_table
from analysis.resources.regex_trie import trie_alternation
from analysis.text.view import lower_pattern

# The columns of speech_verbs.tsv that hold forms, and the cue form each gives.
VERB_FORMS = {"past": "verb", "present": "verb", "imperfect": "verb", "participle": "participle"}


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    form: str  # verb, participle, source, source_initial, read
    channel: str
    lemma: str = ""


@dataclass(frozen=True)
class CueEntry:
    """One way of writing a cue: its distinctive words, what must precede them, its form."""

    pattern: str
    before: str
    form: str
    channel: str
    lemma: str


def _forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


@lru_cache(maxsize=None)
def cue_entries(language: str) -> tuple[CueEntry, ...]:
    """The cue entries of one language, in the order they are tried.

    Past participles come first, each behind every auxiliary of the language (a language
    without auxiliary rows writes its past alone); then the constructions of ``speech_cues``
    (look-alikes among them stop the look-up); then the pasts behind an auxiliary that may be
    absent (English: "said", "has confirmed", never the passive "were reported"); then the
    present, imperfect and present-participle forms.
    """
    verbs = read_table("speech_verbs")
    verbs = verbs[verbs["language"] == language]
    cues = read_table("speech_cues")
    cues = cues[cues["language"] == language]
    auxiliaries = [p for p, form in zip(cues["pattern"], cues["form"]) if form == "auxiliary"]
    pronouns = "".join(f"(?:{p})?" for p, form in zip(cues["pattern"], cues["form"]) if form == "incise")
    entries, optional = [], []
    for row in verbs.to_dict("records"):
        for past in _forms(row["past"]):
            for aux in auxiliaries or [""]:
                # An auxiliary that may be absent (English "has confirmed" / "said") does not make a past
                # form specific enough to win over a look-alike ("claimed responsibility"): tried after them.
                bucket = optional if re.fullmatch(aux, "") else entries
                bucket.append(CueEntry(re.escape(past).replace(r"\ ", " +"), aux, "verb", row["channel"], row["lemma"]))
    for row in cues.to_dict("records"):
        if row["form"] != "auxiliary":
            entries.append(CueEntry(row["pattern"], row["before"], row["form"], row["channel"], ""))
    entries += optional
    for column in ("present", "imperfect", "participle"):
        for row in verbs.to_dict("records"):
            for form in _forms(row[column]):
                pattern = re.escape(form).replace(r"\ ", " +")
                if column == "present" and pronouns:  # the incise "», précise-t-il", "dit-elle"
                    pattern += pronouns
                entries.append(CueEntry(pattern, "", VERB_FORMS[column], row["channel"], row["lemma"]))
    return tuple(entries)


def cue_patterns(language: str) -> list[str]:
    """The distinctive words of every cue of one language (regexes), for a scan over a text."""
    return [e.pattern for e in cue_entries(language)]


@lru_cache(maxsize=None)
def _compiled(language: str):
    """The cue scan regex and the compiled entries ``(pattern, before, entry)`` it resolves to.

    The scan looks for the distinctive word of each cue; an entry's ``before`` (an
    auxiliary and adverbs: "a d'abord signalé") is then checked on the few characters
    before it, so the scan never starts at a word as common as "a".
    """
    entries = list(cue_entries(language))
    # Articles quote in English too ("Iraqi general says…"): English verbs are read in every article.
    # Only the pasts and "says": English presents and participles ("notes", "confirming") would read
    # French words as cues.
    if language != "en":
        entries += [e for e in cue_entries("en") if e.lemma and (e.before or e.lemma == "say")]
    compiled = [
        (re.compile(lower_pattern(e.pattern)),
         re.compile(r"(?<![\w-])(?:" + lower_pattern(e.before) + r")$") if e.before else None, e)
        for e in entries
    ]
    alternation = trie_alternation([lower_pattern(e.pattern) for e in entries])
    # The leading look-behind lets the scan skip the inside of words.
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])"), compiled


_CUE_REACH = 45  # characters an auxiliary and its adverbs may take before a cue word


def find_cues(low: str, language: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Speech cues in the lowered view, with their form, implied channel and lemma."""
    rx, entries = _compiled(language)
    out = []
    for m in rx.finditer(low, start, len(low) if end is None else end):
        for erx, before, entry in entries:
            hit = erx.match(low, m.start())
            if not hit or hit.end() != m.end():
                continue
            cue_start = m.start()
            if before is not None:
                aux = before.search(low, max(0, m.start() - _CUE_REACH), m.start())
                if aux is None:
                    continue
                cue_start = aux.start()
            if entry.form == "none":  # a look-alike that is no cue ("le groupe dit « Etat islamique »")
                break
            if out and cue_start < out[-1].end:
                continue
            out.append(Cue(cue_start, m.end(), entry.form, entry.channel, entry.lemma))
            break
    return out


def speech_cue_row_matches(row: dict, text: str) -> bool:
    """Whether ``text`` reads as a row of ``speech_cues`` says (for tests/test_resources.py): a cue
    is found, or, for a look-alike row (form ``none``), no cue is found."""
    from analysis.text.view import lowered  # a reader for the resource checks only

    low = lowered(text)
    cues = find_cues(low, row["language"])
    if row["form"] == "none":
        return not cues
    if row["form"] == "incise":  # it extends a verb's cue ("précise-t-il"): the cue must end with it
        tail = re.compile(r"(?:" + lower_pattern(row["pattern"]) + r")$")
        return any(tail.search(low, c.start, c.end) for c in cues)
    return bool(cues)


def speech_verb_row_matches(row: dict, text: str) -> bool:
    """Whether ``text`` holds a cue of the row's lemma (a row of ``speech_verbs``)."""
    from analysis.text.view import lowered

    return any(c.lemma == row["lemma"] for c in find_cues(lowered(text), row["language"]))

"""Knowledge as data: the versioned tables in ``resources/`` and their compiled regexes.

Each table is a tab-separated file with one entry per row. A per-language
table has one file per language folder (``resources/fr/verbs.tsv``,
``resources/en/verbs.tsv``); :func:`read_table` joins them and adds the
``language`` column from the folder name, so a new language is a new folder
of the same files. Tables for every language live in ``resources/shared/``,
places in ``resources/geo/``. Tables are read once per process.

Every row also has an ``example`` its pattern must match and a ``counterexample``
it must not; :func:`row_matches` reads one row as the package does, and
``tests/test_resources.py`` runs it on every row of every table.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.paths import RESOURCES
from analysis.resources.regex_trie import trie_alternation
from analysis.text.view import lower_pattern, lowered, normalise

CATEGORIES = (
    "strikes", "operations", "attacks", "killed", "wounded", "captured", "destroyed",
    "rockets", "missiles", "drones", "indirect_fire", "artillery_rounds", "aircraft",
    "troops", "sites", "percent", "money", "other",
)
ACTORS = ("coalition", "us", "france", "uk", "iraq", "sdf", "isis", "iran", "iran_backed", "other", "unknown")
QUALIFIERS = ("exact", "more_than", "less_than", "at_least", "at_most", "about", "vague")
PRECISIONS = ("day", "week", "month", "year")
SPEAKER_KINDS = ("person", "organisation", "anonymous_officials", "media")
CHANNELS = ("tweet", "communique", "statement", "interview", "press_conference", "media_report", "other")


NEUTRAL_FOLDERS = ("geo", "shared")


def languages() -> tuple[str, ...]:
    """The language folders of ``resources/`` (``en``, ``fr``…), sorted."""
    return tuple(sorted(p.name for p in RESOURCES.iterdir()
                        if p.is_dir() and p.name not in NEUTRAL_FOLDERS and not p.name.startswith(("_", "."))))


def table_files(name: str) -> list:
    """The files of table ``name``: one in ``geo/`` or ``shared/``, or one per language folder."""
    for folder in NEUTRAL_FOLDERS:
        path = RESOURCES / folder / f"{name}.tsv"
        if path.exists():
            return [path]
    files = [RESOURCES / lang / f"{name}.tsv" for lang in languages()]
    files = [p for p in files if p.exists()]
    if not files:
        raise FileNotFoundError(f"no resource table named {name!r} under {RESOURCES}")
    return files


def read_tsv(path) -> pd.DataFrame:
    """One table file as strings, empty cells empty (no quoting: a ``"`` is a character)."""
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)


@lru_cache(maxsize=None)
def read_table(name: str) -> pd.DataFrame:
    """Table ``name`` as strings (empty cells stay empty); per-language tables get a ``language`` column."""
    files = table_files(name)
    if files[0].parent.name in NEUTRAL_FOLDERS:
        return read_tsv(files[0])
    parts = []
    for path in files:
        part = read_tsv(path)
        part.insert(0, "language", path.parent.name)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _rows(name: str, language: str) -> pd.DataFrame:
    table = read_table(name)
    return table[table["language"] == language]


def _alternation(patterns) -> str:
    # Longest patterns first so "frappes aériennes" wins over "frappes".
    return "|".join(sorted(patterns, key=len, reverse=True))


@dataclass(frozen=True)
class Entry:
    """One row of a lexicon, compiled."""

    regex: re.Pattern
    value: str
    extra: tuple = ()


def _compile_entries(name: str, language: str, value_col: str, extra_cols=(), flags=re.IGNORECASE):
    out = []
    for row in _rows(name, language).to_dict("records"):
        out.append(Entry(re.compile(row["pattern"], flags), row[value_col], tuple(row[c] for c in extra_cols)))
    return out


@lru_cache(maxsize=None)
def category_nouns(language: str = "fr"):
    """Compiled counted-noun entries: (regex, category, (strength,))."""
    return _compile_entries("categories", language, "category", ("strength",))


def _noun_regex(patterns) -> re.Pattern:
    return re.compile(r"(?:" + _alternation(patterns) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def category_noun_regex(language: str = "fr") -> re.Pattern:
    """One regex matching any counted noun at the start of a string."""
    return _noun_regex(_rows("categories", language)["pattern"])


_WORD_START = re.compile(r"(?<![\w-])(?=\w)")


def category_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``categories`` reads a counted noun starting at a word of ``text``."""
    rx = _noun_regex([row["pattern"]])
    # A noun starts at a word; a unit sign ("%", "$") may follow a number directly.
    starts = {m.start() for m in _WORD_START.finditer(text)} | {m.end() for m in re.finditer(r"\d\s*", text)}
    return any(rx.match(text, i) for i in starts)


@lru_cache(maxsize=None)
def verbs(language: str = "fr"):
    """Compiled category verbs: (regex, category, (position,))."""
    return _compile_entries("verbs", language, "category", ("position",))


@lru_cache(maxsize=None)
def verb_before_regex(language: str = "fr") -> re.Pattern:
    """Category verbs that may stand right before a number ("tuant 27"), one word in between at most.

    Group ``vN`` names the entry ``verbs(language)[N]``.
    """
    groups = "|".join(
        f"(?P<v{i}>{e.regex.pattern})" for i, e in enumerate(verbs(language)) if e.extra[0] == "any"
    )
    return re.compile(r"(?<![\w-])(?:" + groups + r")\s+(?:[\w'-]+\s+)?$", re.IGNORECASE)


def _verb_groups(patterns) -> re.Pattern:
    return re.compile("|".join(f"(?P<v{i}>{p})" for i, p in enumerate(patterns)), re.IGNORECASE)


@lru_cache(maxsize=None)
def verb_anywhere_regex(language: str = "fr") -> re.Pattern:
    """Every category verb in one regex; group ``vN`` names the entry ``verbs(language)[N]``."""
    return _verb_groups([e.regex.pattern for e in verbs(language)])


def verb_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``verbs`` finds its verb in ``text`` (as after a counted noun; the
    "before a number" reading of ``any`` rows is a narrower case of it)."""
    return bool(_verb_groups([row["pattern"]]).search(text))


@lru_cache(maxsize=None)
def qualifier_phrases(language: str = "fr") -> list[tuple[str, str]]:
    """Qualifier phrases ("plus de", "au moins"), lower case and longest first, with their qualifier.

    They are literal phrases, tested with ``str.endswith`` on the text before a
    number: a regex anchored at the end would be tried at every position.
    """
    rows = _rows("qualifiers", language)
    pairs = [(p.lower(), q) for p, q in zip(rows["pattern"], rows["qualifier"])]
    return sorted(pairs, key=lambda pq: len(pq[0]), reverse=True)


@lru_cache(maxsize=None)
def vague_amounts(language: str = "fr") -> tuple[re.Pattern, dict]:
    """A regex for vague amounts followed by "de"/"d'"/"of", and phrase -> (low, high).

    The regex is for lowered text (:func:`analysis.text.view.lowered`); it has no
    leading word-boundary test, so the caller checks that a match starts a word.
    """
    rows = _rows("vague_amounts", language)
    lookup = {p.lower(): (int(lo), int(hi)) for p, lo, hi in zip(rows["pattern"], rows["low"], rows["high"])}
    return vague_regex(rows["pattern"], language), lookup


def vague_regex(phrases, language: str) -> re.Pattern:
    """The regex of :func:`vague_amounts` for some phrases."""
    alternation = _alternation(re.escape(p) for p in phrases)
    # English may drop the "of" ("a dozen rockets", "hundreds fled"); French keeps its "de".
    linker = r"\s+(?:de\s+|d')" if language == "fr" else r"\s+(?:of\s+)?[^\W\d_]"
    return re.compile(lower_pattern(r"(" + alternation + r")(?=" + linker + r")"))


class Matcher:
    """Find the entries of a lexicon in a text with plain alternations.

    Named groups would say which pattern matched, but make the scan several
    times slower; instead each hit (there are few) is resolved to its entry by
    trying the patterns on the hit alone, cached by hit text.

    With ``fold_case``, patterns are matched on the lowered text (:func:`lowered`,
    much faster than ``re.IGNORECASE``) except acronyms ("EI", "US", "FDS"),
    whose case matters and which are looked for only where two capitals meet.
    """

    def __init__(self, patterns: list[str], labels: list, flags: int = 0, fold_case: bool = False):
        order = sorted(range(len(patterns)), key=lambda i: len(patterns[i]), reverse=True)
        self.fold_case = fold_case
        acronym = [fold_case and re.search(r"[A-Z]{2}", patterns[i]) is not None for i in range(len(patterns))]
        folded = [i for i in order if fold_case and not acronym[i]]
        exact = [i for i in order if not fold_case or acronym[i]]
        self._folded = [(re.compile(lower_pattern(patterns[i])), labels[i]) for i in folded]
        self._exact = [(re.compile(patterns[i], flags), labels[i]) for i in exact]
        self.regex = re.compile(
            r"(?<![\w-])(?:" + trie_alternation([patterns[i] for i in exact]) + r")(?![\w-])", flags) if exact else None
        self.folded_regex = re.compile(
            r"(?<![\w-])(?:" + trie_alternation([lower_pattern(patterns[i]) for i in folded]) + r")(?![\w-])"
        ) if folded else None
        self._cache: dict[tuple, object] = {}

    def label(self, hit: str, folded: bool = False):
        """The label of the longest pattern matching ``hit`` entirely."""
        key = (hit, folded)
        if key not in self._cache:
            entries = self._folded if folded else self._exact
            self._cache[key] = next((lab for rx, lab in entries if rx.fullmatch(hit)), None)
        return self._cache[key]

    def finditer(self, text: str, start: int = 0, end: int | None = None, low: str | None = None):
        """Yield ``(start, end, label)`` for every entry found in ``text[start:end]``, in text order."""
        end = len(text) if end is None else end
        if not self.fold_case:
            for m in self.regex.finditer(text, start, end):
                lab = self.label(m.group(0))
                if lab is not None:
                    yield m.start(), m.end(), lab
            return
        low = lowered(text) if low is None else low
        hits = []
        if self.folded_regex is not None:
            for m in self.folded_regex.finditer(low, start, end):
                lab = self.label(m.group(0), folded=True)
                if lab is not None:
                    hits.append((m.start(), m.end(), lab))
        if self.regex is not None:
            for cap in _CAPITALS.finditer(text, start, end):
                at = cap.start() - 2 if text[max(0, cap.start() - 2):cap.start()] == "l'" else cap.start()
                m = self.regex.match(text, max(start, at), end)
                if m is None and at != cap.start():  # "l'OTAN": a pattern without the article
                    m = self.regex.match(text, cap.start(), end)
                if m:
                    lab = self.label(m.group(0))
                    if lab is not None:
                        hits.append((m.start(), m.end(), lab))
        hits.sort(key=lambda h: (h[0], -h[1]))
        last_end = -1
        for h in hits:
            if h[0] >= last_end:  # overlapping hits: the earlier, longer one wins
                yield h
                last_end = h[1]


_CAPITALS = re.compile(r"(?<![\w-])[A-Z](?=[A-Z])")


@lru_cache(maxsize=None)
def actor_matcher() -> Matcher:
    """Actor names of every language (articles quote in several: "Iraqi general says…")."""
    rows = read_table("actors")
    return Matcher(list(rows["pattern"]), list(rows["actor"]), fold_case=True)


def actor_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``actors`` finds its name in ``text``, as :func:`actor_matcher` reads it."""
    return any(True for _ in Matcher([row["pattern"]], [row["actor"]], fold_case=True).finditer(text))


@lru_cache(maxsize=None)
def speech_cue_regex(language: str = "fr") -> re.Pattern:
    """A regex for the attribution cues of reported speech ("a déclaré", "selon"), for lowered text."""
    from analysis.claims.cues import cue_patterns  # the verbs of saying and their constructions

    pats = cue_patterns(language)
    return re.compile(lower_pattern(r"(?<![\w-])(?:" + _alternation(pats) + r")(?![\w-])"))


@lru_cache(maxsize=4096)
def noun_entry(noun: str, language: str = "fr") -> Entry | None:
    """The category entry whose pattern matches a counted noun as found in a text."""
    for entry in sorted(category_nouns(language), key=lambda e: len(e.regex.pattern), reverse=True):
        if entry.regex.fullmatch(noun):
            return entry
    return None


# How the package reads one row of each table, for checking the row's ``example`` and
# ``counterexample`` (tests/test_resources.py). Each reader is ``(row, text) -> bool``, lives
# next to the loader of its table and compiles the row with the loader's own code, so the
# check follows any change to the loader. Loaders import this module: hence the names.
ROW_READERS = {
    "categories": "analysis.resources.lexicon:category_row_matches",
    "verbs": "analysis.resources.lexicon:verb_row_matches",
    "head_actions": "analysis.attribution.category:head_action_row_matches",
    "qualifiers": "analysis.mentions.numbers:qualifier_row_matches",
    "vague_amounts": "analysis.mentions.numbers:vague_row_matches",
    "number_format": "analysis.mentions.numbers:number_format_row_matches",
    "number_words": "analysis.mentions.numbers:number_word_row_matches",
    "language_markers": "analysis.corpus.language:language_marker_row_matches",
    "actors": "analysis.resources.lexicon:actor_row_matches",
    "clauses": "analysis.attribution.clauses:clause_row_matches",
    "period_cues": "analysis.mentions.timex:period_cue_row_matches",
    "breakdown_cues": "analysis.attribution.breakdown:cue_row_matches",
    "event_cues": "analysis.tables.events:event_cue_row_matches",
    "speech_cues": "analysis.claims.cues:speech_cue_row_matches",
    "speech_verbs": "analysis.claims.cues:speech_verb_row_matches",
    "channels": "analysis.claims.speakers:channel_row_matches",
    "media": "analysis.claims.speakers:media_row_matches",
    "furniture": "analysis.text.furniture:furniture_row_matches",
    "gazetteer": "analysis.resources.gazetteer:place_row_matches",
}


def row_matches(name: str, row: dict, text: str) -> bool:
    """Whether one row of table ``name``, compiled as the package compiles it, fires on ``text``.

    ``text`` is normalised as an article view is (apostrophes, quotes, spaces).
    Per-language rows carry their ``language`` (as :func:`read_table` gives them).
    """
    if name not in ROW_READERS:
        raise KeyError(f"no row reader for table {name!r}: add one to lexicon.ROW_READERS")
    module, function = ROW_READERS[name].split(":")
    return bool(getattr(importlib.import_module(module), function)(row, normalise(text)))

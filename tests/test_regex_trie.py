"""The trie of lexicon patterns matches exactly what their plain alternation matches."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.resources.gazetteer import read_table
from analysis.resources.regex_trie import expand_leading, literal_prefix, trie_alternation


def test_literal_prefix_stops_before_quantified_characters():
    assert literal_prefix("Ass?ad") == ("As", "s?ad")
    assert literal_prefix("Mossoul") == ("Mossoul", "")
    assert literal_prefix("[Aa]l-Omar") == ("", "[Aa]l-Omar")


def test_expand_leading_spells_out_classes_and_optional_groups():
    assert expand_leading("(?:[Aa]l[- ])?Mayadeen") == ["Al[- ]Mayadeen", "al[- ]Mayadeen", "Mayadeen"]
    assert expand_leading("[EI]rbil") == ["Erbil", "Irbil"]
    assert expand_leading("\\bUS\\b") == ["\\bUS\\b"]


def _spellings():
    table = read_table("gazetteer")
    return [s for cell in table["spellings"] for s in cell.split("|") if s]


WORDS = st.sampled_from(["Mossoul", "Mosul", "al-Mayadeen", "Al-Mayadin", "Erbil", "Irbil", "aéroport de Bagdad",
                         "Bagdad", "base d'Al-Asad", "Ain al-Asad", "Raqqah", "Deir Ezzor", "Tower 22", "Syrie",
                         " ", ", ", "la ", "de ", "xyz", "Mossoulé", "Erbil-"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=12).map("".join))
def test_trie_finds_the_same_spans_as_the_alternation(text):
    patterns = sorted(_spellings(), key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])")
    trie = re.compile(r"(?<![\w-])(?:" + trie_alternation(patterns) + r")(?![\w-])")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]

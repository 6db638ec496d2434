"""Qualifiers and round numbers: each table row's example and counterexample, and wordings unlike the devset's."""

import pytest

from analysis.mentions.numbers import find_numbers
from analysis.resources.lexicon import read_table
from analysis.text.view import normalise


def first(text, language="fr"):
    found, _ = find_numbers(normalise(text), language)
    return found[0] if found else None


def _rows(name, language):
    table = read_table(name)
    return table[table["language"] == language].to_dict("records")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_qualifier_rows(language):
    """A row's example reads with its qualifier; its counterexample does not."""
    for row in _rows("qualifiers", language):
        m = first(row["example"], language)
        assert m is not None and m.qualifier == row["qualifier"], row
        m = first(row["counterexample"], language)
        assert m is None or m.qualifier != row["qualifier"] or row["pattern"].lower() not in row["counterexample"].lower(), row


@pytest.mark.parametrize("text,span,qualifier,value,low,high", [
    ("Bien plus d'une centaine de roquettes", "Bien plus d'une centaine", "more_than", 100, 101, None),
    ("Près d'un millier de soldats", "Près d'un millier", "about", 1000, None, None),
    ("une vingtaine de drones", "une vingtaine", "about", 20, 15, 25),
    ("des dizaines de drones", "des dizaines", "vague", None, 20, 99),
    ("la base a été visée environ à 20 reprises", "environ à 20", "about", 20, None, None),
    ("ils ont indiqué qu'au plus 30 soldats", "au plus 30", "at_most", 30, None, 30),
    ("un état-major organisé autour de 40 officiers", "40", "exact", 40, 40, 40),
    ("un bilan autour de 40 morts", "autour de 40", "about", 40, None, None),
    ("plus de à 3", None, None, None, None, None),
])
def test_qualifier_wordings(text, span, qualifier, value, low, high):
    view = normalise(text)
    found, _ = find_numbers(view)
    if span is None:
        assert all(m.qualifier != "more_than" for m in found)
        return
    m = found[0]
    assert (view[m.start:m.end], m.qualifier, m.value, m.low, m.high) == (span, qualifier, value, low, high)


def test_vague_rows():
    for row in _rows("vague_amounts", "fr"):
        m = first(row["example"])
        assert m is not None and (m.low, m.high) == (int(row["low"]), int(row["high"])), row
        assert m.qualifier == row["qualifier"], row

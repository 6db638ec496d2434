"""English read end to end: the misreadings the English issue reported, through ``extract_article``.

Each text is written for this test in wire-copy style; each assertion is one class of misreading
(separators, number words, vague amounts, dates as figures, injured as killed, speakers cut at
abbreviation dots).
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis.extraction import extract_article

PUBLISHED = date(2024, 2, 3)


def figures(text: str):
    return extract_article(text, PUBLISHED, "day", "en", "t.txt")[0]


def claims(text: str):
    return extract_article(text, PUBLISHED, "day", "en", "t.txt")[1]


def by_text(rows):
    return {r["text"]: r for r in rows}


@pytest.mark.parametrize("text, span, value, low, high, qualifier", [
    ("The coalition has carried out 1,500 airstrikes in Syria.", "1,500", 1500, 1500, 1500, "exact"),
    ("More than 2,000 militants were killed in the offensive.", "More than 2,000", 2000, 2001, None, "more_than"),
    ("Some 5,000 U.S. troops remain in Iraq.", "Some 5,000", 5000, None, None, "about"),
    ("Three rockets hit Ain al-Asad airbase on Friday.", "Three", 3, 3, 3, "exact"),
    ("Thirty-four service members suffered brain injuries.", "Thirty-four", 34, 34, 34, "exact"),
])
def test_numbers_are_read_the_english_way(text, span, value, low, high, qualifier):
    row = by_text(figures(text))[span]
    assert (row["value"], row["low"], row["high"], row["qualifier"]) == (value, low, high, qualifier)
    assert not row["ambiguous_separator"]


def test_dozens_of_drones_is_a_vague_count_of_drones():
    row = by_text(figures("Dozens of drones were launched at bases in Iraq and Syria."))["Dozens"]
    assert (row["value"], row["low"], row["high"], row["qualifier"]) == (None, 24, 99, "vague")
    assert row["category"] == "drones"


@pytest.mark.parametrize("text", [
    "The missiles struck the base on January 24, 2020, officials said.",
    "BAGHDAD, Feb. 15 (UPI) -- Rockets struck the airport.",
])
def test_dates_are_never_figures(text):
    assert [r["text"] for r in figures(text)] == []


def test_injured_is_wounded_not_killed():
    rows = by_text(figures("One contractor was killed and six other people were injured in the attack."))
    assert rows["One"]["category"] == "killed" and rows["six"]["category"] == "wounded"


@pytest.mark.parametrize("text, speaker", [
    ("Three rockets hit the base, the U.S. military said in a statement.", "the U.S. military"),
    ("No one was hurt, Air Force Lt. Col. Dana Smith said.", "Dana Smith"),
])
def test_speakers_are_not_cut_at_abbreviation_dots(text, speaker):
    found = claims(text)
    assert [c["speaker"] for c in found] == [speaker]

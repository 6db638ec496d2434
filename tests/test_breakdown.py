"""Breakdowns: parts of a toll and items of one list take what they do not state from their total.

Sentences are written for these tests, in wordings other than the development
set's, so they check the rule and not one article.
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis.attribution.breakdown import apply_breakdowns
from analysis.extraction import extract_figures

PUBLISHED = date(2022, 3, 10)



def by_value(text: str, language: str = "fr") -> dict[float, dict]:
    return {r["value"]: r for r in extract_figures(text, PUBLISHED, "day", language)}


def test_parts_after_dont_take_the_category_actor_and_period_of_their_toll():
    rows = by_value("Depuis le 1er mars, les bombardements de la coalition ont fait au moins 40 morts, "
                    "dont 12 policiers et 5 enseignants, selon un bilan local.")
    toll = rows[40]
    assert toll["category"] == "killed"
    for part in (rows[12], rows[5]):
        assert part["category"] == "killed"
        assert part["actor"] == toll["actor"]
        assert (part["period_start"], part["period_end"]) == (toll["period_start"], toll["period_end"])
        assert "part of" in part["actor_evidence"]


def test_without_a_cue_or_a_matching_sum_a_following_count_keeps_its_own_reading():
    rows = by_value("Les bombardements ont fait 40 morts mardi. Jeudi, 12 policiers sont arrivés en renfort.")
    assert rows[12]["category"] != "killed"


def test_a_list_adding_up_to_an_earlier_total_takes_its_period():
    text = ("Le Pentagone a recensé 30 attaques contre ses troupes depuis le 1er février. "
            "Il en compte 18 en Irak et 12 en Syrie.")
    rows = by_value(text)
    assert rows[30]["period_start"] is not None
    for part in (rows[18], rows[12]):
        assert part["category"] == "attacks"
        assert part["period_start"] == rows[30]["period_start"]
        assert part["period_end"] == rows[30]["period_end"]
    # The same list that does not add up (17 + 12 = 29) is not a breakdown of the 30.
    other = by_value(text.replace("18 en Irak", "17 en Irak"))
    assert other[17]["period_start"] != rows[30]["period_start"] or other[17]["category"] != "attacks"


def test_counts_said_to_be_among_the_victims_are_parts_of_the_toll_before():
    rows = by_value("Les frappes aériennes ont tué 60 personnes dans la province mercredi. "
                    "D'après l'ONG, 9 enfants et 4 femmes figurent parmi les victimes.")
    for part in (rows[9], rows[4]):
        assert part["category"] == "killed"
        assert part["actor"] == rows[60]["actor"]
        assert part["period_start"] == rows[60]["period_start"]


def test_items_of_one_list_share_the_category_of_the_first_but_not_its_actor():
    rows = by_value("Les combats ont tué 30 combattants de l'EI, 4 du Front al-Nosra et 2 civils.")
    assert [rows[v]["category"] for v in (30, 4, 2)] == ["killed"] * 3
    assert "part of" not in rows[4]["actor_evidence"]


def test_a_strong_count_after_a_comma_is_not_recategorised():
    rows = by_value("Les raids ont tué 30 combattants, et 5 roquettes ont été tirées sur la base.")
    assert rows[5]["category"] == "rockets"


def test_english_parts_after_including():
    rows = by_value("5 people were injured in the attack, including 3 contractors.", "en")
    # English categories are issue 10's; the relation itself is language-neutral.
    assert rows[3]["category"] == rows[5]["category"]
    assert rows[3]["actor_evidence"] == "part of '5'"
    assert rows[3]["period_start"] == rows[5]["period_start"]


def test_apply_breakdowns_leaves_its_input_as_it_was():
    row = {"start": 0, "end": 2, "text": "40", "value": 40.0, "category": "killed", "subject": "morts",
           "actor": "isis", "actor_evidence": "", "sentence_start": 0, "place": "", "period_start": None,
           "period_end": None, "time_precision": None}
    part = dict(row, start=10, end=12, text="12", value=12.0, category="other", subject="", actor="unknown")
    text = "40 morts, dont 12 policiers"
    part["start"], part["end"] = 15, 17
    rows = [row, part]
    out = apply_breakdowns(rows, text, "fr")
    assert out[1]["category"] == "killed" and out[1]["actor"] == "isis"
    assert rows[1]["category"] == "other" and rows[1]["actor"] == "unknown"

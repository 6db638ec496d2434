"""English amounts and repeats (found on the second development set): what is no amount, estimate ranges,
categories of strike-release wording, repeats and actors. Sentences are written for these tests in the
wording of wire copy and CJTF-OIR/CENTCOM releases; none is taken from a development set."""

from datetime import date

import pytest

from analysis.extraction import extract_article
from analysis.mentions.numbers import find_numbers

DAY = date(2022, 3, 14)


def amounts(text: str) -> list[tuple]:
    mentions, _ = find_numbers(text, "en")
    return [(text[m.start:m.end], m.low, m.high, m.qualifier) for m in mentions]


def rows(text: str) -> list[dict]:
    return extract_article(text, published=DAY, precision="day", language="en")[0]


def figure(text: str, number: str, nth: int = 0) -> dict:
    return [f for f in rows(text) if f["text"] == number or f["text"].endswith(" " + number)][nth]


# --- what is no amount -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Updated Tue Mar 8, 2022 06:41:37 local",  # seconds of a clock time
    "Published: Mar 3, 2022 by staff",  # a day after a month name
    "The rockets were fired at 2245 GMT on Monday.",  # a clock time with no colon
    "The drone struck at about 0600 local time.",  # a military time with its leading zero
    'related = [{"views":"48213","type":"14"}]',  # numbers in quotes: a page's data
    "var count(512) = null;",  # glued to a bracket: code
    "TEHRAN (Press TV 24) – The ministry said",  # a name with a number
    "The base lies 120 kilometers west of the capital.",  # American spelling of a distance
])
def test_no_amount(text):
    assert amounts(text) == []


def test_a_count_before_last_year_is_an_amount():
    assert amounts("The force is down from nearly 1,200 last year.") == [("nearly 1,200", None, None, "about")]


@pytest.mark.parametrize("text, expected", [
    ("Analysts say an estimated 1,000 to 1,500 militants hold the town.",
     [("estimated 1,000 to 1,500", 1000, 1500, "vague")]),
    ("Officials put the number at 400 to 600 fighters.", [("400 to 600", 400, 600, "vague")]),
    ("A few hundred Marines remain at the base.", [("A few hundred", 200, 999, "vague")]),
    ("Several thousand civilians fled the fighting.", [("Several thousand", 2000, 9999, "vague")]),
    # a change is two counts, not a range
    ("The garrison grew from 500 to 900 troops.", [("500", 500, 500, "exact"), ("900", 900, 900, "exact")]),
])
def test_ranges_and_vague_amounts(text, expected):
    assert amounts(text) == expected


def test_an_estimated_count_is_about():
    assert amounts("the estimated 700 ISIS casualties") == [("estimated 700", None, None, "about")]


# --- categories ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, number, category", [
    ("Near Kisik, four strikes engaged two ISIL tactical units.", "two", "sites"),
    ("The aircraft suppressed three mortar teams near the river.", "three", "sites"),
    ("Artillery fire damaged five bridges and a road.", "five", "destroyed"),
    ("Officials said the strikes damaging six boats were precise.", "six", "destroyed"),
    ("The coalition conducted 12 strikes consisting of 30 engagements.", "30", "strikes"),
    ("The convoy has come under attack 12 times since January.", "12", "attacks"),
    ("Kurdish forces killed or seriously injured 300 militants in the offensive.", "300", "killed"),
    ("Hundreds of ISIS militants remained holed up in the old city.", "Hundreds", "troops"),
    ("An estimated 800 to 1,000 extremists hold the district.", "800 to 1,000", "troops"),
    # a crowd that attacked is counted, not a force
    ("Hundreds of militiamen attacked the embassy compound.", "Hundreds", "other"),
    # "IS" in capitals is the group before the counted noun, not the verb
    ("Officers cited the 700 IS casualties in the battle.", "700", "killed"),
    # items with a bare article stand between listed objects of one verb
    ("The barrage destroyed two tanks and a bunker, four armed trucks and a mortar.", "four", "destroyed"),
])
def test_category(text, number, category):
    assert figure(text, number)["category"] == category


# --- repeats ---------------------------------------------------------------------------------------------------

def kept(out: list[dict]) -> list[str]:
    return [r["text"] for r in out if r["repeat_of"] is None]


def test_all_n_points_back_to_the_count():
    out = rows("Base attack update\n\nA spokesman said 48 soldiers were treated for concussions after the attack. "
               "All 48 have since returned to duty, he said.")
    assert kept(out) == ["48"]


def test_the_two_is_not_a_count_it_points_to():
    out = rows("Strike report\n\nTwo rockets hit the airport on Monday. Officials named two commanders. "
               "The two were killed in a strike in 2020.")
    assert len(kept(out)) == 3


def test_lines_opening_on_different_places_are_different_facts():
    out = rows("Strike release\n\nCoalition forces conducted strikes in Iraq:\n\n"
               "-- Near Hit, two strikes destroyed a vehicle.\n\n-- Near Kisik, two strikes destroyed a bridge.")
    assert kept(out) == ["two", "two"]


def test_things_destroyed_with_different_nouns_are_different():
    out = rows("Strike release\n\nJets destroyed three tunnels near Raqqa on Monday. "
               "Separately, drones destroyed three artillery pieces near Raqqa.")
    assert kept(out) == ["three", "three"]


def test_a_range_restated_is_one_fact():
    out = rows("Battle for the city\n\nThe general said an estimated 800 to 1,000 fighters defend the city. "
               "He said the latest estimate is 800 to 1,000.")
    assert len(kept(out)) == 1


def test_a_subhead_is_passed_over_for_the_body():
    out = rows("Town under siege\n\nThe army said it had surrounded the town on Friday.\n\n"
               "Hundreds of militants trapped\n\n"
               "Hundreds of militants are trapped in the town, the army said.")
    kept_rows = [r for r in out if r["repeat_of"] is None]
    assert len(kept_rows) == 1 and kept_rows[0]["start"] > out[0]["start"]


# --- actors ----------------------------------------------------------------------------------------------------

def test_a_name_qualifying_another_target_is_no_doer():
    text = ("Coalition forces conducted six strikes in Iraq on Sunday.\n\n"
            "-- Near Tal Afar, four strikes engaged two ISIS units; destroyed an ISIS command post and "
            "three tunnels; and damaged two ISIS vehicles.")
    assert figure(text, "three")["actor"] != "isis"


def test_is_fighters_are_the_islamic_state_s():
    assert figure("Hundreds of IS fighters remained in the old city.", "Hundreds")["actor"] == "isis"


def test_a_forecast_of_attacks_attributes_none():
    text = ("Two rockets hit the base on Monday. There was no claim of responsibility.\n\n"
            "Officials have said Iran-backed militias could step up attacks in the coming weeks.")
    assert figure(text, "Two")["actor"] == "unknown"

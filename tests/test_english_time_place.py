"""English time expressions, the periods and places of English figures (issue 10), and dates that are no figures."""

from datetime import date

import pytest

from analysis.extraction import extract_article
from analysis.mentions.timex import find_timexes, resolve

MON = date(2021, 2, 15)  # a Monday
THU = date(2023, 11, 9)  # a Thursday


def period(text, published=MON):
    found = find_timexes(text)
    assert found, f"no time expression in {text!r}"
    p = resolve(found[0], published, "day", text)
    return (str(p.start), str(p.end)) if p else None


@pytest.mark.parametrize("text,expected", [
    ("on Monday", ("2021-02-15", "2021-02-15")),
    ("Saturday", ("2021-02-13", "2021-02-13")),
    ("last Friday", ("2021-02-12", "2021-02-12")),
    ("on Sunday night", ("2021-02-14", "2021-02-14")),
    ("last week", ("2021-02-08", "2021-02-14")),
    ("the previous week", ("2021-02-08", "2021-02-14")),
    ("this week", ("2021-02-15", "2021-02-21")),
    ("last month", ("2021-01-01", "2021-01-31")),
    ("earlier this month", ("2021-02-01", "2021-02-14")),
    ("last year", ("2020-01-01", "2020-12-31")),
    ("since Oct. 17", ("2020-10-17", "2021-02-15")),
    ("since January", ("2021-01-01", "2021-02-15")),
    ("between Oct. 17 and Nov. 9", ("2020-10-17", "2020-11-09")),
    ("from Dec. 28 to Jan. 3", ("2020-12-28", "2021-01-03")),
    ("Feb. 15", ("2021-02-15", "2021-02-15")),
    ("on Jan. 8", ("2021-01-08", "2021-01-08")),
    ("January 24, 2020", ("2020-01-24", "2020-01-24")),
    ("Sept. 3, 2019", ("2019-09-03", "2019-09-03")),
    ("on 8 January 2020", ("2020-01-08", "2020-01-08")),
    ("in mid-January", ("2021-01-10", "2021-01-20")),
    ("in late December", ("2020-12-21", "2020-12-31")),
    ("overnight", ("2021-02-14", "2021-02-15")),
    ("over the weekend", ("2021-02-13", "2021-02-14")),
    ("in the past 24 hours", ("2021-02-14", "2021-02-15")),
    ("over the past two weeks", ("2021-02-01", "2021-02-15")),
])
def test_english_expressions_resolve(text, expected):
    assert period(text) == expected


def test_a_bare_may_after_a_number_is_no_date():
    assert not [t for t in find_timexes("Officials said 4 may have died in the blast.") if t.kind == "date"]


def figures(text, published=MON):
    rows, _ = extract_article(text, published=published, precision="day", language="en")
    return rows


def one(text, figure, published=MON):
    hits = [f for f in figures(text, published) if figure in f["text"]]
    assert len(hits) == 1, [f["text"] for f in figures(text, published)]
    return hits[0]


def span(row):
    return (str(row["period_start"]), str(row["period_end"])) if row["period_start"] is not None else None


@pytest.mark.parametrize("text,counts", [
    ("January 24, 2020 Updated: January 24, 2020\n\nEleven soldiers were hurt.", {11}),
    ("Feb. 15 (UPI) -- Two contractors were killed in a rocket attack.", {2}),
    ("BAGHDAD, Jan. 8 (Reuters) - Iran fired 22 missiles at two bases.", {22, 2}),
    ("Between Oct. 17 and Nov. 9, militias carried out 46 attacks.", {46}),
    ("On 8 January 2020, Iran fired 22 missiles at two bases.", {22, 2}),
    ("The attack on Dec. 29 killed 25 fighters.", {25}),
    ("Since Oct. 17, 2023, there have been 150 attacks on U.S. forces.", {150}),
])
def test_days_and_years_of_dates_are_never_figures(text, counts):
    assert {f["value"] for f in figures(text)} == counts


def test_a_statement_day_gives_way_to_the_event_day_of_the_lead():
    text = ("Coalition aircraft destroyed five ISIS fighting positions in Iraq, the task force said in a news "
            "release Sunday.\n\nOn Saturday, coalition drones also hit two boats near Mosul.")
    assert span(one(text, "five")) == ("2021-02-13", "2021-02-13")


def test_the_same_day_takes_the_day_before_it():
    text = ("On Saturday, militants shelled a coalition outpost.\n\nOn Wednesday, drones struck three depots near "
            "Raqqa.\n\nBombers hit four bridges in Iraq the same day, the statement said.")
    assert span(one(text, "four")) == ("2021-02-10", "2021-02-10")


def test_earlier_this_month_takes_the_exact_date_given_later():
    text = ("Eleven troops were wounded in a drone attack on a base in Syria earlier this month, officials said.\n\n"
            "On Nov. 2, a one-way drone struck the base's housing area.")
    assert span(one(text, "Eleven", THU)) == ("2023-11-02", "2023-11-02")


def test_last_week_is_the_previous_calendar_week():
    text = "U.S. aircraft killed seven militants near the border last week, the Pentagon said."
    assert span(one(text, "seven", THU)) == ("2023-10-30", "2023-11-05")


def test_a_dateline_is_not_the_event_day():
    text = ("Nov. 9 (UPI) -- Three rockets struck a base in Syria on Tuesday, a U.S. official said.\n\n"
            "Two service members were hurt.")
    assert span(one(text, "Three", THU)) == ("2023-11-07", "2023-11-07")
    assert span(one(text, "Two", THU)) == ("2023-11-07", "2023-11-07")  # the lead's day, not the dateline's


def test_a_figure_of_an_undated_earlier_attack_has_no_period():
    text = ("The U.S. struck two depots in Syria on Wednesday after a drone attack killed four American troops "
            "in Jordan.")
    assert span(one(text, "four", THU)) is None
    assert span(one(text, "two", THU)) == ("2023-11-08", "2023-11-08")


def test_a_force_level_is_counted_on_publication_day():
    text = "On Oct. 17 the attacks began. The United States has about 900 troops in Syria."
    assert span(one(text, "900", THU)) == ("2023-11-09", "2023-11-09")


def test_the_place_a_preposition_introduces_wins_over_the_subject():
    row = one("Syria launched 12 drones at two bases in Iraq, officials said.", "12")
    assert row["place"] == "Iraq"


def test_a_place_right_after_the_figure_is_its_own():
    text = "The strikes hit four sites in Iraq and three in Syria."
    assert one(text, "three")["place"] == "Syria"
    assert one(text, "four")["place"] == "Iraq"


def test_a_sentence_without_a_place_takes_the_previous_one_of_its_paragraph():
    text = ("Rockets landed on the coalition compound in Irbil late Monday. Two contractors were hurt, "
            "officials said.")
    assert one(text, "Two")["place"] == "Irbil"


def test_a_paragraph_without_a_place_takes_the_lead():
    text = ("Drone attack hits al-Asad Airbase\n\nA drone struck the base on Monday, a spokesman said.\n\n"
            "Three service members were treated for minor injuries.")
    assert one(text, "Three")["place"] == "al-Asad Airbase"


def test_the_iraq_syria_border_is_a_place():
    text = "U.S. jets killed nine fighters stationed on the Syria-Iraq border in Anbar province."
    assert one(text, "nine")["place"] == "Syria-Iraq border"


# Round 2: places a paragraph goes on about, appositions, breakdowns, possessors, datelines;
# forces counted now and spans opened by an earlier "since <date>".

def test_a_paragraph_without_a_place_goes_on_about_the_previous_paragraphs_place():
    text = ("Strikes in Syria kill civilians\n\nA monitor reported the raids in Syria on Monday.\n\n"
            "The coalition did not comment.\n\nWarplanes hit a market in Manbij on Sunday, residents said.\n\nToll disputed\n\n"
            "The raids killed 12 civilians, the monitor said.")
    assert one(text, "12")["place"] == "Manbij"


def test_a_less_specific_place_of_the_previous_paragraph_gives_way_to_the_lead():
    text = ("Jets strike Raqqa\n\nFrench jets struck Raqqa overnight, the ministry said.\n\n"
            "The crews took off from bases in Jordan and the Gulf.\n\nTen jets dropped 16 bombs.")
    assert one(text, "Ten")["place"] == "Raqqa"


def test_a_place_in_an_apposition_only_says_where_the_place_before_it_lies():
    text = "Fighters fell back toward Hajin, a town on the banks of the Euphrates where 200 militants hold out."
    assert one(text, "200")["place"] == "Hajin"


def test_a_total_broken_down_by_place_happened_in_all_of_them():
    text = "There have been 60 attacks on American troops, including 31 in Syria and 29 in Iraq."
    assert one(text, "60")["place"] == "Syria, Iraq"
    assert one(text, "31")["place"] == "Syria"


def test_a_possessor_place_is_written_with_the_place_it_holds():
    row = one("Three rockets hit Baghdad's International Zone on Tuesday.", "Three")
    assert row["place"] == "Baghdad's International Zone" and row["place_name"].startswith("Green Zone")


def test_a_near_dateline_gives_the_place_of_the_story():
    text = ("Strikes go on\n\nNEAR HAJIN, Syria (AP) — Warplanes struck again on Monday.\n\n"
            "Residents said about 30 families fled.")
    assert one(text, "30")["place"] == "HAJIN"


def test_a_dateline_where_the_reporter_filed_is_no_place_of_the_story():
    text = ("Strikes on Mosul\n\nQAYYARAH AIRBASE, Iraq (AP) - Jets struck Mosul on Monday.\n\n"
            "Officials said about 30 fighters died.")
    assert one(text, "30")["place"] == "Mosul"


def test_a_force_that_still_stands_is_counted_on_publication_day():
    text = ("Troops entered the city on Oct. 17. There are still an estimated 4,000 fighters in the city, "
            "the general said.")
    assert span(one(text, "4,000", THU)) == ("2023-11-09", "2023-11-09")


def test_since_these_attacks_began_runs_from_the_earlier_since_date():
    text = ("Since Oct. 17 militias have carried out 40 attacks on U.S. forces.\n\n"
            "\"We are tracking 45 personnel who have received injuries since these attacks began,\" she said.")
    assert span(one(text, "45", THU)) == ("2023-10-17", "2023-11-09")

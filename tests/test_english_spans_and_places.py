"""English spans and places (found on the third development set): since-clauses, tolls broken down after the
total, counts of recent events, articles that never date anything, and places written with their
enclosing unit."""

from datetime import date

import pytest

from analysis.extraction import extract_article
from analysis.mentions.timex import find_timexes, resolve

TUE = date(2019, 3, 12)  # a Tuesday


def figures(text, published=TUE):
    rows, _ = extract_article(text, published=published, precision="day", language="en")
    return rows


def one(text, figure, published=TUE):
    hits = [f for f in figures(text, published) if figure in f["text"]]
    assert len(hits) == 1, [f["text"] for f in figures(text, published)]
    return hits[0]


def span(row):
    return (str(row["period_start"]), str(row["period_end"])) if row["period_start"] is not None else None


@pytest.mark.parametrize("text,expected", [
    ("in October of 2016", ("2016-10-01", "2016-10-31")),
    ("March of 2015", ("2015-03-01", "2015-03-31")),
])
def test_month_of_year(text, expected):
    t = find_timexes(text)[0]
    p = resolve(t, TUE, "day", text)
    assert (str(p.start), str(p.end)) == expected


@pytest.mark.parametrize("text,start", [
    # The since-clause's date, past an aside in brackets and abbreviation points.
    ("More than 6,000 militants have died since the U.S.-led alliance began bombing the Islamic State (ISIS) "
     "in Iraq in August 2014, the monitor said.", "2014-08-01"),
    # Past an aside between dashes.
    ("At least 900 people have been killed since the group -- designated a terrorist organisation by Ankara, "
     "Washington and Brussels -- ended a ceasefire with the government in July of 2015.", "2015-07-01"),
])
def test_a_since_clause_dated_by_in_runs_to_publication(text, start):
    assert span(figures(text)[0]) == (start, "2019-03-12")


def test_a_date_far_after_since_in_another_clause_is_not_a_start():
    text = "Fighting has raged since then, and 40 fighters were killed in March 2018 near the border."
    assert span(one(text, "40")) == ("2018-03-01", "2018-03-31")


def test_a_breakdown_of_an_earlier_toll_takes_its_period():
    text = ("A monitor said on Monday that 3,200 people have been killed since the campaign began in "
            "June 2017.\n\nSome 1,100 civilians and 2,100 fighters are among the dead, it added.")
    assert span(one(text, "1,100")) == ("2017-06-01", "2019-03-12")


def test_a_count_of_recent_attacks_has_no_period():
    text = ("Drones struck two U.S. bases in Syria on Sunday, a monitor said.\n\n"
            "The militia has claimed most of the scores of recent strikes on American troops in the region.")
    assert span(one(text, "scores")) is None
    assert span(one(text, "two")) == ("2019-03-10", "2019-03-10")


def test_an_article_that_never_dates_anything_leaves_periods_empty():
    text = ("Militants kill nine soldiers north of Baghdad\n\nNine Iraqi soldiers were killed when militants "
            "stormed a checkpoint in Salahuddin province, a police source said.")
    assert all(span(f) is None for f in figures(text))


def test_an_undated_figure_in_a_dated_article_keeps_the_lead_day():
    text = ("Militants killed nine soldiers at a checkpoint on Monday, a police source said.\n\n"
            "Reinforcements found five more bodies at the site, the source added.")
    assert span(one(text, "five")) == ("2019-03-11", "2019-03-11")


def test_a_separate_event_without_a_date_has_no_period():
    text = ("Coalition jets struck two bridges near Raqqa on Sunday, the statement said.\n\n"
            "Separately, gunmen killed four shepherds in the desert, local officials said.")
    assert span(one(text, "four")) is None
    assert span(one(text, "two")) == ("2019-03-10", "2019-03-10")


@pytest.mark.parametrize("text,figure,place", [
    ("Some 500 fighters gave themselves up in Hajin, Syria, on Monday.", "500", "Hajin, Syria"),
    ("Airstrikes killed 12 people in the town of Hajin, Deir ez-Zor province, on Monday.", "12",
     "Hajin, Deir ez-Zor province"),
    # A list of countries is no place and its country.
    ("Strikes hit 30 targets in Mosul, Iraq and Syria on Monday.", "30", "Mosul"),
])
def test_the_enclosing_unit_after_a_comma_goes_with_the_place(text, figure, place):
    assert one(text, figure)["place"] == place


@pytest.mark.parametrize("text,place", [
    ("Coalition aircraft killed 25 militants in al-Shaddadi on Monday, activists said.", "al-Shaddadi"),
    ("Gunmen killed three farmers near the village of Tal Sakhr on Monday.", "Tal Sakhr"),
])
def test_an_english_locative_keeps_a_name_the_gazetteer_lacks(text, place):
    assert figures(text)[0]["place"] == place


def test_a_month_after_in_is_no_place():
    text = "Coalition aircraft killed 25 militants in March, activists said."
    assert figures(text)[0]["place"] != "March"


def test_a_date_in_a_where_clause_on_a_place_tells_that_place_s_story():
    text = ("Strikes intensified during February, the monitor said. On the ground, at least 60 civilians were "
            "likely killed by the strikes, most of them in Deir ez-Zor province, where the assault on the town "
            "had begun on February 9 after weeks of shelling.")
    assert span(one(text, "60")) == ("2019-02-01", "2019-02-28")

"""Time expressions resolved against the publication window."""

from datetime import date

import pytest

from analysis.mentions.timex import find_timexes, resolve

WED = date(2022, 1, 5)  # a Wednesday


def period(text, published=WED, precision="day"):
    found = find_timexes(text)
    assert found, f"no time expression in {text!r}"
    p = resolve(found[0], published, precision, text)
    return str(p.start), str(p.end), p.precision


@pytest.mark.parametrize("text,expected", [
    ("mercredi", ("2022-01-05", "2022-01-05", "day")),
    ("ce mercredi", ("2022-01-05", "2022-01-05", "day")),
    ("Lundi", ("2022-01-03", "2022-01-03", "day")),
    ("mardi soir", ("2022-01-04", "2022-01-04", "day")),
    ("jeudi", ("2021-12-30", "2021-12-30", "day")),
    ("mercredi dernier", ("2021-12-29", "2021-12-29", "day")),
    ("vendredi prochain", ("2022-01-07", "2022-01-07", "day")),
    ("hier", ("2022-01-04", "2022-01-04", "day")),
    ("ce matin", ("2022-01-05", "2022-01-05", "day")),
    ("ce mois-ci", ("2022-01-01", "2022-01-31", "month")),
    ("le mois dernier", ("2021-12-01", "2021-12-31", "month")),
    ("la semaine dernière", ("2021-12-27", "2022-01-02", "week")),
    ("cette semaine", ("2022-01-03", "2022-01-09", "week")),
    ("l'année dernière", ("2021-01-01", "2021-12-31", "year")),
    ("de toute l'année dernière", ("2021-01-01", "2021-12-31", "year")),
    ("en mars", ("2021-03-01", "2021-03-31", "month")),  # a March after January is last year's
    ("en décembre", ("2021-12-01", "2021-12-31", "month")),
    ("fin décembre", ("2021-12-21", "2021-12-31", "month")),
    ("le 3 janvier", ("2022-01-03", "2022-01-03", "day")),
    ("le 3 janvier 2020", ("2020-01-03", "2020-01-03", "day")),
    ("le 1er mars 2019", ("2019-03-01", "2019-03-01", "day")),
    ("en 2019", ("2019-01-01", "2019-12-31", "year")),
    ("du 4 au 10 décembre", ("2021-12-04", "2021-12-10", "day")),
    ("entre le 28 décembre et le 2 janvier", ("2021-12-28", "2022-01-02", "day")),
    ("au cours des deux derniers mois", ("2021-11-05", "2022-01-05", "month")),
    ("Au cours du Nouvel An", ("2021-12-31", "2022-01-01", "day")),
])
def test_resolution_day_anchor(text, expected):
    assert period(text) == expected


def test_weekday_with_month_anchor_widens_to_the_month():
    # An article known only to March 2021: "mercredi" cannot be a single day; it is a day of that March.
    start, end, precision = period("mercredi", date(2021, 3, 1), "month")
    assert (start, end, precision) == ("2021-03-01", "2021-03-31", "month")


def test_weekday_with_week_anchor_may_reach_before_the_window():
    # A week-precision anchor (12-18 Jan 2020): "lundi" may be the Monday before the window.
    start, end, precision = period("lundi", date(2020, 1, 15), "week")
    assert (start, end) == ("2020-01-06", "2020-01-13")


@pytest.mark.parametrize("text,expected", [
    # A night covers the two dates; without a month it is the latest such night before publication.
    ("dans la nuit du 3 au 4", ("2022-01-03", "2022-01-04", "day")),
    ("dans la nuit du 28 au 29", ("2021-12-28", "2021-12-29", "day")),
    ("la nuit du 30 au 31 décembre", ("2021-12-30", "2021-12-31", "day")),
    ("dans la nuit de lundi à mardi", ("2022-01-03", "2022-01-04", "day")),
    # English weekdays, month-day dates and deictics.
    ("on Monday", ("2022-01-03", "2022-01-03", "day")),
    ("last Tuesday", ("2022-01-04", "2022-01-04", "day")),
    ("on Dec. 30", ("2021-12-30", "2021-12-30", "day")),
    ("January 3, 2020", ("2020-01-03", "2020-01-03", "day")),
    ("yesterday", ("2022-01-04", "2022-01-04", "day")),
])
def test_nights_and_english_expressions(text, expected):
    assert period(text) == expected


def test_month_expression_keeps_month_precision_with_month_anchor():
    assert period("ce mois-ci", date(2021, 3, 1), "month") == ("2021-03-01", "2021-03-31", "month")

"""Repeats: a fact stated again (headline, lead, body) is kept once; a day of a date is no figure.

Texts are written for these tests, in wordings other than the development set's.
"""

from __future__ import annotations

from datetime import date

from analysis.extraction import extract_figures
from analysis.mentions.prepared import prepare

PUBLISHED = date(2022, 3, 10)


def rows(text: str) -> list[dict]:
    return extract_figures(text, PUBLISHED, "day", "fr")


def test_a_headline_fact_restated_in_the_body_points_to_the_body_mention():
    out = rows("Irak : 12 roquettes tirées sur une base\n\n"
               "Douze roquettes ont été tirées mardi sur la base, a indiqué l'armée. "
               "Les 12 roquettes sont tombées près de la piste.")
    rockets = [r for r in out if r["category"] == "rockets"]
    assert len(rockets) == 3
    kept = [r for r in rockets if r["repeat_of"] is None]
    assert len(kept) == 1 and kept[0]["text"].startswith("Douze")
    assert all(r["repeat_of"] == kept[0]["figure_id"] for r in rockets if r is not kept[0])


def test_different_qualifiers_periods_or_stocks_are_different_facts():
    out = rows("Bilan des combats\n\n"
               "Lundi 3 mars, 12 roquettes ont été tirées sur la base. "
               "Le 5 février, 12 roquettes avaient déjà visé la même base. "
               "Plus de 12 roquettes au total ont été tirées. "
               "La France a engagé six Rafale lundi, puis six Rafale mardi.")
    assert all(r["repeat_of"] is None for r in out), [(r["text"], r["repeat_of"]) for r in out]


def test_a_long_first_line_is_the_lead_not_a_headline():
    out = rows("Trois soldats ont été tués lundi dans une attaque de drone contre une base de la coalition, "
               "ont annoncé les autorités, qui ont promis une riposte rapide et proportionnée à cette attaque "
               "revendiquée par une milice.\n\nLes trois soldats ont été tués dans leur sommeil lundi.")
    killed = [r for r in out if r["category"] == "killed"]
    assert killed[0]["repeat_of"] is None and killed[1]["repeat_of"] == killed[0]["figure_id"]


def test_days_of_a_night_are_no_figures():
    art = prepare("Après les 20 bombes lâchées dans la nuit du 15 au 16, un nouveau raid a eu lieu.", PUBLISHED,
                  "day", "fr")
    assert [m.value for m in art.numbers] == [20]
    assert any(r.reason.startswith("part of a time expression") for r in art.rejected)

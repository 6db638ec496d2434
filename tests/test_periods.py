"""The period a figure covers (issue 9): lengths of time, "depuis", running totals, stocks, the lead's day."""

import re
from datetime import date

import pytest

from analysis.extraction import extract_article
from analysis.resources.lexicon import read_table
from analysis.mentions.timex import find_timexes

THURSDAY = date(2021, 5, 20)


def period_of(text, figure, day=THURSDAY):
    figures, _ = extract_article(text, published=day, precision="day")
    hits = [f for f in figures if figure in f["text"]]
    assert len(hits) == 1, [f["text"] for f in figures]
    return str(hits[0]["period_start"]), str(hits[0]["period_end"])


def test_a_length_of_time_ends_at_publication():
    text = "Les bombardements ont tué au moins 40 combattants en deux mois, a indiqué l'ONG."
    assert period_of(text, "40") == ("2021-03-20", "2021-05-20")


def test_depuis_reaches_its_date_across_a_parenthesis():
    text = "Depuis le début de l'offensive (le 2 mars), au moins 310 frappes ont visé la ville."
    assert period_of(text, "310") == ("2021-03-02", "2021-05-20")


def test_depuis_a_weekday_runs_to_publication():
    text = "Depuis lundi, plus de 45 roquettes sont tombées sur la base, selon un responsable."
    assert period_of(text, "45") == ("2021-05-17", "2021-05-20")


def test_a_running_total_takes_the_earlier_depuis_up_to_publication():
    text = ("Depuis le 4 avril, la coalition a multiplié les raids sur la vallée. "
            "Au total, 85 frappes ont été menées, selon l'état-major.")
    assert period_of(text, "85") == ("2021-04-04", "2021-05-20")


def test_a_later_sentence_without_a_total_keeps_the_moment():
    text = ("Depuis le 4 avril, la coalition a multiplié les raids sur la vallée. "
            "Les avions ont alors détruit 7 dépôts, selon l'état-major.")
    assert period_of(text, "7") == ("2021-04-04", "2021-04-04")


def test_a_stock_takes_publication_not_a_date_in_another_clause():
    text = "Déployée le 3 février 2019, la mission mobilise 450 soldats dans le nord du pays."
    assert period_of(text, "450") == ("2021-05-20", "2021-05-20")


def test_a_deployment_dated_in_its_own_clause_keeps_its_date():
    text = "La mission compte environ 450 soldats, dont 200 arrivés le 3 février."
    assert period_of(text, "200") == ("2021-02-03", "2021-02-03")


def test_a_date_tied_to_a_noun_is_not_carried_to_the_next_sentence():
    text = ("Les avions ont frappé dimanche des positions de la milice, en réponse à une attaque de mardi "
            "contre la base. Les frappes ont détruit 6 entrepôts d'armes, selon le Pentagone.")
    assert period_of(text, "6") == ("2021-05-16", "2021-05-16")


def test_a_later_paragraph_without_a_date_takes_the_lead_day():
    text = ("Irak : 30 combattants tués près de Mossoul\n\n"
            "Les forces irakiennes ont tué mardi 30 combattants près de Mossoul, a annoncé l'armée.\n\n"
            "Les soldats ont aussi détruit 5 véhicules piégés dans le sud de la ville.\n")
    assert period_of(text, "5") == ("2021-05-18", "2021-05-18")


def test_a_weekday_binds_to_its_own_clause():
    text = "Les miliciens ont tiré mardi sur la base d'Al-Tanf plus de 14 roquettes, jeudi l'armée a riposté."
    assert period_of(text, "14") == ("2021-05-18", "2021-05-18")


@pytest.mark.parametrize("row", read_table("period_cues").to_dict("records"), ids=lambda r: r["pattern"][:30])
def test_period_cue_rows_match_their_example_and_not_their_counterexample(row):
    if row["role"] == "span":  # a prefix of the length-of-time expression
        kinds = lambda s: {t.kind for t in find_timexes(s)}  # noqa: E731
        assert "span" in kinds(row["example"])
        assert "span" not in kinds(row["counterexample"])
        return
    rx = re.compile(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w-])", re.IGNORECASE)
    assert rx.search(row["example"])
    assert not rx.search(row["counterexample"])

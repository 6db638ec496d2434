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


def period_or_none(text, figure, day=THURSDAY):
    figures, _ = extract_article(text, published=day, precision="day")
    hits = [f for f in figures if figure in f["text"]]
    assert len(hits) == 1, [f["text"] for f in figures]
    start = hits[0]["period_start"]
    return None if start is None else (str(start), str(hits[0]["period_end"]))


@pytest.mark.parametrize("text,figure", [
    ("Une base a été visée lundi par des roquettes, plusieurs jours après un attentat qui a fait 9 morts.", "9"),
    ("Le Pentagone a récemment offert une prime de 5 millions de dollars pour retrouver les auteurs.", "5 millions"),
    ("Une frappe menée il y a quelques semaines avait tué 12 combattants, selon l'ONG.", "12"),
])
def test_a_time_given_only_relative_to_an_undated_event_leaves_the_period_empty(text, figure):
    assert period_or_none(text, figure) is None


def test_recently_qualifying_a_noun_is_no_anchor():
    text = "Les forces ont tué mardi 18 combattants dans des villages récemment repris, a indiqué l'armée."
    assert period_or_none(text, "18") == ("2021-05-18", "2021-05-18")


def test_a_night_spanning_two_dates():
    text = "Dans la nuit du 11 au 12, les avions ont largué 14 bombes sur les dépôts, selon l'état-major."
    assert period_of(text, "14") == ("2021-05-11", "2021-05-12")


def test_a_state_reported_in_the_conditional_present_takes_publication():
    text = ("Les combattants sont entrés dans la ville le 2 avril. Des milliers d'habitants seraient "
            "encore bloqués dans les quartiers ouest, selon l'ONG.")
    assert period_of(text, "milliers") == ("2021-05-20", "2021-05-20")


def test_a_total_in_a_later_paragraph_takes_the_span_stated_before():
    text = ("Les bases américaines ont subi 31 attaques entre le 2 et le 16 mai, selon le Pentagone.\n\n"
            "Un porte-parole a précisé mercredi que les bases d'Irak étaient les plus visées, "
            "avec au total 19 attaques en Irak.\n")
    assert period_of(text, "19") == ("2021-05-02", "2021-05-16")


def test_these_attacks_take_the_earlier_span_up_to_the_day_it_was_said():
    text = ("Entre le 2 et le 18 mai, les bases de la coalition ont été attaquées à 31 reprises, selon le Pentagone.\n\n"
            "Un porte-parole avait indiqué samedi que 7 soldats avaient été blessés lors de ces attaques.\n")
    assert period_of(text, "7") == ("2021-05-02", "2021-05-15")


def test_a_count_with_a_definite_determiner_refers_back():
    text = ("Selon l'armée, 40 soldats ont été blessés depuis le 1er mai dans la province.\n\n"
            "Mardi, le porte-parole a précisé que la plupart des 36 blessés légers avaient repris le service.\n")
    assert period_of(text, "36") == ("2021-05-01", "2021-05-18")  # as of the day it was said


def test_a_fact_restated_with_a_date_takes_that_date():
    text = ("Le ministère a annoncé que 12 soldats avaient été tués dans la province.\n\n"
            "Selon le ministère, 12 soldats ont été tués depuis le 10 mai dans des embuscades.\n")
    figures, _ = extract_article(text, published=THURSDAY, precision="day")
    first = min(figures, key=lambda f: f["start"])
    assert (str(first["period_start"]), str(first["period_end"])) == ("2021-05-10", "2021-05-20")


def test_a_dateless_sentence_takes_the_period_of_the_previous_sentence_figure():
    text = ("Les frappes ont tué 90 combattants en deux semaines, a affirmé l'ONG vendredi 14 mai. "
            "Parmi eux figurent 11 commandants, selon la même source.")
    assert period_of(text, "11") == ("2021-05-06", "2021-05-20")


def test_the_lead_day_is_found_in_a_lead_without_numbers():
    text = ("Des miliciens ont attaqué mardi la base d'Al-Tanf avec des drones.\n\n"
            "Les soldats ont abattu 3 drones au-dessus du camp, selon un responsable.\n")
    assert period_of(text, "3") == ("2021-05-18", "2021-05-18")


def test_a_weekday_in_a_relative_clause_dates_that_clause_only():
    text = ("Les soldats ont abattu dimanche au-dessus du camp de Tanf et de la vallée 9 drones "
            "dont le lancement avait été revendiqué lundi par une milice.")
    assert period_of(text, "9") == ("2021-05-16", "2021-05-16")


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

"""Unit tests for the cue forms, quotes and coreference of :mod:`analysis.claims.extract`.

Sentences written for these tests (not taken from any annotated article).
"""

from __future__ import annotations

from datetime import date

from analysis.claims.extract import find_claims
from analysis.mentions.prepared import prepare


def claims_of(text: str, language: str = "fr"):
    art = prepare(text, date(2022, 3, 1), language=language)
    return art, find_claims(art)


def starts(art, claims):
    return [art.text[c.start:c.end][:30] for c in claims]


def test_pronoun_incise_after_quote_takes_the_earlier_speaker():
    art, cl = claims_of(
        "Le colonel Marc Duval a déclaré que la base avait été visée par trois drones. "
        "Les drones ont été abattus et «aucun dégât n'a été constaté», a-t-il ajouté."
    )
    assert len(cl) == 2
    assert cl[1].speaker == "Marc Duval"
    # the quote ends a sentence of reported speech: the claim is the whole sentence
    assert art.text[cl[1].start:].startswith("Les drones ont été abattus")


def test_so_called_is_no_verb_of_saying():
    art, cl = claims_of(
        "Les forces kurdes ont repris deux villages au mouvement dit « Califat du Levant » près de la frontière, "
        "a annoncé le ministère de l'Intérieur."
    )
    assert len(cl) == 1
    assert "ministère de l'intérieur" in cl[0].speaker.lower()
    assert art.text[cl[0].start:].startswith("Les forces kurdes")


def test_scare_quotes_inside_reported_speech_keep_the_claim():
    art, cl = claims_of(
        "Des raids ont visé des dépôts d'armes de «milices alliées» dans l'est du pays, selon le Pentagone."
    )
    assert len(cl) == 1
    assert cl[0].speaker.lower().endswith("pentagone")
    assert art.text[cl[0].start:].startswith("Des raids ont visé")


def test_second_verb_is_its_own_claim():
    art, cl = claims_of(
        "Le ministère de la Défense a indiqué que douze sites avaient été frappés, "
        "notant que deux dépôts avaient été détruits."
    )
    assert len(cl) == 2
    assert art.text[cl[1].start:].startswith("deux dépôts")
    assert "notant" not in art.text[cl[0].start:cl[0].end]
    assert cl[1].speaker == cl[0].speaker


def test_sentence_initial_institution_source():
    art, cl = claims_of("Pour l'état-major, la mission de surveillance est une réussite complète.")
    assert len(cl) == 1
    assert art.text[cl[0].start:].startswith("la mission")
    # "pour" inside a sentence is no attribution
    _, cl = claims_of("Les munitions ont été livrées pour l'armée irakienne la semaine dernière.")
    assert cl == []


def test_inverted_cue_without_comma_after_a_clause():
    art, cl = claims_of("Les avions ont mené 40 sorties et 12 frappes annonce le commandement régional.")
    assert len(cl) == 1
    assert "commandement" in cl[0].speaker.lower()
    assert art.text[cl[0].start:].startswith("Les avions")
    # a bare subject before the verb: its object is no speaker
    _, cl = claims_of("L'armée annonce la reprise de deux villages près de la frontière.")
    assert all("reprise" not in c.speaker for c in cl)


def test_accusation_and_subjunctive_description():
    art, cl = claims_of("Bagdad accuse Damas de laisser passer des combattants par la frontière.")
    assert len(cl) == 1 and cl[0].speaker == "Bagdad"
    assert art.text[cl[0].start:].startswith("Damas de laisser")
    art, cl = claims_of(
        "Les tirs ont repris, bien que les officiers aient décrit la riposte comme un franc succès."
    )
    assert len(cl) == 1
    assert art.text[cl[0].start:].startswith("la riposte")


def test_coreferent_speakers_take_the_fullest_name():
    art, cl = claims_of(
        "Au moins 40 civils ont été tués en une semaine, a affirmé l'Organisation syrienne des réfugiés (OSR). "
        "Selon l'ONG, la moitié étaient des enfants. "
        "Cette organisation a ajouté que les secours manquaient. "
        "L'OSR indique que les routes sont coupées."
    )
    assert len(cl) == 4
    assert len({c.speaker for c in cl}) == 1, [c.speaker for c in cl]
    assert "Organisation syrienne des réfugiés" in cl[0].speaker


def test_role_alone_takes_the_name_given_with_it_and_pronouns_follow():
    _, cl = claims_of(
        "La porte-parole adjointe du ministère a annoncé que dix soldats avaient été blessés. "
        "La porte-parole adjointe du ministère, Claire Moreau, a précisé que tous étaient rentrés. "
        "Elle a indiqué que l'enquête continuait."
    )
    assert [c.speaker for c in cl] == ["Claire Moreau"] * 3


def test_source_with_name_in_apposition_at_sentence_end():
    _, cl = claims_of(
        "Quatre roquettes sont tombées près de l'aéroport, selon le porte-parole de la police, Karim Haddad."
    )
    assert len(cl) == 1 and cl[0].speaker == "Karim Haddad"


def test_medium_alone_after_the_verb_is_no_statement():
    _, cl = claims_of(
        'Officials said in a statement.', language="en"
    )
    assert cl == []

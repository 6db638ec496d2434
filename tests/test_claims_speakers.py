"""Speakers of claims: cues as lemmas and forms, channel phrases, acronyms, absolute participles,
relative second verbs, "a-t-on appris de source", coreference and the ``speaker_id`` key.

Sentences written for these tests in the styles of several outlets (not taken from any annotated article).
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from analysis.claims.coreference import speaker_id, unify_speaker_ids
from analysis.claims.cues import cue_entries, find_cues
from analysis.claims.extract import find_claims
from analysis.extraction import claims_frame, extract_article
from analysis.mentions.prepared import prepare
from analysis.resources.lexicon import read_table
from analysis.tables.schemas import validate
from analysis.text.view import lowered, normalise


def claims_of(text: str, language: str = "fr"):
    art = prepare(text, date(2023, 5, 2), language=language)
    return art, find_claims(art)


def statements(art, claims):
    return [art.text[c.start:c.end] for c in claims]


# ---------------------------------------------------------------- the verbs of saying are data


def _cues(text: str, language: str):
    return find_cues(lowered(normalise(text)), language)


@pytest.mark.parametrize("row", read_table("speech_verbs").to_dict("records"), ids=lambda r: r["lemma"])
def test_every_verb_row_finds_its_example_and_not_its_counterexample(row):
    """Each lemma's example holds a cue of that lemma; its counterexample (a near miss) none."""
    assert any(c.lemma == row["lemma"] for c in _cues(row["example"], row["language"])), row["example"]
    assert not any(c.lemma == row["lemma"] for c in _cues(row["counterexample"], row["language"])), row["counterexample"]


@pytest.mark.parametrize("row", [r for r in read_table("speech_cues").to_dict("records")],
                         ids=lambda r: f"{r['language']}-{r['form']}-{r['example'][:20]}")
def test_every_cue_row_behaves_on_its_example_and_counterexample(row):
    """A construction's example is a cue and its counterexample is not; a look-alike row ("none")
    is the reverse: its example is no cue, its counterexample is one."""
    found = bool(_cues(row["example"], row["language"]))
    missed = not _cues(row["counterexample"], row["language"])
    if row["form"] == "incise":  # a pronoun after a present verb: the cue holds it, or there is none
        pronoun = re.compile(row["pattern"])
        assert any(pronoun.search(row["example"][c.start:c.end]) for c in _cues(row["example"], row["language"]))
        assert not any(pronoun.search(row["counterexample"][c.start:c.end])
                       for c in _cues(row["counterexample"], row["language"]))
    elif row["form"] == "none":
        assert not found and not missed, row
    else:
        assert found and missed, row


def test_verb_forms_come_from_the_table_not_the_code():
    lemmas = {e.lemma for e in cue_entries("fr") if e.lemma}
    assert {"déclarer", "nier", "accuser", "imputer", "tweeter"} <= lemmas
    past = [e for e in cue_entries("fr") if e.lemma == "déclarer" and e.pattern == "déclaré"]
    assert past and all(e.before for e in past)  # a past participle needs its auxiliary
    # English writes its past alone or behind an optional auxiliary ("said", "has said")
    said = [e for e in cue_entries("en") if e.lemma == "say" and e.pattern == "said"]
    assert said and all(re.fullmatch(e.before, "") for e in said)


# ---------------------------------------------------------------- speaker phrases


def test_channel_phrase_between_inverted_verb_and_speaker():
    art, cl = claims_of("Douze cibles ont été frappées dans la nuit, précise dans un communiqué, l'état-major des armées.")
    assert len(cl) == 1 and cl[0].speaker == "l'état-major des armées"
    assert cl[0].channel == "communique"
    art, cl = claims_of("Aucun blessé n'est à déplorer, a affirmé lors d'une conférence de presse le ministre Karim Haddad.")
    assert cl[0].speaker == "Karim Haddad" and cl[0].channel == "press_conference"


def test_communique_of_an_institution_is_the_institution():
    art, cl = claims_of("Quatre dépôts ont été détruits, indique un communiqué du Conseil militaire de Deir ez-Zor (CMDZ).")
    assert cl[0].speaker == "Conseil militaire de Deir ez-Zor (CMDZ)"
    assert cl[0].channel == "communique"


def test_acronym_stays_with_the_name_and_resolves_later_mentions():
    art, cl = claims_of(
        "Trente civils ont été tués, a affirmé le Réseau syrien pour les droits de l'homme (RSDH). "
        "Selon le RSDH, la plupart des victimes sont des enfants."
    )
    assert [c.speaker for c in cl] == ["le Réseau syrien pour les droits de l'homme (RSDH)"] * 2


def test_participial_modifier_ends_the_speaker():
    art, cl = claims_of("«Deux roquettes ont visé la base», a déclaré un officier s'exprimant sous couvert d'anonymat.")
    assert cl[0].speaker == "un officier" and cl[0].speaker_kind == "anonymous_officials"


def test_anonymous_source_with_a_place_name_stays_anonymous():
    art, cl = claims_of("Une source policière de la province de Salaheddine a rapporté que deux obus étaient tombés.")
    assert cl[0].speaker == "Une source policière de la province de Salaheddine"
    assert cl[0].speaker_kind == "anonymous_officials"


def test_learned_from_a_source():
    art, cl = claims_of("Deux drones ont été abattus près de l'aéroport d'Erbil, a-t-on appris de source sécuritaire kurde.")
    assert statements(art, cl) == ["Deux drones ont été abattus près de l'aéroport d'Erbil"]
    assert cl[0].speaker == "source sécuritaire kurde" and cl[0].speaker_kind == "anonymous_officials"
    art, cl = claims_of("Le convoi a été visé par un engin explosif, a-t-on appris auprès du ministère de l'Intérieur.")
    assert cl[0].speaker == "ministère de l'Intérieur"


def test_relative_second_verb_has_the_inverted_speaker():
    art, cl = claims_of(
        "Les frappes ont visé des entrepôts d'armes, affirme Reuters qui ajoute que deux commandants ont été tués."
    )
    assert statements(art, cl) == ["Les frappes ont visé des entrepôts d'armes", "deux commandants ont été tués"]
    assert [c.speaker for c in cl] == ["Reuters", "Reuters"]


def test_absolute_participle_has_its_own_subject():
    art, cl = claims_of(
        "Ces tirs sont rarement revendiqués, Washington les attribuant à des milices soutenues par Téhéran."
    )
    assert cl[0].speaker == "Washington"
    assert art.text[cl[0].start:cl[0].end].startswith("à des milices")
    art, cl = claims_of("Des roquettes ont visé la base mardi, les services de renseignement les imputant au Hezbollah.")
    assert cl[0].speaker == "les services de renseignement"
    # without a subject of its own, the participle's speaker is the sentence's subject
    art, cl = claims_of("Le Pentagone a confirmé la frappe, précisant qu'aucun civil n'avait été touché.")
    assert [c.speaker for c in cl][-1] == "Le Pentagone"


def test_present_incise_with_a_pronoun():
    art, cl = claims_of(
        "Le général Samir Haddad a confirmé la frappe. «Le dépôt a été détruit», précise-t-il. "
        "«Nous ne céderons pas», dit-il encore."
    )
    assert len(cl) == 3 and {c.speaker for c in cl} == {"Samir Haddad"}


def test_according_to_him_is_the_earlier_speaker():
    art, cl = claims_of(
        "Le colonel Marc Duval a déclaré que trois drones avaient été abattus. "
        "Selon lui, les drones venaient de l'est."
    )
    assert [c.speaker for c in cl] == ["Marc Duval", "Marc Duval"]


def test_denial_and_accusation_are_claims():
    art, cl = claims_of("Téhéran a nié toute implication dans l'attaque. Bagdad accuse les milices de saboter l'enquête.")
    assert [c.speaker for c in cl] == ["Téhéran", "Bagdad"]


# ---------------------------------------------------------------- coreference and canonical names


def test_pronoun_and_description_take_the_fullest_name():
    art, cl = claims_of(
        "L'ONG Airwars a affirmé mardi que 40 civils avaient été tués. "
        "Selon cette organisation, le bilan pourrait s'alourdir. "
        "«Nous manquons de données», a-t-elle ajouté. "
        "Les enquêteurs n'ont pas accès au site, a précisé la même source."
    )
    assert len(cl) == 4 and {c.speaker for c in cl} == {"L'ONG Airwars"}


def test_one_canonical_name_per_speaker_in_an_article():
    art, cl = claims_of(
        "La coalition a annoncé trois frappes près de Hajine. "
        "Deux autres raids ont visé Deir ez-Zor, a précisé la coalition."
    )
    assert [c.speaker for c in cl] == ["la coalition", "la coalition"]


def test_speaker_id_is_a_normalised_key():
    assert speaker_id("La coalition") == speaker_id("la coalition") == "coalition"
    assert speaker_id("l'Observatoire syrien des droits de l'Homme (OSDH)") == \
        "observatoire syrien des droits de l homme (osdh)"
    assert speaker_id("le ministère irakien de la Défense") == "ministere irakien de la defense"
    assert speaker_id("John W. Brennan Jr.") == "john w brennan jr"
    assert speaker_id("") == ""


def test_speaker_ids_take_the_acronym_given_elsewhere_in_the_corpus():
    ids = ["observatoire syrien des droits de l homme", "observatoire syrien des droits de l homme (osdh)", "coalition"]
    assert unify_speaker_ids(ids) == ["observatoire syrien des droits de l homme (osdh)"] * 2 + ["coalition"]


def test_speaker_id_column_in_the_claims_frame():
    rows = []
    for i, text in enumerate([
        "Deux raids ont visé Hajine, a annoncé la coalition.",
        "La coalition a affirmé qu'un dépôt avait été détruit.",
        "Dix jihadistes ont été tués, selon l'Observatoire syrien des droits de l'homme.",
        "Des frappes ont visé Raqqa, a indiqué l'Observatoire syrien des droits de l'Homme (OSDH).",
    ]):
        rows += extract_article(text, date(2017, 6, 1), file=f"a{i}.txt")[1]
    frame = validate("claims", claims_frame(rows))
    assert list(frame["speaker_id"]) == ["coalition", "coalition"] + ["observatoire syrien des droits de l homme (osdh)"] * 2
    assert frame.columns.get_loc("speaker_id") == frame.columns.get_loc("speaker") + 1


def test_charts_count_speakers_by_their_key():
    from analysis.reporting.plots import speaker_counts

    claims = pd.DataFrame({"speaker": ["La coalition", "la coalition", "la coalition", ""],
                           "speaker_id": ["coalition", "coalition", "coalition", ""]})
    counts = speaker_counts(claims)
    assert counts.to_dict() == {"la coalition": 3, "unnamed": 1}

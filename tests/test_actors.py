"""The actor of a figure: who did the counted thing (sentences written for these tests)."""

from datetime import date

import pytest

from analysis.extraction import extract_article
from analysis.resources.lexicon import ACTORS

DAY = date(2021, 6, 1)


def actor_of(text: str, number: str) -> tuple[str, str]:
    figures, _ = extract_article(text, published=DAY, precision="day")
    row = next(f for f in figures if number in f["text"])
    return row["actor"], row["actor_evidence"]


@pytest.mark.parametrize("text, number, actor", [
    # a participle clause acts with the subject of the clause it hangs on, not with its victims
    ("Les Peshmergas ont repoussé une offensive de Daech près de Kirkouk, tuant 17 jihadistes.", "17", "iraq"),
    ("Les Peshmergas ont repoussé une offensive, tuant 17 jihadistes et détruisant 3 pick-up de Daech.", "3", "iraq"),
    # a reported source is not the doer
    ("Selon des responsables irakiens, 30 frappes ont eu lieu dans la nuit.", "30", "unknown"),
    # the friendly subject of a passive attack is the target: the attacker the article names acts
    ("Des miliciens pro-iraniens multiplient les tirs. Les forces américaines ont été attaquées à 11 reprises en une semaine.",
     "11", "iran_backed"),
    # whose troops: the government that has them
    ("Washington compte environ 700 soldats dans le nord-est de la Syrie.", "700", "us"),
    # a named actor outside the vocabulary is not forced into the nearest label
    ("L'armée russe a mené 40 frappes aériennes dans la province d'Idleb.", "40", "other"),
])
def test_actor(text, number, actor):
    assert actor_of(text, number)[0] == actor


def test_place_adjective_is_no_actor():
    # "la frontière irakienne" says where the trucks came from, not who drove them
    text = "Depuis la frontière irakienne, 40 camions ont rejoint Raqqa dimanche."
    assert actor_of(text, "40")[0] != "iraq"


def test_evidence_holds_the_deciding_words():
    actor, evidence = actor_of("Les Peshmergas ont repoussé une offensive, tuant 17 jihadistes.", "17")
    assert (actor, evidence) == ("iraq", "Peshmergas")


def test_other_is_a_known_actor():
    assert "other" in ACTORS


def test_count_of_actions_falls_back_on_the_force_the_article_is_about():
    text = ("Les avions français ont décollé de Jordanie.\n\n"
            "La météo était clémente sur la vallée.\n\n"
            "Au total 9 bombes ont été larguées cette nuit.")
    assert actor_of(text, "9")[0] == "france"


def test_fronted_phrase_is_not_the_subject_of_a_passive():
    # only the grammatical subject of the passive ("60 % du quartier") is acted on
    assert actor_of("Selon l'armée irakienne, 60 % du quartier aurait été repris.", "60")[0] == "iraq"


def test_iran_acting_through_its_proxies_is_iran_backed():
    text = ("Téhéran pousse ses pions : l'Iran multiplie les tirs contre les bases, via ses supplétifs.\n\n"
            "Les forces américaines ont été attaquées à 8 reprises depuis lundi.")
    assert actor_of(text, "8")[0] == "iran_backed"


def test_owner_of_a_struck_depot_is_a_target():
    text = ("Les milices pro-iraniennes revendiquent les tirs.\n\n"
            "Les frappes américaines ont touché un dépôt lié aux Gardiens de la révolution. "
            "Depuis lundi, 7 attaques ont visé les troupes américaines.")
    assert actor_of(text, "7")[0] == "iran_backed"


@pytest.mark.parametrize("text, number, actor", [
    # victims are never actors, even troops named earlier in the paragraph
    ("Des roquettes ont visé une base abritant des soldats britanniques. Deux soldats ont été blessés lundi.",
     "Deux", "unknown"),
    # an unnamed subject ("les frappes") is the last strike the text gives a doer
    ("Les avions de la coalition ont visé Raqqa mardi. Les forces kurdes ont progressé dans la vieille ville. "
     "Selon l'OSDH, les frappes ont tué 14 civils.", "14", "coalition"),
    # a name a preposition governs is not the subject: the raid is the French aircraft's
    ("Les avions français ont décollé de Jordanie. Le raid mené en coordination avec les forces irakiennes a "
     "détruit 6 véhicules.", "6", "france"),
    # the subject of a complement clause, not the one reporting it
    ("Les avions de la coalition ont bombardé Mossoul. L'armée irakienne a annoncé que les frappes avaient tué "
     "30 jihadistes.", "30", "coalition"),
    # dead on both sides of fighting: each side's dead go to the other side
    ("Les affrontements ont tué 40 soldats irakiens et 65 jihadistes près de Tal Afar.", "40", "isis"),
    ("Les affrontements ont tué 40 soldats irakiens et 65 jihadistes près de Tal Afar.", "65", "iraq"),
    # whose troops or aircraft: the names inside the counted noun phrase
    ("Quelque 2.000 militaires américains et 800 soldats d'autres pays de la coalition sont déployés.", "800",
     "coalition"),
    ("Les pilotes ont été formés aux États-Unis. L'escadron aligne désormais huit Rafale.", "huit", "france"),
])
def test_actor_from_clause_roles(text, number, actor):
    assert actor_of(text, number)[0] == actor


@pytest.mark.parametrize("text, number, actor", [
    # an attack claimed by a named group: that group
    ("Trois roquettes ont frappé la base mardi. L'attaque a été revendiquée par les Brigades du Hezbollah.",
     "Trois", "iran_backed"),
    # an attack noun with its doer attached
    ("Les tirs de la milice Harakat al-Nujaba ne faiblissent pas. Mardi, 9 roquettes ont visé la base.", "9",
     "iran_backed"),
    # the targets of strikes made in reprisal carried out the attack
    ("Les États-Unis ont mené des frappes contre les Kataeb Hezbollah en représailles à une attaque "
     "au cours de laquelle 12 roquettes avaient été tirées.", "12", "iran_backed"),
    # an attribution in general ("souvent attribués") attributes none of the counted attacks
    ("Ces tirs sont souvent attribués à des milices pro-iraniennes. Quatre roquettes ont frappé la base lundi.",
     "Quatre", "unknown"),
    # a hostile group named without attribution (a salute, a target) does not make the attacker
    ("Des drones ont visé la base à 6 reprises. Les miliciens pro-iraniens saluent ces opérations.", "6", "unknown"),
    # a claim about one event ("Cette attaque") covers that event only
    ("Deux roquettes sont tombées près de la base lundi. Cette attaque a été revendiquée par un groupe pro-iranien. "
     "Jeudi, cinq roquettes ont visé l'aéroport.", "cinq", "unknown"),
])
def test_attacker_only_where_the_text_attributes_it(text, number, actor):
    assert actor_of(text, number)[0] == actor


def test_actor_names_match_whole_words_only():
    from analysis.resources.lexicon import actor_matcher
    assert list(actor_matcher().finditer("des villages russophones et turcomans, un antijihadiste")) == []
    assert [h[2] for h in actor_matcher().finditer("des drones turcs et russes")] == ["other", "other"]


def test_who_shoots_a_weapon_down_did_not_launch_it():
    from datetime import date

    from analysis.extraction import extract_figures

    rows = extract_figures("Jeudi, l'armée a intercepté trois drones piégés visant la base.", date(2022, 3, 10),
                           "day", "fr")
    drones = [r for r in rows if r["category"] == "drones"]
    assert drones and drones[0]["actor"] not in ("iraq", "coalition", "us")

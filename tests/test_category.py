"""Category from the head noun and the verb of its clause, on wordings unlike the devset's."""

from datetime import date

import pytest

from analysis.attribution.category import categorise
from analysis.mentions.prepared import prepare
from analysis.resources.lexicon import read_table


def categories(text, language="fr"):
    art = prepare(text, date(2020, 1, 1), "day", language)
    return {art.text[m.start:m.end]: categorise(art, m, art.sentence_of(m.number_start)) for m in art.numbers}


@pytest.mark.parametrize("text,number,expected", [
    # a person noun takes the verb of its clause, before or after it
    ("Les frappes ont tué, samedi, 40 membres de l'organisation.", "40", "killed"),
    ("Une quinzaine de civils ont péri dans le bombardement.", "Une quinzaine", "killed"),
    ("Douze personnes sont mortes dans l'explosion.", "Douze", "killed"),
    ("L'attentat a coûté la vie à 8 policiers.", "8", "killed"),
    # "et" ends the clause of the verb before it
    ("Deux soldats ont été tués et au moins 14 militaires ont été blessés.", "au moins 14", "wounded"),
    # fighters are troops when counted as a force, other when nothing is said of them
    ("L'organisation dispose de 30 000 combattants en Syrie.", "30 000", "troops"),
    ("Une colonne de 200 jihadistes a pris la ville.", "200", "troops"),
    ("Les autorités ont recensé 62 djihadistes dans la région.", "62", "other"),
    # a target: struck is a site, neutralised or destroyed is destroyed
    ("Les avions ont bombardé 9 objectifs près de Raqqa.", "9", "sites"),
    ("Les Rafale ont neutralisé 4 objectifs.", "4", "destroyed"),
    ("Les frappes ont éliminé trois caches d'armes.", "trois", "destroyed"),
    ("Le raid a permis de détruire 5 véhicules blindés.", "5", "destroyed"),
    # "à N reprises": as many attacks or strikes as the verb says
    ("Les bases ont été attaquées à 60 reprises depuis octobre.", "60", "attacks"),
    ("Les positions ont été bombardées à cinq reprises.", "cinq", "strikes"),
    ("Les bases ont été attaquées à 6 reprises en Irak et à 4 reprises en Syrie.", "4", "attacks"),
    # a number with no noun takes the head of the figure before it
    ("Sur les 60 attaques recensées, 40 ont visé des bases en Irak.", "40", "attacks"),
    ("Sur ces 30 attaques recensées, 4 ont tué des soldats.", "4", "attacks"),  # a strong antecedent noun decides
    ("La France compte 600 soldats au Liban et environ 200 en Irak.", "environ 200", "troops"),
    ("Les frappes ont visé quatre des sites du groupe en Irak et trois en Syrie.", "trois", "sites"),
    ("Cinq roquettes ont visé la base, deux se sont abattues près de la piste.", "deux", "rockets"),
    ("Les frappes ont totalisé 312, détruisant 120 positions.", "312", "strikes"),
    ("Le porte-avions a effectué trois déploiements.", "trois", "operations"),
])
def test_category(text, number, expected):
    assert categories(text)[number].category == expected


def test_strength_tells_a_default_from_a_decision():
    found = categories("Les frappes ont tué 12 civils, dont 3 enfants.")
    assert (found["12"].category, found["12"].strength) == ("killed", "strong")
    assert (found["3"].category, found["3"].strength) == ("other", "weak")
    found = categories("Les milices ont lancé 150 attaques.")
    assert found["150"].strength == "strong"


def test_active_verb_before_the_number():
    found = categories("Les frappes ont tué 12 jihadistes. 40 soldats ont été tués.")
    assert found["12"].active and not found["40"].active


def _rows(name):
    table = read_table(name)
    return table[table["language"] == "fr"].to_dict("records")


@pytest.mark.parametrize("row", _rows("head_actions"), ids=lambda r: f"{r['class']}-{r['action']}")
def test_head_actions_examples(row):
    """Each (class, action) row decides its example; its counterexample comes out otherwise."""
    def only(text):
        found = list(categories(text).values())
        assert found, text
        return found[0].category
    assert only(row["example"]) == row["category"]
    assert only(row["counterexample"]) != row["category"]


@pytest.mark.parametrize("row", [r for r in _rows("categories") if r["category"] not in ("percent", "money")],
                         ids=lambda r: r["pattern"])
def test_category_noun_examples(row):
    """A noun's example, with no verb deciding, has the noun's category."""
    found = categories(row["example"] + ".")
    assert found, row["example"]
    assert list(found.values())[0].category == row["category"]

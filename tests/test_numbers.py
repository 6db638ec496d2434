"""Number mentions: values, bounds, qualifiers and the traps that are not amounts."""

import pytest

from analysis.mentions.numbers import find_numbers, read_digits
from analysis.text.view import normalise


def amounts(text):
    found, _ = find_numbers(normalise(text))
    return [(text[m.start:m.end], m.value, m.low, m.high, m.qualifier) for m in found]


@pytest.mark.parametrize("digits,decimals,expected", [
    ("5000", None, 5000), ("5 000", None, 5000), ("1.171", None, 1171), ("12", "5", 12.5), ("1 250 000", None, 1250000),
])
def test_read_french_digits(digits, decimals, expected):
    assert read_digits(digits, "," if decimals else None, decimals, "fr")[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("Ils ont mené plus de 150 frappes.", ("plus de 150", 150, 151, None, "more_than")),
    ("moins de 120 frappes aériennes", ("moins de 120", 120, None, 119, "less_than")),
    ("au moins 18 combattants tués", ("au moins 18", 18, 18, None, "at_least")),
    ("jusqu'à 40 roquettes", ("jusqu'à 40", 40, None, 40, "at_most")),
    ("environ 300 soldats", ("environ 300", 300, None, None, "about")),
    ("près de 5 000 soldats", ("près de 5 000", 5000, None, None, "about")),
    ("détruisant des dizaines de positions", ("des dizaines", None, 20, 99, "vague")),
    ("des centaines de miliciens", ("des centaines", None, 200, 999, "vague")),
    ("des milliers de manifestants", ("des milliers", None, 2000, 9999, "vague")),
    ("une dizaine de roquettes", ("une dizaine", 10, 8, 12, "about")),
    ("plus d'un millier de jihadistes", ("plus d'un millier", 1000, 1001, None, "more_than")),
    ("au moins à 14 reprises", ("au moins à 14", 14, 14, None, "at_least")),
    ("a indiqué qu'au moins 25 roquettes de 107 mm", ("au moins 25", 25, 25, None, "at_least")),
    ("un dispositif articulé autour de douze avions", ("douze", 12, 12, 12, "exact")),
    ("entre 15 et 20 combattants", ("entre 15 et 20", None, 15, 20, "vague")),
    ("huit séries de tirs", ("huit", 8, 8, 8, "exact")),
    ("vingt-sept terroristes", ("vingt-sept", 27, 27, 27, "exact")),
    ("trois cent douze frappes", ("trois cent douze", 312, 312, 312, "exact")),
    ("un budget de 1,5 milliard de dollars", ("1,5 milliard", 1.5e9, 1.5e9, 1.5e9, "exact")),
    ("70% de la ville", ("70%", 70, 70, 70, "exact")),
    ("12,5 % des votes", ("12,5 %", 12.5, 12.5, 12.5, "exact")),
])
def test_amounts(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize("text", [
    "Un avion F-16 et un KC-135 au-dessus de la base.",
    "le 16 février 2021",
    "Le 3 janvier, un drone a frappé.",
    "depuis 2015",
    "en 2019",
    "à 22h30",
    "vers 10 h 30",
    "au cours des deux derniers mois",
    "pendant trois jours",
    "depuis cinq ans",
    "le deuxième anniversaire",
    "la 2e division",
    "le 1er mars",
    "un Mirage 2000 a décollé",
    "des roquettes de 107 mm",
    "un MQ-9 Reaper",
    "la résolution 2254 de l'ONU",
    "l'attaque contre la Tower 22",
    "1000w_q95.jpg",
    "https://t.co/abc123",
    "un entrepreneur américain",
    "la Covid-19",
])
def test_traps_are_not_amounts(text):
    assert amounts(text) == []


def test_year_sized_count_with_noun_is_an_amount():
    assert amounts("plus de 2000 soldats")[0][:2] == ("plus de 2000", 2000)


def test_neuf_as_adjective_is_not_nine():
    assert amounts("un bâtiment neuf a été touché") == []
    assert amounts("neuf roquettes") == [("neuf", 9, 9, 9, "exact")]


# --- Separators and number words by language (resources/<lang>/number_format.tsv, number_words.tsv) ---

def _read(text, language):
    mentions, _ = find_numbers(text, language)
    return [(text[m.start:m.end], m.value, m.low, m.high, m.qualifier, m.ambiguous_separator) for m in mentions]


@pytest.mark.parametrize("text, expected", [
    ("the coalition carried out 1,500 airstrikes", [("1,500", 1500, 1500, 1500, "exact", False)]),
    ("More than 2,000 fighters were killed", [("More than 2,000", 2000, 2001, None, "more_than", False)]),
    ("Some 5,000 troops remain", [("Some 5,000", 5000, None, None, "about", False)]),
    ("a budget of 2.5 million dollars", [("2.5 million", 2_500_000, 2_500_000, 2_500_000, "exact", False)]),
    ("12,345,678 people", [("12,345,678", 12_345_678, 12_345_678, 12_345_678, "exact", False)]),
])
def test_english_separators(text, expected):
    assert _read(text, "en") == expected


def test_separator_ambiguous_across_languages_is_flagged_not_guessed():
    # French reads the comma as decimal, English the dot: each keeps its reading, flagged.
    assert _read("1,500 soldats", "fr") == [("1,500", 1.5, 1.5, 1.5, "exact", True)]
    assert _read("1.500 troops", "en") == [("1.500", 1.5, 1.5, 1.5, "exact", True)]
    # The language's own thousands mark is not ambiguous.
    assert _read("2.500 soldats", "fr") == [("2.500", 2500, 2500, 2500, "exact", False)]
    assert _read("2,500 troops", "en") == [("2,500", 2500, 2500, 2500, "exact", False)]
    # Nor is a decimal part that cannot be a thousands group.
    assert _read("12,5 millions d'euros", "fr")[0][5] is False


@pytest.mark.parametrize("text, value", [
    ("Thirty-four U.S. service members suffered concussions", 34),
    ("Three rockets hit the airbase", 3),
    ("one hundred and twenty fighters", 120),
    ("sixteen service members were flown out", 16),
    ("two dozen missiles", 24),
])
def test_english_number_words(text, value):
    found = _read(text, "en")
    assert [v for _, v, *_ in found] == [value], found


@pytest.mark.parametrize("text", [
    "no one was hurt in the attack",
    "they blamed one another",
    "a two-day visit to Baghdad",
    "hundreds of troops",  # a vague amount, not "hundred"
])
def test_english_words_that_state_no_count(text):
    assert [v for _, v, *_ in _read(text, "en") if v is not None] == []


def test_english_vague_and_round_amounts():
    assert _read("dozens of rockets", "en") == [("dozens", None, 24, 99, "vague", False)]
    assert _read("a dozen more were injured", "en")[0][1:5] == (12, 10, 14, "about")  # as "une douzaine"
    assert _read("more than a dozen rockets", "en")[0][1:5] == (12, 13, None, "more_than")

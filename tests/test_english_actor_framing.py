"""English actor defaults: the article's framing of its tolls, and a toll in a relative
clause on an attack. Phrased unlike the development sets on purpose."""

from datetime import date

from analysis.extraction import extract_figures


def _actors(text: str) -> list[tuple[str, str]]:
    return [(r["text"], r["actor"]) for r in extract_figures(text, date(2024, 2, 3), None, language="en")]


def test_headline_framing_gives_a_body_toll_its_doer():
    text = ("Iraqi troops kill 25 militants near Mosul\n\n"
            "MOSUL, Iraq (AP) -- At least 25 militants were killed in the village of Badush on Sunday, "
            "officials said.")
    assert ("At least 25", "iraq") in _actors(text)


def test_no_framing_leaves_the_toll_unknown():
    text = ("Militants seize village near Mosul\n\n"
            "MOSUL, Iraq (AP) -- At least 25 militants were killed in the village of Badush on Sunday, "
            "officials said.")
    assert ("At least 25", "unknown") in _actors(text)


def test_an_attack_as_headline_subject_frames_nothing():
    text = ("Rocket attack kills 2 near Baghdad base\n\n"
            "BAGHDAD (AP) -- Two Iraqi soldiers were killed on Sunday, officials said.")
    assert ("Two", "unknown") in _actors(text)


def test_toll_in_relative_clause_on_an_attack_goes_to_its_attacker():
    text = ("ERBIL, Iraq (AP) -- U.S. troops came under fire near Erbil on Monday. A drone attack which "
            "wounded three service members hit the base, officials said. The Islamic Resistance in Iraq "
            "claimed the attack.")
    assert ("three", "iran_backed") in _actors(text)


def test_toll_in_relative_clause_on_a_strike_is_not_an_attack():
    text = ("WASHINGTON (AP) - The Pentagon said a U.S. airstrike that killed 12 militants hit a "
            "compound near Qaim on Monday.")
    assert ("12", "us") in _actors(text)

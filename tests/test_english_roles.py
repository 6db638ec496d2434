"""Category and actor of English figures (sentences written for these tests, in the wording of
wire and military releases; none is taken from the development set)."""

from datetime import date

import pytest

from analysis.extraction import extract_article

DAY = date(2022, 3, 14)


def figure(text: str, number: str, nth: int = 0) -> dict:
    figures, _ = extract_article(text, published=DAY, precision="day", language="en")
    return [f for f in figures if f["text"] == number or f["text"].endswith(" " + number)][nth]


@pytest.mark.parametrize("text, number, category", [
    # nouns and names stand before the counted noun: the head is the last noun of the compound
    ("Militants launched two drone attacks against the garrison.", "two", "attacks"),
    ("Jets struck three Iraqi army bases overnight.", "three", "sites"),
    ("The raid hit two ammunition and fuel storage areas near the river.", "two", "sites"),
    # an object listed after another shares its verb
    ("Coalition aircraft destroyed four fighting positions and two weapons depots near Hajin.", "two", "destroyed"),
    ("A strike destroyed three trucks, five tunnels, and a cache.", "five", "destroyed"),
    # a participle right after the counted noun is its own verb, not the one before the comma
    ("The raid left one fighter killed, two fighters captured and a weapons cache destroyed.", "two", "captured"),
    # "X of the Y": what the whole counts
    ("Two of the six soldiers who were wounded have returned to duty.", "Two", "wounded"),
    # injuries suffered, medical treatment: the counted people were wounded
    ("Twelve airmen suffered minor injuries in the blast.", "Twelve", "wounded"),
    ("Twelve airmen suffered concussions in the blast.", "Twelve", "wounded"),
    ("Five Marines are being treated for smoke inhalation.", "Five", "wounded"),
    ("Three sailors were hospitalized after the explosion.", "Three", "wounded"),
    # "injured" and passives never make the dead
    ("Seven contractors were injured when the shells landed.", "Seven", "wounded"),
    # counterexamples: troops that only moved stay troops
    ("Nine soldiers were flown to Germany on Tuesday.", "Nine", "troops"),
])
def test_english_category(text, number, category):
    assert figure(text, number)["category"] == category


@pytest.mark.parametrize("text, number, actor", [
    # a name between the number and the noun did what is counted ...
    ("Four U.S. airstrikes hit the compound on Sunday.", "Four", "us"),
    # ... but is only the victim's side of what was destroyed
    ("An airstrike by British jets destroyed six ISIS boats on the Euphrates.", "six", "uk"),
    # an attack as the subject of "killed": whoever the text says carries out the attacks
    ("U.S. warplanes bombed depots in Syria on Friday after a rocket attack killed two American soldiers. "
     "The Pentagon accused Iran-aligned militias of carrying out the attacks.", "two", "iran_backed"),
    # what an attack on a force hit: the attacker, not the force
    ("The Iranian missile attack on American troops damaged three bases in Iraq.", "three", "iran"),
    # the passive agent after "by"
    ("Eleven fighters were killed by Iraqi airstrikes near the border.", "Eleven", "iraq"),
    # the subject of a simple past (English has no auxiliary there)
    ("Coalition forces continued operations, hitting five targets near Raqqa.", "five", "coalition"),
    # who suffers did not do what is counted
    ("Eight U.S. troops suffered injuries when Iranian rockets struck two bases.", "two", "iran"),
    ("Eight U.S. troops suffered injuries in the Iranian missile attack on two bases.", "two", "iran"),
    # a name between the number and the noun of a weapon: whose weapon it was
    ("Air defenses intercepted two Iranian drones near the base.", "two", "iran"),
    # unattributed: no actor
    ("Six civilians were wounded when rockets landed near the airport.", "Six", "unknown"),
])
def test_english_actor(text, number, actor):
    assert figure(text, number)["actor"] == actor


def test_a_toll_split_over_the_next_sentences_gives_its_parts_its_category_and_actor():
    text = ("Twenty service members were wounded in the attack by Kataib Hezbollah on the base. "
            "Twelve service members have returned to duty. Eight service members were flown to Germany.")
    for number in ("Twelve", "Eight"):
        row = figure(text, number)
        assert (row["category"], row["actor"]) == ("wounded", "iran_backed")


def test_counts_that_do_not_add_up_are_no_parts():
    text = ("Twenty service members were wounded in the attack. "
            "Twelve service members have returned to duty. Nine service members were flown to Germany.")
    assert figure(text, "Nine")["category"] == "troops"


def test_a_list_of_sites_is_no_part_of_an_earlier_count_of_rockets():
    text = ("Three rockets hit the base on Monday. "
            "The strikes targeted two weapons depots in Syria and one in Iraq.")
    for number in ("two", "one"):
        row = figure(text, number)
        assert row["category"] == "sites" and not row["actor_evidence"].startswith("part of")

"""English claims: postposed attributions, titles before names, anonymous officials, look-alikes,
quotations continued after their attribution, channels, and English page furniture.

Sentences written for these tests in the styles of AP, Reuters, UPI and CENTCOM releases (not taken
from any annotated article).
"""

from __future__ import annotations

import pytest

from analysis.claims.extract import find_claims
from analysis.mentions.prepared import prepare
from analysis.text.furniture import furniture_spans
from analysis.text.sentences import split_sentences
from analysis.text.view import normalise


def claims(text: str):
    art = prepare(text, language="en")
    return art, find_claims(art)


def only(text: str):
    art, found = claims(text)
    assert len(found) == 1, [(art.text[c.start:c.end], c.speaker) for c in found]
    return art, found[0]


def test_postposed_subject_after_the_statement():
    art, c = only("Two drones struck the Tanf garrison overnight, U.S. Central Command said in a statement on Sunday.")
    assert art.text[c.start:c.end].startswith("Two drones struck")
    assert c.speaker == "U.S. Central Command" and c.channel == "communique"


def test_told_reporters_is_a_briefing_and_the_addressee_is_no_content():
    art, c = only("The militia fired four rockets at the base, Brig. Gen. Pat Ryder told reporters at the Pentagon.")
    assert art.text[c.start:c.end].startswith("The militia fired")
    assert c.speaker == "Pat Ryder" and c.channel == "press_conference"


def test_anonymous_officials_told_an_outlet():
    art, c = only("No Americans were hurt in the drone attack, two U.S. defense officials told Reuters.")
    assert c.speaker_kind == "anonymous_officials"
    assert art.text[c.start:c.end].startswith("No Americans")


def test_rank_abbreviations_are_no_sentence_end_and_no_speaker():
    text = '"The base was hit by three rockets," said Army Sgt. Maj. Luis Ortiz, a spokesman for the task force.'
    assert len(split_sentences(normalise(text))) == 1
    _, c = only(text)
    assert c.speaker == "Luis Ortiz"


def test_us_military_said_gives_no_initial_as_speaker():
    _, c = only("Three rockets landed near the embassy on Friday, the U.S. military said.")
    assert c.speaker not in ("S.", "S", "U.") and "military" in c.speaker


def test_title_before_the_name_is_the_role():
    _, c = only("Pentagon press secretary John Kirby said the strikes hit 17 sites.")
    assert c.speaker == "John Kirby"


@pytest.mark.parametrize("text", [
    "No group immediately claimed responsibility for the rocket attack.",
    "Several buildings were destroyed, according to satellite images reviewed by the agency.",
    "No injuries were reported after the blast near the airport.",
    "A militia called Kataib Hezbollah operates near the border.",
])
def test_look_alikes_are_no_claims(text):
    _, found = claims(text)
    assert found == []


def test_has_confirmed_and_it_added():
    art, found = claims("Four drones were shot down near Erbil, the ministry has confirmed. "
                        "No damage was caused to the airport, it added.")
    assert len(found) == 2
    assert all(c.speaker == "the ministry" for c in found)


def test_quotation_continued_after_its_attribution_keeps_speaker_and_channel():
    text = ('"We will respond at a time of our choosing," the defense secretary, Lloyd Austin, said in a statement. '
            '"Those who attack our forces will pay a price."')
    art, found = claims(text)
    assert len(found) == 2
    assert art.text[found[1].start:found[1].end].startswith('"Those who attack') or \
        art.text[found[1].start:found[1].end].startswith("Those who attack")
    assert found[1].speaker == found[0].speaker and found[1].channel == "communique"


def test_tweeted_saying_is_one_act_and_adding_is_a_second():
    _, found = claims("Two rockets hit the base, the coalition spokesman Col. Joe Buccino tweeted, saying nobody was hurt.")
    assert len(found) == 1 and found[0].channel == "tweet"
    _, found = claims("Two rockets hit the base, the ministry said, adding that an investigation had begun.")
    assert len(found) == 2 and found[1].speaker == found[0].speaker


def test_pronoun_claim_keeps_the_briefing_of_the_claim_before():
    _, found = claims("Hoffman said in a news conference that eleven troops were flown to Kuwait. "
                      "He said all of them had returned to duty.")
    assert [c.channel for c in found] == ["press_conference", "press_conference"]


def test_wrote_on_x_is_a_tweet():
    _, c = only('"Initial reports indicate no casualties," the spokesman wrote on X.')
    assert c.channel == "tweet"


def test_that_inside_the_statement_is_no_opening():
    art, c = only("Tehran said it fired the missiles at a base that housed American troops.")
    assert art.text[c.start:c.end].startswith("it fired")


@pytest.mark.parametrize("line,kept", [
    ("Reporting by Ahmed Rasheed; Editing by Peter Graff", False),
    ("Sign up for our weekly newsletter", False),
    ("Related: US strikes militia sites in Syria", False),
    ("Smoke rises over the airport in Erbil. Photo by Safin Hamid/AFP", False),
    ("By Lolita C. Baldor, Associated Press", False),
    ("Three rockets hit the base on Monday, the coalition said.", True),
])
def test_english_furniture(line, kept):
    text = "Three rockets hit Ain al-Asad on Monday.\n\n" + line + "\n\nThe coalition said no one was hurt.\n"
    spans = furniture_spans(normalise(text))
    start = text.index(line)
    blanked = any(s.start <= start < s.end for s in spans)
    assert blanked != kept


def test_agency_dateline_mark_is_furniture_but_the_date_is_kept():
    text = "Rocket attack in Iraq\n\nMarch 3 (UPI) -- Ten rockets struck Ain al-Asad air base on Wednesday.\n"
    spans = furniture_spans(normalise(text))
    assert [text[s.start:s.end] for s in spans] == ["(UPI) --"]


def test_a_surname_takes_the_full_name_without_the_title_before_it():
    _, found = claims("Secretary of Defense Lloyd Austin said the strikes hit three sites. "
                      "\"We will respond at a time of our choosing,\" said Austin.")
    assert [c.speaker for c in found] == ["Lloyd Austin", "Lloyd Austin"]


def test_an_acronym_speaker_is_an_organisation():
    _, c = only("The strikes destroyed four buildings, the CJTF statement said.")
    assert c.speaker_kind == "organisation"

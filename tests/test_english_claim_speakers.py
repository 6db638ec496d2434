"""English claim speakers, anonymous sources, word order and channels: classes of error found on the second
development set, tested on sentences written for these tests in the styles of AP, Reuters and CJTF-OIR
releases (none taken from an article)."""

from __future__ import annotations

from analysis.claims.extract import find_claims
from analysis.mentions.prepared import prepare
from analysis.text.furniture import furniture_spans
from analysis.text.view import normalise


def claims(text: str):
    art = prepare(text, language="en")
    return art, find_claims(art)


def texts(art, found):
    return [(art.text[c.start:c.end], c.speaker, c.channel, c.speaker_kind) for c in found]


def test_sentence_adverb_is_no_speaker():
    _, found = claims("Furthermore, the colonel said the drones were launched from Iraqi territory.")
    assert len(found) == 1 and found[0].speaker.lower() != "furthermore" and "colonel" in found[0].speaker


def test_honorific_resolves_to_the_full_name():
    _, found = claims("Jane Doe, the chair of the Senate panel, said the strikes were overdue. "
                      '"Iran must be held to account," Ms Doe said in a statement.')
    assert found[-1].speaker == "Jane Doe"


def test_a_place_after_a_role_is_no_name():
    _, found = claims("U.S. forces have destroyed 40 militia depots since January, the senior American general in Syria said.")
    assert len(found) == 1 and found[0].speaker not in ("Syria",) and found[0].speaker_kind == "person"


def test_institution_officials_and_a_representative_are_anonymous():
    _, found = claims("Two rockets hit the runway, Joint Operations Command officials said.")
    assert found[0].speaker_kind == "anonymous_officials"
    _, found = claims("Four soldiers were wounded, a representative of the Iraqi Defence Ministry told Rudaw.")
    assert found[0].speaker_kind == "anonymous_officials"


def test_police_and_medical_sources_are_anonymous():
    _, found = claims("Police and hospital sources said the blast killed three guards.")
    assert len(found) == 1 and found[0].speaker_kind == "anonymous_officials"


def test_verb_after_an_apposition_is_not_inverted():
    art, found = claims("Lt. Col. John Smith, a spokesman for the task force, said in an email to Reuters that no one was hurt.")
    assert len(found) == 1
    assert found[0].speaker == "John Smith" and found[0].channel == "interview"
    art, found = claims("Ahmed Karim, head of the provincial council, said the rockets hit a school near the airport.")
    assert len(found) == 1 and found[0].speaker == "Ahmed Karim"
    assert art.text[found[0].start:found[0].end].startswith("the rockets hit")


def test_inverted_speaker_then_a_participle_of_saying():
    art, found = claims('"Two launchers were destroyed," said Brig. Gen. Mark Jones, a coalition spokesman, '
                        "describing it as a proportionate response.")
    assert [c.speaker for c in found] == ["Mark Jones", "Mark Jones"]


def test_appositive_after_a_postposed_attribution():
    art, found = claims("U.S. jets struck a weapons depot near Qaim on Friday, the Pentagon said, a move denounced by Baghdad.")
    assert len(found) == 1 and found[0].speaker == "the Pentagon"
    assert art.text[found[0].start:found[0].end].startswith("U.S. jets struck")


def test_short_noun_object_is_no_claim_and_its_subject_speaks_on():
    art, found = claims("The task force acknowledged the strike but said no civilians were present.")
    assert len(found) == 1 and art.text[found[0].start:found[0].end].startswith("no civilians")
    assert found[0].speaker == "The task force"
    _, found = claims("The ministry confirmed the drone killed two guards.")
    assert len(found) == 1  # a clause object is a statement


def test_name_after_the_quote_is_the_speaker():
    _, found = claims('Spokesman for the task force said, "The launch site was destroyed," Johnson said.')
    assert [c.speaker for c in found] == ["Johnson"]


def test_briefing_channel_carries_to_the_same_speaker():
    _, found = claims("Pentagon press secretary John Kirby told reporters on Monday that 12 rockets hit the base.\n\n"
                      '"We will respond at a time of our choosing," Kirby said.')
    assert [c.channel for c in found] == ["press_conference", "press_conference"]


def test_statement_read_and_according_to_the_statement():
    _, found = claims('"Coalition aircraft conducted six strikes near Raqqa," the CJTF-OIR statement read.\n\n'
                      "The strikes destroyed two tunnels, according to the statement.")
    assert [c.speaker.removeprefix("the ") for c in found] == ["CJTF-OIR", "CJTF-OIR"]
    assert [c.channel for c in found] == ["communique", "communique"]


def test_dateline_with_any_outlet_mark_is_furniture():
    text = "MOSUL (Rudaw English) – The Iraqi army said on Monday that 30 militants were killed."
    view = normalise(text)
    blanked = [view[s.start:s.end] for s in furniture_spans(view)]
    assert blanked == ["(Rudaw English) –"]
    view = normalise("The Popular Mobilisation Forces (PMF) - an umbrella of militias - denied it.")
    assert furniture_spans(view) == []


def test_page_date_lines_and_serialised_dumps_are_furniture():
    view = normalise('Three rockets hit the base.\n\nLast Updated: March 3, 2021\n\nstring(512) "[{"id":"17"}]"')
    blanked = [view[s.start:s.end] for s in furniture_spans(view)]
    assert blanked == ["Last Updated: March 3, 2021", 'string(512) "[{"id":"17"}]"']

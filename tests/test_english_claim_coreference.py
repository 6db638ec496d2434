"""English claim coreference: classes of error found on the third development set (indefinite sources
named later, epithets, pronouns after a sentence stop, carried channels), tested on sentences written for
these tests in the styles of AP, Reuters, AFP and Xinhua (none taken from an article)."""

from __future__ import annotations

from analysis.claims.coreference import speaker_id
from analysis.claims.extract import find_claims
from analysis.mentions.prepared import prepare


def claims(text: str):
    art = prepare(text, language="en")
    return find_claims(art)


def test_pronoun_after_an_acronym_takes_no_initial():
    found = claims("Nine fighters were wounded overnight, says the YPG. It reported 12 militants were killed near Hajin.")
    assert [speaker_id(c.speaker) for c in found] == ["ypg", "ypg"]


def test_epithet_is_no_name_and_refers_back():
    found = claims("Forty civilians were killed in the raids, said the Syrian Network for Human Rights. "
                   "The London-based watchdog said the strikes hit two schools near Raqqa.")
    assert found[-1].speaker == "the Syrian Network for Human Rights"


def test_indefinite_monitor_is_named_in_the_next_sentence():
    found = claims("At least 25 militants were killed in the strikes, a war monitor reported on Monday. "
                   "According to the Syrian Network for Human Rights, eight of them were foreigners.")
    assert {c.speaker for c in found} == {"the Syrian Network for Human Rights"}


def test_indefinite_spokesman_is_the_named_person_that_follows():
    found = claims("A spokesman for the Peshmerga said the offensive would resume on Friday. "
                   "The operation will take two weeks, Jabar Yawar said.")
    assert found[0].speaker == "Jabar Yawar" and found[0].speaker_kind == "person"


def test_indefinite_source_with_another_kind_of_source_after_is_kept():
    found = claims("A provincial security source said 12 militants were killed near Haditha. "
                   "The Pentagon said the strikes were carried out by U.S. aircraft.")
    assert found[0].speaker == "A provincial security source"


def test_organisation_head_names_the_described_group():
    found = claims("Seven fighters died in the strike, a group that monitors the war said on Friday. "
                   "The raid also killed two civilians, said Omar Khaled, who heads the Deir Ezzor Monitoring Network.")
    assert found[0].speaker == "Deir Ezzor Monitoring Network"


def test_dateline_dash_ends_before_the_subject():
    found = claims("QAMISHLI, Syria — The Syrian Democratic Forces announced that 400 militants surrendered on Sunday.")
    assert found[0].speaker == "The Syrian Democratic Forces"


def test_outlet_carrying_a_statement_is_no_claim():
    found = claims("Three rockets hit the airport overnight, the provincial council said, AFP reports.")
    assert len(found) == 1 and found[0].speaker == "the provincial council"


def test_dash_aside_after_a_postposed_attribution():
    found = claims("Some 4,000 people have fled the town since March, the Observatory reported — days after the "
                   "offensive began.")
    assert len(found) == 1 and speaker_id(found[0].speaker) == "observatory" and found[0].start == 0


def test_group_takes_the_name_an_apposition_defined():
    found = claims("On Monday, the Badr Organization, an armed group close to Tehran, claimed responsibility for the "
                   "blast in a statement on Telegram. The group said the attack was a response to the raids.")
    assert found[-1].speaker == "the Badr Organization" and found[-1].channel == "communique"


def test_he_after_a_titled_subject_with_a_press_release():
    found = claims("Defence Minister Jamal Ahmed condemned the strike in a press release. "
                   "He said the attack would only deepen the crisis in the region.")
    assert found[-1].speaker == "Jamal Ahmed" and found[-1].channel == "communique"


def test_written_statement_goes_on_for_the_same_source():
    found = claims("The YPG detailed in a statement that its units had cut the supply road. "
                   "Coalition jets carried out 14 strikes, says the YPG.")
    assert [c.channel for c in found] == ["communique", "communique"]


def test_briefing_covers_the_earlier_claim_of_the_same_person():
    found = claims("Coalition forces have killed 900 militants since June, Maj. Gen. Tom Carter said. "
                   "Carter told reporters at the Pentagon that the offensive was ahead of schedule.")
    assert [c.channel for c in found] == ["press_conference", "press_conference"]


def test_news_agency_but_not_a_security_agency_is_media():
    found = claims("Two drones were shot down near the base, the Kurdistan counter-terrorism agency said.")
    assert found[0].speaker_kind != "media"
    found = claims("Two drones were shot down near the base, the state news agency said.")
    assert found[0].speaker_kind == "media"


def test_described_situation_is_no_claim_but_described_as_is():
    assert claims("Local reporter Ali Hassan describes the situation on the ground in Mosul.") == []
    found = claims("The governor described the attack as a blatant violation of Iraqi sovereignty.")
    assert len(found) == 1


def test_surname_after_a_sentence_stop_takes_no_words_of_the_sentence_before():
    found = claims("Eight civilians died in the raid, said the Syrian Network for Human Rights. "
                   "Khaled said the toll would rise.")
    assert found[-1].speaker == "Khaled"

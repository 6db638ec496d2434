"""Events: single attacks and strikes, merged across articles, graded, exported to ACLED."""

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from analysis.tables.events import build_events
from analysis.tables.export import acled_frame
from analysis.extraction import extract_figures, figures_frame
from analysis.resources.gazetteer import matcher, places
from analysis.tables.frames import write_frame
from analysis.tables.schemas import SchemaError, validate
from analysis.text.view import normalise


def test_seed_attacks_of_3_to_5_january_2022_are_four_events(seed_frames):
    events = seed_frames.events
    attacks = events[events["actor1"].isin(["iran_backed", "iran", "isis"])]
    got = sorted((str(d.date()), w, p) for d, w, p in zip(attacks["event_date"], attacks["weapon"], attacks["place_name"]))
    assert got == [
        ("2022-01-03", "drones", "Baghdad International Airport"),
        ("2022-01-04", "drones", "Ain al-Asad Air Base"),
        ("2022-01-05", "indirect_fire", "Green Village"),
        ("2022-01-05", "rockets", "Ain al-Asad Air Base"),
    ]
    assert set(attacks["actor2"]) == {"coalition"}
    rockets = attacks[attacks["weapon"] == "rockets"].iloc[0]
    assert (rockets["weapon_low"], rockets["weapon_best"], rockets["weapon_high"]) == (5, 5, 5)
    assert rockets["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rockets["geo_precision"] == 2  # "près de la base aérienne"
    # Aggregates stay figures: the 312 strikes of March 2021 are no event.
    assert not (events["weapon_best"] == 312).any()


def _events(articles):
    rows = []
    for name, (text, day) in articles.items():
        rows.extend(extract_figures(text, published=day, precision="day", file=name))
    return build_events(figures_frame(rows))


def test_same_attack_in_two_articles_is_one_corroborated_event():
    events = _events({
        "a.txt": ("Mardi, cinq roquettes ont visé la base aérienne d'Ain al-Asad, selon la coalition.", date(2021, 3, 3)),
        "b.txt": ("Cinq roquettes sont tombées mardi sur la base d'Al-Asad, ont indiqué des responsables.", date(2021, 3, 4)),
    })
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["grade"], ev["n_sources"], str(ev["event_date"].date())) == ("corroborated", 2, "2021-03-02")
    assert ev["files"] == "a.txt;b.txt"


def test_disagreeing_counts_make_a_contested_event_with_the_range():
    events = _events({
        "a.txt": ("Lundi, dix roquettes ont frappé la base aérienne d'Ain al-Asad.", date(2021, 3, 3)),
        "b.txt": ("Lundi, treize roquettes ont frappé la base d'Ain al-Asad, selon l'armée irakienne.", date(2021, 3, 3)),
    })
    assert len(events) == 1
    ev = events.iloc[0]
    assert ev["grade"] == "contested"
    assert (ev["weapon_low"], ev["weapon_high"]) == (10, 13)


def test_different_days_or_places_stay_apart():
    events = _events({
        "a.txt": ("Lundi, deux drones ont visé l'aéroport de Bagdad.", date(2022, 1, 5)),
        "b.txt": ("Mardi, deux drones ont visé l'aéroport de Bagdad.", date(2022, 1, 5)),
        "c.txt": ("Lundi, deux drones ont visé la base d'Ain al-Asad.", date(2022, 1, 5)),
    })
    assert len(events) == 3


def test_casualties_attach_to_the_attack_of_their_sentence():
    events = _events({
        "a.txt": ("Dimanche, une attaque de drone contre la Tower 22 en Jordanie a tué trois soldats américains "
                  "et blessé plus de 40 autres.", date(2024, 1, 29)),
    })
    assert len(events) == 1
    ev = events.iloc[0]
    assert ev["weapon"] == "drones" and str(ev["event_date"].date()) == "2024-01-28"
    assert (ev["fatalities_best"], ev["wounded_low"]) == (3, 41)


def _figure(file, value, low, high, qualifier, category="rockets", day="2021-03-01"):
    """One event figure, as the figures frame holds it: a rocket attack on Ain al-Asad."""
    sentence = "Lundi, des roquettes ont visé la base aérienne d'Ain al-Asad, faisant des victimes."
    text = f"{value}"
    return {
        "figure_id": f"{file}:{category}", "file": file, "start": 0, "end": len(text), "text": text,
        "sentence": sentence, "sentence_start": 0, "sentence_end": len(sentence),
        "value": value, "low": low, "high": high, "qualifier": qualifier, "category": category,
        "subject": category, "actor": "iran_backed" if category in ("rockets",) else "unknown", "actor_evidence": "",
        "place": "base aérienne d'Ain al-Asad", "place_name": "Ain al-Asad Air Base", "place_kind": "base",
        "admin1": "Al Anbar", "country": "Iraq", "latitude": 33.7856, "longitude": 42.4412, "geo_precision": 1,
        "period_start": day, "period_end": day, "time_precision": "day", "claim_id": None,
    }


def _events_of(*rows):
    figures = figures_frame(list(rows))
    validate("figures", figures)  # the input is a figures frame as extraction writes it
    events = build_events(figures)
    validate("events", events)
    return events


def _count(ev, what="weapon"):
    return tuple(None if pd.isna(ev[f"{what}_{e}"]) else ev[f"{what}_{e}"] for e in ("low", "best", "high"))


@pytest.mark.parametrize("wording,value,low,high,qualifier,expected", [
    ("5", 5, 5, 5, "exact", (5, 5, 5)),
    ("plus de 20", 20, 21, None, "more_than", (21, 21, None)),
    ("au moins 18", 18, 18, None, "at_least", (18, 18, None)),
    ("moins de 120", 120, None, 119, "less_than", (None, None, 119)),
    ("jusqu'à 40", 40, None, 40, "at_most", (None, None, 40)),
    ("environ 20", 20, None, None, "about", (None, 20, None)),
    ("des dizaines", None, 20, 99, "vague", (20, 20, 99)),
    ("entre 15 et 20", None, 15, 20, "vague", (15, 15, 20)),
])
def test_best_of_each_wording_lies_within_its_bounds(wording, value, low, high, qualifier, expected):
    events = _events_of(_figure("a.txt", value, low, high, qualifier))
    assert len(events) == 1, wording
    assert _count(events.iloc[0]) == expected, wording


def test_casualty_counts_follow_the_same_convention():
    events = _events_of(_figure("a.txt", 20, 21, None, "more_than"),
                        _figure("a.txt", 10, None, 9, "less_than", category="killed"),
                        _figure("a.txt", None, 20, 99, "vague", category="wounded"))
    assert len(events) == 1
    ev = events.iloc[0]
    assert (_count(ev), _count(ev, "fatalities"), _count(ev, "wounded")) == \
        ((21, 21, None), (None, None, 9), (20, 20, 99))


@pytest.mark.parametrize("a,b,expected,grade", [
    # Two stated numbers: the range runs from one to the other, best between them.
    ((10, 10, 10, "exact"), (13, 13, 13, "exact"), (10, 11.5, 13), "contested"),
    # "plus de 20" and "25": nothing bounds the count from above; the exact count is the best.
    ((20, 21, None, "more_than"), (25, 25, 25, "exact"), (21, 25, None), "contested"),
    # "moins de 120" and "100": nothing bounds it from below; the bound alone gives no best.
    ((120, None, 119, "less_than"), (100, 100, 100, "exact"), (None, 100, 119), "contested"),
    # "environ 20" and "22": "environ" bounds nothing.
    ((20, None, None, "about"), (22, 22, 22, "exact"), (None, 22, None), "contested"),
    # "des dizaines" and "30" agree; the range is the vague amount's.
    ((None, 20, 99, "vague"), (30, 30, 30, "exact"), (20, 30, 99), "corroborated"),
    # Without an exact count, the sources' bests: "plus de 20" (21) and "au moins 25" (25).
    ((20, 21, None, "more_than"), (25, 25, None, "at_least"), (21, 23, None), "contested"),
])
def test_merged_sources_keep_best_within_the_range_they_span(a, b, expected, grade):
    events = _events_of(_figure("a.txt", *a), _figure("b.txt", *b))
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["n_sources"], ev["grade"]) == (2, grade)
    assert _count(ev) == expected


def test_events_frame_satisfies_its_schema(seed_frames):
    validate("events", seed_frames.events)


@pytest.mark.parametrize("what", ["weapon", "fatalities", "wounded"])
@pytest.mark.parametrize("low,best,high,check", [
    (21, 20, None, "low_le_best"),    # "plus de 20" with its stated number as best
    (None, 120, 119, "best_le_high"),  # "moins de 120" likewise
    (21, None, 20, "low_le_high"),
])
def test_schema_rejects_a_count_outside_its_bounds(what, low, best, high, check, tmp_path):
    events = _events_of(_figure("a.txt", 5, 5, 5, "exact"),
                        _figure("a.txt", 1, 1, 1, "exact", category="killed"),
                        _figure("a.txt", 2, 2, 2, "exact", category="wounded"))
    events.loc[0, [f"{what}_low", f"{what}_best", f"{what}_high"]] = [low, best, high]
    with pytest.raises(SchemaError) as failure:
        validate("events", events)
    assert f"{what}_{check}" in str(failure.value)
    with pytest.raises(SchemaError):  # and nothing is written
        write_frame("events", events, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_acled_export(seed_frames, tmp_path):
    table = acled_frame(seed_frames.events, seed_frames.articles)
    assert list(table.columns[:4]) == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert set(table["time_precision"]) == {1}
    assert table["actor1"].str.contains("Iran-backed militias").sum() == 4
    out = tmp_path / "frames"
    from analysis.pipeline import write_frames
    write_frames(seed_frames, out)
    result = subprocess.run([sys.executable, "-m", "analysis", "export", "--format", "acled", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    exported = pd.read_csv(out / "events_acled.csv")
    assert len(exported) == len(seed_frames.events)
    result = subprocess.run([sys.executable, "-m", "analysis", "export", str(tmp_path / "nothing")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "no events frame" in result.stderr


@pytest.mark.parametrize("figures,notes", [
    ([(20, 21, None, "more_than")], "at least 21 rockets; grade single_source; 1 source(s)"),
    ([(5, 5, 5, "exact")], "5 rockets; grade single_source"),
    ([(120, None, 119, "less_than")], "at most 119 rockets;"),
    ([(20, None, None, "about")], "about 20 rockets;"),
    ([(None, 20, 99, "vague")], "20 rockets (between 20 and 99);"),
    ([(10, 10, 10, "exact"), (13, 13, 13, "exact")], "11.5 rockets (between 10 and 13); grade contested; 2 source(s)"),
    ([(20, 21, None, "more_than"), (25, 25, None, "at_least")], "23 rockets (at least 21); grade contested"),
    ([(3, 3, 3, "exact", "killed")], "an unknown number of rockets;"),
])
def test_acled_notes_state_each_count_in_words(figures, notes):
    rows = [_figure(f"{i}.txt", *f) for i, f in enumerate(figures)]
    table = acled_frame(_events_of(*rows))
    assert len(table) == 1
    assert table["notes"].iloc[0].startswith(notes), table["notes"].iloc[0]


def test_acled_fatalities_are_the_best_estimate_or_empty():
    table = acled_frame(pd.concat([_events_of(_figure("a.txt", 10, None, 9, "less_than", category="killed")),
                                   _events_of(_figure("b.txt", None, 20, 99, "vague", category="killed",
                                                      day="2021-03-02"))]))
    # "moins de 10 morts" bounds the dead without estimating them; "des dizaines" is at least 20.
    assert table["fatalities"].isna().tolist() == [True, False]
    assert table["fatalities"].iloc[1] == 20


@pytest.mark.parametrize("text,name", [
    ("base aérienne d'Ain al-Asad", "Ain al-Asad Air Base"),
    ("Al-Asad", "Ain al-Asad Air Base"),
    ("aéroport de Bagdad", "Baghdad International Airport"),
    ("Mossoul", "Mosul"),
    ("Mosul", "Mosul"),
    ("Deir Ezzor", "Deir ez-Zor"),
    ("al-Mayadeen", "Al-Mayadin"),
    ("Tower 22", "Tower 22"),
    ("Irak", "Iraq"),
])
def test_gazetteer_spellings(text, name):
    hits = [place.place_name for _, _, place in matcher().finditer(normalise(text))]
    assert hits == [name]


def test_gazetteer_is_well_formed():
    rows = places()
    assert len({p.place_id for p in rows}) == len(rows)
    assert {p.kind for p in rows} <= {"base", "city", "province", "country", "landmark"}
    for p in rows:
        if p.latitude is not None:
            assert 10 < p.latitude < 45 and 25 < p.longitude < 65, p
    # "Bachar al-Assad" is a president, not the air base.
    assert list(matcher().finditer("Bachar al-Assad")) == []

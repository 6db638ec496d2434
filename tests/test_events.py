"""Events: single attacks and strikes, merged across articles, graded, exported to ACLED."""

import re
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
    # Aggregates are period totals, never single events: the 312 strikes of March 2021.
    assert (events["weapon_best"] == 312).any()
    assert set(events.loc[events["weapon_best"] == 312, "kind"]) == {"period_total"}
    assert (events.loc[events["kind"] == "event", "weapon_best"] < 100).all()


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
    assert len(exported) == (seed_frames.events["kind"] == "event").sum()
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


# --- Roles, period totals and merging, on hand-made figures (every expected value worked out by hand) ---

from analysis.reporting import tempo  # noqa: E402
from analysis.tables.events import event_cues  # noqa: E402

_NO_PLACE = {"place": "", "place_name": "", "place_kind": "", "admin1": "", "country": "", "latitude": None,
             "longitude": None, "geo_precision": None}
_BASE = {"place": "base de Tanf", "place_name": "Al-Tanf Garrison", "place_kind": "base", "admin1": "Rif Dimashq",
         "country": "Syria", "latitude": 33.5058, "longitude": 38.6178, "geo_precision": 1}
_JORDAN = {"place": "Jordanie", "place_name": "Jordan", "place_kind": "country", "admin1": "", "country": "Jordan",
           "latitude": 31.0, "longitude": 36.0, "geo_precision": 3}
_TOWER = {"place": "Tower 22", "place_name": "Tower 22", "place_kind": "base", "admin1": "Mafraq",
          "country": "Jordan", "latitude": None, "longitude": None, "geo_precision": 1}


def _fig(file, sentence, number, category, actor="unknown", start="2023-11-06", end=None, place=None,
         qualifier="exact", low=None, high=None, sentence_start=0, precision="day"):
    """One figure of ``sentence`` (the number's text is found in it), as the figures frame holds it."""
    at = sentence.index(str(number))
    value = float(number) if isinstance(number, int) else None
    low = value if low is None and qualifier == "exact" else low
    high = value if high is None and qualifier == "exact" else high
    return {
        "figure_id": f"{file}:{sentence_start + at}-{sentence_start + at + len(str(number))}", "file": file,
        "start": sentence_start + at, "end": sentence_start + at + len(str(number)), "text": str(number),
        "sentence": sentence, "sentence_start": sentence_start, "sentence_end": sentence_start + len(sentence),
        "value": value, "low": low, "high": high, "qualifier": qualifier, "category": category,
        "subject": category, "actor": actor, "actor_evidence": "", **(place or _NO_PLACE),
        "period_start": start, "period_end": end or start, "time_precision": precision, "claim_id": None,
    }


def test_strikes_killing_the_enemy_are_no_attack_on_the_coalition():
    sentence = "Dimanche, les raids ont tué 640 combattants de l'EI, a affirmé l'ONG."
    # Even when the actor is misread as the EI (the victims' name), no friendly target: no attack.
    assert _events_of(_fig("a.txt", sentence, 640, "killed", actor="isis")).empty
    # Read with its real actor, it is a strike by the coalition on the EI.
    events = _events_of(_fig("a.txt", sentence, 640, "killed", actor="coalition"))
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["kind"], ev["weapon"], ev["actor1"], ev["actor2"], ev["fatalities_best"]) == \
        ("event", "strikes", "coalition", "isis", 640)


@pytest.mark.parametrize("sentence,number,place", [
    ("Jeudi, 7 roquettes ont visé un poste de la police irakienne près de Hit.", 7, None),
    ("Thursday, 7 rockets hit an Iraqi police post near Hit.", 7, None),
])
def test_a_hostile_attack_without_a_friendly_target_is_no_event(sentence, number, place):
    assert _events_of(_fig("a.txt", sentence, number, "rockets", actor="iran_backed", place=place)).empty


@pytest.mark.parametrize("sentence,number,place", [
    ("Jeudi, 7 roquettes ont été tirées contre un convoi de la coalition sur la route de Hit.", 7, None),
    ("Jeudi, 7 roquettes ont frappé un camp qui accueille des militaires français.", 7, None),
    ("On Thursday 7 rockets struck a compound housing U.S. troops.", 7, None),
    ("Jeudi, 7 roquettes sont tombées sur la garnison.", 7, _BASE),  # a gazetteer base is a friendly target
])
def test_an_attack_on_the_coalition_needs_a_friendly_target(sentence, number, place):
    events = _events_of(_fig("a.txt", sentence, number, "rockets", actor="unknown", place=place))
    assert len(events) == 1
    assert (events.iloc[0]["actor1"], events.iloc[0]["actor2"]) == ("unknown", "coalition")


def test_a_tally_over_weeks_is_one_period_total_not_an_event_of_its_last_day(tmp_path):
    sentence = ("Depuis le 17 octobre, 62 militaires américains ont été blessés lors de 53 attaques "
                "contre des bases américaines, selon le Pentagone.")
    events = _events_of(_fig("a.txt", sentence, 62, "wounded", start="2023-10-17", end="2023-11-10"),
                        _fig("a.txt", sentence, 53, "attacks", start="2023-10-17", end="2023-11-10"))
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["kind"], str(ev["period_start"].date()), str(ev["period_end"].date()),
            str(ev["event_date"].date())) == ("period_total", "2023-10-17", "2023-11-10", "2023-11-10")
    assert (ev["weapon"], ev["weapon_best"], ev["wounded_best"], ev["actor2"]) == ("attacks", 53, 62, "coalition")
    # Charts: no single attack to count; the total is 53 attacks over 25 days, 14.84 a week.
    assert tempo.attack_counts(events, "week").empty
    rates = tempo.attack_rates(events, "week")
    assert len(rates) == 1 and rates["days"].iloc[0] == 25
    assert rates["rate"].iloc[0] == pytest.approx(53 / 25 * 7)
    # ACLED: single events only.
    assert acled_frame(events).empty


def test_several_attacks_on_one_day_are_a_tally():
    sentence = "Dimanche, les forces américaines ont été visées par 4 attaques en Syrie."
    events = _events_of(_fig("a.txt", sentence, 4, "attacks", actor="unknown"))
    assert list(events["kind"]) == ["period_total"]
    assert events.iloc[0]["weapon_best"] == 4


@pytest.mark.parametrize("sentence,number,category", [
    ("Au total, 9 roquettes ont visé des bases américaines mardi.", 9, "rockets"),
    ("Mardi, le Pentagone a dit que 12 soldats américains avaient été blessés dans ces attaques.", 12, "wounded"),
    ("In total, 9 rockets struck U.S. bases on Tuesday.", 9, "rockets"),
])
def test_cumulative_wording_makes_a_period_total(sentence, number, category):
    events = _events_of(_fig("a.txt", sentence, number, category))
    assert list(events["kind"]) == ["period_total"]


def test_a_breakdown_takes_the_period_of_the_articles_tally():
    first = "Depuis le 17 octobre, 46 attaques ont visé les forces américaines en Irak et en Syrie."
    second = "Soit 24 attaques contre les forces américaines en Irak et 22 en Syrie."
    iraq = {**_NO_PLACE, "place": "Irak", "place_name": "Iraq", "place_kind": "country", "country": "Iraq"}
    syria = {**_NO_PLACE, "place": "Syrie", "place_name": "Syria", "place_kind": "country", "country": "Syria"}
    events = _events_of(
        _fig("a.txt", first, 46, "attacks", start="2023-10-17", end="2023-11-10"),
        _fig("a.txt", second, 24, "attacks", start="2023-11-10", place=iraq, sentence_start=200),
        _fig("a.txt", second, 22, "attacks", start="2023-11-10", place=syria, sentence_start=200))
    assert sorted(events["weapon_best"]) == [22, 24, 46]
    assert set(events["kind"]) == {"period_total"}
    assert set(events["period_start"].dt.date.astype(str)) == {"2023-10-17"}


def test_a_total_is_never_merged_with_a_single_event():
    one = "Lundi, 3 drones ont visé la base de Tanf."
    tally = "Au total, 40 drones ont visé la base de Tanf depuis le 1er novembre."
    events = _events_of(_fig("a.txt", one, 3, "drones", start="2023-11-13", place=_BASE),
                        _fig("b.txt", tally, 40, "drones", start="2023-11-01", end="2023-11-13", place=_BASE))
    assert sorted(events["kind"]) == ["event", "period_total"]
    assert tempo.attack_counts(events, "week").sum().sum() == 1


def test_two_articles_on_one_attack_merge_when_one_names_the_base_and_the_other_its_country():
    events = _events_of(
        _fig("a.txt", "Dimanche, 3 soldats américains ont été tués par un drone à la Tower 22.", 3, "killed",
             start="2024-01-28", place=_TOWER),
        _fig("b.txt", "Dimanche, une attaque a tué 3 militaires américains en Jordanie.", 3, "killed",
             start="2024-01-28", place=_JORDAN))
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["grade"], ev["n_sources"], ev["weapon"], ev["place_name"]) == ("corroborated", 2, "drones", "Tower 22")


def test_a_friendly_ground_fight_does_not_merge_into_the_same_days_strike():
    fight = "Dimanche, les soldats irakiens ont repoussé les attaques, tuant 40 militants."
    strike = "Dimanche, un raid de la coalition a tué 12 membres de l'EI."
    events = _events_of(_fig("a.txt", fight, 40, "killed", actor="iraq", start="2016-12-25"),
                        _fig("a.txt", strike, 12, "killed", actor="coalition", start="2016-12-25", sentence_start=100))
    assert len(events) == 1  # the ground fight is neither an attack on the coalition nor a strike
    assert (events.iloc[0]["fatalities_best"], events.iloc[0]["actor1"]) == (12, "coalition")


def test_la_base_refers_to_the_articles_gazetteer_base():
    events = _events_of(
        _fig("a.txt", "Lundi, 4 roquettes ont visé la base de Tanf.", 4, "rockets", start="2022-05-30", place=_BASE),
        _fig("a.txt", "Le 30 avril, 2 roquettes étaient tombées près de la base.", 2, "rockets",
             start="2022-04-30", sentence_start=100))
    assert list(events["place_name"]) == ["Al-Tanf Garrison", "Al-Tanf Garrison"]
    assert set(events["actor2"]) == {"coalition"}


def test_a_three_year_strike_total_is_a_monthly_rate_over_three_years():
    sentence = "Au total, les avions français ont réalisé 1375 frappes depuis septembre 2014."
    figures = figures_frame([_fig("a.txt", sentence, 1375, "strikes", actor="france", start="2014-09-01",
                                  end="2017-09-30", precision="year")])
    table = tempo.strike_tempo(figures, frequency="month")
    assert table["days"].iloc[0] == 1126
    assert table["rate"].iloc[0] == pytest.approx(1375 / (1126 / (365.25 / 12)))  # about 37 a month
    events = build_events(figures)
    assert list(events["kind"]) == ["period_total"]


def test_the_attack_chart_draws_a_total_over_its_period():
    from analysis.reporting import plots
    sentence = "Depuis le 17 octobre, 53 attaques contre des bases américaines."
    events = _events_of(_fig("a.txt", sentence, 53, "attacks", start="2023-10-17", end="2023-11-10"))
    fig = plots.attack_counts(tempo.attack_counts(events, "week"), "week", tempo.attack_rates(events, "week"))
    segments = [seg for coll in fig.axes[0].collections for seg in coll.get_segments()]
    assert len(segments) == 1
    (x0, y0), (x1, y1) = segments[0]
    assert x1 - x0 == pytest.approx(25)  # 17 October to 10 November inclusive, in days
    assert y0 == y1 == pytest.approx(53 / 25 * 7)
    plots.plt.close(fig)


def test_event_cue_examples_match_and_counterexamples_do_not():
    from analysis.resources.lexicon import read_table
    table = read_table("event_cues")
    assert set(table["role"]) == {"weapon", "target", "cumulative", "series", "base_anaphora"}
    for row in table.to_dict("records"):
        rx = re.compile(r"(?<![\w-])(?:" + row["pattern"] + r")(?![\w-])", re.IGNORECASE)
        assert row["example"] and row["counterexample"], row
        assert rx.search(row["example"]), row
        assert not rx.search(row["counterexample"]), row
    assert len(event_cues()["target"]) >= 6


def test_a_weapon_count_over_more_than_a_day_is_a_period_total():
    sentence = "Entre le 1er et le 14 mars, 30 roquettes sont tombées sur la base de Tanf."
    events = _events_of(_fig("a.txt", sentence, 30, "rockets", start="2021-03-01", end="2021-03-14", place=_BASE))
    assert list(events["kind"]) == ["period_total"]
    assert (str(events.iloc[0]["period_start"].date()), str(events.iloc[0]["event_date"].date())) == \
        ("2021-03-01", "2021-03-14")


def test_events_without_a_place_are_never_compared_across_articles(monkeypatch):
    """The cross-article merge stays linear: placeless events (which can never merge) skip the candidate search."""
    import analysis.tables.events as events_module

    text = "Mardi, cinq roquettes ont visé les forces américaines, selon un responsable."
    rows = []
    for i in range(40):
        rows.extend(extract_figures(text, published=date(2021, 3, 3), precision="day", file=f"{i:02d}.txt"))
    frame = figures_frame(rows)
    assert (frame["place_name"] == "").all()
    calls = []
    real = events_module._same_across
    monkeypatch.setattr(events_module, "_same_across", lambda a, b: calls.append(1) or real(a, b))
    events = build_events(frame)
    assert len(events) == 40 and (events["n_sources"] == 1).all()  # one event per article, none merged
    assert calls == []

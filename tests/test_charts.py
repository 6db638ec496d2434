"""Charts that do not mislead: time on a time axis, the date window respected everywhere, the actor named,
empty selections said in words, legends off the data, distinct colours, one speaker counted once, sources by outlet."""

import json
import re
import shutil
import subprocess
import sys

import matplotlib.dates as mdates
import pandas as pd
import pytest

from analysis.paths import NOTEBOOKS, ROOT, SEEDS
from analysis.reporting import plots, tempo
from analysis.reporting.synthetic import replicate


def _events(rows):
    """An events frame holding what the attack charts read; each row: (date, weapon, place, actor1)."""
    return pd.DataFrame({
        "event_id": [f"e{i}" for i in range(len(rows))], "kind": "event",
        "event_date": pd.to_datetime([r[0] for r in rows]), "period_start": pd.to_datetime([r[0] for r in rows]),
        "period_end": pd.to_datetime([r[0] for r in rows]), "weapon": [r[1] for r in rows],
        "actor1": [r[3] if len(r) > 3 else "iran_backed" for r in rows], "actor2": "coalition",
        "place_name": [r[2] for r in rows], "weapon_low": 1.0, "weapon_best": 1.0, "weapon_high": 1.0,
        "files": "a.txt"})


def _bar_labels(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def _texts(fig) -> str:
    fig.canvas.draw()
    return "\n".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_visible()))


def test_attack_counts_stand_on_a_time_axis_with_gaps_as_long_as_the_time_between():
    events = _events([("2019-12-10", "rockets", "Erbil"), ("2020-01-20", "rockets", "Erbil"),
                      ("2022-04-10", "drones", "Erbil")])
    counts = tempo.attack_counts(events, "month")
    fig = plots.attack_counts(counts, "month")
    ax = fig.axes[0]
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    lefts = sorted(p.get_x() for p in ax.patches if p.get_height() > 0)
    assert len(lefts) == 3
    days = [(pd.Timestamp(b) - pd.Timestamp(a)).days for a, b in (("2019-12-01", "2020-01-01"),
                                                                    ("2020-01-01", "2022-04-01"))]
    assert [lefts[1] - lefts[0], lefts[2] - lefts[1]] == pytest.approx(days)  # x is time: 27 months apart is 27 months
    plots.plt.close(fig)


def test_a_day_count_spanning_years_is_drawn_in_bars_wide_enough_to_see():
    events = _events([("2020-01-05", "rockets", "Erbil"), ("2024-01-05", "drones", "Erbil")])
    fig = plots.attack_counts(tempo.attack_counts(events, "day"), "day")
    ax = fig.axes[0]
    fig.canvas.draw()
    widths = [p.get_window_extent().width for p in ax.patches if p.get_height() > 0]
    assert widths and min(widths) >= 2, widths  # a day-wide bar on a four-year axis is less than a pixel
    assert "average over each month" in ax.get_title()
    plots.plt.close(fig)


def test_the_attacks_outside_the_window_are_in_no_chart_or_table():
    events = _events([("2016-10-20", "rockets", "Mosul"), ("2020-01-08", "missiles", "Ain al-Asad Air Base"),
                      ("2020-03-11", "rockets", "Camp Taji"), ("2023-01-01", "drones", "Erbil")])
    attacks = tempo.attacks_in_window(events, start="2019-01-01", end="2022-12-31")
    assert sorted(attacks["place_name"]) == ["Ain al-Asad Air Base", "Camp Taji"]
    fig = plots.attacks_by_place(attacks, start="2019-01-01", end="2022-12-31")
    assert sorted(_bar_labels(fig)) == ["Ain al-Asad Air Base", "Camp Taji"]
    assert "from 2019-01-01 to 2022-12-31" in _texts(fig)
    plots.plt.close(fig)
    counts = tempo.attack_counts(events, "day", start="2019-01-01", end="2022-12-31")
    assert list(counts.index) == [pd.Timestamp("2020-01-08"), pd.Timestamp("2020-03-11")]


def test_an_empty_attack_window_says_so_instead_of_drawing_empty_axes():
    events = _events([("2016-10-20", "rockets", "Mosul"), ("2023-01-01", "drones", "Erbil")])
    counts = tempo.attack_counts(events, "day", start="2019-01-01", end="2019-06-30")
    fig = plots.attack_counts(counts, "day", tempo.attack_rates(events, "day", "2019-01-01", "2019-06-30"),
                              start="2019-01-01", end="2019-06-30")
    assert counts.empty and all(not ax.axison for ax in fig.axes)  # no 0-1 axes, no 1970 time axis
    assert "no single attack on coalition forces, from 2019-01-01 to 2019-06-30" in _texts(fig)
    plots.plt.close(fig)


def test_attacks_without_a_place_get_a_labelled_bar():
    events = _events([("2020-01-08", "rockets", None), ("2020-01-09", "rockets", ""),
                      ("2020-01-10", "drones", "Erbil")])
    fig = plots.attacks_by_place(tempo.attacks_in_window(events))
    labels = _bar_labels(fig)
    assert sorted(labels) == ["Erbil", plots.NO_PLACE] and all(label.strip() for label in labels)
    bars = {label: 0 for label in labels}
    for patch in fig.axes[0].patches:  # the 'place not stated' bar counts both attacks
        row = round(patch.get_y() + patch.get_height() / 2)
        bars[labels[row]] += patch.get_width()
    assert bars == {"Erbil": 1, plots.NO_PLACE: 2}
    plots.plt.close(fig)


def test_the_strike_tempo_title_names_the_actor(seed_frames):
    for actor, name in (("coalition", "the coalition"), (None, "all actors")):
        table = tempo.strike_tempo(seed_frames.figures, seed_frames.claims, seed_frames.articles, "week", actor=actor)
        fig = plots.strike_tempo(table, "week", actor=actor)
        assert name in fig.axes[0].get_title()
        plots.plt.close(fig)


def test_an_empty_strike_selection_says_so_instead_of_drawing_empty_axes(seed_frames):
    table = tempo.strike_tempo(seed_frames.figures, seed_frames.claims, seed_frames.articles, "week", actor="iraq",
                               start="2019-01-01")
    assert table.empty
    fig = plots.strike_tempo(table, "week", actor="iraq", start="2019-01-01", corpus="seeds")
    assert not any(ax.axison for ax in fig.axes)  # no empty 0-1 axes
    assert "no strike figures for Iraq in seeds, from 2019-01-01" in _texts(fig)
    plots.plt.close(fig)


def test_a_total_over_years_is_a_low_rate_over_years_never_a_spike():
    table = pd.DataFrame({"figure_id": ["a", "b"], "text": ["1375", "40"], "actor": "france",
                          "period_start": pd.to_datetime(["2014-09-01", "2016-03-01"]),
                          "period_end": pd.to_datetime(["2017-09-30", "2016-03-31"]), "days": [1126, 31],
                          "kind": "point", "source": "a"})
    per = table["days"] / 7
    table["rate"] = table["rate_low"] = table["rate_high"] = [1375, 40] / per
    fig = plots.strike_tempo(table, "week", actor="france")
    segments = [s for c in fig.axes[0].collections for s in c.get_segments()]
    long = max(segments, key=lambda s: s[1][0] - s[0][0])
    assert long[1][0] - long[0][0] == pytest.approx(1126)  # drawn over its three years
    assert long[0][1] == pytest.approx(1375 / (1126 / 7))  # about 8.5 a week
    assert fig.axes[0].get_ylim()[1] < 100  # nothing reaches 1375
    plots.plt.close(fig)


def _many_outlets(seed_frames, n=12):
    big = replicate(seed_frames, 400)
    names = [f"Outlet {i:02d}" for i in range(n)]
    big.articles["outlet"] = [names[i % n] for i in range(len(big.articles))]
    return big


@pytest.mark.parametrize("top", [plots.TOP, len(plots.PALETTE)])
def test_outlets_past_ten_never_share_a_colour(seed_frames, monkeypatch, top):
    monkeypatch.setattr(plots, "TOP", top)  # the palette holds a distinct colour for every outlet named
    big = _many_outlets(seed_frames, n=top + 3)
    fig = plots.articles_overview(big.articles, big.figures, big.rejected)
    legend = fig.axes[0].get_legend()
    entries = [t.get_text() for t in legend.get_texts()]
    assert len(entries) == top + 1 and entries[-1] == "other outlets (3)"
    faces = [tuple(h.get_facecolor()) for h in legend.legend_handles]
    assert len(set(faces)) == len(faces)
    plots.plt.close(fig)


def _charts(frames):
    attacks = tempo.attacks_in_window(frames.events)
    table = tempo.strike_tempo(frames.figures, frames.claims, frames.articles, "week", actor="coalition")
    return {
        "01": plots.articles_overview(frames.articles, frames.figures, frames.rejected),
        "02": plots.strike_tempo(table, "week", actor="coalition"),
        "03": plots.attack_counts(tempo.attack_counts(frames.events, "day"), "day",
                                  tempo.attack_rates(frames.events, "day")),
        "03-place": plots.attacks_by_place(attacks),
        "04": plots.claims_overview(frames.claims, frames.figures, frames.articles),
    }


def _legend_overlaps(fig) -> list:
    """Legends whose box overlaps the data area (the axes' patch) of any axes of the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    return [(legend.get_title().get_text(), i) for legend in legends for i, ax in enumerate(fig.axes)
            if legend.get_window_extent(renderer).overlaps(ax.patch.get_window_extent(renderer))]


@pytest.mark.parametrize("size", [5, 1000])
def test_no_legend_covers_the_data_and_every_chart_states_source_and_period(seed_frames, size):
    frames = seed_frames if size == 5 else _many_outlets(seed_frames)
    for name, fig in _charts(frames).items():
        assert not _legend_overlaps(fig), (name, size, _legend_overlaps(fig))
        text = _texts(fig)
        said = " ".join(t.get_text() for t in fig.texts)  # the caption, not the axes' tick labels
        assert "Source: " in said, name
        assert re.search(r"\b20\d\d-\d\d-\d\d\b", said), (name, said)  # the dates it covers
        if name == "02":  # the seeds' strike figures hold both bounds
            assert "lower bound" in text and "upper bound" in text
        plots.plt.close(fig)


def test_one_speaker_under_several_spellings_counts_once():
    claims = pd.DataFrame({
        "speaker": ["Central Command (CENTCOM)", "CENTCOM", "Donald Trump", "Trump", "Joe Biden", "Hunter Biden",
                    "Biden", "La coalition", "la coalition"],
        "speaker_id": ["central command (centcom)", "centcom", "donald trump", "trump", "joe biden", "hunter biden",
                       "biden", "coalition", "coalition"],
        "speaker_kind": ["organisation", "organisation", "person", "person", "person", "person", "person",
                         "organisation", "organisation"]})
    counts = plots.speaker_counts(claims)
    assert counts["Central Command (CENTCOM)"] == 2 and "CENTCOM" not in counts
    assert counts["Donald Trump"] == 2 and "Trump" not in counts
    assert counts["Biden"] == 1 and counts["Joe Biden"] == 1  # two Bidens: the surname alone is nobody's
    assert counts.get("La coalition") == 2


def test_figures_are_labelled_by_outlet_where_it_is_known_never_by_file_name():
    articles = pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt"], "outlet": ["Rudaw", "", "UPI"],
                             "published_date": pd.to_datetime(["2021-07-05", "2021-07-06", "2021-02-15"])})
    claims = pd.DataFrame({"claim_id": ["c:1"], "file": ["c.txt"], "speaker": ["Wayne Marotto"],
                           "speaker_id": ["wayne marotto"], "speaker_kind": ["person"], "channel": ["tweet"]})
    figures = pd.DataFrame({"figure_id": ["a:1", "a:2", "b:1", "c:1"], "file": ["a.txt", "a.txt", "b.txt", "c.txt"],
                            "claim_id": [None, None, None, "c:1"]})
    fig = plots.claims_overview(claims, figures, articles)
    labels = [t.get_text() for t in fig.axes[2].get_yticklabels()]
    assert sorted(labels) == ["Rudaw", "Wayne Marotto", "article, outlet not stated"]
    plots.plt.close(fig)


def test_who_stated_the_figures_counts_one_speaker_under_several_spellings_once_on_rows_of_its_own():
    long = "l'Observatoire syrien des droits de l'Homme"
    claims = pd.DataFrame({
        "claim_id": ["c:1", "c:2", "c:3", "c:4", "c:5"], "file": ["a.txt"] * 5,
        "speaker": [long + " (OSDH)", long.replace("Homme", "homme") + " (OSDH)", "OSDH",
                    long + " de Londres", long + " de Paris"],
        "speaker_id": ["observatoire syrien (osdh)", "observatoire syrien (osdh)", "osdh", "osdh londres",
                       "osdh paris"],
        "speaker_kind": ["organisation"] * 5, "channel": ["statement", "communique", "statement", "statement",
                                                          "statement"]})
    figures = pd.DataFrame({"figure_id": [f"a:{i}" for i in range(7)], "file": ["a.txt"] * 7,
                            "claim_id": ["c:1", "c:1", "c:2", "c:3", "c:4", "c:5", "c:5"]})
    counts = plots.stated_by(figures, claims).value_counts()
    assert counts[long + " (OSDH)"] == 4 and len(counts) == 3  # three spellings and two channels: one speaker
    fig = plots.claims_overview(claims, figures)
    rows = [p.get_width() for p in fig.axes[2].patches]
    assert sorted(rows) == [1, 2, 4]  # the two names that shorten alike keep a bar each
    assert len({p.get_y() for p in fig.axes[2].patches}) == 3
    plots.plt.close(fig)


def test_the_seeds_figures_are_never_labelled_by_file_name(seed_frames):
    fig = plots.claims_overview(seed_frames.claims, seed_frames.figures, seed_frames.articles)
    labels = [t.get_text() for t in fig.axes[2].get_yticklabels()]
    assert "article, outlet not stated" in labels and not any(".txt" in label for label in labels)
    plots.plt.close(fig)


def _run(tmp_path, name, **parameters):
    corpus = tmp_path / "seeds"
    if not corpus.exists():
        shutil.copytree(SEEDS, corpus)
    args = [sys.executable, "-m", "papermill", str(NOTEBOOKS / f"{name}.ipynb"), str(tmp_path / f"{name}.ipynb"),
            "-k", "python3", "-r", "corpus", str(corpus), "-r", "figures_dir", str(tmp_path / "charts")]
    for key, value in parameters.items():
        args += ["-r", key, value]
    ok = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr[-2000:]
    nb = json.loads((tmp_path / f"{name}.ipynb").read_text())
    return "".join("".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", []))


def test_the_notebooks_respect_the_window_and_say_when_a_selection_is_empty(tmp_path):
    shown = _run(tmp_path, "03-attack-counts", start="2022-01-04")
    assert "2022-01-05" in shown and "2022-01-03" not in shown  # the table of attacks, in the window only
    shown = _run(tmp_path, "02-strike-tempo", actor="iraq")
    assert "no strike figures for Iraq in " in shown and "Empty DataFrame" not in shown

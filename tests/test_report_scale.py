"""The report at scale: charts of 20,000 articles draw a bounded number of items, stay small, and summaries stay short."""

import pandas as pd
import pytest

from analysis.reporting import notebook, plots, tempo
from analysis.reporting.synthetic import replicate

ARTICLES = 20_000


@pytest.fixture(scope="module")
def big(seed_frames):
    return replicate(seed_frames, ARTICLES)


def _texts(fig) -> list:
    """Every visible text artist of a figure once drawn: tick labels, annotations, legend entries."""
    fig.canvas.draw()
    return [t for t in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_visible()) if t.get_text()]


def _artists(fig) -> int:
    return sum(len(ax.patches) + len(ax.lines) + len(ax.collections) + len(ax.texts) for ax in fig.axes)


def _draw(name, big):
    if name == "01":
        return plots.articles_overview(big.articles, big.figures, big.rejected)
    if name == "02":
        table = tempo.strike_tempo(big.figures, big.claims, big.articles, frequency="week", actor="coalition")
        return plots.strike_tempo(table, "week", actor="coalition")
    if name == "03":
        return plots.attack_counts(tempo.attack_counts(big.events, "day"), "day", tempo.attack_rates(big.events, "day"))
    if name == "03-place":
        return plots.attacks_by_place(tempo.attacks_in_window(big.events))
    return plots.claims_overview(big.claims, big.figures, big.articles)


def test_the_synthetic_frames_have_the_size_and_variety_asked(big, seed_frames):
    assert len(big.articles) == ARTICLES and big.articles["file"].is_unique
    assert len(big.figures) == len(seed_frames.figures) * ARTICLES // len(seed_frames.articles)
    assert big.figures["figure_id"].is_unique and big.claims["claim_id"].is_unique and big.events["event_id"].is_unique
    assert set(big.figures["file"]) <= set(big.articles["file"]) and set(big.claims["file"]) <= set(big.articles["file"])
    assert big.figures["claim_id"].dropna().isin(big.claims["claim_id"]).all()
    assert big.articles["published_date"].dt.year.nunique() >= 8 and big.articles["outlet"].nunique() >= 20
    assert big.events["place_name"].nunique() >= 30


@pytest.mark.parametrize("name", ["01", "02", "03", "03-place", "04"])
def test_charts_of_many_articles_draw_few_items_and_stay_small(big, name, tmp_path):
    fig = _draw(name, big)
    texts = _texts(fig)
    assert len(texts) < 120, (name, len(texts))  # tick labels, labels, legend entries: bounded, not one per item
    assert _artists(fig) < 1500, (name, _artists(fig))
    for ax in fig.axes:
        assert len(ax.get_xticklabels()) <= 20 and len(ax.get_yticklabels()) <= 20, name
    renderer = fig.canvas.get_renderer()
    for legend in [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]:
        box = legend.get_window_extent(renderer)
        assert not any(box.overlaps(ax.patch.get_window_extent(renderer)) for ax in fig.axes), name
    png, svg = plots.save(fig, tmp_path, name)
    assert png.stat().st_size < 400_000 and svg.stat().st_size < 400_000, (name, png.stat().st_size, svg.stat().st_size)


def test_a_day_by_day_count_over_years_is_drawn_as_monthly_averages(big):
    counts = tempo.attack_counts(big.events, "day")
    assert len(counts) > 1000
    fig = plots.attack_counts(counts, "day")
    ax = fig.axes[0]
    assert len(ax.patches) <= plots.BARS * len(counts.columns)
    assert "average over each month" in ax.get_title()
    plots.plt.close(fig)


def test_rates_by_month_spreads_each_figure_over_the_months_it_covers():
    table = pd.DataFrame({
        "period_start": pd.to_datetime(["2021-01-01", "2021-01-15", "2021-03-01"]),
        "period_end": pd.to_datetime(["2021-03-31", "2021-01-20", "2021-03-31"]),
        "rate": [10.0, None, 30.0], "rate_low": [None, 20.0, None], "rate_high": [None, None, None]})
    spread = tempo.rates_by_month(table)
    assert list(spread.index.strftime("%Y-%m")) == ["2021-01", "2021-02", "2021-03"]
    assert list(spread["figures"]) == [2, 1, 2]
    assert list(spread["median"]) == [15.0, 10.0, 20.0]  # the lower bound 20 counts at its stated number
    assert spread.loc["2021-01-01", "q25"] == 12.5 and spread.loc["2021-01-01", "q75"] == 17.5
    assert spread.loc["2021-02-01", "q25"] == spread.loc["2021-02-01", "q75"] == 10.0
    empty = tempo.rates_by_month(table.iloc[:0])
    assert empty.empty and list(empty.columns) == ["figures", "q25", "median", "q75"]


def test_rates_by_month_leaves_months_no_figure_covers_empty():
    table = pd.DataFrame({"period_start": pd.to_datetime(["2020-01-10", "2020-04-02"]),
                          "period_end": pd.to_datetime(["2020-01-10", "2020-04-02"]),
                          "rate": [1.0, 2.0], "rate_low": [None, None], "rate_high": [None, None]})
    spread = tempo.rates_by_month(table)
    assert len(spread) == 4 and list(spread["figures"]) == [1, 0, 0, 1]
    assert spread["median"].isna().tolist() == [False, True, True, False]


def test_coarsened_keeps_the_unit_of_the_frequency():
    days = pd.date_range("2020-01-01", "2020-12-31", freq="D")
    counts = pd.DataFrame({"drones": 1, "rockets": 0}, index=pd.DatetimeIndex(days, name="period"))
    counts.loc["2020-02-10", "rockets"] = 29
    same, drawn = tempo.coarsened(counts, "day", 400)
    assert drawn == "day" and same is counts
    table, drawn = tempo.coarsened(counts, "day", 100)  # 53 weeks fit
    assert drawn == "week" and len(table) <= 100
    table, drawn = tempo.coarsened(counts, "day", 20)
    assert drawn == "month" and len(table) == 12
    assert table["drones"].tolist() == pytest.approx([1.0] * 12)  # one a day stays one a day
    assert table.loc["2020-02-01", "rockets"] == pytest.approx(1.0)  # 29 in a 29-day February
    assert table.index[0] == pd.Timestamp("2020-01-01") and table.index.name == "period"


def test_top_or_other_groups_all_but_the_most_frequent():
    values = pd.Series(["a", "b", "a", "c", "d", "a", "b"])
    assert plots.top_or_other(values, 5, "other").tolist() == values.tolist()
    assert plots.top_or_other(values, 2, "other").tolist() == ["a", "b", "a", "other (2)", "other (2)", "a", "b"]


def test_summaries_print_whole_up_to_the_limit_then_say_what_was_left_out():
    table = pd.DataFrame({"file": [f"{i}.txt" for i in range(30)], "n": range(30)})
    short = table.head(notebook.SHOWN)
    assert notebook.shown(short, "articles", index=False) == short.to_string(index=False)
    text = notebook.shown(table, "articles", index=False)
    assert text.splitlines()[:-1] == table.head(notebook.SHOWN).to_string(index=False).splitlines()
    assert text.splitlines()[-1] == f"... {30 - notebook.SHOWN:,} more articles not shown (30 in all)"


def test_speaker_counts_label_each_speaker_by_its_most_written_name_first_written_on_ties():
    claims = pd.DataFrame({"speaker": ["B", "a", "A", "b", "c", "A", ""],
                           "speaker_id": ["b", "a", "a", "b", "c", "a", ""]})
    counts = plots.speaker_counts(claims)
    assert counts.to_dict() == {"A": 3, "B": 2, "c": 1, "unnamed": 1}

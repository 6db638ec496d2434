"""The charts of the reports: plain functions from frames to matplotlib figures.

Every chart has a title, axis labels with units and a caption line naming its
sources. :func:`save` writes PNG and SVG that are byte-identical from run to
run (no dates in the metadata, a fixed SVG hash salt from ``matplotlibrc``)
and closes the figure; a notebook shows the saved PNG (:func:`image`), so each
chart is drawn once. A chart aggregates before drawing (per outlet, month,
place) and names a bounded number of items, so that it stays readable and
cheap from five articles to hundreds of thousands.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

from analysis.paths import MATPLOTLIBRC

if MATPLOTLIBRC.exists():
    matplotlib.rc_file(MATPLOTLIBRC)
matplotlib.use("agg")  # in a notebook too: a chart is drawn once into its files, and the PNG is shown (:func:`image`)
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

import matplotlib.dates as mdates  # noqa: E402  (after the backend is chosen)
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator, StrMethodFormatter  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.reporting.tempo import coarsened, rates_by_month  # noqa: E402
from analysis.resources.gazetteer import places  # noqa: E402

WEAPON_COLOURS = {"rockets": "#d62728", "drones": "#1f77b4", "indirect_fire": "#ff7f0e", "missiles": "#9467bd",
                  "artillery_rounds": "#8c564b", "strikes": "#2ca02c", "attacks": "#7f7f7f"}
# Bounds that keep a chart readable and cheap whatever the corpus' size: past them, items are
# aggregated (per outlet, per month, per place) rather than drawn one artist each.
PER_ARTICLE = 30  # articles drawn one bar each; more: a distribution of figures per article
DETAILED = 40  # figures or totals drawn one segment and one label each; more: their spread per month
BARS = 150  # periods drawn as bars; more: a stacked step area
TOP = 8  # outlets or sources named in a legend; the others are grouped
PLACES = 15  # places named on the bar chart; the others are grouped
LABELS = 10  # places labelled on the map
SOURCES = 6  # sources named in a caption


def caption(fig, text: str) -> None:
    """The sources line under a chart."""
    fig.text(0.01, 0.01, text, fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)


def save(fig, folder: Path, name: str) -> list[Path]:
    """Write ``name.png`` and ``name.svg`` into ``folder``, reproducibly, and close the figure."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], metadata={"Software": None})
    fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return paths


def image(paths: list[Path]):
    """The saved PNG, to show in a notebook: the chart is not drawn a third time."""
    from IPython.display import Image

    return Image(filename=str(next(p for p in paths if Path(p).suffix == ".png")))


def top_or_other(values: pd.Series, keep: int, other: str) -> pd.Series:
    """``values`` with all but the ``keep`` most frequent replaced by ``other (N)``, N the number grouped.

    Ties are broken by first appearance, so the same frames always give the same labels."""
    counts = values.value_counts(sort=True)
    if len(counts) <= keep:
        return values
    kept = set(counts.index[:keep])
    return values.where(values.isin(kept), f"{other} ({len(counts) - keep})")


def shorten(label: str, width: int = 40) -> str:
    """A label cut to ``width`` characters, marked when cut."""
    label = str(label)
    return label if len(label) <= width else label[: width - 1] + "…"


def count_axis(axis) -> None:
    """Whole numbers, a few ticks, thousands separated: labels that never run into each other."""
    axis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def date_axis(ax) -> None:
    """Dates on a real time axis: a bounded number of ticks, concise labels."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def articles_overview(articles: pd.DataFrame, figures: pd.DataFrame, rejected: pd.DataFrame):
    """Articles by outlet and publication year, and what was extracted from each.

    Up to :data:`PER_ARTICLE` articles, one bar per article; more, the number of
    articles by how many figures each gave, by language."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.5))
    year = articles["published_date"].dt.year.astype("Int64").astype("string").fillna("unknown")
    outlet = top_or_other(articles["outlet"].fillna("").replace("", "unknown outlet"), TOP, "other outlets")
    counts = pd.crosstab(year, outlet)
    counts = counts[counts.sum().sort_values(ascending=False, kind="stable").index]
    counts.plot.bar(ax=ax1, stacked=True, width=0.7)
    ax1.set(title="Articles by publication year and outlet", xlabel="year published", ylabel="articles")
    count_axis(ax1.yaxis)
    ax1.legend(fontsize=7, title=None, loc="upper left")
    per = figures.groupby("file").size().reindex(articles["file"], fill_value=0)
    if len(articles) <= PER_ARTICLE:
        ax2.barh([f[:18] for f in per.index], per.values, color="#1f77b4")
        count_axis(ax2.xaxis)
        ax2.set(title="Figures extracted per article", xlabel="figures", ylabel="article file")
        ax2.invert_yaxis()
    else:
        top = 10
        bins = pd.Series(np.minimum(per.to_numpy(), top), index=per.index)
        language = articles["language"].fillna("").replace("", "unknown").to_numpy() \
            if "language" in articles else np.full(len(articles), "unknown")
        table = pd.crosstab(bins.to_numpy(), language).reindex(range(top + 1), fill_value=0)
        table.index = [str(i) if i < top else f"{top}+" for i in table.index]
        table.plot.bar(ax=ax2, stacked=True, width=0.8, rot=0)
        count_axis(ax2.yaxis)
        ax2.legend(fontsize=7, title="language", loc="upper right")
        ax2.set(title="Articles by number of figures extracted", xlabel="figures extracted from the article",
                ylabel="articles")
    caption(fig, f"Source: {len(articles):,} articles of the corpus, {len(rejected):,} rejected file(s); "
                 "figures extracted by the analysis package.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def _sources_line(sources: pd.Series) -> str:
    counts = sources.value_counts(sort=True)
    named = "; ".join(counts.index[:SOURCES])
    more = len(counts) - SOURCES
    return named + (f"; and {more:,} other sources" if more > 0 else "")


def _spread(ax, spread: pd.DataFrame, colour: str, label: str) -> None:
    """The median rate per month as a step line, its interquartile range as a band: two artists."""
    edges = spread.index.append(pd.DatetimeIndex([spread.index[-1] + pd.offsets.MonthBegin(1)]))
    ax.fill_between(edges, np.append(spread["q25"], spread["q25"].iloc[-1]),
                    np.append(spread["q75"], spread["q75"].iloc[-1]), step="post", color=colour, alpha=0.25,
                    lw=0, label=f"{label}: middle half")
    ax.step(edges, np.append(spread["median"], spread["median"].iloc[-1]), where="post", color=colour, lw=1.5,
            label=f"{label}: median")


def strike_tempo(tempo: pd.DataFrame, frequency: str):
    """Strike rates over the periods they cover; bounds drawn as bounds, vague amounts as ranges.

    Up to :data:`DETAILED` figures, each is a segment over its period with its
    words as a label; more, the median and middle half of the rates covering
    each month, with the number of figures per month below."""
    if len(tempo) > DETAILED:
        return _strike_tempo_spread(tempo, frequency)
    fig, ax = plt.subplots(figsize=(11, 5))
    sources = list(dict.fromkeys(tempo["source"]))
    colours = {s: plt.cm.tab10(i % 10) for i, s in enumerate(sources)}
    for row in tempo.itertuples():
        colour = colours[row.source]
        x0, x1 = row.period_start, row.period_end + pd.Timedelta(days=1)
        if row.kind == "range":
            ax.fill_between([x0, x1], row.rate_low, row.rate_high, color=colour, alpha=0.25, label=row.source)
        elif row.kind == "at_least":
            ax.hlines(row.rate_low, x0, x1, color=colour, lw=2, label=row.source)
            ax.annotate("", xy=(x0 + (x1 - x0) / 2, row.rate_low * 1.25), xytext=(x0 + (x1 - x0) / 2, row.rate_low),
                        arrowprops={"arrowstyle": "->", "color": colour})
        elif row.kind == "at_most":
            ax.hlines(row.rate_high, x0, x1, color=colour, lw=2, linestyle="--", label=row.source)
            ax.annotate("", xy=(x0 + (x1 - x0) / 2, row.rate_high * 0.75), xytext=(x0 + (x1 - x0) / 2, row.rate_high),
                        arrowprops={"arrowstyle": "->", "color": colour})
        else:
            ax.hlines(row.rate, x0, x1, color=colour, lw=3, label=row.source)
        ax.annotate(row.text, (x0, row.rate if pd.notna(row.rate) else row.rate_low), fontsize=7,
                    xytext=(2, 3), textcoords="offset points")
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    if unique:
        ax.legend(list(unique.values())[:TOP], [shorten(k, 60) for k in list(unique)[:TOP]], fontsize=7,
                  title="stated by", loc="upper left")
    ax.set(title=f"Coalition strike tempo (strikes per {frequency})", xlabel="period covered by each figure",
           ylabel=f"strikes per {frequency}")
    ax.set_ylim(bottom=0)
    date_axis(ax)
    caption(fig, "Each segment spans the period its figure covers. Solid: stated number; arrow up: "
                 "'plus de' (a lower bound); dashed, arrow down: 'moins de' (an upper bound); band: vague amount. "
                 "Sources: " + _sources_line(tempo["source"]))
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def _strike_tempo_spread(tempo: pd.DataFrame, frequency: str):
    spread = rates_by_month(tempo)
    fig, (ax, below) = plt.subplots(2, 1, figsize=(11, 6), sharex=True, height_ratios=(3, 1))
    if len(spread):
        _spread(ax, spread, "#1f77b4", "stated rates")
        edges = spread.index.append(pd.DatetimeIndex([spread.index[-1] + pd.offsets.MonthBegin(1)]))
        below.stairs(spread["figures"].to_numpy(), mdates.date2num(edges), fill=True, color="#7f7f7f")
        ax.legend(fontsize=7, loc="upper left")
    ax.set(title=f"Coalition strike tempo (strikes per {frequency}), {len(tempo):,} figures",
           ylabel=f"strikes per {frequency}")
    ax.set_ylim(bottom=0)
    below.set(xlabel="month covered", ylabel="figures")
    count_axis(below.yaxis)
    date_axis(below)
    bounds = tempo["kind"].value_counts()
    caption(fig, f"Each figure counts in every month its period covers, at its stated rate ({bounds.get('at_least', 0):,} "
                 f"lower bounds and {bounds.get('at_most', 0):,} upper bounds at their stated number). Line: median "
                 "rate of the figures covering the month; band: their middle half. Below: figures covering each "
                 "month. Sources: " + _sources_line(tempo["source"]))
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


BAR_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}


def attack_counts(counts: pd.DataFrame, frequency: str, rates: pd.DataFrame | None = None):
    """Attacks on coalition forces per period, stacked by weapon; period totals as rates over their periods.

    Bars count single events (one per attack, merged across articles); past
    :data:`BARS` periods, each bar is the average per ``frequency`` over a
    week, month or year (``tempo.coarsened``). A
    period total ("46 attaques depuis le 17 octobre", from
    ``tempo.attack_rates``) is a horizontal segment at its rate per
    ``frequency`` spanning the period it covers (arrow up: a lower bound;
    band: a range); it is drawn beside the bars, never added to them. Past
    :data:`DETAILED` totals, their median rate per month is drawn instead.
    """
    fig, ax = plt.subplots(figsize=(10, 4.5))
    table, drawn = coarsened(counts, frequency, BARS)
    if not table.empty:
        starts = table.index
        ends = starts + (pd.Timedelta(days=BAR_DAYS.get(frequency, 7.0)) if drawn == frequency
                         else pd.tseries.frequencies.to_offset({"week": "W", "month": "MS", "year": "YS"}[drawn]))
        widths = (ends - starts) * 0.8
        bottom = pd.Series(0.0, index=table.index)
        for weapon in table.columns:
            ax.bar(starts, table[weapon], width=widths, bottom=bottom, align="edge", label=weapon,
                   color=WEAPON_COLOURS.get(weapon))
            bottom = bottom + table[weapon]
    if rates is not None and len(rates) > DETAILED:
        spread = rates_by_month(rates)
        if len(spread):
            edges = spread.index.append(pd.DatetimeIndex([spread.index[-1] + pd.offsets.MonthBegin(1)]))
            ax.step(edges, np.append(spread["median"], spread["median"].iloc[-1]), where="post", color="#333333",
                    lw=1.5, linestyle="--", label=f"period totals ({len(rates):,}): median rate")
    elif rates is not None and not rates.empty:
        for i, row in enumerate(rates.itertuples()):
            x0, x1 = row.period_start, row.period_end + pd.Timedelta(days=1)
            colour = WEAPON_COLOURS.get(row.weapon, "#333333")
            label = "period totals (rate)" if i == 0 else None
            if row.kind == "range":
                ax.fill_between([x0, x1], row.rate_low, row.rate_high, color=colour, alpha=0.2, label=label)
            y = row.rate
            ax.hlines(y, x0, x1, color=colour, lw=2, linestyle="--", label=label if row.kind != "range" else None)
            if row.kind == "at_least":
                ax.annotate("", xy=(x0 + (x1 - x0) / 2, y * 1.2), xytext=(x0 + (x1 - x0) / 2, y),
                            arrowprops={"arrowstyle": "->", "color": colour})
            ax.annotate(f"{row.label} over {row.days} days", (x0, y), fontsize=7, xytext=(2, 3),
                        textcoords="offset points")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, title="weapon", loc="upper left")
    average = "" if drawn == frequency else f", average over each {drawn}"
    ax.set(title=f"Attacks on coalition forces per {frequency}{average}", xlabel=f"{drawn} starting",
           ylabel=f"attacks per {frequency}{' (average)' if average else ''}")
    ax.set_ylim(bottom=0)
    if not average:
        count_axis(ax.yaxis)
    date_axis(ax)
    caption(fig, "Source: events frame. Bars: single attacks by hostile actors on coalition forces, one event per "
                 f"attack merged across articles{'' if not average else f' ({len(counts):,} {frequency}s: each bar is the {drawn} average per {frequency})'}. Dashed: period totals stated by a source, spread as a "
                 "rate over the period they cover (not added to the bars).")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def attacks_by_place(events: pd.DataFrame):
    """Attacks per place, and a map of the places from the gazetteer's coordinates.

    The :data:`PLACES` places with most attacks are named, the others grouped;
    the :data:`LABELS` largest circles on the map are labelled."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8))
    if "kind" in events:  # a period total is many attacks, not one: it is not counted per place
        events = events[events["kind"] == "event"]
    by_place = events.groupby(["place_name", "weapon"]).size().unstack(fill_value=0)
    if len(by_place) > PLACES:
        order = by_place.sum(axis=1).sort_values(ascending=False, kind="stable").index
        other = by_place.loc[order[PLACES:]].sum().rename(f"other places ({len(order) - PLACES})")
        by_place = pd.concat([by_place.loc[order[:PLACES]], other.to_frame().T]).iloc[::-1]
    if not by_place.empty:
        by_place.plot.barh(ax=ax1, stacked=True, color=[WEAPON_COLOURS.get(w) for w in by_place.columns])
        ax1.legend(fontsize=7, title="weapon", loc="lower right")
    ax1.set(title="Attacks by place and weapon", xlabel="attacks (events)", ylabel="place")
    count_axis(ax1.xaxis)
    known = [p for p in places() if p.latitude is not None and p.kind in ("base", "city")]
    ax2.scatter([p.longitude for p in known], [p.latitude for p in known], s=6, color="#bbbbbb", label="gazetteer")
    located = events.dropna(subset=["latitude", "longitude"])
    sizes = located.groupby(["place_name", "latitude", "longitude"]).size().reset_index(name="n")
    sizes = sizes.sort_values("n", ascending=False, kind="stable")
    area = 40 * sizes["n"] if len(sizes) and sizes["n"].max() <= 10 else 20 + 400 * sizes["n"] / max(sizes["n"].max(), 1)
    ax2.scatter(sizes["longitude"], sizes["latitude"], s=area, color="#d62728", alpha=0.6, label="attacks")
    for row in sizes.head(LABELS).itertuples():
        ax2.annotate(row.place_name, (row.longitude, row.latitude), fontsize=7, xytext=(4, 4), textcoords="offset points")
    ax2.set(title="Where (gazetteer coordinates)", xlabel="longitude (°E)", ylabel="latitude (°N)")
    legend = ax2.legend(fontsize=7, loc="lower left")
    for handle in legend.legend_handles:  # markers of one size, whatever the circles' sizes
        handle.set_sizes([20])
    more = f"; the {LABELS} places with most attacks are named" if len(sizes) > LABELS else ""
    caption(fig, "Source: events frame; coordinates from analysis/resources/geo/gazetteer.tsv (events without coordinates "
                 f"are counted on the left only); circle area grows with the number of attacks{more}.")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def speaker_counts(claims: pd.DataFrame) -> pd.Series:
    """Claims per speaker, most quoted first: one speaker is one ``speaker_id`` across the corpus ("La
    coalition" and "la coalition" count once), labelled by its most frequent written name; claims with no
    speaker count as "unnamed". Frames written before ``speaker_id`` existed are grouped by name."""
    if "speaker_id" not in claims:
        return claims["speaker"].replace("", "unnamed").value_counts()
    key = claims["speaker_id"].fillna("").astype("str")
    names = pd.DataFrame({"key": key.to_numpy(), "name": claims["speaker"].fillna("").astype("str").to_numpy(),
                          "order": np.arange(len(claims))})
    # The most frequent written name of each key, ties to the first written (as ``value_counts`` orders them).
    written = names.groupby(["key", "name"], sort=False).agg(n=("order", "size"), first=("order", "min"))
    written = written.reset_index().sort_values(["n", "first"], ascending=[False, True], kind="stable")
    label = written.drop_duplicates("key").set_index("key")["name"]
    counts = key.value_counts()
    counts.index = [label.get(k) or "unnamed" if k else "unnamed" for k in counts.index]
    return counts.groupby(level=0, sort=False).sum().sort_values(ascending=False, kind="stable")


def claims_overview(claims: pd.DataFrame):
    """Who is quoted, and through which channel."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.5))
    pd.crosstab(claims["speaker_kind"], claims["channel"]).plot.barh(ax=ax1, stacked=True)
    ax1.set(title="Claims by kind of speaker and channel", xlabel="claims", ylabel="speaker kind")
    count_axis(ax1.xaxis)
    count_axis(ax2.xaxis)
    ax1.legend(fontsize=7, title="channel", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3)
    top = speaker_counts(claims).head(12)
    ax2.barh([shorten(n) for n in top.index[::-1]], top.values[::-1], color="#9467bd")
    ax2.set(title="Most quoted speakers", xlabel="claims", ylabel="speaker")
    caption(fig, f"Source: claims frame ({len(claims):,} quotes and reported speech with their attribution); "
                 "the 12 most quoted speakers.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig

"""The charts of the reports: plain functions from frames to matplotlib figures.

Every chart has a title, axis labels with units and a caption stating its
source, the period it covers and, where bounds are drawn, what a bound means.
Legends sit outside the data area, so that they never hide a bar or a line.
:func:`save` writes PNG and SVG that are byte-identical from run to run (no
dates in the metadata, a fixed SVG hash salt from ``matplotlibrc``) and closes
the figure; a notebook shows the saved PNG (:func:`image`), so each chart is
drawn once. A chart aggregates before drawing (per outlet, month, place) and
names a bounded number of items, so that it stays readable and cheap from
five articles to hundreds of thousands.
"""

from __future__ import annotations

import itertools
import os
import re
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

from analysis.reporting.tempo import (actor_name, coarsened, no_strikes_message, rates_by_month,  # noqa: E402
                                      source_label, window_text)

WEAPON_COLOURS = {"rockets": "#d62728", "drones": "#1f77b4", "indirect_fire": "#ff7f0e", "missiles": "#9467bd",
                  "artillery_rounds": "#8c564b", "strikes": "#2ca02c", "attacks": "#7f7f7f"}
# Distinct colours for named items (outlets, sources), greys kept for "other" and "unknown".
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
           "#393b79", "#8c6d31", "#843c39"]
OTHER_COLOUR, UNKNOWN_COLOUR = "#7f7f7f", "#c7c7c7"
# Bounds that keep a chart readable and cheap whatever the corpus' size: past them, items are
# aggregated (per outlet, per month, per place) rather than drawn one artist each.
PER_ARTICLE = 30  # articles drawn one bar each; more: a distribution of figures per article
DETAILED = 40  # figures or totals drawn one segment and one label each; more: their spread per month
BARS = 150  # periods on a time axis drawn as bars; more: coarser periods (week, month, year)
TOP = 8  # outlets or sources named in a legend; the others are grouped
PLACES = 15  # places named on the bar chart; the others are grouped
SPEAKERS = 12  # speakers and sources named on chart 04
SOURCES = 6  # sources named in a caption
NO_PLACE = "place not stated"
BOUNDS = ("▲ arrow up: 'plus de', 'more than', 'at least': the value is a lower bound; ▼ dashed, arrow down: "
          "'moins de', 'less than': an upper bound; band: a vague amount, drawn as its range")

assert len(PALETTE) > TOP  # named items never share a colour


def caption(fig, text: str) -> None:
    """The caption under a chart: source, period, what a bound means."""
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


def colours(labels: list[str], greys: dict[str, str] | None = None) -> list[str]:
    """One distinct colour per label, in order; the labels in ``greys`` (other, unknown) get their grey."""
    greys = greys or {}
    named = itertools.cycle(PALETTE)  # callers keep to len(PALETTE) named labels; past it, colours repeat
    return [greys[label] if label in greys else next(named) for label in labels]


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


def legend_outside(ax, handles=None, labels=None, **kwargs):
    """A legend right of the axes, never over the data area."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    return ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0,
                     fontsize=7, **kwargs)


def time_window(ax, first, last, start=None, end=None) -> None:
    """The x axis from ``start`` (else ``first``) to ``end`` (else ``last``), a little wider, at least two
    weeks: a one-day item is not drawn on an axis of hours, and a window says where nothing was found."""
    lo = pd.Timestamp(start) if start is not None else first
    hi = pd.Timestamp(end) + pd.Timedelta(days=1) if end is not None else last
    if pd.isna(lo) or pd.isna(hi):
        return
    lo, hi = min(lo, first) if pd.notna(first) else lo, max(hi, last) if pd.notna(last) else hi
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=7) - (hi - lo) / 2, pd.Timedelta(days=1))
    ax.set_xlim(lo - pad, hi + pad)


def period_text(first, last, what: str = "dates") -> str:
    """The dates a chart covers, for its caption."""
    if pd.isna(first) or pd.isna(last):
        return f"{what}: none known"
    return f"{what}: {pd.Timestamp(first):%Y-%m-%d} to {pd.Timestamp(last):%Y-%m-%d}"


def declutter(fig, texts: list) -> None:
    """Hide each label that would overlap a label kept before it (the list is in order of priority)."""
    if len(texts) < 2:
        return
    renderer = fig.canvas.get_renderer()
    kept = []
    for text in texts:
        box = text.get_window_extent(renderer)
        if any(box.overlaps(k) for k in kept):
            text.set_visible(False)
        else:
            kept.append(box)


def month_edges(months: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The first days of ``months`` and of the month after the last: the edges of a monthly step."""
    return months.append(pd.DatetimeIndex([months[-1] + pd.offsets.MonthBegin(1)]))


def _message(ax, text: str) -> None:
    """An empty selection says so in words, on axes with no ticks rather than empty 0–1 axes."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=11, color="#444444", wrap=True,
            transform=ax.transAxes)


def articles_overview(articles: pd.DataFrame, figures: pd.DataFrame, rejected: pd.DataFrame):
    """Articles by outlet and publication year, and what was extracted from each.

    Years run on a continuous axis (a year without an article is an empty slot);
    the :data:`TOP` outlets with most articles are named, each in its own colour,
    the others grouped. Up to :data:`PER_ARTICLE` articles, one bar per article;
    more, the number of articles by how many figures each gave, by language."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.8), width_ratios=(1.25, 1))
    dates = articles["published_date"]
    years = dates.dt.year.astype("Int64")
    order = [str(y) for y in range(int(years.min()), int(years.max()) + 1)] if years.notna().any() else []
    year = years.astype("string").fillna("unknown")
    if year.eq("unknown").any():
        order.append("unknown")
    outlet = articles["outlet"].fillna("").replace("", "unknown outlet")
    grouped = top_or_other(outlet, TOP, "other outlets")
    counts = pd.crosstab(year, grouped).reindex(order, fill_value=0)
    others = [c for c in counts.columns if c.startswith("other outlets (")]
    named = counts.drop(columns=others + ["unknown outlet"], errors="ignore")
    named = named[named.sum().sort_values(ascending=False, kind="stable").index]
    counts = counts[list(named.columns) + [c for c in ("unknown outlet", *others) if c in counts.columns]]
    greys = {"unknown outlet": UNKNOWN_COLOUR, **{c: OTHER_COLOUR for c in others}}
    counts.plot.bar(ax=ax1, stacked=True, width=0.7, color=colours(list(counts.columns), greys), legend=False)
    ax1.set(title="Articles by publication year and outlet", xlabel="year published", ylabel="articles")
    count_axis(ax1.yaxis)
    legend_outside(ax1, title=f"outlet ({outlet.nunique():,})")
    per = figures.groupby("file").size().reindex(articles["file"], fill_value=0)
    if len(articles) <= PER_ARTICLE:
        ax2.barh([shorten(f, 24) for f in per.index], per.values, color="#1f77b4")
        count_axis(ax2.xaxis)
        ax2.set(title="Figures extracted per article", xlabel="figures", ylabel="article file")
        ax2.tick_params(axis="y", labelsize=7)
        ax2.invert_yaxis()
    else:
        top = 10
        bins = pd.Series(np.minimum(per.to_numpy(), top), index=per.index)
        language = articles["language"].fillna("").replace("", "unknown").to_numpy() \
            if "language" in articles else np.full(len(articles), "unknown")
        table = pd.crosstab(bins.to_numpy(), language).reindex(range(top + 1), fill_value=0)
        table.index = [str(i) if i < top else f"{top}+" for i in table.index]
        table.plot.bar(ax=ax2, stacked=True, width=0.8, rot=0, legend=False,
                       color=colours(list(table.columns), {"unknown": UNKNOWN_COLOUR}))
        count_axis(ax2.yaxis)
        legend_outside(ax2, title="language")
        ax2.set(title="Articles by number of figures extracted", xlabel="figures extracted from the article",
                ylabel="articles")
    caption(fig, f"Source: {len(articles):,} articles of the corpus (outlets from its catalog), {len(rejected):,} "
                 f"rejected file(s); figures extracted by the analysis package. "
                 f"{period_text(dates.min(), dates.max(), 'Published')}"
                 f"{f' ({int(dates.isna().sum()):,} undated)' if dates.isna().any() else ''}.")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def _sources_line(sources: pd.Series) -> str:
    counts = sources.value_counts(sort=True)
    named = "; ".join(counts.index[:SOURCES])
    more = len(counts) - SOURCES
    return named + (f"; and {more:,} other sources" if more > 0 else "")


def _spread(ax, spread: pd.DataFrame, colour: str, label: str) -> None:
    """The median rate per month as a step line, its interquartile range as a band: two artists."""
    edges = month_edges(spread.index)
    ax.fill_between(edges, np.append(spread["q25"], spread["q25"].iloc[-1]),
                    np.append(spread["q75"], spread["q75"].iloc[-1]), step="post", color=colour, alpha=0.25,
                    lw=0, label=f"{label}: middle half")
    ax.step(edges, np.append(spread["median"], spread["median"].iloc[-1]), where="post", color=colour, lw=1.5,
            label=f"{label}: median")


def _bounded_segments(ax, rows, colour_of, label_of, text_of) -> list:
    """Each row a segment at its rate over its period: solid (a stated number), ▲ (a lower bound), dashed ▼
    (an upper bound), band (a range). Returns the text labels, for :func:`declutter`; a label in the
    right half of the time span ends where its segment ends, so that it stays inside the axes."""
    texts = []
    if not rows:
        return texts
    middle_of_all = min(r.period_start for r in rows) + (max(r.period_end for r in rows)
                                                         - min(r.period_start for r in rows)) / 2
    for row in rows:
        colour, label = colour_of(row), label_of(row)
        x0, x1 = row.period_start, row.period_end + pd.Timedelta(days=1)
        middle = x0 + (x1 - x0) / 2
        if row.kind == "range":
            ax.fill_between([x0, x1], row.rate_low, row.rate_high, color=colour, alpha=0.25, label=label)
            y = row.rate if pd.notna(row.rate) else row.rate_low
        elif row.kind == "at_least":
            y = row.rate_low
            ax.hlines(y, x0, x1, color=colour, lw=2, label=label)
            ax.plot([middle], [y], marker="^", color=colour, markersize=7, linestyle="none")
        elif row.kind == "at_most":
            y = row.rate_high
            ax.hlines(y, x0, x1, color=colour, lw=2, linestyle="--", label=label)
            ax.plot([middle], [y], marker="v", color=colour, markersize=7, linestyle="none")
        else:
            y = row.rate
            ax.hlines(y, x0, x1, color=colour, lw=3, label=label)
        right = middle > middle_of_all
        texts.append(ax.annotate(text_of(row), (x1 if right else x0, y), fontsize=7, xytext=(-2 if right else 2, 4),
                                 textcoords="offset points", ha="right" if right else "left"))
    return texts


def strike_tempo(tempo: pd.DataFrame, frequency: str, actor: str | None = None, start=None, end=None,
                 corpus: str | None = None):
    """Strike rates of ``actor`` (None: all actors) over the periods they cover; bounds drawn as bounds,
    vague amounts as ranges.

    Every figure is a rate over the whole period it covers (1,375 strikes in three years is about
    8.5 a week for three years, never a spike of 1,375). Up to :data:`DETAILED` figures, each is a
    segment over its period with its words as a label; more, the median and middle half of the
    rates covering each month, with the number of figures per month below. An empty selection
    draws no axes but says :func:`tempo.no_strikes_message`."""
    title = f"Strikes by {actor_name(actor)} (strikes per {frequency})"
    if tempo.empty:
        fig, ax = plt.subplots(figsize=(11, 2.5))
        ax.set_title(title)
        _message(ax, no_strikes_message(actor, start, end, corpus))
        caption(fig, "Source: strike figures of the figures frame (none in this selection).")
        fig.tight_layout(rect=(0, 0.1, 1, 1))
        return fig
    if len(tempo) > DETAILED:
        return _strike_tempo_spread(tempo, frequency, title, start, end)
    fig, ax = plt.subplots(figsize=(11, 5))
    sources = list(dict.fromkeys(tempo["source"]))
    named = sources[:TOP]
    palette = dict(zip(named, colours(named)))
    rows = list(tempo.itertuples())
    texts = _bounded_segments(ax, rows, lambda r: palette.get(r.source, OTHER_COLOUR),
                              lambda r: shorten(r.source, 50) if r.source in palette else
                              f"other sources ({len(sources) - TOP})", lambda r: r.text)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    legend_outside(ax, list(unique.values()), list(unique), title="stated by")
    ax.set(title=title, xlabel="period covered by each figure", ylabel=f"strikes per {frequency}")
    ax.set_ylim(bottom=0, top=max(ax.get_ylim()[1], 1) * 1.08)
    time_window(ax, tempo["period_start"].min(), tempo["period_end"].max() + pd.Timedelta(days=1), start, end)
    date_axis(ax)
    caption(fig, f"Source: {len(tempo):,} strike figure(s) of the figures frame ({window_text(start, end)}); "
                 f"{period_text(tempo['period_start'].min(), tempo['period_end'].max(), 'periods covered')}. "
                 "Each segment is a figure's rate over the whole period it covers. " + BOUNDS +
                 ". Stated by: " + _sources_line(tempo["source"]))
    fig.tight_layout(rect=(0, 0.09, 1, 1))
    declutter(fig, texts)
    return fig


def _strike_tempo_spread(tempo: pd.DataFrame, frequency: str, title: str, start, end):
    spread = rates_by_month(tempo)
    fig, (ax, below) = plt.subplots(2, 1, figsize=(11, 6), sharex=True, height_ratios=(3, 1))
    if len(spread):
        _spread(ax, spread, "#1f77b4", "stated rates")
        edges = month_edges(spread.index)
        below.stairs(spread["figures"].to_numpy(), mdates.date2num(edges), fill=True, color="#7f7f7f")
        legend_outside(ax)
    ax.set(title=f"{title}, {len(tempo):,} figures", ylabel=f"strikes per {frequency}")
    ax.set_ylim(bottom=0)
    below.set(xlabel="month covered", ylabel="figures")
    count_axis(below.yaxis)
    time_window(below, tempo["period_start"].min(), tempo["period_end"].max(), start, end)
    date_axis(below)
    bounds = tempo["kind"].value_counts()
    caption(fig, f"Source: {len(tempo):,} strike figures of the figures frame ({window_text(start, end)}); "
                 f"{period_text(tempo['period_start'].min(), tempo['period_end'].max(), 'periods covered')}. "
                 "Each figure counts in every month its period covers, at its rate over that period; its bound "
                 f"counts at its stated number ({bounds.get('at_least', 0):,} lower bounds, 'plus de': the true rate "
                 f"is higher; {bounds.get('at_most', 0):,} upper bounds, 'moins de': it is lower). Line: median rate "
                 "of the figures covering the month; band: their middle half. Below: figures covering each month. "
                 "Stated by: " + _sources_line(tempo["source"]))
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    return fig


BAR_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}


def attack_counts(counts: pd.DataFrame, frequency: str, rates: pd.DataFrame | None = None, start=None, end=None):
    """Attacks on coalition forces per period, stacked by weapon, on a time axis; period totals as rates
    over their periods, in a panel of their own below.

    Bars count single events (one per attack, merged across articles) and stand
    at their dates: months without an attack are gaps as wide as their time.
    When the window (``start``..``end``, else the dates counted) spans more than
    :data:`BARS` periods, each bar is the average per ``frequency`` over a
    week, month or year (``tempo.coarsened``). A period total ("46 attaques
    depuis le 17 octobre", from ``tempo.attack_rates``) is a horizontal segment
    at its rate per ``frequency`` spanning the period it covers (▲: a lower
    bound; band: a range), in the lower panel with its own scale: a total over
    three days is a high rate that would flatten the bars, and it is never
    added to them. Past :data:`DETAILED` totals, their median rate per month is drawn instead.
    """
    rates = rates if rates is not None and not rates.empty else None
    table, drawn = coarsened(counts, frequency, BARS, start, end)
    panels = [p for p, shown in (("bars", not table.empty or rates is None), ("rates", rates is not None)) if shown]
    fig, axes = plt.subplots(len(panels), 1, figsize=(11, 4.5 if len(panels) == 1 else 6.5), sharex=True,
                             squeeze=False, height_ratios=(3, 2)[: len(panels)])
    axes = dict(zip(panels, axes[:, 0]))
    firsts, lasts = [], []
    average = "" if drawn == frequency else f", average over each {drawn}"
    if "bars" in axes:
        ax = axes["bars"]
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
            firsts.append(starts.min())
            lasts.append(ends.max())
            legend_outside(ax, title="weapon")
        else:
            _message(ax, f"no single attack on coalition forces, {window_text(start, end)}")
        ax.set(title=f"Attacks on coalition forces per {frequency}{average}",
               ylabel=f"attacks per {frequency}{' (average)' if average else ''}")
        ax.set_ylim(bottom=0)
        if not average:
            count_axis(ax.yaxis)
    if "rates" in axes:
        ax = axes["rates"]
        if len(rates) > DETAILED:
            spread = rates_by_month(rates)
            if len(spread):
                edges = month_edges(spread.index)
                ax.step(edges, np.append(spread["median"], spread["median"].iloc[-1]), where="post",
                        color="#333333", lw=1.5, label=f"median rate of {len(rates):,} totals")
        else:
            order = rates.sort_values("days", kind="stable")  # shorter totals labelled first
            texts = _bounded_segments(ax, list(order.itertuples()), lambda r: WEAPON_COLOURS.get(r.weapon, "#333333"),
                                      lambda r: r.weapon, lambda r: f"{r.label} over {r.days} days")
        firsts.append(rates["period_start"].min())
        lasts.append(rates["period_end"].max() + pd.Timedelta(days=1))
        handles, labels = ax.get_legend_handles_labels()
        unique = dict(zip(labels, handles))
        legend_outside(ax, list(unique.values()), list(unique), title="period totals")
        ax.set(title=f"Period totals stated by a source, as attacks per {frequency} over their period",
               ylabel=f"attacks per {frequency}")
        ax.set_ylim(bottom=0, top=max(ax.get_ylim()[1], 1) * 1.1)
    low = list(axes.values())[-1]
    low.set_xlabel(f"{drawn} starting" if "rates" not in axes else "date")
    if firsts:
        time_window(low, min(firsts), max(lasts), start, end)
    date_axis(low)
    first = min(firsts) if firsts else None
    last = max(lasts) - pd.Timedelta(days=1) if lasts else None
    none = "No single attack on coalition forces in this window. " if table.empty else ""
    caption(fig, f"Source: events frame ({window_text(start, end)}; {period_text(first, last, 'dates drawn')}). "
                 f"{none}Bars: single attacks by hostile actors on coalition forces, one event per attack merged across "
                 f"articles{'' if not average else f' ({len(counts):,} {frequency}s with attacks: each bar is the {drawn} average per {frequency})'}."
                 + (" Below: period totals stated by a source, each a rate over the period it covers, not added "
                    f"to the bars. {BOUNDS}." if rates is not None else ""))
    fig.tight_layout(rect=(0, 0.08 if rates is not None else 0.06, 1, 1))
    if rates is not None and len(rates) <= DETAILED:
        declutter(fig, texts)
    return fig


def attacks_by_place(attacks: pd.DataFrame, start=None, end=None):
    """Attacks on coalition forces per place, stacked by weapon: give it ``tempo.attacks_in_window``.

    The :data:`PLACES` places with most attacks are named, the others grouped;
    attacks whose place is not stated are a bar of their own, labelled so.
    Period totals are not counted (a total is many attacks, not one at a place)."""
    if "kind" in attacks:
        attacks = attacks[attacks["kind"] == "event"]
    place = attacks["place_name"].fillna("").astype("str").str.strip().replace("", NO_PLACE)
    by_place = pd.crosstab(place.to_numpy(), attacks["weapon"].fillna("unknown weapon").to_numpy())
    named = by_place.drop(index=[NO_PLACE], errors="ignore")
    order = named.sum(axis=1).sort_values(ascending=False, kind="stable").index
    rows = [named.loc[order[:PLACES]]]
    if len(order) > PLACES:
        rows.append(named.loc[order[PLACES:]].sum().rename(f"other places ({len(order) - PLACES})").to_frame().T)
    if NO_PLACE in by_place.index:
        rows.append(by_place.loc[[NO_PLACE]])
    by_place = pd.concat(rows) if len(by_place) else by_place
    fig, ax = plt.subplots(figsize=(10, min(2.2 + 0.32 * len(by_place), 8.5)))
    if not by_place.empty:
        by_place.iloc[::-1].plot.barh(ax=ax, stacked=True, legend=False,
                                      color=[WEAPON_COLOURS.get(w, OTHER_COLOUR) for w in by_place.columns])
        legend_outside(ax, title="weapon")
    else:
        _message(ax, f"no single attack on coalition forces, {window_text(start, end)}")
    ax.set(title="Attacks on coalition forces by place and weapon", xlabel="attacks (single events)", ylabel="place")
    count_axis(ax.xaxis)
    dates = attacks["event_date"]
    caption(fig, f"Source: events frame, {len(attacks):,} single attacks by hostile actors on coalition forces "
                 f"({window_text(start, end)}; {period_text(dates.min(), dates.max(), 'dated')}); places from the "
                 "articles, named by the gazetteer; period totals are not counted here."
                 + (f" The {PLACES} places with most attacks are named." if len(order) > PLACES else ""))
    fig.tight_layout(rect=(0, 0.07 if len(by_place) > 4 else 0.12, 1, 1))
    return fig


def speaker_names(claims: pd.DataFrame) -> pd.Series:
    """Each claim's speaker as the charts name it ("" when the claim names none), aligned on ``claims``.

    One speaker is one ``speaker_id`` across the corpus ("La coalition" and "la coalition" are one),
    and the charts merge two more spellings of one speaker: an acronym written alone and the name
    that carries it ("CENTCOM" and "Central Command (CENTCOM)"), and a person's surname written alone
    and the one full name of a person ending with it ("Trump" and "Donald Trump"), each only when
    exactly one key fits. A speaker is named by its most frequent written name. Frames written
    before ``speaker_id`` existed are named as written."""
    if "speaker_id" not in claims:
        return claims["speaker"].fillna("").astype("str")
    key = claims["speaker_id"].fillna("").astype("str")
    kind = claims["speaker_kind"].fillna("").astype("str") if "speaker_kind" in claims else pd.Series("", index=key.index)
    merges = _spelling_merges(set(key), set(key[kind.to_numpy() == "person"]))
    key = pd.Series([merges.get(k, k) for k in key], index=key.index, dtype="str")
    names = pd.DataFrame({"key": key.to_numpy(), "name": claims["speaker"].fillna("").astype("str").to_numpy(),
                          "order": np.arange(len(claims))})
    # The most frequent written name of each key, ties to the first written (as ``value_counts`` orders them).
    written = names.groupby(["key", "name"], sort=False).agg(n=("order", "size"), first=("order", "min"))
    written = written.reset_index().sort_values(["n", "first"], ascending=[False, True], kind="stable")
    label = written.drop_duplicates("key").set_index("key")["name"]
    return pd.Series(key.map(label).fillna("").where(key != "", "").to_numpy(), index=claims.index, dtype="str")


def speaker_counts(claims: pd.DataFrame) -> pd.Series:
    """Claims per speaker (:func:`speaker_names`), most quoted first; claims with no speaker count as
    "unnamed"."""
    counts = speaker_names(claims).replace("", "unnamed").value_counts()
    return counts.groupby(level=0, sort=False).sum().sort_values(ascending=False, kind="stable")


def stated_by(figures: pd.DataFrame, claims: pd.DataFrame, articles: pd.DataFrame | None = None,
              unknown: str = "article, outlet not stated") -> pd.Series:
    """Who stated each figure, for counting: the speaker of its claim as :func:`speaker_names` names it
    (one speaker under several spellings is one), else the article's outlet, else ``unknown``."""
    labels = source_label(figures, None, articles, unknown=unknown)
    if claims is None or claims.empty:
        return labels
    names = pd.Series(speaker_names(claims).to_numpy(), index=claims["claim_id"].to_numpy())
    names = names[~names.index.duplicated(keep="last")]
    by_claim = figures["claim_id"].map(names)
    return by_claim.where(by_claim.notna() & (by_claim != ""), labels).astype("str")


def _named_bars(ax, counts: pd.Series, colour, width: int = 34) -> None:
    """Horizontal bars, most first from the top, one row per label: two labels that shorten alike keep
    their own rows (matplotlib would stack equal category names on one)."""
    rows = np.arange(len(counts))[::-1]
    ax.barh(rows, counts.to_numpy(), color=colour)
    ax.set_yticks(rows, [shorten(n, width) for n in counts.index])


def _spelling_merges(keys: set[str], persons: set[str]) -> dict[str, str]:
    """Speaker keys to merge into another key for counting (see :func:`speaker_counts`)."""
    by_acronym: dict[str, set[str]] = {}
    by_surname: dict[str, set[str]] = {}
    for key in keys:
        m = re.fullmatch(r"(.+) \(([a-z][a-z0-9-]*)\)", key)
        if m:
            by_acronym.setdefault(m.group(2), set()).add(key)
    for key in persons:
        words = key.split()
        if len(words) >= 2 and not re.fullmatch(r"\(.*\)", words[-1]):
            by_surname.setdefault(words[-1], set()).add(key)
    merges = {}
    for key in keys:
        if key in by_acronym and len(by_acronym[key]) == 1:
            merges[key] = next(iter(by_acronym[key]))
        elif key in persons and key in by_surname and len(by_surname[key]) == 1:
            merges[key] = next(iter(by_surname[key]))
    return merges


def claims_overview(claims: pd.DataFrame, figures: pd.DataFrame | None = None, articles: pd.DataFrame | None = None):
    """Who is quoted, through which channel, and who stated the figures.

    The third panel (with ``figures``) counts figures by who stated them: the
    claim's speaker where the figure is inside a claim, else the article's
    outlet (from the articles frame), else "article, outlet not stated"."""
    panels = 3 if figures is not None else 2
    fig, axes = plt.subplots(1, panels, figsize=(5.2 * panels, 5.2))
    ax1, ax2 = axes[0], axes[1]
    kinds = pd.crosstab(claims["speaker_kind"], claims["channel"])
    if not kinds.empty:
        kinds.plot.barh(ax=ax1, stacked=True, color=colours(list(kinds.columns)), legend=False)
        ax1.legend(fontsize=7, title="channel", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3)
    ax1.set(title="Claims by kind of speaker and channel", xlabel="claims", ylabel="speaker kind")
    count_axis(ax1.xaxis)
    top = speaker_counts(claims)
    _named_bars(ax2, top.head(SPEAKERS), "#9467bd")
    ax2.set(title=f"Most quoted speakers ({len(top):,})", xlabel="claims")
    count_axis(ax2.xaxis)
    if figures is not None:
        ax3 = axes[2]
        counts = stated_by(figures, claims, articles).value_counts()
        shown3 = counts.head(SPEAKERS)
        _named_bars(ax3, shown3, [UNKNOWN_COLOUR if n == "article, outlet not stated" else "#17becf"
                                  for n in shown3.index])
        ax3.set(title=f"Figures by who stated them ({len(counts):,})", xlabel="figures")
        count_axis(ax3.xaxis)
    for ax in axes[1:]:
        ax.tick_params(axis="y", labelsize=7)
    dates = articles["published_date"] if articles is not None and "published_date" in articles \
        else pd.Series([], dtype="datetime64[ns]")
    caption(fig, f"Source: claims frame ({len(claims):,} quotes and reported speech with their attribution"
                 + (f"), figures frame ({len(figures):,} figures; speaker of the claim, else the outlet of the article"
                    if figures is not None else "")
                 + f"); {period_text(dates.min(), dates.max(), 'articles published')}. One "
                 "speaker under several spellings counts once; the "
                 f"{SPEAKERS} most frequent are named.")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig

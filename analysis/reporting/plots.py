"""The charts of the reports: plain functions from frames to matplotlib figures.

Every chart has a title, axis labels with units and a caption line naming its
sources. :func:`save` writes PNG and SVG that are byte-identical from run to
run (no dates in the metadata, a fixed SVG hash salt from ``matplotlibrc``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

from analysis.paths import MATPLOTLIBRC

if MATPLOTLIBRC.exists():
    matplotlib.rc_file(MATPLOTLIBRC)
if "ipykernel" in sys.modules:  # in a notebook, show the charts as well as saving them
    matplotlib.use("module://matplotlib_inline.backend_inline")
else:
    matplotlib.use("agg")
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)
from matplotlib.ticker import MaxNLocator  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.resources.gazetteer import places  # noqa: E402

WEAPON_COLOURS = {"rockets": "#d62728", "drones": "#1f77b4", "indirect_fire": "#ff7f0e", "missiles": "#9467bd",
                  "artillery_rounds": "#8c564b", "strikes": "#2ca02c", "attacks": "#7f7f7f"}


def caption(fig, text: str) -> None:
    """The sources line under a chart."""
    fig.text(0.01, 0.01, text, fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)


def save(fig, folder: Path, name: str) -> list[Path]:
    """Write ``name.png`` and ``name.svg`` into ``folder``, reproducibly."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], metadata={"Software": None})
    fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    # Closed, the figure is no longer drawn again by the inline backend at the end of the
    # cell: a notebook that shows ``fig`` shows each chart once.
    plt.close(fig)
    return paths


def articles_overview(articles: pd.DataFrame, figures: pd.DataFrame, rejected: pd.DataFrame):
    """Articles by outlet and publication year, and what was extracted from each."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.5))
    year = articles["published_date"].dt.year.astype("Int64").astype("string").fillna("unknown")
    outlet = articles["outlet"].replace("", "unknown outlet")
    counts = pd.crosstab(year, outlet)
    counts.plot.bar(ax=ax1, stacked=True, width=0.7)
    ax1.set(title="Articles by publication year and outlet", xlabel="year published", ylabel="articles")
    ax1.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax2.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax1.legend(fontsize=7, title=None)
    per = figures.groupby("file").size().reindex(articles["file"], fill_value=0)
    ax2.barh([f[:18] for f in per.index], per.values, color="#1f77b4")
    ax2.set(title="Figures extracted per article", xlabel="figures", ylabel="article file")
    ax2.invert_yaxis()
    caption(fig, f"Source: {len(articles)} articles of the corpus, {len(rejected)} rejected file(s); "
                 "figures extracted by the analysis package.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def strike_tempo(tempo: pd.DataFrame, frequency: str):
    """Strike rates over the periods they cover; bounds drawn as bounds, vague amounts as ranges."""
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
        ax.legend(unique.values(), unique.keys(), fontsize=7, title="stated by")
    ax.set(title=f"Coalition strike tempo (strikes per {frequency})", xlabel="period covered by each figure",
           ylabel=f"strikes per {frequency}")
    ax.set_ylim(bottom=0)
    caption(fig, "Each segment spans the period its figure covers. Solid: stated number; arrow up: "
                 "'plus de' (a lower bound); dashed, arrow down: 'moins de' (an upper bound); band: vague amount. "
                 "Sources: " + "; ".join(sources))
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


BAR_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}


def attack_counts(counts: pd.DataFrame, frequency: str, rates: pd.DataFrame | None = None):
    """Attacks on coalition forces per period, stacked by weapon; period totals as rates over their periods.

    Bars count single events (one per attack, merged across articles). A
    period total ("46 attaques depuis le 17 octobre", from
    ``tempo.attack_rates``) is a horizontal segment at its rate per
    ``frequency`` spanning the period it covers (arrow up: a lower bound;
    band: a range); it is drawn beside the bars, never added to them.
    """
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = pd.Timedelta(days=BAR_DAYS.get(frequency, 7.0) * 0.8)
    if not counts.empty:
        bottom = pd.Series(0, index=counts.index)
        for weapon in counts.columns:
            ax.bar(counts.index, counts[weapon], width=width, bottom=bottom, align="edge", label=weapon,
                   color=WEAPON_COLOURS.get(weapon))
            bottom = bottom + counts[weapon]
    if rates is not None and not rates.empty:
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
        ax.legend(fontsize=8, title="weapon")
    ax.set(title=f"Attacks on coalition forces per {frequency}", xlabel=f"{frequency} starting",
           ylabel=f"attacks per {frequency}")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.autofmt_xdate()
    caption(fig, "Source: events frame. Bars: single attacks by hostile actors on coalition forces, one event per "
                 "attack merged across articles. Dashed segments: period totals stated by a source, spread as a "
                 "rate over the period they cover (not added to the bars).")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def attacks_by_place(events: pd.DataFrame):
    """Attacks per place, and a map of the places from the gazetteer's coordinates."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8))
    if "kind" in events:  # a period total is many attacks, not one: it is not counted per place
        events = events[events["kind"] == "event"]
    by_place = events.groupby(["place_name", "weapon"]).size().unstack(fill_value=0)
    if not by_place.empty:
        by_place.plot.barh(ax=ax1, stacked=True, color=[WEAPON_COLOURS.get(w) for w in by_place.columns])
    ax1.set(title="Attacks by place and weapon", xlabel="attacks (events)", ylabel="place")
    ax1.xaxis.set_major_locator(MaxNLocator(integer=True))
    known = [p for p in places() if p.latitude is not None and p.kind in ("base", "city")]
    ax2.scatter([p.longitude for p in known], [p.latitude for p in known], s=6, color="#bbbbbb", label="gazetteer")
    located = events.dropna(subset=["latitude", "longitude"])
    sizes = located.groupby(["place_name", "latitude", "longitude"]).size().reset_index(name="n")
    ax2.scatter(sizes["longitude"], sizes["latitude"], s=40 * sizes["n"], color="#d62728", alpha=0.7, label="attacks")
    for row in sizes.itertuples():
        ax2.annotate(row.place_name, (row.longitude, row.latitude), fontsize=7, xytext=(4, 4), textcoords="offset points")
    ax2.set(title="Where (gazetteer coordinates)", xlabel="longitude (°E)", ylabel="latitude (°N)")
    ax2.legend(fontsize=7)
    caption(fig, "Source: events frame; coordinates from analysis/resources/geo/gazetteer.tsv (events without coordinates "
                 "are counted on the left only).")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def speaker_counts(claims: pd.DataFrame) -> pd.Series:
    """Claims per speaker, most quoted first: one speaker is one ``speaker_id`` across the corpus ("La
    coalition" and "la coalition" count once), labelled by its most frequent written name; claims with no
    speaker count as "unnamed". Frames written before ``speaker_id`` existed are grouped by name."""
    if "speaker_id" not in claims:
        return claims["speaker"].replace("", "unnamed").value_counts()
    key = claims["speaker_id"].fillna("")
    names = claims["speaker"].fillna("")
    label = names.groupby(key).agg(lambda s: s.value_counts().index[0] if len(s) else "")
    counts = key.value_counts()
    counts.index = [label.get(k) or "unnamed" if k else "unnamed" for k in counts.index]
    return counts.groupby(level=0, sort=False).sum().sort_values(ascending=False, kind="stable")


def claims_overview(claims: pd.DataFrame):
    """Who is quoted, and through which channel."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.5))
    pd.crosstab(claims["speaker_kind"], claims["channel"]).plot.barh(ax=ax1, stacked=True)
    ax1.set(title="Claims by kind of speaker and channel", xlabel="claims", ylabel="speaker kind")
    ax1.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax2.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax1.legend(fontsize=7, title="channel")
    top = speaker_counts(claims).head(12)
    ax2.barh(top.index[::-1], top.values[::-1], color="#9467bd")
    ax2.set(title="Most quoted speakers", xlabel="claims", ylabel="speaker")
    caption(fig, "Source: claims frame (quotes and reported speech with their attribution).")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig

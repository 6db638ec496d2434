"""The attack map: attacks per place as circles over the countries of the region, with their borders and names.

The borders are ``resources/geo/borders.json``: Natural Earth 1:50m
countries (public domain), cut to the region by
``resources/geo/make_borders.py`` from the copy the npm package
``world-atlas`` ships (see the file's ``source``). They travel with the
package, so drawing the map reads one 90 KB file and downloads nothing. Longitudes are shrunk by the
cosine of the map's middle latitude (an equirectangular view), which keeps
shapes true at this scale.

A circle's area is proportional to the number of attacks at its place. So
that circles never cover the map, whatever the corpus' size, the scale
shrinks until the largest circle is at most :data:`MAX_AREA` and all
circles together at most :data:`TOTAL_AREA`; no circle is drawn smaller
than :data:`MIN_AREA` (the legend shows the scale used). Only
the :data:`LABELS` places with most attacks are
named, each label put where it overlaps no other.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

from analysis.paths import RESOURCES
from analysis.reporting.plots import caption  # first: it sets the backend and the matplotlibrc
from analysis.reporting.tempo import dated_within
from analysis.resources.gazetteer import places

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402

BORDERS = RESOURCES / "geo" / "borders.json"  # countries of the region (Natural Earth 1:50m)
DEFAULT_EXTENT = (36.0, 29.0, 49.0, 38.0)  # lon min, lat min, lon max, lat max: Iraq and Syria, when nothing is located
MIN_SPAN = (8.0, 5.0)  # smallest extent drawn (degrees of longitude, latitude): one place still shows its countries
MARGIN = 0.12  # share of the located points' span added on every side
UNIT_AREA = 60.0  # circle area (points²) of one attack, when few attacks are drawn
MAX_AREA = 1500.0  # largest circle (a disc of 0.6 inch): past it, the scale shrinks
TOTAL_AREA = 20_000.0  # all circles together, about 8 % of the map: past it, the scale shrinks
MIN_AREA = 10.0  # no circle is smaller, whatever the scale
LABELS = 10  # places named on the map, those with most attacks; the others are circles only
SEA, LAND, BORDER, NAME = "#dbe9f4", "#f3f0e8", "#8c8c8c", "#6b6b6b"
ATTACK, EDGE = "#d62728", "#7f1111"


@lru_cache(maxsize=1)
def borders() -> dict:
    """The borders file: ``source`` (its provenance), ``box`` (the region it covers) and ``countries``,
    each with ``name``, ``iso_a3``, ``label`` (lon, lat) and ``rings`` (lists of [lon, lat])."""
    return json.loads(BORDERS.read_text(encoding="utf-8"))


def _coarse_names() -> set[str]:
    return {p.place_name for p in places() if p.kind in ("country", "province")}


def attacks_by_place(events: pd.DataFrame) -> pd.DataFrame:
    """One row per located place: ``place_name``, ``latitude``, ``longitude``, ``attacks`` (events) and
    ``coarse`` (the place is a country or province, drawn at its centre), most attacks first."""
    located = events.dropna(subset=["latitude", "longitude"])
    coarse = located["place_name"].isin(_coarse_names())
    if "geo_precision" in located:
        coarse |= located["geo_precision"].astype("Float64").fillna(0).to_numpy() >= 3
    table = (located.assign(coarse=coarse.to_numpy(), place_name=located["place_name"].fillna(""))
             .groupby(["place_name", "latitude", "longitude"], sort=True)
             .agg(attacks=("coarse", "size"), coarse=("coarse", "any")).reset_index())
    return table.sort_values(["attacks", "place_name"], ascending=[False, True], kind="stable",
                             ignore_index=True)


def area_scale(attacks) -> float:
    """Points² per attack for these counts per place: :data:`UNIT_AREA`, less when the largest circle
    would pass :data:`MAX_AREA` or all of them :data:`TOTAL_AREA`."""
    attacks = np.asarray(attacks, dtype=float)
    if not len(attacks):
        return UNIT_AREA
    return min(UNIT_AREA, MAX_AREA / max(attacks.max(), 1.0), TOTAL_AREA / max(attacks.sum(), 1.0))


def circle_areas(attacks, scale: float) -> np.ndarray:
    """Areas (points²) of the circles for ``attacks``: proportional to the count, at least :data:`MIN_AREA`."""
    return np.maximum(MIN_AREA, scale * np.asarray(attacks, dtype=float))


def extent(table: pd.DataFrame) -> tuple[float, float, float, float]:
    """lon min, lat min, lon max, lat max: the located places with a margin, at least :data:`MIN_SPAN`."""
    if table.empty:
        return DEFAULT_EXTENT
    bounds = []
    for column, span in (("longitude", MIN_SPAN[0]), ("latitude", MIN_SPAN[1])):
        lo, hi = float(table[column].min()), float(table[column].max())
        pad = MARGIN * (hi - lo) + 0.5
        lo, hi = lo - pad, hi + pad
        if hi - lo < span:
            middle = (lo + hi) / 2
            lo, hi = middle - span / 2, middle + span / 2
        bounds.append((lo, hi))
    (x0, x1), (y0, y1) = bounds
    return x0, y0, x1, y1


def _country_path(country: dict) -> MplPath:
    vertices, codes = [], []
    for ring in country["rings"]:
        vertices += ring + [ring[0]]
        codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY]
    return MplPath(np.asarray(vertices, dtype=float), codes)


def _label_at(country: dict, path: MplPath, view) -> tuple[float, float] | None:
    """Where to write the country's name: its label point when in view, else the middle of its visible
    part (a grid over the view, kept where inside the country), or None when too little of it shows."""
    x0, y0, x1, y1 = view
    inset_x, inset_y = 0.06 * (x1 - x0), 0.04 * (y1 - y0)
    lon, lat = country["label"]
    if x0 + inset_x <= lon <= x1 - inset_x and y0 + inset_y <= lat <= y1 - inset_y:
        return lon, lat
    gx, gy = np.meshgrid(np.linspace(x0 + inset_x, x1 - inset_x, 25), np.linspace(y0 + inset_y, y1 - inset_y, 25))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    inside = grid[path.contains_points(grid)]
    if len(inside) < 12:  # under 2 % of the view
        return None
    middle = inside.mean(axis=0)
    nearest = inside[np.argmin(((inside - middle) ** 2).sum(axis=1))]
    return float(nearest[0]), float(nearest[1])


def _draw_countries(ax, view) -> None:
    for country in borders()["countries"]:
        path = _country_path(country)
        ax.add_patch(PathPatch(path, facecolor=LAND, edgecolor=BORDER, lw=0.7, zorder=1, label=country["name"]))
        where = _label_at(country, path, view)
        if where is not None:
            ax.text(*where, country["name"].upper(), fontsize=8, color=NAME, ha="center", va="center",
                    zorder=2, clip_on=True, gid="country-name")


def _place_labels(fig, ax, table: pd.DataFrame, areas: np.ndarray, count: int) -> int:
    """Name the ``count`` places with most attacks, each beside its circle, inside the axes, where it
    overlaps no label placed before (nor, if it can, a country's name); returns how many were named."""
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    countries = [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == "country-name"]
    placed = []
    for row, area in zip(table.head(count).itertuples(), areas):
        gap = math.sqrt(area / math.pi) * 0.75 + 2
        text = f"{row.place_name} ({row.attacks:,})"
        found = None
        for avoid in (placed + countries, placed):
            for dx, dy, ha, va in ((1, 1, "left", "bottom"), (1, -1, "left", "top"), (-1, 1, "right", "bottom"),
                                   (-1, -1, "right", "top")):
                label = ax.annotate(text, (row.longitude, row.latitude), xytext=(dx * gap, dy * gap),
                                    textcoords="offset points", ha=ha, va=va, fontsize=8, zorder=5, gid="place-name",
                                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
                box = label.get_window_extent(renderer)
                if frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) \
                        and not any(box.overlaps(other) for other in avoid):
                    found = box
                    break
                label.remove()
            if found is not None:
                placed.append(found)
                break
    return len(placed)


def _size_legend(ax, largest: int, scale: float) -> None:
    values = [v for v in (1, 10, 100, 1_000, 10_000, 100_000) if v <= largest]
    if largest > values[-1]:
        values.append(largest)
    floored = [v for v in values if scale * v <= MIN_AREA]
    values = values[len(floored) - 1:] if floored else values  # one entry for the smallest size
    handles = [ax.scatter([], [], s=size, color=ATTACK, alpha=0.55, edgecolors=EDGE, linewidths=0.6)
               for size in circle_areas(values, scale)]
    labels = [_n(v, "attack") for v in values]
    if floored:
        labels[0] += " or fewer (smallest size)" if values[0] > 1 else " (smallest size)"
    ax.legend(handles, labels, title="circle area", loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize=8, title_fontsize=8, labelspacing=1.6, borderpad=1.0, frameon=False)


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _fit(fig, ax, view) -> tuple[float, float, float, float]:
    """Widen the extent in one direction so that it fills the axes at the map's true aspect (a degree of
    longitude is the cosine of the latitude times a degree of latitude): the extent only grows. Returns it."""
    x0, y0, x1, y1 = view
    k = math.cos(math.radians((y0 + y1) / 2))
    box = ax.get_position()
    ratio = box.width * fig.get_figwidth() / (box.height * fig.get_figheight())
    if (x1 - x0) * k / (y1 - y0) < ratio:
        grow = ((y1 - y0) * ratio / k - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = ((x1 - x0) * k / ratio - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / k, adjustable="box")
    ax.apply_aspect()
    return x0, y0, x1, y1


def attack_map(events: pd.DataFrame, start=None, end=None, title: str = "Where the attacks on coalition forces were", labels: int = LABELS):
    """A map of the attacks: one circle per place, its area the number of events there.

    Only single events (``kind == "event"``) count: a period total is many
    attacks at no one place and is not drawn. ``start`` and ``end`` (dates,
    inclusive) keep the events dated between them. Events whose place has no
    coordinates are counted in the caption, not drawn. The ``labels`` places
    with most attacks are named."""
    if "kind" in events:
        events = events[events["kind"] == "event"]
    events = dated_within(events, start, end)
    dates = pd.to_datetime(events["event_date"])
    table = attacks_by_place(events)
    unlocated = len(events) - int(table["attacks"].sum())
    view = extent(table)

    fig, ax = plt.subplots(figsize=(10, 7))
    ax.set_facecolor(SEA)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    largest = int(table["attacks"].max()) if len(table) else 1
    scale = area_scale(table["attacks"])
    areas = circle_areas(table["attacks"], scale)
    exact, coarse = ~table["coarse"].to_numpy(), table["coarse"].to_numpy()
    # Largest first, so that a small circle is drawn over a large one rather than hidden under it.
    ax.scatter(table["longitude"][exact], table["latitude"][exact], s=areas[exact], color=ATTACK, alpha=0.55,
               edgecolors=EDGE, linewidths=0.6, zorder=3, gid="attacks")
    ax.scatter(table["longitude"][coarse], table["latitude"][coarse], s=areas[coarse], facecolors="none",
               edgecolors=EDGE, linewidths=1.0, linestyles="--", zorder=3, gid="attacks-coarse")
    if len(table):
        _size_legend(ax, largest, scale)
    else:
        ax.text(0.5, 0.5, "no attack with coordinates in this selection", transform=ax.transAxes, ha="center",
                va="center", fontsize=11, color="#444444", zorder=5)
    ax.set(title=title, xlabel="longitude (°E)", ylabel="latitude (°N)")

    if len(events):
        period = f"attacks dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
    else:
        period = "no attacks"
    if start is not None or end is not None:
        period += f" (selection: {start or 'any date'} to {end or 'any date'})"
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _draw_countries(ax, _fit(fig, ax, view))
    named = _place_labels(fig, ax, table, areas, labels)
    source = borders()["source"]
    hollow = "; dashed rings: attacks located only to a country or province, drawn at its centre" \
        if coarse.any() else ""
    shown = min(labels, len(table))
    names = "" if named == len(table) else f" Named: the {named:,} places with most attacks." if named == shown \
        else f" Named: {named:,} of the {shown:,} places with most attacks (the others' labels would overlap)."
    caption(fig, f"Source: events frame, single attacks only (period totals are not drawn), {period}. "
                 f"{_n(len(events) - unlocated, 'attack')} at {_n(len(table), 'place')}; "
                 f"{_n(unlocated, 'attack')} whose place has no coordinates {'is' if unlocated == 1 else 'are'} not "
                 f"drawn. Coordinates: analysis/resources/geo/gazetteer.tsv{hollow}. "
                 f"Circle area proportional to attacks.{names} Borders: Natural Earth {source['scale']}, version "
                 f"{source['version']}, public domain.")
    return fig

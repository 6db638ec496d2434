"""The attack map: its borders file, what it draws, and that it downloads nothing."""

from __future__ import annotations

import importlib
import math
import socket

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import PathPatch

from analysis.reporting import maps

NAMED = ("Iraq", "Syria", "Jordan", "Turkey", "Iran", "Kuwait", "Saudi Arabia")


def _events(rows) -> pd.DataFrame:
    """Events frame rows: (kind, place_name, latitude, longitude, event_date)."""
    frame = pd.DataFrame(rows, columns=["kind", "place_name", "latitude", "longitude", "event_date"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return frame


def _ring_area(ring) -> float:
    return abs(sum(ring[i - 1][0] * y - x * ring[i - 1][1] for i, (x, y) in enumerate(ring))) / 2


@pytest.fixture
def events():
    return _events([("event", "Ain al-Asad Air Base", 33.7856, 42.4412, "2022-01-04"),
                    ("event", "Ain al-Asad Air Base", 33.7856, 42.4412, "2022-01-05"),
                    ("event", "Erbil International Airport", 36.2375, 43.9631, "2021-02-15"),
                    ("event", "Green Village", None, None, "2022-01-05"),
                    ("event", "Al-Tanf Garrison", 33.5058, 38.6178, "2023-10-20"),
                    ("period_total", "Camp Arifjan", 28.8780, 48.1579, "2023-11-09")])


def _attack_circles(fig):
    ax = fig.axes[0]
    return [c for c in ax.collections if c.get_gid() in ("attacks", "attacks-coarse")]


def test_borders_file_holds_the_region_with_valid_polygons_and_its_provenance():
    data = maps.borders()
    countries = {c["name"]: c for c in data["countries"]}
    assert set(NAMED) <= set(countries)
    x0, y0, x1, y1 = data["box"]
    for country in data["countries"]:
        assert country["rings"], country["name"]
        for ring in country["rings"]:
            points = np.asarray(ring, dtype=float)
            assert points.shape[0] >= 3 and points.shape[1] == 2 and np.isfinite(points).all()
            assert (points[:, 0] >= x0).all() and (points[:, 0] <= x1).all()
            assert (points[:, 1] >= y0).all() and (points[:, 1] <= y1).all()
            assert _ring_area(ring) > 0
        # the label point lies in the country
        assert maps._country_path(country).contains_point(country["label"]), country["name"]
    # the gazetteer's bases and cities fall in their own country (Kobani sits on the Turkish border)
    from analysis.resources.gazetteer import places
    for place in places():
        if place.latitude is not None and place.kind in ("base", "city") and place.place_name != "Kobani":
            assert maps._country_path(countries[place.country]).contains_point((place.longitude, place.latitude)), \
                place.place_name
    source = data["source"]
    assert "Natural Earth" in source["dataset"] and "public domain" in source["license"]
    assert source["version"] and source["scale"] and source["package"] and source["file"]
    assert (maps.RESOURCES.parent / source["script"].removeprefix("analysis/")).exists()
    assert maps.BORDERS.stat().st_size < 100_000


def test_the_map_draws_country_patches_and_names(events):
    fig = maps.attack_map(events)
    ax = fig.axes[0]
    patches = {p.get_label() for p in ax.patches if isinstance(p, PathPatch)}
    assert set(NAMED) <= patches
    names = {t.get_text() for t in ax.texts if t.get_gid() == "country-name"}
    assert {"IRAQ", "SYRIA", "JORDAN"} <= names
    plt.close(fig)


def test_circle_areas_grow_with_counts_and_are_capped():
    counts = np.array([1, 2, 3, 10, 50, 200, 5_000])
    areas = maps.circle_areas(counts, maps.area_scale(counts))
    assert (np.diff(areas) >= 0).all()
    assert (np.diff(areas[areas > maps.MIN_AREA]) > 0).all()  # proportional above the smallest size
    assert areas.max() <= maps.MAX_AREA
    # few attacks: one unit each, proportional
    few = maps.circle_areas([1, 2, 4], maps.area_scale([1, 2, 4]))
    assert few[1] == pytest.approx(2 * few[0]) and few[2] == pytest.approx(4 * few[0])
    # many places with many attacks: all circles together stay under the budget
    many = np.full(300, 700)
    assert maps.circle_areas(many, maps.area_scale(many)).sum() <= maps.TOTAL_AREA + 1e-6


def test_the_drawn_circles_are_capped_at_scale():
    rng = np.random.default_rng(0)
    lat, lon = rng.uniform(30, 37, 300), rng.uniform(37, 47, 300)
    pick = rng.integers(0, 300, 20_000)
    big = _events([("event", f"place {i}", lat[i], lon[i], "2020-01-01") for i in pick])
    fig = maps.attack_map(big)
    sizes = np.concatenate([c.get_sizes() for c in _attack_circles(fig)])
    assert len(sizes) == 300
    assert sizes.max() <= maps.MAX_AREA and sizes.sum() <= maps.TOTAL_AREA + 300 * maps.MIN_AREA
    named = [t for t in fig.axes[0].texts if t.get_gid() == "place-name"]
    assert 0 < len(named) <= maps.LABELS
    plt.close(fig)


def test_a_period_total_is_not_drawn(events):
    fig = maps.attack_map(events)
    offsets = np.concatenate([c.get_offsets() for c in _attack_circles(fig)])
    assert len(offsets) == 3
    assert not any(np.allclose(o, (48.1579, 28.8780)) for o in offsets)  # Camp Arifjan's period total
    assert not any("Camp Arifjan" in t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)


@pytest.mark.parametrize("rows", [
    [("event", "Incirlik Air Base", 37.0021, 35.4259, "2020-01-01"),
     ("event", "Camp Arifjan", 28.8780, 48.1579, "2020-01-02"), ("event", "Iran", 32.0, 53.0, "2020-01-03")],
    [("event", "Baghdad", 33.3406, 44.4009, "2020-01-01")],
    [],
])
def test_no_point_or_label_outside_the_axes(rows):
    fig = maps.attack_map(_events(rows))
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    for collection in _attack_circles(fig):
        for (x, y), size in zip(collection.get_offsets(), collection.get_sizes()):
            assert x0 < x < x1 and y0 < y < y1
            # the whole circle, not only its centre, fits in the axes
            px, py = ax.transData.transform((x, y))
            radius = math.sqrt(size / math.pi) * fig.dpi / 72
            assert frame.x0 < px - radius and px + radius < frame.x1
            assert frame.y0 < py - radius and py + radius < frame.y1
    for text in ax.texts:
        if text.get_gid() == "place-name":
            box = text.get_window_extent(renderer)
            assert frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
    if not rows:
        assert (x0, y0) <= maps.DEFAULT_EXTENT[:2] and (x1, y1) >= maps.DEFAULT_EXTENT[2:]
    plt.close(fig)


def test_the_caption_counts_events_without_coordinates_and_states_the_period(events):
    fig = maps.attack_map(events)
    text = fig.texts[-1].get_text()
    assert "1 attack whose place has no coordinates is not drawn" in text
    assert "4 attacks at 3 places" in text
    assert "2021-02-15 to 2023-10-20" in text
    assert "gazetteer.tsv" in text and "Natural Earth" in text and "public domain" in text
    plt.close(fig)
    fig = maps.attack_map(events, start="2022-01-01", end="2022-12-31")
    text = fig.texts[-1].get_text()
    assert "2022-01-04 to 2022-01-05" in text and "selection: 2022-01-01 to 2022-12-31" in text
    assert "0 attacks whose place has no coordinates" not in text and "1 attack whose" in text
    plt.close(fig)


def test_a_country_located_attack_is_a_dashed_ring():
    fig = maps.attack_map(_events([("event", "Iraq", 33.0, 44.0, "2020-01-08"),
                                   ("event", "Camp Taji", 33.5294, 44.2775, "2020-03-14")]))
    coarse = [c for c in _attack_circles(fig) if c.get_gid() == "attacks-coarse"][0]
    assert np.allclose(coarse.get_offsets(), [(44.0, 33.0)])
    assert "country or province" in fig.texts[-1].get_text()
    plt.close(fig)


def test_nothing_is_downloaded(monkeypatch, events):
    def refuse(*args, **kwargs):
        raise AssertionError("the map opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    module = importlib.reload(maps)
    module.borders.cache_clear()
    fig = module.attack_map(events)
    assert math.isfinite(fig.axes[0].get_xlim()[0])
    plt.close(fig)

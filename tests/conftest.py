"""Shared fixtures: the seed corpus extracted once per test session."""

from __future__ import annotations

import pytest

from analysis.paths import GOLD, SEEDS
from analysis.pipeline import build_frames


@pytest.fixture(scope="session")
def seed_frames():
    return build_frames(SEEDS)


@pytest.fixture(scope="session")
def gold_path():
    return GOLD / "figures.csv"

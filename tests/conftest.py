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


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives headless Chromium (tests/browser.py)")


def pytest_report_header(config):
    from browser import missing

    reason = missing()
    return [f"browser tests: not run, {reason}"] if reason else []


def pytest_collection_modifyitems(config, items):
    """Where Chromium cannot run, the browser tests are left out, and the header says why in one line."""
    from browser import missing

    if not missing():
        return
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        config.hook.pytest_deselected(items=browser)
        items[:] = [item for item in items if not item.get_closest_marker("browser")]

"""The reports as a reader sees them: ``index.html`` and every report, opened from disk in headless Chromium.

Each page must load with no console error (nothing fetched from the network,
no script failing), every image must load and every link resolve; a screenshot
of each goes into the test's temporary folder. Skipped with one line where
Chromium or its driver is missing (see ``tests/browser.py``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from analysis.paths import SEEDS
from analysis.reporting.runner import build
from browser import chromium, console_errors, require, screenshot

pytestmark = pytest.mark.browser

EXPLORE = "05-explore"
BROKEN_IMAGES = "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
# Links a reader can see and follow: a library's fallback shown only while its script loads
# (itables' "Loading ITables... need help?") is gone once the page is ready.
LINKS = "return [...document.querySelectorAll('a[href]')].filter(a => a.getClientRects().length).map(a => a.href)"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    require()  # before building a report the test could not look at
    base = tmp_path_factory.mktemp("browser")
    shutil.copytree(SEEDS, base / "seeds")
    manifest = build(corpus=base / "seeds", out=base / "reports", figures=base / "figures", log=lambda m: None)
    return base / "reports", manifest


def unresolved(driver, page: Path) -> list[str]:
    """The page's links that lead nowhere: a missing file, or an anchor with no element of that id."""
    bad = []
    for href in driver.execute_script(LINKS):
        url = urlparse(href)
        if url.scheme != "file":
            bad.append(href)  # a report read from disk links only to files beside it
            continue
        target = Path(unquote(url.path))
        if not target.exists():
            bad.append(href)
        elif url.fragment and target == page and not driver.execute_script(
                "return document.getElementById(arguments[0]) !== null", unquote(url.fragment)):
            bad.append(href)
    return bad


def check_page(driver, page: Path, shots: Path) -> None:
    driver.get(page.as_uri())
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
    driver.execute_async_script("const done = arguments[0]; Promise.all([...document.images].map("
                                "i => i.decode().catch(() => null))).then(() => done())")
    assert console_errors(driver) == [], f"{page.name}: console errors"
    assert driver.execute_script(BROKEN_IMAGES) == [], f"{page.name}: images that did not load"
    assert unresolved(driver, page) == [], f"{page.name}: links that resolve to nothing"
    shown = driver.find_element("tag name", "body").text
    assert not re.search(r"\b\w+\(children=\(", shown), f"{page.name}: a widget shown as its Python repr"
    assert screenshot(driver, shots, page.stem).stat().st_size > 0


def test_the_index_and_every_report_open_cleanly_in_a_browser(report, tmp_path):
    folder, manifest = report
    with chromium() as driver:
        check_page(driver, folder / "index.html", tmp_path)
        assert len(driver.find_elements("css selector", "figure img")) == sum(
            c.endswith(".png") for c in manifest["charts"])
        for name, run in manifest["notebooks"].items():
            check_page(driver, folder / f"{name}.html", tmp_path)
            if run["outputs"]:
                assert len(driver.find_elements("css selector", "img")) >= len(
                    [c for c in run["outputs"] if c.endswith(".png")]), f"{name}.html does not show its charts"
            if name == EXPLORE:  # its tables are interactive from disk, and the article viewer is there
                assert driver.find_elements("css selector", "table.dataTable"), f"{name}.html: no interactive table"
                assert driver.find_elements("css selector", '.av-figure[data-part="first"]'), \
                    f"{name}.html: no highlighted figure"
        assert EXPLORE in manifest["notebooks"]

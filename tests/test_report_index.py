"""The report folder's index page: what it lists, and that every link is relative."""

from __future__ import annotations

import re
import shutil

import pytest

from analysis.paths import SEEDS
from analysis.reporting import index_page
from analysis.reporting.index_page import NotebookInfo, render
from analysis.reporting.runner import build

MANIFEST = {
    "corpus": "seeds", "corpus_summary": {"articles": 5, "bytes": 14243, "sha256": "ab" * 32},
    "built": "2026-11-22 10:00:00 UTC", "git_commit": "0123abc",
    "inputs": {"analysis/": "11" * 32, "requirements.lock": "22" * 32},
    "versions": {"python": "3.11.9", "pandas": "3.1.1"},
    "notebooks": {
        "02-strike-tempo": {"outputs": ["02-strike-tempo.png", "02-strike-tempo.svg"], "seconds": 1.5,
                            "parameters": {"corpus": "seeds", "actor": "coalition", "frequency": "week"}},
        "03-attack-counts": {"outputs": ["03-a.png", "03-b.png", "03-b.svg"], "seconds": 2.0,
                             "parameters": {"corpus": "seeds", "frequency": "day"}},
    },
}
INFOS = {"02-strike-tempo": NotebookInfo("Strike tempo", "Strikes per period."),
         "03-attack-counts": NotebookInfo("Attack <counts>", "Attacks & places.")}
FRAME_FILES = {"figures.csv", "figures.parquet", "events.parquet", "events_acled.csv", "frames.json"}


def hrefs(page: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]*)"', page)


def test_every_report_is_listed_with_its_charts_parameters_and_run():
    page = render(MANIFEST, INFOS, "../figures/", FRAME_FILES)
    for name in INFOS:
        assert f'href="{name}.html"' in page and f'href="{name}.ipynb"' in page
    assert 'src="../figures/02-strike-tempo.png"' in page and 'href="../figures/02-strike-tempo.svg"' in page
    assert 'src="../figures/03-a.png"' in page and 'href="../figures/03-a.svg"' not in page  # no SVG: links the PNG
    assert "<code>actor = coalition</code>" in page and "<code>frequency = day</code>" in page
    assert "Strikes per period." in page and "2026-11-22 10:00:00 UTC" in page and "0123abc" in page
    assert "14.2 kB" in page and "ab" * 32 in page and "11" * 32 in page and "pandas 3.1.1" in page


def test_frames_are_linked_only_when_they_exist():
    page = render(MANIFEST, INFOS, "../figures/", FRAME_FILES)
    links = set(hrefs(page))
    assert {"frames/figures.csv", "frames/figures.parquet", "frames/events.parquet", "frames/events_acled.csv",
            "frames/frames.json"} <= links
    assert "frames/events.csv" not in links and "frames/claims.csv" not in links


def test_names_are_escaped_and_every_link_is_relative():
    page = render(MANIFEST, INFOS, "../figures/", FRAME_FILES)
    assert "Attack &lt;counts&gt;" in page and "Attack <counts>" not in page
    assert all(not re.match(r"[a-z]+://|/", h) for h in hrefs(page)), hrefs(page)


def test_charts_href_is_relative_to_the_report_folder(tmp_path):
    assert index_page.charts_href(tmp_path / "reports", tmp_path / "figures") == "../figures/"
    assert index_page.charts_href(tmp_path / "r", tmp_path / "r" / "figures") == "figures/"
    assert index_page.charts_href(tmp_path / "r", tmp_path / "r") == ""


def test_notebook_title_and_summary_come_from_the_first_heading():
    cells = [{"cell_type": "code", "source": "x = 1"},
             {"cell_type": "markdown", "source": ["# Attack counts\n", "\n", "Attacks on\n", "bases.\n", "\n", "More."]}]
    assert index_page.notebook_info(cells, "03") == NotebookInfo("Attack counts", "Attacks on bases.")
    assert index_page.notebook_info([], "03") == NotebookInfo("03", "")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("index")
    shutil.copytree(SEEDS, base / "seeds")
    manifest = build(corpus=base / "seeds", out=base / "reports", figures=base / "figures", log=lambda m: None)
    return base, manifest


def test_the_report_writes_its_index_and_the_acled_export(built):
    base, manifest = built
    index = base / "reports" / "index.html"
    assert "index.html" in manifest["outputs"] and "frames/events_acled.csv" in manifest["outputs"]
    page = index.read_text(encoding="utf-8")
    for link in hrefs(page):
        target = link.split("#")[0]
        if target:
            assert (index.parent / target).is_file(), f"index.html links to a missing file: {link}"
    for name in manifest["notebooks"]:
        assert f'href="{name}.html"' in page
    for chart in manifest["charts"]:
        if chart.endswith(".png"):
            assert f'src="../figures/{chart}"' in page


def test_a_missing_index_is_written_again(built):
    base, _ = built
    index = base / "reports" / "index.html"
    index.unlink()
    logs: list[str] = []
    build(corpus=base / "seeds", out=base / "reports", figures=base / "figures", log=logs.append)
    assert index.is_file(), logs
    assert not any("running" in m and "notebook(s)" in m and not m.startswith("report: running 0") for m in logs), logs


def test_a_summary_renders_its_inline_markdown_and_escapes_the_rest():
    page = render(MANIFEST, {"02-strike-tempo": NotebookInfo("T", "an **article viewer**, `make lab`, <b>, 3 * 4 * 5")},
                  "../figures/", FRAME_FILES)
    assert "an <strong>article viewer</strong>, <code>make lab</code>, &lt;b&gt;, 3 * 4 * 5" in page
    assert "**" not in page and "`" not in page

"""The batch report: one unit per corpus, honest about what is up to date, parameters honoured and recorded."""

import json
import re
import shutil
import subprocess
import sys

import pytest

from analysis.outputs import unit
from analysis.tables.frames import read_frames
from analysis.reporting.notebook import ParameterError, check
from analysis.paths import NOTEBOOKS, PARAMETERS, ROOT, SEEDS
from analysis.reporting.runner import ReportError, build
from analysis.reporting.tempo import strike_tempo

NAMES = ["01-corpus-overview", "02-strike-tempo", "03-attack-counts", "04-claims-and-sources", "05-explore"]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """A full report of a copy of the seeds, in a temporary folder."""
    base = tmp_path_factory.mktemp("report")
    corpus = base / "seeds"
    shutil.copytree(SEEDS, corpus)
    reports, figures = base / "reports", base / "figures"
    manifest = build(corpus=corpus, out=reports, figures=figures, log=lambda m: None)
    return corpus, reports, figures, manifest


def test_the_report_is_one_unit_with_hashes(seeds_report):
    corpus, reports, figures, manifest = seeds_report
    assert sorted(manifest["notebooks"]) == NAMES
    on_disk = json.loads((reports / "manifest.json").read_text())
    assert on_disk["corpus_path"] == str(corpus) and on_disk["git_commit"] and on_disk["versions"]["papermill"]
    assert not unit.verify(on_disk["outputs"], reports) and not unit.verify(on_disk["charts"], figures)
    assert {f"{n}.ipynb" for n in NAMES} | {f"{n}.html" for n in NAMES} | {"frames/figures.parquet"} \
        <= set(on_disk["outputs"])
    assert {"02-strike-tempo.png", "03-attack-counts.svg"} <= set(on_disk["charts"])
    assert len(read_frames(reports / "frames").articles) == 5
    assert not list(reports.glob(".staging-*")) and not (reports / unit.JOURNAL).exists()


def test_the_manifests_summarise_the_corpus_in_three_numbers(seeds_report):
    corpus, reports, _, _ = seeds_report
    articles = sorted(corpus.glob("*.txt"))
    for manifest in (reports / "manifest.json", reports / "frames" / "frames.json"):
        data = json.loads(manifest.read_text())
        summary = data["corpus_summary"]
        assert summary["articles"] == len(articles) == 5
        assert summary["bytes"] == sum(p.stat().st_size for p in articles)
        assert re.fullmatch(r"[0-9a-f]{64}", summary["sha256"])
        # No corpus file is listed one by one: the manifest stays small however large the corpus.
        assert not any(p.name in manifest.read_text() for p in articles)


def test_reports_read_clean_and_record_their_parameters(seeds_report):
    corpus, reports, figures, manifest = seeds_report
    for name in NAMES:
        html = (reports / f"{name}.html").read_text(encoding="utf-8")
        assert ".staging-" not in html and "NBVAL" not in html
        images = len(re.findall(r"<img [^>]*src=\"data:image/png", html))
        charts = len(manifest["notebooks"][name]["outputs"]) // 2  # PNG + SVG per chart
        assert images == charts, name  # each chart shown once
        nb = json.loads((reports / f"{name}.ipynb").read_text(encoding="utf-8"))
        injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
        source = "".join(injected[0]["source"])
        assert f'corpus = "{corpus}"' in source and ".staging-" not in source
        assert nb["metadata"]["papermill"]["parameters"] == manifest["notebooks"][name]["parameters"]
    assert manifest["notebooks"]["02-strike-tempo"]["parameters"]["frequency"] == "week"


def test_up_to_date_only_when_the_disk_matches_the_manifest(seeds_report):
    corpus, reports, figures, manifest = seeds_report
    logs = []
    build(corpus=corpus, out=reports, figures=figures, log=logs.append)
    assert logs and logs[0].startswith("report: up to date")
    # A chart changed on disk: its notebook (only) runs again and restores it.
    chart = figures / "02-strike-tempo.png"
    good = chart.read_bytes()
    chart.write_bytes(b"not a chart")
    logs.clear()
    build(corpus=corpus, out=reports, figures=figures, log=logs.append)
    assert any("missing or changed on disk" in m for m in logs)
    assert any(m.startswith("report: running 1 notebook(s)") and "02-strike-tempo" in m for m in logs)
    assert chart.read_bytes() == good


def test_a_failing_notebook_leaves_the_previous_unit_whole(seeds_report, tmp_path):
    corpus, reports, figures, manifest = seeds_report
    before = {p: p.read_bytes() for d in (reports, figures) for p in d.rglob("*") if p.is_file()
              and p.name != unit.LOCK}
    bad = tmp_path / "parameters.yaml"
    bad.write_text(PARAMETERS.read_text().replace("frequency: week", "frequency: fortnight"))
    with pytest.raises(ReportError, match=r"notebook 02-strike-tempo failed at code cell \d+: ParameterError: frequency"):
        build(corpus=corpus, out=reports, figures=figures, log=lambda m: None, parameters=bad, force=True)
    after = {p: p.read_bytes() for d in (reports, figures) for p in d.rglob("*") if p.is_file()
             and p.name != unit.LOCK}
    assert after == before


def test_another_corpus_gets_its_own_unit_and_its_own_data(seeds_report, tmp_path):
    corpus, reports, figures, manifest = seeds_report
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEEDS / "002_2ac9c9dba68d0f43.txt", other)
    with pytest.raises(ReportError, match="holds the report of"):
        build(corpus=other, out=reports, figures=figures, log=lambda m: None)
    mine = build(corpus=other, out=tmp_path / "rep", log=lambda m: None, overrides={"frequency": "month"})
    assert mine["figures_dir"] == str(tmp_path / "rep" / "figures")
    assert mine["notebooks"]["03-attack-counts"]["parameters"]["frequency"] == "month"
    summary = json.loads((tmp_path / "rep" / "01-corpus-overview.ipynb").read_text())
    text = "".join("".join(o.get("text", "")) for c in summary["cells"] for o in c.get("outputs", []))
    assert "002_2ac9c9dba68d0f43.txt" in text and "000_bd6776079caf143e.txt" not in text
    assert json.loads((reports / "manifest.json").read_text())["corpus_path"] == str(corpus)


def test_unknown_parameters_are_refused_with_the_valid_ones(tmp_path):
    bad = tmp_path / "parameters.yaml"
    bad.write_text(PARAMETERS.read_text().replace("frequency: week", "frequncy: week"))
    with pytest.raises(ReportError, match=r"unknown parameter 'frequncy'; valid parameters: actor, end, frequency"):
        build(out=tmp_path / "r", parameters=bad, log=lambda m: None)
    with pytest.raises(ReportError, match="unknown parameter 'colour'"):
        build(out=tmp_path / "r", overrides={"colour": "red"}, log=lambda m: None)


def test_a_report_on_an_empty_corpus_says_so_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ReportError, match="no articles to report on"):
        build(corpus=empty, out=tmp_path / "r", log=lambda m: None)
    assert not (tmp_path / "r" / "manifest.json").exists()


def test_papermill_honours_the_corpus_parameter(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEEDS / "004_e5d91137745b3503.txt", other)
    nb = NOTEBOOKS / "01-corpus-overview.ipynb"
    ok = subprocess.run([sys.executable, "-m", "papermill", str(nb), str(tmp_path / "out.ipynb"), "-k", "python3",
                         "-r", "corpus", str(other), "-r", "figures_dir", str(tmp_path / "charts")],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr[-2000:]
    shown = (tmp_path / "out.ipynb").read_text()
    assert "004_e5d91137745b3503.txt" in shown and "000_bd6776079caf143e.txt" not in shown
    missing = subprocess.run([sys.executable, "-m", "papermill", str(nb), str(tmp_path / "bad.ipynb"), "-k", "python3",
                              "-r", "corpus", "/no/such/folder"], capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode != 0
    assert "corpus folder not found: /no/such/folder" in missing.stderr


def test_parameters_are_checked():
    with pytest.raises(ParameterError, match="frequency must be one of"):
        check(frequency="fortnight")
    with pytest.raises(ParameterError, match="is before start"):
        check(start="2021-03-01", end="2021-01-01")
    with pytest.raises(ParameterError, match="actor must be one of"):
        check(actor="martians")


def test_strike_tempo_keeps_bounds_as_bounds(seed_frames):
    table = strike_tempo(seed_frames.figures, seed_frames.claims, seed_frames.articles, frequency="day")
    by_text = table.set_index("text")
    more = by_text.loc["plus de 150"]
    assert more["kind"] == "at_least" and more["rate_low"] == pytest.approx(151 / 31) and more["rate_high"] != more["rate_high"]
    less = by_text.loc["moins de 120"]
    assert less["kind"] == "at_most" and less["rate_high"] == pytest.approx(119 / 366)
    assert by_text.loc["312", "source"] == "Wayne Marotto (tweet)"


def test_the_report_runs_on_a_mixed_language_corpus(tmp_path):
    """French and English articles together: every notebook runs, the attack reported in both is one event."""
    corpus = tmp_path / "mixed"
    shutil.copytree(ROOT / "tests" / "corpus_mixed", corpus)
    manifest = build(corpus=corpus, out=tmp_path / "reports", figures=tmp_path / "figures", log=lambda m: None)
    assert sorted(manifest["notebooks"]) == NAMES
    for name in NAMES:
        nb = json.loads((tmp_path / "reports" / f"{name}.ipynb").read_text())
        errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, (name, errors)
    assert list((tmp_path / "figures").glob("*.png"))
    overview = json.loads((tmp_path / "reports" / "01-corpus-overview.ipynb").read_text())
    text = "".join("".join(o.get("text", "")) for c in overview["cells"] for o in c.get("outputs", []))
    assert "en_uncatalogued_strike.txt" in text and "fr_roquettes_ain_al_assad.txt" in text

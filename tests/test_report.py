"""The batch report: notebooks run, charts and manifest written, nothing rerun without a change."""

import json
import time

import pytest

from analysis.notebook import ParameterError, check
from analysis.paths import PARAMETERS
from analysis.report import ReportError, build
from analysis.tempo import strike_tempo


def test_full_report_on_the_seeds(tmp_path):
    reports, figures = tmp_path / "reports", tmp_path / "figures"
    logs = []
    manifest = build(reports=reports, figures=figures, log=logs.append)
    names = ["01-corpus-overview", "02-strike-tempo", "03-attack-counts", "04-claims-and-sources"]
    assert sorted(manifest["notebooks"]) == names
    for name in names:
        assert (reports / f"{name}.ipynb").is_file() and (reports / f"{name}.html").is_file()
        for out in manifest["notebooks"][name]["outputs"]:
            assert (figures / out).stat().st_size > 1000
        assert manifest["notebooks"][name]["seconds"] > 0
    assert {"02-strike-tempo.png", "02-strike-tempo.svg", "03-attack-counts.png"} <= {p.name for p in figures.iterdir()}
    on_disk = json.loads((reports / "manifest.json").read_text())
    assert on_disk["git_commit"] and on_disk["versions"]["papermill"] and on_disk["versions"]["pandas"]
    assert "requirements.lock" in on_disk["inputs"] and "seeds/catalog.csv" in on_disk["inputs"]
    assert "notebooks/02-strike-tempo.ipynb" in on_disk["inputs"]
    assert set(on_disk["outputs"]) == {f"figures/{o}" for n in names for o in on_disk["notebooks"][n]["outputs"]}

    # Nothing changed: no kernel, an answer at once.
    logs.clear()
    t0 = time.perf_counter()
    build(reports=reports, figures=figures, log=logs.append)
    assert time.perf_counter() - t0 < 2
    assert logs == ["report: up to date, nothing to run"]

    # A failing notebook names itself, the cell and the error, and leaves the good outputs alone.
    before = {p.name: p.read_bytes() for p in figures.iterdir()}
    bad = tmp_path / "parameters.yaml"
    bad.write_text(PARAMETERS.read_text().replace("frequency: week", "frequency: fortnight"))
    with pytest.raises(ReportError, match=r"notebook 02-strike-tempo failed at code cell \d+: ParameterError: frequency"):
        build(reports=reports, figures=figures, log=logs.append, parameters=bad)
    assert {p.name: p.read_bytes() for p in figures.iterdir()} == before


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

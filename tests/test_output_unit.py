"""Frames are one unit: a failed or killed write leaves the previous frames whole,
two writers never mix, and one corpus' frames never silently replace another's."""

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analysis.outputs import unit
from analysis.tables.frames import FramesError, default_dir, manifest, read_frames
from analysis.reporting.notebook import ParameterError, load
from analysis.paths import FRAMES, SEEDS
from analysis.pipeline import build_frames, extract
from analysis.tables.stream import FrameWriter


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True)


@pytest.fixture
def two_corpora(tmp_path):
    """The seeds, and a second corpus of two of them."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    other = tmp_path / "other"
    other.mkdir()
    for name in ("002_2ac9c9dba68d0f43.txt", "004_e5d91137745b3503.txt"):
        shutil.copy(SEEDS / name, other / name)
    return seeds, other


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != unit.LOCK}


def test_a_write_failing_halfway_leaves_the_previous_frames_whole(two_corpora, tmp_path, monkeypatch):
    seeds, other = two_corpora
    out = tmp_path / "out"
    extract(seeds, out)
    before = snapshot(out)
    calls = {"n": 0}
    real = FrameWriter.write

    def failing(self, *a, **kw):  # the third frame piece's write fails
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full (injected)")
        return real(self, *a, **kw)

    monkeypatch.setattr(FrameWriter, "write", failing)
    with pytest.raises(OSError, match="injected"):
        extract(other, out, replace=True)
    assert calls["n"] == 3
    monkeypatch.undo()
    assert snapshot(out) == before
    assert len(read_frames(out).articles) == 5


def test_a_commit_killed_midway_is_finished_by_the_next_reader(two_corpora, tmp_path, monkeypatch):
    seeds, other = two_corpora
    out = tmp_path / "out"
    extract(seeds, out)
    moved = {"n": 0}
    real = unit._move

    def dying(src, dst):  # killed after three files are in place
        if moved["n"] == 3:
            raise KeyboardInterrupt
        moved["n"] += 1
        real(src, dst)

    monkeypatch.setattr(unit, "_move", dying)
    with pytest.raises(KeyboardInterrupt):
        extract(other, out, replace=True)
    monkeypatch.undo()
    assert not (out / "frames.json").exists()  # in transition: no manifest vouches for a mixture
    frames = read_frames(out)  # rolls the commit forward
    assert sorted(frames.articles["file"]) == ["002_2ac9c9dba68d0f43.txt", "004_e5d91137745b3503.txt"]
    assert list(frames.figures["figure_id"]) == list(build_frames(other).figures["figure_id"])
    assert manifest(out)["corpus"] == str(other.resolve())
    assert not unit.pending(out)


def test_changed_files_are_refused_not_mixed(two_corpora, tmp_path):
    seeds, _ = two_corpora
    out = tmp_path / "out"
    extract(seeds, out)
    shutil.copy(out / "articles.parquet", out / "figures.parquet")
    with pytest.raises(FramesError, match="figures.parquet missing or changed"):
        read_frames(out)


def test_frames_of_another_corpus_are_not_replaced_silently(two_corpora, tmp_path):
    seeds, other = two_corpora
    out = tmp_path / "out"
    assert run("extract", str(seeds), "--out", str(out), "-q").returncode == 0
    refused = run("extract", str(other), "--out", str(out), "-q")
    assert refused.returncode == 2
    assert f"holds the frames of {seeds.resolve()}" in refused.stderr
    assert len(read_frames(out).articles) == 5
    assert run("extract", str(other), "--out", str(out), "-q", "--force").returncode == 0
    assert len(read_frames(out).articles) == 2


def test_a_second_writer_is_refused_with_the_holder_named(two_corpora, tmp_path):
    seeds, _ = two_corpora
    out = tmp_path / "out"
    with unit.locked(out):
        busy = run("extract", str(seeds), "--out", str(out), "-q")
    assert busy.returncode == 1
    assert "is being written by another run (pid" in busy.stderr
    assert not (out / "frames.json").exists()


def test_extract_defaults_to_one_folder_per_corpus(two_corpora, tmp_path):
    seeds, other = two_corpora
    namesake = tmp_path / "elsewhere" / "seeds"  # another corpus with the same folder name
    namesake.mkdir(parents=True)
    shutil.copy(other / "002_2ac9c9dba68d0f43.txt", namesake)
    for corpus in (seeds, other, namesake):
        assert run("extract", str(corpus), "-q").returncode == 0
    assert manifest(default_dir(seeds))["corpus"] == str(seeds.resolve())
    assert manifest(default_dir(namesake))["corpus"] == str(namesake.resolve())
    assert len(read_frames(default_dir(seeds)).articles) == 5
    assert len(read_frames(FRAMES / "other").articles) == 2
    assert len(read_frames(default_dir(namesake)).articles) == 1


def test_notebook_frames_follow_the_corpus_parameter(two_corpora, tmp_path):
    seeds, other = two_corpora
    assert len(load(seeds).articles) == 5
    assert len(load(other).articles) == 2  # not the seeds' frames lying in build/
    # A changed corpus is extracted again, not served stale.
    (other / "004_e5d91137745b3503.txt").unlink()
    assert len(load(other).articles) == 1
    with pytest.raises(ParameterError, match="corpus folder not found"):
        load(tmp_path / "no" / "such")
    with pytest.raises(ParameterError, match="holds the frames of"):
        load(other, frames=default_dir(seeds))
    (seeds / "000_bd6776079caf143e.txt").unlink()
    with pytest.raises(ParameterError, match="out of date"):
        load(seeds, frames=default_dir(seeds))


def test_read_frames_reads_only_the_columns_asked(two_corpora, tmp_path):
    seeds, _ = two_corpora
    out = tmp_path / "out"
    extract(seeds, out)
    frames = read_frames(out, columns={"figures": ["file", "value"], "claims": ["claim_id"]})
    assert list(frames.figures.columns) == ["file", "value"]
    assert list(frames.claims.columns) == ["claim_id"]
    assert len(frames.figures) == len(read_frames(out).figures) > 0
    assert list(frames.articles.columns) == list(read_frames(out).articles.columns)  # others whole
    with pytest.raises(ValueError, match="no frame named"):
        read_frames(out, columns={"figure": ["file"]})

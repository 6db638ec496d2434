"""Extraction in worker processes gives the frames of one process, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from analysis.pipeline import build_frames, write_frames

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "data" / "annotations" / "devset" / "articles"


def test_two_workers_write_the_same_bytes_as_one(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    write_frames(build_frames(DEVSET, jobs=1), one)
    frames = build_frames(DEVSET, jobs=2)
    write_frames(frames, two)
    assert len(frames.figures) > 50
    names = sorted(p.name for p in one.iterdir() if p.suffix in (".csv", ".parquet"))
    assert names and names == sorted(p.name for p in two.iterdir() if p.suffix in (".csv", ".parquet"))
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_workers_keep_corpus_order_and_warnings(tmp_path):
    mixed = ROOT / "tests" / "corpus_mixed"
    serial, parallel = build_frames(mixed, jobs=1), build_frames(mixed, jobs=3)
    pd.testing.assert_frame_equal(serial.articles, parallel.articles)
    pd.testing.assert_frame_equal(serial.claims, parallel.claims)
    assert serial.warnings == parallel.warnings


def test_jobs_must_be_positive(tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", str(DEVSET), "--out", str(tmp_path / "o"),
                          "--jobs", "0", "-q"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0 and "--jobs must be at least 1" in run.stderr

"""Extraction in batches, in worker processes or on a Dask cluster, gives the frames of one process,
byte for byte; a corpus is written a batch at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import executors
from analysis.batches import batch_size
from analysis.pipeline import build_frames, extract, write_frames
from analysis.tables.frames import FRAME_NAMES, read_frames

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "data" / "annotations" / "devset" / "articles"


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".csv", ".parquet")}


def test_two_workers_write_the_same_bytes_as_one(tmp_path):
    extract(DEVSET, tmp_path / "one", jobs=1)
    extract(DEVSET, tmp_path / "two", jobs=2)
    one, two = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    assert len(one) == 2 * len(FRAME_NAMES) and one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], name


def test_a_corpus_is_written_one_batch_at_a_time(tmp_path):
    extract(DEVSET, tmp_path / "out")
    n_batches = -(-17 // batch_size(17))
    assert n_batches > 1
    # Every batch is a row group of its own: the figures were never held whole.
    assert pq.ParquetFile(tmp_path / "out" / "figures.parquet").num_row_groups == n_batches


@pytest.mark.parametrize("corpus", [DEVSET, ROOT / "tests" / "corpus_bad", ROOT / "tests" / "corpus_mixed"])
def test_streamed_frames_are_the_frames_built_in_memory(corpus, tmp_path):
    write_frames(build_frames(corpus), tmp_path / "memory")
    extract(corpus, tmp_path / "streamed", jobs=2)
    memory, streamed = read_frames(tmp_path / "memory"), read_frames(tmp_path / "streamed")
    for name in FRAME_NAMES:
        pd.testing.assert_frame_equal(getattr(memory, name), getattr(streamed, name), obj=name)
    assert len(memory.figures) > 0


def test_workers_keep_corpus_order_and_warnings():
    mixed = ROOT / "tests" / "corpus_mixed"
    serial, parallel = build_frames(mixed, jobs=1), build_frames(mixed, jobs=3)
    pd.testing.assert_frame_equal(serial.articles, parallel.articles)
    pd.testing.assert_frame_equal(serial.claims, parallel.claims)
    assert serial.warnings == parallel.warnings


def test_batches_in_flight_are_bounded():
    submitted, consumed = [], []

    def submit(item):
        submitted.append(item)
        assert len(submitted) - len(consumed) <= 3, "more than the window in flight"
        return item

    out = []
    for r in executors._windowed(submit, lambda r: r, list(range(10)), window=3):
        consumed.append(r)
        out.append(r)
    assert out == list(range(10))


def test_a_local_dask_cluster_writes_the_same_bytes(tmp_path):
    pytest.importorskip("distributed")
    extract(DEVSET, tmp_path / "one", jobs=1)
    extract(DEVSET, tmp_path / "dask", jobs=2, scheduler="local")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "dask")


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", str(DEVSET), "--out", str(tmp_path / "o"),
                          "--scheduler", "tcp://127.0.0.1:9", "-q"], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert run.returncode == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "o" / "frames.json").exists()


def test_a_corpus_behind_an_fsspec_url_gives_the_same_frames(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for p in (ROOT / "seeds").iterdir():
        fs.pipe(f"/corpus-test/{p.name}", p.read_bytes())
    try:
        extract("memory://corpus-test", tmp_path / "remote")
        extract(ROOT / "seeds", tmp_path / "local")
    finally:
        fs.rm("/corpus-test", recursive=True)
    remote, local = read_frames(tmp_path / "remote"), read_frames(tmp_path / "local")
    for name in FRAME_NAMES:
        pd.testing.assert_frame_equal(getattr(local, name), getattr(remote, name), obj=name)
    manifest = (tmp_path / "remote" / "frames.json").read_text()
    assert "memory://corpus-test" in manifest


def test_jobs_must_be_positive(tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", str(DEVSET), "--out", str(tmp_path / "o"),
                          "--jobs", "0", "-q"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0 and "--jobs must be at least 1" in run.stderr


def test_speaker_keys_are_unified_across_batches(tmp_path):
    """A source named with its acronym in the first batch and without it in the last is one speaker."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 2 * batch_size(10) + 1
    for i in range(n):
        (corpus / f"a{i:02d}.txt").write_text(
            f"Article {i} sur la guerre en Syrie et les combats dans la région de Deir Ezzor.\n", encoding="utf-8")
    with open(corpus / "a00.txt", "a", encoding="utf-8") as fh:
        fh.write("Au moins 12 civils ont été tués près de Raqqa, selon l'Observatoire syrien des droits de "
                 "l'homme (OSDH).\n")
    with open(corpus / f"a{n - 1:02d}.txt", "a", encoding="utf-8") as fh:
        fh.write("Au moins 15 civils ont été tués près de Hajin, selon l'Observatoire syrien des droits de "
                 "l'homme.\n")
    extract(corpus, tmp_path / "out", jobs=2)
    claims = read_frames(tmp_path / "out").claims
    assert len(claims) == 2
    assert set(claims["speaker_id"]) == {"observatoire syrien des droits de l homme (osdh)"}
    csv = (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8")
    assert csv.count("observatoire syrien des droits de l homme (osdh)") == 2


def test_parquet_only_when_asked(tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", str(ROOT / "seeds"), "--out",
                          str(tmp_path / "o"), "--no-csv", "-q"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert not list((tmp_path / "o").glob("*.csv"))
    assert len(list((tmp_path / "o").glob("*.parquet"))) == len(FRAME_NAMES)
    assert len(read_frames(tmp_path / "o").figures) > 0

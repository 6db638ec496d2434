"""The command line, end to end: extract writes the frames, evaluate scores them."""

import subprocess
import sys

import pandas as pd

from analysis.paths import GOLD, SEEDS


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd)


def test_extract_writes_frames_and_rejects(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in SEEDS.iterdir():
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    # Run from elsewhere: nothing may depend on the working directory.
    result = run("extract", str(corpus), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"rejected: {corpus / 'empty.txt'}: empty file" in result.stderr
    for name in ("articles", "figures", "rejected"):
        assert (out / f"{name}.parquet").is_file() and (out / f"{name}.csv").is_file()
    articles = pd.read_parquet(out / "articles.parquet")
    assert len(articles) == 5
    rejected = pd.read_csv(out / "rejected.csv")
    assert list(rejected["file"]) == ["empty.txt"]
    figures = pd.read_parquet(out / "figures.parquet")
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for row in figures.itertuples():
        assert texts[row.file][row.start:row.end] == row.text

    result = run("evaluate", "--gold", str(GOLD / "figures.csv"), "--pred", str(out), "--min-f1", "0.95")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "F1" in result.stdout


def test_usage_errors_exit_2(tmp_path):
    result = run("extract", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "corpus folder not found" in result.stderr
    result = run("evaluate", "--gold", str(tmp_path / "nope.csv"), "--pred", str(tmp_path))
    assert result.returncode == 2
    assert "gold file not found" in result.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("file,start\nx,1\n")
    result = run("evaluate", "--gold", str(bad), "--pred", str(tmp_path))
    assert result.returncode == 2 and "missing column(s) end, kind" in result.stderr
    result = run("frobnicate")
    assert result.returncode == 2

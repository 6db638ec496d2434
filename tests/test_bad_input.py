"""Bad input fails loudly, one file at a time, and loses nothing."""

import subprocess
import sys

import pandas as pd
import pytest

from analysis.paths import ROOT, SEEDS

BAD = ROOT / "tests" / "corpus_bad"


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    sys.path.insert(0, str(BAD))
    try:
        from make_bad_files import make
    finally:
        sys.path.pop(0)
    return make(tmp_path_factory.mktemp("corpus_bad"))


def test_every_bad_file_is_loaded_or_rejected_with_its_reason(bad_corpus, tmp_path):
    out = tmp_path / "out"
    result = run("extract", str(bad_corpus), "--out", str(out), "-q")
    assert result.returncode == 0, result.stderr
    rejected = dict(pd.read_csv(out / "rejected.csv").itertuples(index=False))
    assert rejected == {
        "binary.txt": "binary file (NUL bytes), not text",
        "dup_b copie.txt": "duplicate of dup_a.txt (same text)",
        "empty.txt": "empty file",
        "huge.txt": f"too large ({(bad_corpus / 'huge.txt').stat().st_size / 1e6:.1f} MB > 5.0 MB limit)",
        "outside.txt": f"symbolic link to {(bad_corpus / 'outside.txt').resolve()}, outside the corpus",
        "page.txt": "an HTML page, not article text (extract its text first)",
    }
    for name, reason in rejected.items():
        assert f"rejected: {bad_corpus / name}: {reason}" in result.stderr
    articles = pd.read_parquet(out / "articles.parquet").set_index("file")
    assert sorted(articles.index) == ["cp1252.txt", "crlf.txt", "dup_a.txt", "latin1.txt", "no_newline.txt",
                                      "nom avec espaces é.txt", "utf16_bom.txt"]
    assert articles.loc["utf16_bom.txt", "encoding"] == "utf-16"
    assert articles.loc["cp1252.txt", "encoding"] == "cp1252"
    # The catalog's problems are reported, and its good rows used.
    assert "latin1.txt: bad date '10/03/2021'" in result.stderr
    assert "missing.txt is listed but not in the corpus folder" in result.stderr
    assert articles.loc["crlf.txt", "outlet"] == "AFP" and articles.loc["latin1.txt", "published"] == ""
    figures = pd.read_parquet(out / "figures.parquet")
    texts = {"latin1.txt": "trois", "cp1252.txt": "15", "crlf.txt": "12", "utf16_bom.txt": "Huit",
             "no_newline.txt": "Cinq", "nom avec espaces é.txt": "Plus de 300"}
    for file, text in texts.items():
        assert text in set(figures.loc[figures["file"] == file, "text"]), file


def test_decoded_texts_keep_their_offsets(bad_corpus):
    from analysis.corpus.reader import load_corpus
    from analysis.extraction import extract_figures

    corpus = load_corpus(bad_corpus)
    for file, text in corpus.texts.items():
        for row in extract_figures(text, file=file):
            assert text[row["start"]:row["end"]] == row["text"]
    assert corpus.texts["latin1.txt"].startswith("Les forces irakiennes ont repris trois villages à l'été")
    assert "\r\n" in corpus.texts["crlf.txt"]


@pytest.mark.parametrize("args,message", [
    (["extract", "/nonexistent/corpus"], "corpus folder not found"),
    (["extract", "seeds", "--max-mb", "-1"], "--max-mb must be positive"),
    (["extract", "seeds", "--language", "klingon"], "invalid choice"),
    (["evaluate", "--pred", "build/frames"], "give --gold"),
    (["report", "--corpus", "/nonexistent/corpus"], "corpus folder not found"),
])
def test_bad_command_line_parameters_exit_2(args, message):
    result = run(*args, cwd=ROOT)
    assert result.returncode == 2
    assert message in result.stderr


def test_two_runs_give_byte_identical_frames_and_charts(tmp_path):
    from analysis.reporting import plots, tempo
    from analysis.pipeline import build_frames, write_frames

    for run_dir in ("one", "two"):
        frames = build_frames(SEEDS)
        write_frames(frames, tmp_path / run_dir)
        fig = plots.attack_counts(tempo.attack_counts(frames.events, "day"), "day")
        plots.save(fig, tmp_path / run_dir, "chart")
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir() if not p.name.startswith(".")}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir() if not p.name.startswith(".")}
    assert one.keys() == two.keys() and len(one) == 13  # 5 frames x (Parquet, CSV), frames.json, PNG, SVG
    for name in one:
        assert one[name] == two[name], name

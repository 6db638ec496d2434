"""Incremental extraction: articles unchanged since the previous frames keep their rows, the others are
extracted, the events are merged again; the frames are those of a full extraction."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import batches
from analysis.pipeline import extract
from analysis.tables.frames import FRAME_NAMES, read_frames

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "data" / "annotations" / "devset" / "articles"


@pytest.fixture
def corpus(tmp_path):
    """The development set without its last three articles (added later by the tests)."""
    folder = tmp_path / "corpus"
    shutil.copytree(DEVSET, folder)
    held = sorted(folder.glob("*.txt"))[-3:]
    kept = tmp_path / "later"
    kept.mkdir()
    for p in held:
        shutil.move(p, kept / p.name)
    return folder, kept


def same_frames(a: Path, b: Path) -> None:
    fa, fb = read_frames(a), read_frames(b)
    for name in FRAME_NAMES:
        pd.testing.assert_frame_equal(getattr(fa, name), getattr(fb, name), obj=name)


def counting(monkeypatch) -> list[str]:
    extracted = []
    real = batches.extract_article

    def spy(text, **kw):
        extracted.append(kw["file"])
        return real(text, **kw)

    monkeypatch.setattr(batches, "extract_article", spy)
    return extracted


def again(folder: Path, out: Path, monkeypatch):
    """Extract ``folder`` into ``out`` again; return the files extracted and the result, after checking
    that the frames are those of a full extraction."""
    extracted = counting(monkeypatch)
    result = extract(folder, out)
    monkeypatch.undo()
    extract(folder, out.with_name("full"), incremental=False)
    same_frames(out, out.with_name("full"))
    return extracted, result


def test_added_articles_are_the_only_ones_extracted(corpus, tmp_path, monkeypatch):
    folder, later = corpus
    out = tmp_path / "out"
    extract(folder, out)
    for p in later.iterdir():
        shutil.copy(p, folder / p.name)
    extracted, result = again(folder, out, monkeypatch)
    assert sorted(extracted) == sorted(p.name for p in later.iterdir())
    assert result.reused == 14


def test_a_changed_article_is_extracted_again(corpus, tmp_path, monkeypatch):
    folder, _ = corpus
    out = tmp_path / "out"
    extract(folder, out)
    changed = sorted(folder.glob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nTrois roquettes ont visé la base d'Ain al-Asad "
                       "mardi, a indiqué la coalition.\n", encoding="utf-8")
    extracted, result = again(folder, out, monkeypatch)
    assert extracted == [changed.name] and result.reused == 13


def test_other_options_or_damaged_frames_lend_nothing(corpus, tmp_path, monkeypatch):
    folder, _ = corpus
    out = tmp_path / "out"
    extract(folder, out)
    extracted = counting(monkeypatch)
    assert extract(folder, out, default_language="en").reused == 0  # another extractor key
    assert len(extracted) == 14
    extract(folder, out)
    with open(out / "figures.parquet", "ab") as fh:
        fh.write(b"damaged")
    assert extract(folder, out).reused == 0


def test_the_command_line_says_how_many_were_unchanged(corpus, tmp_path):
    folder, later = corpus
    out = tmp_path / "out"
    run = lambda *extra: subprocess.run([sys.executable, "-m", "analysis", "extract", str(folder), "--out",  # noqa
                                         str(out), "-q", *extra], capture_output=True, text=True, cwd=ROOT)
    assert run().returncode == 0
    shutil.copy(next(later.iterdir()), folder)
    second = run()
    assert second.returncode == 0 and "15 articles, 14 unchanged since the last run" in second.stderr
    third = run("--full")
    assert third.returncode == 0 and "unchanged" not in third.stderr

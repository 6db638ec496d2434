"""The benchmark corpus generator: unique articles, the same files for the same seed, a catalog, seed-like sizes."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import re
import statistics
import sys
from datetime import date
from pathlib import Path

import pytest

from analysis.pipeline import build_frames

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus_generator.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("corpus_generator", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gen = load_generator()


def texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


def digest(folder: Path) -> str:
    """One hash of every file of ``folder``, names included."""
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench") / "corpus"
    total = gen.write_corpus(folder, 600, seed=7)
    return folder, total


def test_every_article_is_unique(corpus):
    folder, _ = corpus
    bodies = texts(folder)
    assert len(bodies) == 600
    assert len(set(bodies.values())) == 600
    # Unique by more than the reference code: the text without it differs too.
    code = re.compile(r"\n(Story ID|Réf\. dépêche) ?: [A-Z]+\n$")
    stripped = [code.sub("", b.decode("utf-8")) for b in bodies.values()]
    assert all(len(s) < len(b) for s, b in zip(stripped, bodies.values()))
    assert len(set(stripped)) == 600


def test_reference_codes_are_distinct_consonant_words():
    indexes = [*range(5000), *range(20**6 - 50, 20**6 + 50), 999_999, 10**7]
    codes = [gen.reference_code(i) for i in indexes]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[BCDFGHJKLMNPQRSTVWXZ]{6,}", c) for c in codes)


def test_the_extractor_rejects_none_of_them(tmp_path):
    folder = tmp_path / "corpus"
    gen.write_corpus(folder, 40, seed=11)
    frames = build_frames(folder, progress=False)
    assert len(frames.rejected) == 0, frames.rejected.to_dict("records")
    assert len(frames.articles) == 40
    assert set(frames.articles["language"]) == {"fr", "en"}
    assert len(frames.figures) > 40  # seed-like: numbers everywhere


def test_same_seed_same_files_other_seed_other_files(corpus, tmp_path):
    folder, total = corpus
    again = tmp_path / "again"
    assert gen.write_corpus(again, 600, seed=7) == total
    assert digest(again) == digest(folder)
    other = tmp_path / "other"
    gen.write_corpus(other, 600, seed=8)
    assert digest(other) != digest(folder)
    assert not set(texts(other).values()) & set(texts(folder).values())


def test_catalog_lists_every_article_with_its_metadata(corpus):
    folder, _ = corpus
    with (folder / "catalog.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == ["file", "url", "outlet", "language", "published", "published_precision"]
    assert [r["file"] for r in rows] == list(texts(folder))
    assert len({r["url"] for r in rows}) == len(rows)
    english = sum(r["language"] == "en" for r in rows) / len(rows)
    assert 0.14 < english < 0.26, english
    assert {r["language"] for r in rows} == {"fr", "en"}
    assert {r["published_precision"] for r in rows} == {"day", "week"}
    for r in rows:
        published = date.fromisoformat(r["published"])
        assert date(2014, 8, 1) <= published <= date(2023, 1, 1)


def test_english_articles_read_as_english(corpus):
    folder, _ = corpus
    with (folder / "catalog.csv").open(encoding="utf-8", newline="") as fh:
        language = {r["file"]: r["language"] for r in csv.DictReader(fh)}
    for name, body in texts(folder).items():
        text = body.decode("utf-8")
        if language[name] == "en":
            assert "Story ID: " in text and "Réf. dépêche" not in text
        else:
            assert "Réf. dépêche : " in text and "Story ID" not in text


def test_sizes_are_seed_like(corpus):
    folder, total = corpus
    sizes = [len(b) for b in texts(folder).values()]
    assert sum(sizes) == total
    assert max(sizes) <= gen.MAX_BYTES
    assert min(sizes) >= gen.MIN_BYTES - 600  # only a short article may stop below its draw
    assert 4_000 <= statistics.mean(sizes) <= 4_400  # the issue 11 baseline: about 4.2 KB an article


def test_size_bounds_are_obeyed(tmp_path):
    gen.write_corpus(tmp_path / "small", 100, seed=3, english_share=0.0, min_bytes=2_000, max_bytes=2_500)
    sizes = [len(b) for b in texts(tmp_path / "small").values()]
    assert max(sizes) <= 2_500 and statistics.mean(sizes) > 2_000


def test_cached_corpus_is_reused_only_for_the_same_size_seed_and_version(tmp_path, monkeypatch):
    folder, total, reused = gen.cached_corpus(tmp_path, 30, seed=5)
    assert not reused and folder.parent == tmp_path
    marker = json.loads((folder / gen.MARKER).read_text(encoding="utf-8"))
    assert (marker["articles"], marker["seed"], marker["bytes"]) == (30, 5, total)
    before = digest(folder)
    first = folder / "bench_0000000.txt"
    first.write_text("changed by hand", encoding="utf-8")  # reuse must not even look at the files
    assert gen.cached_corpus(tmp_path, 30, seed=5) == (folder, total, True)
    assert first.read_text(encoding="utf-8") == "changed by hand"

    other, _, reused = gen.cached_corpus(tmp_path, 30, seed=6)
    assert not reused and other != folder
    bigger, _, reused = gen.cached_corpus(tmp_path, 31, seed=5)
    assert not reused and bigger != folder

    monkeypatch.setattr(gen, "GENERATOR_VERSION", gen.GENERATOR_VERSION + 1)
    _, _, reused = gen.cached_corpus(tmp_path, 30, seed=5)
    assert not reused and digest(folder) != before  # the marker changed
    assert first.read_text(encoding="utf-8") != "changed by hand"


def test_an_interrupted_generation_is_not_reused(tmp_path):
    folder, _, _ = gen.cached_corpus(tmp_path, 20, seed=5)
    (folder / gen.MARKER).unlink()  # as if killed before the marker was written
    (folder / "bench_0000019.txt").unlink()
    folder, _, reused = gen.cached_corpus(tmp_path, 20, seed=5)
    assert not reused and len(texts(folder)) == 20


def test_a_folder_with_other_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="did not write"):
        gen.write_corpus(tmp_path, 5, seed=1)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"

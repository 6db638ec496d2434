"""Languages: detection when the catalog is silent, and a corpus that mixes French and English.

``tests/corpus_mixed/`` holds an English and a French report of the same rocket
attack (both in the catalog) and an English article the catalog does not list.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.language import detect_language, resolve
from analysis.pipeline import build_frames, write_frames
from analysis.tables.export import acled_frame
from analysis.tables.schemas import ARTICLES

ROOT = Path(__file__).resolve().parents[1]
MIXED = Path(__file__).parent / "corpus_mixed"
CATALOGS = sorted(ROOT.glob("data/annotations/*/articles/catalog.csv")) + [ROOT / "seeds" / "catalog.csv"]


def _catalogued_articles():
    for catalog in CATALOGS:
        for row in csv.DictReader(catalog.open(encoding="utf-8")):
            yield catalog.parent / row["file"], row["language"]


def test_detection_agrees_with_every_annotated_catalog():
    """Every article whose language a person wrote down: the test must find the same one."""
    results = [(path.name, lang, detect_language(path.read_text(encoding="utf-8", errors="replace")).language)
               for path, lang in _catalogued_articles()]
    assert len(results) >= 50 and {lang for _, lang, _ in results} == {"en", "fr"}
    wrong = [r for r in results if r[1] != r[2]]
    assert not wrong, wrong


@pytest.mark.parametrize("text, expected", [
    ("The coalition said on Monday that three rockets were fired at the base, which hosts U.S. troops.", "en"),
    ("La coalition a indiqué lundi que trois roquettes ont été tirées contre la base, qui accueille des soldats.",
     "fr"),
    ("Three rockets.", None),  # too few words to tell: abstain
    # As many words of each: no clear winner, abstain.
    ("the base, la base, the troops, les troupes, the rockets, les roquettes, the coalition, la coalition, of, des",
     None),
    ("", None),
])
def test_detect_language(text, expected):
    assert detect_language(text).language == expected


def test_resolve_prefers_the_catalog_then_the_text_then_the_default():
    english = "The strikes were carried out by the coalition against the militia, the officials said on Friday."
    assert resolve("fr", english, "fr")[:2] == ("fr", "catalog")  # the catalog is the analyst's word
    assert resolve("", english, "fr")[:2] == ("en", "detected")
    assert resolve("", "Mosul, 2016.", "en")[:2] == ("en", "default")
    language, source, warning = resolve("de", english, "fr")
    assert (language, source) == ("en", "detected") and "'de'" in warning and "en, fr" in warning


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("mixed") / "corpus"
    shutil.copytree(MIXED, corpus)
    return build_frames(corpus, default_language="fr")


def test_mixed_corpus_records_each_language_and_how_it_was_decided(mixed):
    articles = mixed.articles.set_index("file")
    assert articles.loc["en_rockets_ain_al_asad.txt", ["language", "language_source"]].tolist() == ["en", "catalog"]
    assert articles.loc["fr_roquettes_ain_al_assad.txt", ["language", "language_source"]].tolist() == ["fr", "catalog"]
    # Not in the catalog: read as English from its words, although the default is French.
    assert articles.loc["en_uncatalogued_strike.txt", ["language", "language_source"]].tolist() == ["en", "detected"]
    ARTICLES.validate(mixed.articles)


def test_uncatalogued_english_is_read_as_english(mixed):
    figures = mixed.figures[mixed.figures["file"] == "en_uncatalogued_strike.txt"]
    assert sorted(figures["value"]) == [2, 9]  # "two facilities", "nine buildings": words read as English
    claims = mixed.claims[mixed.claims["file"] == "en_uncatalogued_strike.txt"]
    assert not claims.empty


def test_an_english_and_a_french_report_of_one_attack_merge(mixed):
    events = mixed.events[mixed.events["weapon"] == "rockets"]
    assert len(events) == 1, events
    event = events.iloc[0]
    assert event["grade"] == "corroborated" and event["n_sources"] == 2
    assert set(event["files"].split(";")) == {"en_rockets_ain_al_asad.txt", "fr_roquettes_ain_al_assad.txt"}
    assert event["weapon_best"] == 10 and event["place_name"] == "Ain al-Asad Air Base"


def test_acled_export_of_a_mixed_corpus(mixed, tmp_path):
    acled = acled_frame(mixed.events, mixed.articles)
    row = acled[acled["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(row) == 1
    # Both outlets are cited, whatever their language.
    assert "Test Wire" in row.iloc[0]["source"] and "Test Dépêches" in row.iloc[0]["source"]


def test_mixed_frames_write_and_read_back(mixed, tmp_path):
    write_frames(mixed, tmp_path)
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert set(articles["language_source"]) == {"catalog", "detected"}
    figures = pd.read_parquet(tmp_path / "figures.parquet")
    assert figures["ambiguous_separator"].dtype == bool


def test_the_corpus_overview_shows_each_language_and_its_counts(mixed):
    from analysis.reporting.notebook import article_summary

    summary = article_summary(mixed).set_index("file")
    assert summary.loc["en_uncatalogued_strike.txt", "language_source"] == "detected"
    for file, row in summary.iterrows():
        assert row["figures"] == (mixed.figures["file"] == file).sum()
        assert row["claims"] == (mixed.claims["file"] == file).sum()
    assert summary["figures"].sum() == len(mixed.figures) > 0

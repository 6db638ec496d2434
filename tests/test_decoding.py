"""Decoding odd article files: stray bytes, decomposed Unicode, HTML entities, files without words, empty corpora."""

import html
import subprocess
import sys
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.reader import decode, load_corpus
from analysis.extraction import extract_article
from analysis.text.normalform import normal_form
from analysis.tables.schemas import validate

FR = ("Le 3 janvier 2020, la coalition a mené plus de 150 frappes aériennes près de Mossoul, a déclaré le "
      "colonel Wayne Marotto à l'AFP. « Nous avons détruit 12 dépôts d'armes », a-t-il affirmé.\n"
      "Huit roquettes ont été tirées contre la base d'Aïn al-Asad, selon l’armée.\n")
DAY = date(2020, 1, 4)


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True)


# 1. UTF-8 with stray bytes


def test_stray_cp1252_byte_in_utf8_is_replaced():
    good = "L'armée a mené 12 frappes près de Mossoul.".encode()
    text, encoding = decode(good + b" Selon l\x92AFP.")
    assert text == "L'armée a mené 12 frappes près de Mossoul. Selon l\ufffdAFP."
    assert encoding == "utf-8 (1 byte replaced)"
    # One U+FFFD per undecodable byte, a byte-order mark counting as UTF-8 evidence.
    text, encoding = decode(b"\xef\xbb\xbf" + good + b"\xe2\x80 \x92")
    assert text == "L'armée a mené 12 frappes près de Mossoul.\ufffd\ufffd \ufffd"
    assert encoding == "utf-8-sig (3 bytes replaced)"


def test_stray_bytes_load_with_a_warning_and_exact_offsets(tmp_path):
    data = FR.encode().replace("’".encode(), b"\x92").replace(b"d'A", b"d\x92A")
    (tmp_path / "stray.txt").write_bytes(data)
    corpus = load_corpus(tmp_path)
    assert corpus.rejected.empty
    assert f"{tmp_path / 'stray.txt'}: 2 byte(s) not valid UTF-8, each replaced by U+FFFD" in corpus.warnings
    validate("articles", corpus.articles)
    assert corpus.articles.loc[0, "encoding"] == "utf-8 (2 bytes replaced)"
    text = corpus.texts["stray.txt"]
    assert text == FR.replace("’", "\ufffd").replace("d'A", "d\ufffdA")
    figures, _ = extract_article(text, published=DAY, precision="day", file="stray.txt")
    assert [text[f["start"]:f["end"]] for f in figures] == [f["text"] for f in figures] == [
        "plus de 150", "12", "Huit"]


@pytest.mark.parametrize("text", [
    # Only single cp1252 letters: no valid multi-byte UTF-8 at all.
    "Les frappes aériennes ont détruit des dépôts d'armes près de la frontière syrienne à l'été. " * 5,
    # An upper-case É before a no-break space is C9 A0, valid UTF-8 by accident; the many
    # single accented letters still outnumber such pairs.
    "« COMITÉ\xa0» : les frappes aériennes ont détruit des dépôts d'armes près de la frontière. " * 3,
])
def test_real_cp1252_is_still_detected(text):
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text
    assert encoding == "cp1252"


# 2. Decomposed Unicode and HTML entities

ENTITIES = (FR.replace("é", "&eacute;").replace("’", "&rsquo;").replace("ï", "&#239;").replace("'", "&#x27;")
            .replace(" plus", "&nbsp;plus").replace(" et ", " &amp; "))
NFD = unicodedata.normalize("NFD", FR)
KEEP_FIGURE = ["value", "low", "high", "qualifier", "category", "actor", "place_name", "period_start"]
KEEP_CLAIM = ["speaker", "role", "speaker_kind", "channel"]


def _assert_spans_point_into(original, figures, claims, file):
    claim_ids = {c["claim_id"] for c in claims}
    for c in claims:
        assert c["text"] == original[c["start"]:c["end"]] and c["text"]
        assert c["claim_id"] == f"{file}#c{c['start']}-{c['end']}"
        assert 0 <= c["sentence_start"] <= c["start"] < c["end"] <= c["sentence_end"] <= len(original)
    for f in figures:
        assert f["text"] == original[f["start"]:f["end"]]
        assert f["sentence"] == original[f["sentence_start"]:f["sentence_end"]]
        assert f["figure_id"] == f"{file}:{f['start']}-{f['end']}"
        assert f["claim_id"] is None or f["claim_id"] in claim_ids


@pytest.mark.parametrize("text", [NFD, ENTITIES], ids=["nfd", "entities"])
def test_nfd_and_entities_read_like_composed_text(text):
    assert text != FR
    ref_figures, ref_claims = extract_article(FR, published=DAY, precision="day", file="a.txt")
    figures, claims = extract_article(text, published=DAY, precision="day", file="a.txt")
    def keep(rows, keys):
        return [{k: r[k] for k in keys} for r in rows]

    assert keep(figures, KEEP_FIGURE) == keep(ref_figures, KEEP_FIGURE)
    assert keep(claims, KEEP_CLAIM) == keep(ref_claims, KEEP_CLAIM)
    assert {f["category"] for f in figures} == {"strikes", "destroyed", "rockets"}
    assert [f["claim_id"] is None for f in figures] == [f["claim_id"] is None for f in ref_figures]
    _assert_spans_point_into(text, figures, claims, "a.txt")
    # The same sentences, as written in the original.
    def read(s):
        return unicodedata.normalize("NFC", html.unescape(s)).replace("\xa0", " ")

    assert [read(f["sentence"]) for f in figures] == [f["sentence"] for f in ref_figures]
    assert [read(c["text"]) for c in claims] == [c["text"] for c in ref_claims]


def test_spans_inside_a_composed_sequence_widen_to_cover_it():
    # a + dot below + acute composes to two characters, ạ + acute: an offset between them
    # has no original counterpart, so a span starting or ending there covers all three.
    norm = normal_form("xa\u0323\u0301b &eacute;t&eacute;")
    assert norm.text == "x\u1ea1\u0301b été"
    assert norm.span(1, 2) == (1, 4) and norm.span(2, 3) == (1, 4) and norm.span(3, 4) == (4, 5)
    assert norm.span(5, 6) == (6, 14) and norm.span(5, 8) == (6, 23)
    # e + combining acute written as an entity: decoded, then composed, then mapped back through both.
    norm = normal_form("e&#769;t")
    assert (norm.text, norm.span(0, 1), norm.span(1, 2)) == ("ét", (0, 7), (7, 8))
    # Only what composes is grouped, even in a run of non-Latin letters.
    norm = normal_form("日本か\u3099語")
    assert (norm.text, norm.span(2, 3), norm.span(3, 4), norm.span(0, 2)) == ("日本が語", (2, 4), (4, 5), (0, 2))


def test_ordinary_text_takes_the_fast_path():
    assert normal_form(FR) is None
    assert normal_form("AT&T; R&D; &unknown; 5 & 6") is None


PIECES = st.sampled_from([
    "e\u0301", "E\u0300", "a\u0323\u0301", "c\u0327", "&eacute;", "&#233;", "&#xE9;", "&nbsp;", "&amp;", "&rsquo;",
    "&#769;", "&unknown;", "&", "plus de 150 frappes", "huit roquettes", " a déclaré le colonel ", "« ", " »",
    "12 dépôts", "à Mossoul", ". ", "\n", "\u1100\u1161\u11a8", "\u2126",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=30).map("".join))
def test_offsets_always_point_into_the_text_as_read(text):
    figures, claims = extract_article(text, published=DAY, precision="day", file="t.txt")
    _assert_spans_point_into(text, figures, claims, "t.txt")
    norm = normal_form(text)
    if norm is not None:
        assert unicodedata.is_normalized("NFC", norm.text)
        # Each normalised span maps to an original span at least as wide, in order.
        ends = [norm.span(i, i + 1) for i in range(len(norm.text))]
        assert all(0 <= a < b <= len(text) for a, b in ends)
        assert all(a1 <= a2 and b1 <= b2 for (a1, b1), (a2, b2) in zip(ends, ends[1:]))


# 3. Files without words


@pytest.mark.parametrize("data", [b"\x92" * 4096, b"\xa0" * 4096, "é".encode() * 2048, b"12 345 678\n" * 300,
                                  b"- * - * -\n" * 400])
def test_files_without_words_are_rejected(tmp_path, data):
    (tmp_path / "noise.txt").write_bytes(data)
    corpus = load_corpus(tmp_path)
    assert corpus.articles.empty
    assert list(corpus.rejected["reason"]) == ["no words (no two different letters side by side), not article text"]


@pytest.mark.parametrize("text", ["Attaque.", "OK", "Deux drones abattus.", "Two drones shot down.", "Mossoul : 3."])
def test_short_real_articles_are_kept(tmp_path, text):
    (tmp_path / "short.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.rejected.empty and list(corpus.articles["file"]) == ["short.txt"]


# 4. Empty corpora and skipped files


def test_empty_folder_and_skipped_files_are_reported(tmp_path):
    assert load_corpus(tmp_path).warnings == [f"no .txt articles in {tmp_path}"]
    (tmp_path / "notes.md").write_text("notes")
    (tmp_path / "page.html").write_text("<html></html>")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "catalog.csv").write_text("file,url,outlet,language,published\n")
    assert load_corpus(tmp_path).warnings == [
        f"{tmp_path}: skipped 2 file(s) without the .txt extension: notes.md, page.html",
        f"no .txt articles in {tmp_path}",
    ]


@pytest.mark.parametrize("files", [{}, {"notes.md": b"notes", "page.html": b"<html></html>"}, {"empty.txt": b""}])
def test_extract_without_articles_fails_and_writes_nothing(tmp_path, files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    out = tmp_path / "out"
    result = run("extract", str(corpus), "--out", str(out), "-q")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"error: no article loaded from {corpus}; nothing written to {out}"
    if not files:
        assert f"warning: no .txt articles in {corpus}" in lines
    if "notes.md" in files:
        assert f"warning: {corpus}: skipped 2 file(s) without the .txt extension: notes.md, page.html" in lines
    assert not (out / "frames.json").exists() and not list(out.glob("*.parquet"))  # only the lock file

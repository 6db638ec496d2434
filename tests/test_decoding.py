"""Decoding odd article files: stray bytes, decomposed Unicode, HTML entities, files without words, empty corpora."""

from datetime import date

import pytest

from analysis.corpus import decode, load_corpus
from analysis.figures import extract_article
from analysis.schemas import validate

FR = ("Le 3 janvier 2020, la coalition a mené plus de 150 frappes aériennes près de Mossoul, a déclaré le "
      "colonel Wayne Marotto à l'AFP. « Nous avons détruit 12 dépôts d'armes », a-t-il affirmé.\n"
      "Huit roquettes ont été tirées contre la base d'Aïn al-Asad, selon l’armée.\n")
DAY = date(2020, 1, 4)


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

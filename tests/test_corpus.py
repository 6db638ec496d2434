"""Reading articles and catalogs: encodings, rejects, metadata."""

from pathlib import Path

import pytest

from analysis.corpus.catalog import parse_published, read_catalog
from analysis.corpus.reader import ArticleError, decode, load_corpus

TEXT = "La coalition a mené 12 frappes près de Mossoul – «bilan» ’officiel’.\n"


def test_decode_utf8_and_bom():
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8")
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == (TEXT, "utf-8-sig")
    text, enc = decode(TEXT.encode("utf-16"))
    assert (text, enc) == (TEXT, "utf-16")


def test_decode_windows_1252_is_detected():
    text = "Les frappes aériennes ont détruit des dépôts d'armes près de la frontière syrienne à l'été. " * 5
    decoded, enc = decode(text.encode("cp1252"))
    assert decoded == text
    assert enc.lower().replace("_", "-") in {"cp1252", "windows-1252", "latin-1", "iso-8859-1", "iso8859-1",
                                              "iso-8859-15", "latin1"}


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"   \n\n ", "empty file"),
    (b"\x00\x01\x02PNG\x00\x00data", "binary file"),
])
def test_decode_rejects(data, reason):
    with pytest.raises(ArticleError, match=reason):
        decode(data)


@pytest.mark.parametrize("value,expected", [
    ("2021-03-10", ("2021-03-10", "day")), ("2021-03", ("2021-03-01", "month")), ("2021", ("2021-01-01", "year")),
])
def test_parse_published(value, expected):
    d, p = parse_published(value)
    assert (str(d), p) == expected


@pytest.mark.parametrize("value", ["10/03/2021", "2021-13-01", "2021-02-30", "mars 2021", "21"])
def test_parse_published_rejects(value):
    assert parse_published(value) is None


def write(folder: Path, name: str, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_load_corpus_with_rejects_and_uncatalogued(tmp_path):
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", "")
    write(tmp_path, "c.txt", b"\x00\x00\x00binary")
    write(tmp_path, "d.txt", "Deux drones ont été abattus mardi.")
    write(tmp_path, "notes.md", "not an article")
    write(tmp_path, "catalog.csv",
          "file,url,outlet,language,published,extra\n"
          "a.txt,http://x,Le Monde,fr,2022-01-05,kept\n"
          "ghost.txt,,,fr,2020,\n")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["file"]) == ["a.txt", "d.txt"]
    a = corpus.articles.iloc[0]
    assert (a["outlet"], a["published_precision"], a["extra"]) == ("Le Monde", "day", "kept")
    d = corpus.articles.iloc[1]
    assert d["outlet"] == "" and d["published"] == ""
    assert dict(zip(corpus.rejected["file"], corpus.rejected["reason"])) == {
        "b.txt": "empty file", "c.txt": "binary file (NUL bytes), not text"}
    assert any("ghost.txt is listed but not in the corpus folder" in w for w in corpus.warnings)
    assert any("d.txt: not in catalog.csv" in w for w in corpus.warnings)
    assert corpus.texts["a.txt"] == TEXT


def test_too_large_file_is_rejected(tmp_path):
    write(tmp_path, "big.txt", "x" * 2000)
    corpus = load_corpus(tmp_path, max_bytes=1000)
    assert corpus.rejected["reason"][0].startswith("too large")


def test_crlf_text_keeps_offsets(tmp_path):
    from analysis.extraction import extract_figures

    write(tmp_path, "crlf.txt", "Titre\r\n\r\nLa coalition a mené 150 frappes.\r\n")
    corpus = load_corpus(tmp_path)
    text = corpus.texts["crlf.txt"]
    assert "\r\n" in text
    rows = extract_figures(text)
    assert [text[r["start"]:r["end"]] for r in rows] == ["150"]


def test_malformed_catalogs_warn_and_never_raise(tmp_path):
    cat = write(tmp_path, "catalog.csv", "name,published\nx.txt,2020\n")
    assert read_catalog(cat).warnings == [f"{cat}: no 'file' column; catalog ignored"]
    cat = write(tmp_path, "catalog.csv", "file,published\nx.txt,05/01/2020\nx.txt,2020\n")
    result = read_catalog(cat)
    text = "\n".join(result.warnings)
    assert "missing column 'url'" in text
    assert "bad date '05/01/2020'" in text
    assert "x.txt is listed more than once" in text
    assert list(result.rows["published"]) == [""]
    cat = write(tmp_path, "catalog.csv", b"\xff\xfe\x00garbage")
    assert "not UTF-8" in read_catalog(cat).warnings[0]

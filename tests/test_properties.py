"""Properties of extraction that must hold on any text."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extraction import extract_article, figures_frame
from analysis.tables.schemas import validate

FRAGMENTS = st.sampled_from([
    "plus de 150 frappes", "moins de 120", "des dizaines de", "huit roquettes", "le 3 janvier 2020", "F-16",
    "mercredi", "ce mois-ci", "à Mossoul", "la coalition", "a déclaré", "«", "»", "’", "\n", "\r\n", " ", ".",
    "12,5 %", "5 000 soldats", "vingt-sept", "une dizaine de", "cookies", "À découvrir également\n", "2 minutes",
    "tués", "Lundi,", "1er", "deuxième", "$", "1,5 milliard de dollars", ", a déclaré le colonel Wayne Marotto",
    "Selon l'AFP, ", "a tweeté", "« ", " »", '"', "peut-on lire dans le communiqué", "près de la base d'Ain al-Asad",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, published=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2030, 12, 31))),
       precision=st.sampled_from(["day", "week", "month", "year"]))
def test_extraction_never_raises_and_spans_are_exact(text, published, precision):
    rows, claims = extract_article(text, published=published, precision=precision, file="t.txt")
    for c in claims:
        assert 0 <= c["start"] < c["end"] <= len(text)
        assert text[c["start"]:c["end"]] == c["text"]
    for r in rows:
        assert 0 <= r["sentence_start"] <= r["start"] < r["end"] <= r["sentence_end"] <= len(text)
        assert text[r["start"]:r["end"]] == r["text"]
        assert text[r["sentence_start"]:r["sentence_end"]] == r["sentence"]
        if r["low"] is not None and r["high"] is not None:
            assert r["low"] <= r["high"]
        if r["value"] is not None and r["qualifier"] in ("exact", "at_least", "at_most", "about"):
            assert r["low"] is None or r["low"] <= r["value"]
            assert r["high"] is None or r["value"] <= r["high"]
    # Whatever the text, the frame satisfies its declared schema.
    validate("figures", figures_frame(rows))

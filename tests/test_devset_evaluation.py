"""The development set (data/annotations/devset) and the scoring of its quotes format.

The scorer is checked on small hand-made articles and frames, where every
expected number can be worked out by hand; the floors at the end hold the
package's devset scores a little under what it reaches today.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.reader import load_corpus
from analysis.evaluation.scoring import (
    devset_channel,
    evaluate,
    evaluate_claims,
    file_languages,
    format_claims_report,
    format_report,
    load_claims_gold,
    load_gold,
    load_predictions,
)
from analysis.paths import ROOT
from analysis.pipeline import build_frames, write_frames

DEVSET = ROOT / "data" / "annotations" / "devset"
ARTICLES = DEVSET / "articles"


# --- the development set's files --------------------------------------------------------

def test_devset_articles_and_catalog_load_without_warnings():
    corpus = load_corpus(ARTICLES)
    assert corpus.warnings == [] and corpus.rejected.empty
    articles = corpus.articles.set_index("file")
    assert len(articles) == 17
    assert articles["language"].value_counts().to_dict() == {"fr": 12, "en": 5}
    assert articles["published_date"].notna().all()
    assert articles.loc["104_aircosmos_trois_ans_chammal.txt", "published_precision"] == "month"
    assert articles["published_evidence"].str.len().gt(0).all()  # the catalog's extra column is kept


def test_every_devset_quote_is_found_in_its_article():
    texts = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    figures = load_gold(DEVSET / "figures.csv")
    claims = load_claims_gold(DEVSET / "claims.csv")
    assert (len(figures), len(claims)) == (111, 84)
    for gold, column in ((figures, "quote"), (claims, "quote_start")):
        for row in gold.to_dict("records"):
            assert texts[row["file"]][row["start"]:row["end"]] == row[column], row
    # 110's two claims sharing a quote_start are its two occurrences (a multiset), not one span twice.
    shared = claims[claims.duplicated("quote_start", keep=False)]
    assert len(shared) == 2 and shared["start"].nunique() == 2
    # Mapped, never silently: positions_destroyed is the package's destroyed, the label kept beside it.
    mapped = figures[figures["category_as_annotated"] == "positions_destroyed"]
    assert len(mapped) == 9 and set(mapped["category"]) == {"destroyed"}


# --- the scorer on hand-made articles -----------------------------------------------------

FR_TEXT = ("Selon le Pentagone, la coalition a mené 12 frappes aériennes dimanche près de Mossoul. "
           "Un drone a été abattu. Plus de 150 soldats irakiens ont été blessés depuis le 1er mars, "
           "a déclaré un responsable. Le bilan fait état de 40 morts et de 30 blessés. "
           "Trois roquettes sont tombées sur la base.")
EN_TEXT = "The coalition conducted seven strikes in Syria, the statement said. One contractor was killed."

FIGURES_GOLD = [
    # file, quote, value, low, high, qualifier, category, actor, period, place
    ("fr.txt", "12 frappes aériennes", "12", "12", "12", "exact", "strikes", "coalition", "2021-03-07", "Mossoul"),
    ("fr.txt", "Plus de 150 soldats irakiens ont été blessés", "150", "151", "", "more_than", "wounded",
     "isis", "2021-03-01/2021-03-08", ""),
    ("fr.txt", "40 morts", "40", "40", "40", "exact", "killed", "isis", "2021-03", ""),
    ("fr.txt", "30 blessés", "30", "30", "30", "exact", "wounded", "isis", "", ""),
    ("fr.txt", "Trois roquettes", "3", "3", "3", "exact", "positions_destroyed", "unknown", "2021-03-08", ""),
    ("en.txt", "seven strikes in Syria", "7", "7", "7", "exact", "strikes", "coalition", "2021-03-06", "Syria"),
    ("en.txt", "One contractor was killed", "1", "1", "1", "exact", "killed", "unknown", "2021-03-08", ""),
]
CLAIMS_GOLD = [
    # file, speaker, role, channel, quote_start
    ("fr.txt", "le Pentagone", "", "statement", "la coalition a mené 12 frappes"),
    ("fr.txt", "un responsable", "", "anonymous_officials", "Plus de 150 soldats irakiens"),
    ("en.txt", "the coalition", "", "communique", "The coalition conducted seven strikes"),
]


def find(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def perfect_figures() -> list[dict]:
    """A prediction agreeing with FIGURES_GOLD in every scored column (spans: the number and its qualifier)."""
    rows = []
    for file, text, number, value, low, high, qualifier, category, actor, start, end, place in [
        ("fr.txt", FR_TEXT, "12", 12, 12, 12, "exact", "strikes", "coalition", "2021-03-07", "2021-03-07", "Mossoul"),
        ("fr.txt", FR_TEXT, "Plus de 150", 150, 151, None, "more_than", "wounded", "isis", "2021-03-01",
         "2021-03-08", ""),
        ("fr.txt", FR_TEXT, "40", 40, 40, 40, "exact", "killed", "isis", "2021-03-01", "2021-03-31", ""),
        ("fr.txt", FR_TEXT, "30", 30, 30, 30, "exact", "wounded", "isis", None, None, ""),
        ("fr.txt", FR_TEXT, "Trois", 3, 3, 3, "exact", "destroyed", "unknown", "2021-03-08", "2021-03-08", ""),
        ("en.txt", EN_TEXT, "seven", 7, 7, 7, "exact", "strikes", "coalition", "2021-03-06", "2021-03-06", "Syria"),
        ("en.txt", EN_TEXT, "One", 1, 1, 1, "exact", "killed", "unknown", "2021-03-08", "2021-03-08", ""),
    ]:
        s, e = find(text, number)
        rows.append({"file": file, "start": s, "end": e, "text": number, "value": value, "low": low, "high": high,
                     "qualifier": qualifier, "category": category, "actor": actor, "place": place,
                     "period_start": pd.Timestamp(start) if start else pd.NaT,
                     "period_end": pd.Timestamp(end) if end else pd.NaT})
    return rows


def perfect_claims() -> list[dict]:
    rows = []
    for file, text, statement, speaker, kind, channel in [
        ("fr.txt", FR_TEXT, "la coalition a mené 12 frappes aériennes dimanche près de Mossoul", "Pentagone",
         "organisation", "statement"),
        ("fr.txt", FR_TEXT, "Plus de 150 soldats irakiens ont été blessés depuis le 1er mars", "un responsable",
         "anonymous_officials", "statement"),
        ("en.txt", EN_TEXT, "The coalition conducted seven strikes in Syria", "the coalition", "organisation",
         "communique"),
    ]:
        s, e = find(text, statement)
        rows.append({"file": file, "start": s, "end": e, "text": statement, "speaker": speaker,
                     "speaker_kind": kind, "channel": channel})
    return rows


@pytest.fixture()
def handmade(tmp_path):
    """An articles folder (a French and an English article, a catalog) with quotes-format gold beside it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "fr.txt").write_text(FR_TEXT, encoding="utf-8")
    (articles / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    (articles / "catalog.csv").write_text("file,url,outlet,language,published\nfr.txt,,,fr,2021-03-08\n"
                                          "en.txt,,,en,2021-03-08\n", encoding="utf-8")
    columns = ["file", "quote", "value", "low", "high", "qualifier", "category", "actor", "period", "place"]
    pd.DataFrame(FIGURES_GOLD, columns=columns).to_csv(tmp_path / "figures.csv", index=False)
    pd.DataFrame(CLAIMS_GOLD, columns=["file", "speaker", "role", "channel", "quote_start"]).to_csv(
        tmp_path / "claims.csv", index=False)
    return tmp_path


def score(folder, figures: list[dict]):
    return evaluate(load_gold(folder / "figures.csv"), pd.DataFrame(figures),
                    file_languages(folder / "articles"))


def score_claims(folder, claims: list[dict]):
    return evaluate_claims(load_claims_gold(folder / "claims.csv"), pd.DataFrame(claims),
                           file_languages(folder / "articles"))


def test_a_perfect_prediction_scores_one_everywhere(handmade):
    report = score(handmade, perfect_figures())
    for r in [report, *report.by_language.values()]:
        assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
        assert r.strict == (1.0, 1.0, 1.0)
        for name in ("category", "qualifier", "actor", "period"):
            assert r.attribute_accuracy(name) == 1.0, name
    assert report.accuracy["place"] == (2, 2)  # scored where the gold names a place
    assert report.accuracy["period, gold empty"] == (1, 1)  # "30 blessés": no period, none predicted
    claims = score_claims(handmade, perfect_claims())
    for r in [claims, *claims.by_language.values()]:
        assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
        assert r.attribute_accuracy("speaker") == r.attribute_accuracy("channel") == 1.0


def test_scores_are_split_by_language_from_the_catalog(handmade):
    figures = perfect_figures()
    del figures[-1]  # miss the English "One contractor was killed"
    report = score(handmade, figures)
    assert list(report.by_language) == ["fr", "en"]
    fr, en = report.by_language["fr"], report.by_language["en"]
    assert (fr.n_gold, fr.n_pred, fr.recall) == (5, 5, 1.0)
    assert (en.n_gold, en.n_pred, en.recall) == (2, 1, 0.5)
    assert report.n_gold == fr.n_gold + en.n_gold and report.true_positives == 6
    text = format_report(report)
    assert text.splitlines()[0].split() == ["figures", "all", "fr", "en"]


@pytest.mark.parametrize("column, wrong", [("category", "attacks"), ("actor", "iran"), ("qualifier", "about"),
                                           ("place", "Bagdad")])
def test_a_wrong_label_lowers_its_accuracy_only(handmade, column, wrong):
    figures = perfect_figures()
    figures[0][column] = wrong  # "12 frappes aériennes"
    report = score(handmade, figures)
    assert report.f1 == 1.0
    right, scored = report.accuracy[column]
    assert right == scored - 1
    fr, en = report.by_language["fr"].accuracy[column], report.by_language["en"].accuracy[column]
    assert fr[0] == fr[1] - 1 and en[0] == en[1] > 0  # in the French column only


def test_a_wrong_category_label_unmapped_is_wrong(handmade):
    figures = perfect_figures()
    figures[4]["category"] = "other"  # gold positions_destroyed, i.e. destroyed
    assert score(handmade, figures).accuracy["category"] == (6, 7)


@pytest.mark.parametrize("start, end, right", [
    ("2021-03-01", "2021-03-08", True),   # the gold period itself
    ("2021-03-03", "2021-03-08", True),   # 6 days for 8: within a factor 2
    ("2021-03-08", "2021-03-08", False),  # the publication day for a running total
    ("2021-02-01", "2021-03-31", False),  # 59 days for 8
    ("2021-02-20", "2021-02-27", False),  # the same length, but no overlap
    (None, None, False),                  # no period where the gold has one
])
def test_period_overlaps_with_length_within_a_factor_two(handmade, start, end, right):
    figures = perfect_figures()
    figures[1]["period_start"], figures[1]["period_end"] = pd.Timestamp(start), pd.Timestamp(end)
    assert score(handmade, figures).accuracy["period"] == (7 if right else 6, 7)


def test_month_precision_gold_period_and_empty_gold_period(handmade):
    figures = perfect_figures()
    figures[2]["period_start"] = figures[2]["period_end"] = pd.Timestamp("2021-03-08")  # gold "2021-03"
    figures[3]["period_start"] = figures[3]["period_end"] = pd.Timestamp("2021-03-08")  # gold empty
    report = score(handmade, figures)
    assert report.accuracy["period"] == (5, 7)
    assert report.accuracy["period, gold empty"] == (0, 1)


def test_strict_and_overlap_matching_differ_on_a_span_spilling_out_of_the_quote(handmade):
    figures = perfect_figures()
    # "40 morts et de 30": one span over two annotated facts; then the number alone spilling out of "30 blessés"
    start, end = find(FR_TEXT, "40 morts et de 30")
    figures[2].update(start=start, end=end, text="40 morts et de 30")
    report = score(handmade, figures)
    assert report.true_positives == 7  # overlaps the "40 morts" quote, values agree
    assert len(report.strict_matches) == 6  # but overlaps two gold quotes
    assert report.strict[2] < report.f1 == 1.0
    figures = perfect_figures()
    start, end = find(FR_TEXT, "de 30")
    figures[3].update(start=start, end=end, text="de 30")  # starts before the quote "30 blessés"
    report = score(handmade, figures)
    assert (report.true_positives, len(report.strict_matches)) == (7, 6)
    assert "LOOSE" in format_report(report, verbose=True)


def test_a_number_inside_a_quote_must_agree_with_its_value(handmade):
    figures = perfect_figures()
    figures[0].update(value=13, low=13, high=13)  # inside "12 frappes aériennes", but 13
    report = score(handmade, figures)
    assert (report.true_positives, len(report.missed), len(report.false_positives)) == (6, 1, 1)
    assert report.missed[0]["quote"] == "12 frappes aériennes"


def test_strict_needs_the_quote_to_be_the_only_agreeing_gold_it_overlaps(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    text = "Selon le bilan, 40 morts au total, et 3 blessés."
    (articles / "a.txt").write_text(text, encoding="utf-8")
    gold = pd.DataFrame([("a.txt", "bilan, 40 morts au total", "40", "40", "40", "exact", "killed"),
                         ("a.txt", "40 morts", "40", "40", "40", "exact", "killed"),
                         ("a.txt", "total, et 3 blessés", "3", "3", "3", "exact", "wounded")],
                        columns=["file", "quote", "value", "low", "high", "qualifier", "category"])
    gold.to_csv(tmp_path / "figures.csv", index=False)
    gold = load_gold(tmp_path / "figures.csv")
    s40, s3 = text.index("40"), text.index("3 ")
    pred = pd.DataFrame([{"file": "a.txt", "start": s40, "end": s40 + 2, "text": "40", "value": 40, "low": 40,
                          "high": 40, "qualifier": "exact", "category": "killed"},
                         {"file": "a.txt", "start": s3, "end": s3 + 1, "text": "3", "value": 3, "low": 3,
                          "high": 3, "qualifier": "exact", "category": "wounded"}])
    report = evaluate(gold, pred)
    # "40" lies inside two quotes that both count 40: it matches one by overlap, neither strictly.
    # "3" lies inside "total, et 3 blessés", which overlaps "bilan, 40 morts au total" (counting 40): strict.
    assert (report.true_positives, len(report.strict_matches)) == (2, 1)
    assert report.strict_matches[0][1]["text"] == "3"


def test_bare_indefinite_articles_are_dont_care(handmade):
    figures = perfect_figures()
    start, end = find(FR_TEXT, "Un drone")
    figures.append({"file": "fr.txt", "start": start, "end": start + 2, "text": "Un", "value": 1, "low": 1,
                    "high": 1, "qualifier": "exact", "category": "drones", "actor": "unknown", "place": "",
                    "period_start": pd.Timestamp("2021-03-08"), "period_end": pd.Timestamp("2021-03-08")})
    report = score(handmade, figures)
    assert (report.precision, report.recall, report.n_pred) == (1.0, 1.0, 7)
    assert [p["text"] for p in report.ignored] == ["Un"]
    # An annotated one-count ("One contractor was killed") is matched, not ignored.
    assert any(p["text"] == "One" for _, p in report.matches)
    # Any other unmatched number is a false positive.
    figures[-1]["text"] = "Un drone"
    report = score(handmade, figures)
    assert report.precision == 7 / 8 and report.ignored == []


def test_claims_match_on_quote_start_with_mapped_channels(handmade):
    claims = perfect_claims()
    claims[1]["speaker_kind"], claims[1]["channel"] = "person", "statement"  # named: not anonymous_officials
    claims[2]["channel"] = "media_report"  # the package's media_report is the devset's other
    report = score_claims(handmade, claims)
    assert report.f1 == 1.0
    assert report.accuracy["channel"] == (1, 3)
    claims[0]["speaker"] = "le ministère"
    assert score_claims(handmade, claims).accuracy["speaker"] == (2, 3)
    assert "predicted channel mapped" in format_claims_report(report)
    assert devset_channel({"speaker_kind": "media", "channel": "media_report"}) == "other"
    assert devset_channel({"speaker_kind": "anonymous_officials", "channel": "communique"}) == "anonymous_officials"
    assert devset_channel({"speaker_kind": "person", "channel": "press_conference"}) == "press_conference"
    # A claim elsewhere in the article does not match.
    s, e = find(FR_TEXT, "Le bilan fait état de 40 morts")
    claims[0].update(start=s, end=e)
    report = score_claims(handmade, claims)
    assert (report.true_positives, len(report.missed), len(report.false_positives)) == (2, 1, 1)


def test_claims_sharing_a_quote_start_match_as_a_multiset(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    text = ("Le Pentagone a affirmé que 56 soldats ont été blessés lors de 46 attaques. "
            "Sabrina Singh a répété que 56 soldats ont été blessés lors de 46 attaques depuis octobre.")
    (articles / "a.txt").write_text(text, encoding="utf-8")
    gold = pd.DataFrame([("a.txt", "le Pentagone", "", "statement", "56 soldats ont été blessés"),
                         ("a.txt", "Sabrina Singh", "", "statement", "56 soldats ont été blessés")],
                        columns=["file", "speaker", "role", "channel", "quote_start"])
    gold.to_csv(tmp_path / "claims.csv", index=False)
    gold = load_claims_gold(tmp_path / "claims.csv")
    first = find(text, "56 soldats ont été blessés lors de 46 attaques.")
    second = (text.index("56 soldats", first[1]), len(text))
    assert list(gold["start"]) == [first[0], second[0]]
    pred = pd.DataFrame([{"file": "a.txt", "start": s, "end": e, "speaker": sp, "speaker_kind": "person",
                          "channel": "statement"} for (s, e), sp in ((first, "Pentagone"), (second, "Singh"))])
    report = evaluate_claims(gold, pred)
    assert (report.true_positives, report.precision, report.recall) == (2, 1.0, 1.0)
    assert report.accuracy["speaker"] == (2, 2)


def test_cli_reads_quotes_gold_with_its_articles_beside_it(handmade):
    import subprocess
    import sys

    pd.DataFrame(perfect_figures()).to_csv(handmade / "pred.csv", index=False)
    result = subprocess.run([sys.executable, "-m", "analysis", "evaluate", "--gold", str(handmade / "figures.csv"),
                             "--pred", str(handmade / "pred.csv"), "--min-f1", "1"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["figures", "all", "fr", "en"]
    assert "F1 (strict)" in result.stdout
    assert "gold label mapped: category positions_destroyed -> destroyed (1 rows)" in result.stdout
    result = subprocess.run([sys.executable, "-m", "analysis", "evaluate", "--gold", str(handmade / "figures.csv"),
                             "--pred", str(handmade / "pred.csv"), "--articles", str(handmade / "nowhere")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "articles folder not found" in result.stderr


def test_gold_errors_name_the_row(handmade):
    gold = pd.read_csv(handmade / "figures.csv", dtype=str, keep_default_na=False)
    gold.loc[2, "quote"] = "41 morts"
    gold.to_csv(handmade / "bad.csv", index=False)
    with pytest.raises(ValueError, match=r"bad\.csv:4: fr\.txt: quote '41 morts' not found"):
        load_gold(handmade / "bad.csv")
    gold = pd.read_csv(handmade / "figures.csv", dtype=str, keep_default_na=False)
    gold.loc[0, "category"] = "bombs"
    gold.to_csv(handmade / "bad.csv", index=False)
    with pytest.raises(ValueError, match=r"bad\.csv:2: fr\.txt: category 'bombs' is not one of"):
        load_gold(handmade / "bad.csv")
    gold = pd.read_csv(handmade / "figures.csv", dtype=str, keep_default_na=False)
    gold.loc[1, "period"] = "2021-03-08/2021-03-01"
    gold.to_csv(handmade / "bad.csv", index=False)
    with pytest.raises(ValueError, match=r"bad\.csv:3: fr\.txt: bad period"):
        load_gold(handmade / "bad.csv")
    with pytest.raises(ValueError, match="articles folder not found"):
        load_gold(handmade / "figures.csv", articles=handmade / "nowhere")


# --- floors on the development set ----------------------------------------------------------

# What the package reached when these floors were set (end of issue 9's second session), for
# each (frame, measure, language): figures F1 0.830 overall (fr 0.969, en 0.256), strict the same;
# category 0.964 (fr 0.974), qualifier 1.000, actor 0.928 (fr 0.936), place 0.597, period 0.976
# (fr 0.987); claims F1 0.837 (fr 0.981, en 0.531), speaker 0.969 (fr 0.980), channel 0.906
# (fr 0.980). Raise them when the extraction improves; never lower them to pass.
FIGURE_FLOORS = {
    # Attribute floors are per language: the pooled column moves with the mix of languages.
    "all": {"f1": 0.95, "strict_f1": 0.95, "qualifier": 0.97, "place": 0.83},
    "fr": {"f1": 0.95, "strict_f1": 0.95, "category": 0.95, "qualifier": 0.97, "actor": 0.91, "place": 0.82,
           "period": 0.96},
    "en": {"f1": 0.95, "strict_f1": 0.95, "category": 0.95, "qualifier": 0.97, "actor": 0.95, "place": 0.85,
           "period": 0.90},
}
CLAIM_FLOORS = {
    "all": {"f1": 0.95, "speaker": 0.95, "channel": 0.93},
    "fr": {"f1": 0.95, "speaker": 0.95, "channel": 0.95},
    "en": {"f1": 0.95, "speaker": 0.95, "channel": 0.95},
}


@pytest.fixture(scope="module")
def devset_scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("devset_frames")
    write_frames(build_frames(ARTICLES), out)
    languages = file_languages(ARTICLES)
    figures = evaluate(load_gold(DEVSET / "figures.csv"), load_predictions(out, "figures"), languages)
    claims = evaluate_claims(load_claims_gold(DEVSET / "claims.csv"), load_predictions(out, "claims"), languages)
    return figures, claims


def _measure(report, name: str) -> float:
    if name == "f1":
        return report.f1
    if name == "strict_f1":
        return report.strict[2]
    return report.attribute_accuracy(name)


def test_devset_figures_stay_above_their_floors(devset_scores):
    figures, _ = devset_scores
    assert list(figures.by_language) == ["fr", "en"]
    assert (figures.by_language["fr"].n_gold, figures.by_language["en"].n_gold) == (80, 31)
    for lang, floors in FIGURE_FLOORS.items():
        report = figures if lang == "all" else figures.by_language[lang]
        for name, floor in floors.items():
            assert _measure(report, name) >= floor, (lang, name, _measure(report, name))


def test_devset_claims_stay_above_their_floors(devset_scores):
    _, claims = devset_scores
    assert list(claims.by_language) == ["fr", "en"]
    for lang, floors in CLAIM_FLOORS.items():
        report = claims if lang == "all" else claims.by_language[lang]
        for name, floor in floors.items():
            assert _measure(report, name) >= floor, (lang, name, _measure(report, name))


# The second and third development sets (English only, annotated during the English issue): floors a
# little under their scores once their classes of error were fixed.
MORE_DEVSETS = {
    "devset2": ({"f1": 0.95, "category": 0.88, "qualifier": 0.97, "actor": 0.82, "place": 0.84, "period": 0.86},
                {"f1": 0.88, "speaker": 0.85, "channel": 0.92}),
    "devset3": ({"f1": 0.82, "category": 0.92, "qualifier": 0.97, "actor": 0.80, "place": 0.75, "period": 0.72},
                {"f1": 0.91, "speaker": 0.91, "channel": 0.91}),
}


@pytest.mark.parametrize("name", sorted(MORE_DEVSETS))
def test_english_devsets_stay_above_their_floors(name, tmp_path):
    folder = ROOT / "data" / "annotations" / name
    articles = folder / "articles"
    write_frames(build_frames(articles), tmp_path)
    languages = file_languages(articles)
    assert set(languages.values()) == {"en"}
    figures = evaluate(load_gold(folder / "figures.csv"), load_predictions(tmp_path, "figures"), languages)
    claims = evaluate_claims(load_claims_gold(folder / "claims.csv"), load_predictions(tmp_path, "claims"),
                             languages)
    figure_floors, claim_floors = MORE_DEVSETS[name]
    for report, floors in ((figures, figure_floors), (claims, claim_floors)):
        for attribute, floor in floors.items():
            assert _measure(report, attribute) >= floor, (name, attribute, _measure(report, attribute))

"""Accuracy on the seeds against the hand annotations in tests/gold/figures.csv."""

import pandas as pd

from analysis.evaluation.scoring import evaluate, load_gold


def test_seed_figures_meet_targets(seed_frames, gold_path):
    report = evaluate(load_gold(gold_path), seed_frames.figures)
    assert report.f1 >= 0.95, report.missed + report.false_positives
    assert report.attribute_accuracy("category") >= 0.9
    assert report.attribute_accuracy("qualifier") >= 0.9
    assert report.traps_extracted == []


def test_gold_spans_match_the_seed_texts(gold_path):
    from analysis.paths import SEEDS

    gold = load_gold(gold_path)
    for row in gold.itertuples():
        text = (SEEDS / row.file).read_text(encoding="utf-8")
        assert text[row.start:row.end] == row.text, row


def test_every_figure_traces_back_to_its_sentence(seed_frames):
    from analysis.paths import SEEDS

    for row in seed_frames.figures.itertuples():
        text = (SEEDS / row.file).read_text(encoding="utf-8")
        assert text[row.start:row.end] == row.text
        assert text[row.sentence_start:row.sentence_end] == row.sentence
        assert row.sentence_start <= row.start < row.end <= row.sentence_end


def test_furniture_never_becomes_data(seed_frames):
    figures = seed_frames.figures
    # Aircraft designations, the caption date, reading time, counters and the related headline.
    assert not figures["text"].isin(["16", "135", "2021", "2", "0", "139", "au moins 18", "18"]).any()


def test_articles_frame_has_catalog_metadata(seed_frames):
    articles = seed_frames.articles
    assert len(articles) == 5
    assert set(articles["published_precision"]) <= {"day", "week", "month", "year"}
    row = articles.set_index("file").loc["002_2ac9c9dba68d0f43.txt"]
    assert row["published_date"] == pd.Timestamp("2022-01-05")
    assert row["date_evidence"]


def test_evaluate_counts_false_positives_and_traps():
    gold = pd.DataFrame([
        {"file": "a", "start": 0, "end": 3, "kind": "figure", "value": "150", "low": "151", "high": "",
         "qualifier": "more_than", "category": "strikes"},
        {"file": "a", "start": 10, "end": 12, "kind": "trap", "value": "", "low": "", "high": "", "qualifier": "",
         "category": ""},
    ])
    pred = pd.DataFrame([
        {"file": "a", "start": 0, "end": 3, "value": 150.0, "low": 151.0, "high": None, "qualifier": "more_than",
         "category": "attacks"},
        {"file": "a", "start": 10, "end": 12, "value": 16.0, "low": 16.0, "high": 16.0, "qualifier": "exact",
         "category": "other"},
    ])
    report = evaluate(gold, pred)
    assert (report.true_positives, report.n_pred, report.n_gold) == (1, 2, 1)
    assert report.precision == 0.5 and report.recall == 1.0
    assert len(report.traps_extracted) == 1
    assert report.attribute_accuracy("category") == 0.0


def test_seed_claims_meet_targets(seed_frames):
    from analysis.evaluation.scoring import evaluate_claims, load_claims_gold
    from analysis.paths import GOLD

    report = evaluate_claims(load_claims_gold(GOLD / "claims.csv"), seed_frames.claims)
    assert report.f1 >= 0.9, (report.missed, report.false_positives)
    assert report.attribute_accuracy("channel") >= 0.8
    assert report.attribute_accuracy("speaker") >= 0.8


def test_figures_inside_a_claim_point_to_it(seed_frames):
    figures, claims = seed_frames.figures, seed_frames.claims.set_index("claim_id")
    tweeted = figures[figures["text"] == "312"].iloc[0]
    claim = claims.loc[tweeted["claim_id"]]
    assert (claim["speaker"], claim["channel"]) == ("Wayne Marotto", "tweet")
    for row in figures.dropna(subset=["claim_id"]).itertuples():
        c = claims.loc[row.claim_id]
        assert c["start"] <= row.start and row.end <= c["end"]

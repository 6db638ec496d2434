"""The exploration API: ``from analysis import load`` and the filters of notebook 05."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analysis.paths import SEEDS
from analysis.reporting import explore
from analysis.tables.frames import Frames


def _frames() -> Frames:
    day = pd.Timestamp
    articles = pd.DataFrame({
        "file": ["a.txt", "b.txt", "c.txt"], "language": ["fr", "en", "fr"], "outlet": ["Le Monde", "AP", "AP"],
        "published_date": [day("2021-03-10"), day("2022-01-05"), pd.NaT]})
    figures = pd.DataFrame({
        "figure_id": ["a1", "a2", "b1", "c1"], "file": ["a.txt", "a.txt", "b.txt", "c.txt"],
        "category": ["strikes", "killed", "rockets", "strikes"], "actor": ["coalition", "isis", "iran_backed", "us"],
        # a1 counts 2016 in an article of 2021; a2 has no period (dated by its article); c1 neither.
        "period_start": [day("2016-01-01"), pd.NaT, day("2022-01-03"), pd.NaT],
        "period_end": [day("2016-12-31"), pd.NaT, day("2022-01-03"), pd.NaT],
        "claim_id": ["ca", None, "cb", None]})
    claims = pd.DataFrame({"claim_id": ["ca", "ca2", "cb"], "file": ["a.txt", "a.txt", "b.txt"]})
    events = pd.DataFrame({
        "event_id": ["e1", "e2"], "weapon": ["strikes", "rockets"], "actor1": ["coalition", "iran_backed"],
        "actor2": ["isis", "coalition"], "period_start": [day("2016-01-01"), day("2022-01-03")],
        "period_end": [day("2016-12-31"), day("2022-01-03")], "files": ["a.txt", "b.txt;c.txt"]})
    rejected = pd.DataFrame({"file": ["x.txt"], "reason": ["empty file"]})
    return Frames(articles, figures, claims, events, rejected)


def _ids(frames: Frames) -> dict:
    return {"articles": list(frames.articles["file"]), "figures": list(frames.figures["figure_id"]),
            "claims": list(frames.claims["claim_id"]), "events": list(frames.events["event_id"])}


def test_no_filter_keeps_everything_and_the_input_is_not_changed():
    data = _frames()
    before = _ids(data)
    assert _ids(explore.filter_frames(data)) == before
    assert _ids(explore.filter_frames(data, actor=explore.ALL, category=None, outlet=[])) == before
    explore.filter_frames(data, language="en")
    assert _ids(data) == before and len(data.rejected) == 1


def test_language_and_outlet_narrow_articles_and_what_they_hold():
    got = _ids(explore.filter_frames(_frames(), language="fr", outlet="AP"))
    assert got == {"articles": ["c.txt"], "figures": ["c1"], "claims": [], "events": ["e2"]}  # e2 cites b and c
    got = _ids(explore.filter_frames(_frames(), outlet=["Le Monde", "AP"], language="en"))
    assert got["articles"] == ["b.txt"] and got["events"] == ["e2"]


def test_actor_and_category_narrow_figures_events_and_the_claims_and_articles_holding_them():
    got = _ids(explore.filter_frames(_frames(), actor="coalition"))
    assert got == {"articles": ["a.txt"], "figures": ["a1"], "claims": ["ca"], "events": ["e1", "e2"]}  # e2's actor2
    got = _ids(explore.filter_frames(_frames(), category="strikes", actor=["us", "coalition"]))
    assert got == {"articles": ["a.txt", "c.txt"], "figures": ["a1", "c1"], "claims": ["ca"], "events": ["e1"]}
    assert _ids(explore.filter_frames(_frames(), category="rockets"))["events"] == ["e2"]


def test_dates_take_each_figure_by_the_period_it_counts():
    # 2016: the figure about 2016 and its event, though its article was published in 2021.
    got = _ids(explore.filter_frames(_frames(), start="2016-01-01", end="2016-06-30"))
    assert got == {"articles": [], "figures": ["a1"], "claims": ["ca"], "events": ["e1"]}
    # 2021: the article of 2021 and its figure without a period; an article of unknown date is left out.
    got = _ids(explore.filter_frames(_frames(), start="2021-01-01", end="2021-12-31"))
    assert got == {"articles": ["a.txt"], "figures": ["a2"], "claims": ["ca", "ca2"], "events": []}
    # An end day is inclusive; one bound alone works.
    assert _ids(explore.filter_frames(_frames(), start="2022-01-03"))["figures"] == ["b1"]
    assert _ids(explore.filter_frames(_frames(), end="2022-01-03"))["events"] == ["e1", "e2"]
    with pytest.raises(ValueError, match="before start"):
        explore.filter_frames(_frames(), start="2022-01-02", end="2022-01-01")


def test_choices_and_tables():
    data = _frames()
    assert explore.choices(data) == {"actor": ["coalition", "iran_backed", "isis", "us"],
                                     "category": ["killed", "rockets", "strikes"], "language": ["en", "fr"],
                                     "outlet": ["AP", "Le Monde"]}
    table = explore.table(data, "figures")
    assert list(table.columns) == [c for c in explore.TABLE_COLUMNS["figures"] if c in data.figures.columns]
    assert table["period_start"].iloc[0] == "2016-01-01"
    assert explore.counts(data) == "3 articles, 4 figures, 3 claims, 2 events"


# --- load ---------------------------------------------------------------------------------------------------------

def test_import_analysis_stays_cheap():
    out = subprocess.run([sys.executable, "-c", "import sys, analysis; print('pandas' in sys.modules); "
                          "from analysis import load; print(callable(load))"], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True"], out.stderr


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A copy of the seeds, and the output root (build/frames/) in the test's folder."""
    import analysis.paths

    monkeypatch.setattr(analysis.paths, "FRAMES", tmp_path / "build" / "frames")
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_load_extracts_once_then_reads(corpus, monkeypatch):
    from analysis import load
    import analysis.pipeline

    calls = []
    real = analysis.pipeline.extract
    monkeypatch.setattr(analysis.pipeline, "extract", lambda *a, **k: calls.append(a) or real(*a, **k))
    first = load(corpus)
    assert len(calls) == 1 and len(first.articles) == 5 and len(first.figures) > 0
    assert first.corpus == str(corpus) and (first.folder / "frames.json").exists()
    again = load(str(corpus))
    assert len(calls) == 1  # read, not extracted again
    pd.testing.assert_frame_equal(again.figures, first.figures)
    # A changed article makes the frames stale: extracted again.
    article = sorted(corpus.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nLa coalition a mené 12 frappes.\n", encoding="utf-8")
    load(corpus)
    assert len(calls) == 2


def test_load_reads_a_frames_folder_and_its_texts(corpus):
    from analysis import load

    extracted = load(corpus)
    frames = load(extracted.folder)
    assert frames.folder == extracted.folder and frames.corpus == str(corpus)
    pd.testing.assert_frame_equal(frames.claims, extracted.claims)
    # Each span reads as its text in the article read back (Loaded.text), and the viewer shows it.
    for row in frames.figures.itertuples():
        assert frames.text(row.file)[row.start:row.end] == row.text
    view = frames.view()
    assert view.file == frames.articles["file"].iloc[0] and 'class="av-viewer"' in view._repr_html_()


def test_load_finds_relative_paths_from_the_repository_root(tmp_path, monkeypatch):
    from analysis.api import _find

    monkeypatch.chdir(tmp_path)  # not the repository
    assert _find("seeds") == SEEDS.resolve()


def test_bad_paths_give_a_clear_error(tmp_path, corpus):
    from analysis import LoadError, load

    with pytest.raises(LoadError, match=r"nowhere: no such folder \(looked for .*nowhere"):
        load(tmp_path / "nowhere")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(LoadError, match="file.txt: not a folder"):
        load(tmp_path / "file.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(LoadError, match=r"empty: neither a corpus \(no .txt articles\) nor a frames folder"):
        load(tmp_path / "empty")
    frames = load(corpus).folder
    (frames / "figures.parquet").write_bytes(b"changed")
    with pytest.raises(LoadError, match=r"cannot read its frames .*figures.parquet missing or changed"):
        load(frames)


def test_a_changed_article_is_not_shown_against_old_spans(corpus):
    from analysis import LoadError, load

    frames = load(load(corpus).folder)
    file = frames.figures["file"].iloc[0]
    (corpus / file).write_text("Un autre texte, 3 frappes.", encoding="utf-8")
    with pytest.raises(LoadError, match=f"{file} changed since its frames were extracted"):
        frames.text(file)
    with pytest.raises(LoadError, match="no article 'missing.txt'"):
        frames.text("missing.txt")


def test_the_article_picker_is_a_menu_for_a_small_corpus_and_a_text_box_past_it():
    from analysis.reporting.explore import article_picker

    files = [f"{i:03d}.txt" for i in range(12)]
    menu = article_picker(files, None, menu=20)
    assert list(menu.options) == files and menu.value == "000.txt"
    assert article_picker(files, "005.txt", menu=20).value == "005.txt"
    assert article_picker(files, "zzz.txt", menu=20).value == "000.txt"  # the viewer cell says it is unknown
    typed = article_picker(files, None, menu=10)
    assert not hasattr(typed, "options") and typed.value == "000.txt"  # no 200,000-name menu saved in the notebook


def test_the_filter_panel_lists_every_choice_and_its_tables_follow_a_choice(seed_frames, monkeypatch):
    import itables

    shown = []
    monkeypatch.setattr(itables, "show", lambda df, caption=None, **kw: shown.append((caption, len(df))))
    panel = explore.filter_panel(seed_frames)
    controls = {c.description: c for box in panel.children[:3] for c in box.children}
    assert set(controls) == {"actor", "category", "language", "outlet", "from", "to"}
    menus = explore.choices(seed_frames)
    assert [v for _, v in controls["category"].options][1:] == menus["category"]
    shown.clear()
    controls["category"].value = "strikes"
    expected = explore.filter_frames(seed_frames, category="strikes")
    assert ("figures (filtered)", len(expected.figures)) in shown and len(expected.figures) < len(seed_frames.figures)

"""Cases found by reviewing the package on sentences and inputs of other styles."""

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from analysis.extraction import extract_article
from analysis.paths import GOLD, ROOT, SEEDS


def rows(text, day=date(2023, 11, 14)):
    return extract_article(text, published=day, precision="day")


def one(figures, text):
    hits = [f for f in figures if f["text"] == text]
    assert len(hits) == 1, [f["text"] for f in figures]
    return hits[0]


def test_depuis_runs_the_period_up_to_publication():
    f, _ = rows("Depuis le 17 octobre, les milices pro-iraniennes ont lancé plus de 60 attaques contre les forces "
                "américaines en Irak et en Syrie.")
    fig = one(f, "plus de 60")
    assert (str(fig["period_start"]), str(fig["period_end"])) == ("2023-10-17", "2023-11-14")


def test_a_bare_month_after_publication_is_last_year():
    f, _ = rows("La coalition a mené 97 frappes en mars.", date(2024, 2, 5))
    assert str(one(f, "97")["period_start"]) == "2023-03-01"


def test_victims_of_a_passive_count_are_not_its_actor():
    f, _ = rows("Trois soldats américains ont été tués et plus de 25 blessés dans une attaque de drone contre "
                "la Tower 22, en Jordanie.", date(2024, 1, 29))
    assert one(f, "Trois")["actor"] != "us" and one(f, "plus de 25")["actor"] != "us"
    f, _ = rows("18 combattants pro-Iran ont été tués dans des frappes américaines.")
    assert one(f, "18")["actor"] == "us"


@pytest.mark.parametrize("text,number,category", [
    ("Les Rafale ont effectué 1.200 sorties depuis le début de l'opération.", "1.200", "operations"),
    ("Quatre Rafale ont décollé de la base de H5.", "Quatre", "aircraft"),
    ("Deux Mirage 2000 ont frappé un dépôt d'armes.", "Deux", "aircraft"),
    ("Le Pentagone a envoyé 3 000 parachutistes au Koweït.", "3 000", "troops"),
])
def test_more_counted_nouns(text, number, category):
    f, _ = rows(text)
    assert one(f, number)["category"] == category


@pytest.mark.parametrize("text,speaker,kind", [
    ("Le Hezbollah irakien a tiré 12 roquettes sur la base, affirmant que l'attaque répondait aux frappes.",
     "Le Hezbollah irakien", "organisation"),
    ("Au moins 40 civils ont été tués, selon les chiffres de l'Airwars.", "Airwars", "organisation"),
    ("« Nous poursuivrons les frappes », peut-on lire dans le communiqué de la CJTF-OIR.", "CJTF-OIR", "organisation"),
    ("Selon le bilan du ministère irakien de la Défense, 42 jihadistes ont été tués.",
     "ministère irakien de la Défense", "organisation"),
])
def test_claim_speakers(text, speaker, kind):
    _, claims = rows(text)
    assert len(claims) == 1
    assert (claims[0]["speaker"], claims[0]["speaker_kind"]) == (speaker, kind)


def test_quote_span_ends_inside_the_quote():
    text = "« Trois roquettes sont tombées sur la base », a déclaré à l'AFP un responsable."
    _, claims = rows(text)
    assert claims[0]["text"].endswith("base") and claims[0]["speaker"] == "un responsable"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT)


def test_output_paths_of_the_wrong_kind_are_usage_errors(tmp_path):
    a_file = tmp_path / "afile"
    a_file.write_text("x")
    result = cli("extract", str(SEEDS), "--out", str(a_file))
    assert result.returncode == 2 and "is a file" in result.stderr
    out = tmp_path / "out"
    assert cli("extract", str(SEEDS), "--out", str(out), "-q").returncode == 0
    result = cli("export", str(out), "--out", str(tmp_path))
    assert result.returncode == 2 and "is a folder" in result.stderr
    assert cli("export", str(out)).returncode == 0
    acled = pd.read_csv(out / "events_acled.csv")
    assert acled["fatalities"].isna().all()  # no figure counts the dead: unknown, not zero


def test_minimal_gold_scores_by_span_and_empty_gold_is_refused(tmp_path):
    out = tmp_path / "out"
    assert cli("extract", str(SEEDS), "--out", str(out), "-q").returncode == 0
    gold = pd.read_csv(GOLD / "figures.csv")[["file", "start", "end", "kind"]]
    minimal = tmp_path / "minimal.csv"
    gold.to_csv(minimal, index=False)
    result = cli("evaluate", "--gold", str(minimal), "--pred", str(out), "--min-f1", "0.95")
    assert result.returncode == 0, result.stdout + result.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("file,start,end,kind\n")
    result = cli("evaluate", "--gold", str(empty), "--pred", str(out))
    assert result.returncode == 2 and "annotates no figure" in result.stderr


def test_header_only_catalog_still_warns_and_language_defaults(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "catalog.csv").write_text("file,url,outlet,language,published\n")
    (corpus / "x.txt").write_text("La coalition a mené 12 frappes lundi.\n")
    out = tmp_path / "out"
    result = cli("extract", str(corpus), "--out", str(out), "-q")
    assert "x.txt: not in catalog.csv" in result.stderr
    assert pd.read_csv(out / "articles.csv")["language"].tolist() == ["fr"]

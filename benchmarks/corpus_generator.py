"""Generate a synthetic corpus of unique press articles for the benchmarks.

What: writes N articles (``bench_0000000.txt``…) and a ``catalog.csv`` in one
pass, deterministically from a seed. Each article recombines body paragraphs
of real articles (French: ``seeds/``; English: the English articles of
``data/annotations/*/articles`` and ``tests/corpus_mixed``) with generated
sentences full of numbers, places, dates and weapons, around page furniture
(reading time, photo captions with aircraft names, bylines, cookie banners,
"read also" links). About a fifth of the articles are English.

Why: a benchmark at scale needs a corpus of any size whose texture is the
seeds', and whose articles are all different: the extractor drops an article
whose text was already seen, so copies would measure nothing. Every article
carries a dateline (place, date, agency) and a reference code made of
consonants only (no digits, so no figure is added; no vowels, so never a word)
that is a bijection of its index: no two articles can have the same text.

``cached_corpus`` keeps a generated corpus in a folder named after its size and
seed, with a marker file written last (size, seed, generator version): the same
request reuses it, anything else regenerates it.

Usage as a script::

    .venv/bin/python benchmarks/corpus_generator.py N [--seed S] [--corpus-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import string
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FRENCH_SOURCES = [REPO / "seeds"]
ENGLISH_SOURCES = sorted((REPO / "data" / "annotations").glob("*/articles")) + [REPO / "tests" / "corpus_mixed"]
# Bump when a change alters the generated text: cached corpora of an older version are regenerated.
GENERATOR_VERSION = 1
MARKER = ".bench-corpus.json"
FILE_PREFIX = "bench_"
CATALOG = "catalog.csv"
DEFAULT_SEED = 20240601
ENGLISH_SHARE = 0.2
# 3.2..5 KB: about 4.2 KB an article on average, the size of the issue 11 baseline.
MIN_BYTES, MAX_BYTES = 3_200, 5_000
SOURCE_SHARE = 0.9  # share of body paragraphs taken from real articles; the rest is generated
CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ"  # consonants: a reference code is never a word


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

PLACES_FR = ["Mossoul", "Raqqa", "Deir Ezzor", "Hajin", "Baghouz", "Kirkouk", "Ramadi", "Falloujah",
             "Tikrit", "al-Mayadeen", "Bagdad", "Erbil", "Palmyre", "Tal Afar", "Manbij", "Abou Kamal",
             "Haditha", "Baiji", "Hassaké", "Qaïm", "Sinjar", "Diyala", "Samarra", "Kobané"]
PLACES_EN = ["Mosul", "Raqqa", "Deir ez-Zor", "Hajin", "Baghouz", "Kirkuk", "Ramadi", "Fallujah",
             "Tikrit", "al-Mayadeen", "Baghdad", "Erbil", "Palmyra", "Tal Afar", "Manbij", "Abu Kamal",
             "Haditha", "Baiji", "Hasakah", "Qaim", "Sinjar", "Diyala", "Samarra", "Kobani"]
WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
WORDS_FR = ["Deux", "Trois", "Quatre", "Cinq", "Six", "Sept", "Huit", "Neuf", "Dix", "Douze", "Vingt"]
WORDS_EN = ["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twelve", "Twenty"]
AGENCIES_FR = ["AFP", "Reuters", "AP", "Opex360", "Euronews", "Le Monde", "RFI"]
AGENCIES_EN = ["Reuters", "AP", "AFP", "Xinhua", "Rudaw", "Kurdistan 24", "Stars and Stripes"]
AUTHORS = ["Jean Dupont", "Claire Martin", "Karim Benali", "Sophie Laurent", "John Smith",
           "Sarah Miller", "Ahmed Rasheed", "Laura Chen"]
SLUGS = ["cjtf", "frappe", "mossoul", "1000w_q95", "strike", "oir_photo", "isf"]

SENTENCES_FR = [
    "La coalition a mené {n} frappes contre l'EI près de {place} {weekday}.",
    "{n} roquettes ont visé la base d'Ain al-Asad {weekday} soir, sans faire de victime.",
    "{word} roquettes ont atterri près de la base aérienne d'Ain al-Asad, selon un communiqué.",
    "Des dizaines de combattants ont été tués lors de l'offensive sur {place}.",
    "Selon le porte-parole de la coalition, au moins {n} djihadistes ont été tués et {m} autres blessés.",
    "Entre {n} et {n2} civils auraient péri dans les bombardements de {place}, selon l'OSDH.",
    "Le {day} {month} {year}, des F-16 et des drones MQ-9 Reaper ont frappé {n} positions de l'EI à {place}.",
    "Plus de {n} frappes aériennes ont été menées en {month} {year}, contre {m} le mois précédent.",
    "Près de {k} 000 soldats irakiens participent à l'offensive lancée le {day} {month} sur {place}.",
    "Les forces irakiennes ont repris {n} villages et {m} kilomètres carrés depuis {weekday}.",
    "{pct} % des frappes ont visé des infrastructures pétrolières, a précisé le Pentagone {weekday}.",
    "Une centaine de véhicules de l'EI ont été détruits depuis le début de l'opération à {place}.",
    "{word} drones armés ont été abattus {weekday} au-dessus de l'aéroport de Bagdad.",
    "L'armée américaine a déployé {n} militaires supplémentaires en Irak, a annoncé Washington le {day} {month}.",
    "Quelque {n} familles ont fui {place} depuis le {day} {month}, d'après l'ONU.",
    "Deux avions F-16 Fighting Falcon ont décollé de la base d'Incirlik pour une mission de {k} heures.",
]
SENTENCES_EN = [
    "The coalition conducted {n} strikes against ISIS near {place} on {weekday}.",
    "{n} rockets hit Ain al-Asad air base on {weekday} night, causing no casualties.",
    "{word} rockets landed near Ain al-Asad air base, the coalition said in a statement.",
    "Dozens of fighters were killed in the offensive on {place}.",
    "At least {n} militants were killed and {m} others wounded, a coalition spokesman said.",
    "Between {n} and {n2} civilians may have died in the bombing of {place}, the SOHR said.",
    "On {month} {day}, {year}, F-16s and MQ-9 Reaper drones struck {n} ISIS positions in {place}.",
    "More than {n} airstrikes were carried out in {month} {year}, against {m} the month before.",
    "Some {k},000 Iraqi troops are taking part in the offensive launched on {month} {day} on {place}.",
    "Iraqi forces have retaken {n} villages and {m} square kilometers since {weekday}.",
    "{pct} percent of the strikes hit oil infrastructure, the Pentagon said on {weekday}.",
    "About a hundred ISIS vehicles have been destroyed since the operation on {place} began.",
    "{word} armed drones were shot down on {weekday} over Baghdad airport.",
    "The U.S. military deployed {n} more troops to Iraq, Washington announced on {month} {day}.",
    "Some {n} families have fled {place} since {month} {day}, according to the UN.",
    "Two F-16 Fighting Falcon jets took off from Incirlik air base for a {k}-hour mission.",
]
HEADLINES_FR = [
    "La coalition a mené {n} frappes contre l'EI près de {place}",
    "{word} roquettes tirées contre la base d'Ain al-Asad",
    "Offensive sur {place} : des dizaines de djihadistes tués",
    "Irak : la coalition intensifie ses frappes aériennes en {month}",
    "Syrie : {n} frappes de la coalition autour de {place}",
]
HEADLINES_EN = [
    "Coalition conducts {n} strikes against ISIS near {place}",
    "{word} rockets fired at Ain al-Asad air base",
    "Offensive on {place}: dozens of militants killed",
    "Iraq: coalition steps up airstrikes in {month}",
    "Syria: {n} coalition strikes around {place}",
]
HEAD_FURNITURE_FR = [
    "Temps de lecture estimé : {k} minutes",
    "{slug}_{n}.jpg",
    "Un avion F-16 Fighting Falcon après avoir été ravitaillé par un KC-135, le {day} {month} {year}. (U.S. Air Force)",
    "Un drone MQ-9 Reaper sur la base d'Incirlik, le {day} {month} {year}. (U.S. Air Force)",
    "Par {author}",
    "PUBLICITÉ",
]
HEAD_FURNITURE_EN = [
    "Estimated reading time: {k} minutes",
    "{slug}_{n}.jpg",
    "A U.S. Air Force F-15E Strike Eagle refuels from a KC-135 Stratotanker, {month} {day}, {year}. (U.S. Air Force)",
    "An MQ-9 Reaper drone at Incirlik air base, {month} {day}, {year}. (U.S. Air Force photo)",
    "By {author}",
    "Advertisement",
    "A+ A-",
]
TAIL_FURNITURE_FR = [
    "By continuing to use the site, you agree to the use of cookies. more information",
    "Ce site utilise des cookies pour améliorer votre expérience de navigation.",
    "Partager cet article",
    "Related articles\n\nLa coalition frappe {place}\n\nLEAVE A REPLY\n\nPlease enter your comment!",
    "Lire aussi : {word} roquettes contre une base américaine à {place}",
    "Laisser un commentaire\n\nVotre adresse e-mail ne sera pas publiée.",
]
TAIL_FURNITURE_EN = [
    "By continuing to use the site, you agree to the use of cookies. more information",
    "Share this article",
    "Related articles\n\nCoalition strikes {place}\n\nLEAVE A REPLY\n\nPlease enter your comment!",
    "Read more: {word} rockets hit a U.S. base near {place}",
    "Tags: ISIS SDF Iraq Syria {place}",
    "Sign up for our newsletter",
]
# The dateline puts the publication date and a place in every article.
DATELINE_FR = "{PLACE}, {day} {month} ({agency}) –"
DATELINE_EN = "{PLACE}, {month} {day} ({agency}) --"
REFERENCE_FR = "Réf. dépêche : {code}"
REFERENCE_EN = "Story ID: {code}"


@dataclass(frozen=True)
class Language:
    """The vocabulary, templates and real paragraphs of one language."""

    code: str
    body: tuple[str, ...]  # paragraphs of real articles (>= 80 characters)
    short: tuple[str, ...]  # their short lines: titles, captions, furniture
    places: list[str]
    weekdays: list[str]
    months: list[str]
    words: list[str]
    agencies: list[str]
    sentences: list[str]
    headlines: list[str]
    head: list[str]
    tail: list[str]
    dateline: str
    reference: str


def read_paragraphs(folders: list[Path], language: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Long and short non-empty lines of the articles in ``folders`` (of ``language`` per their catalogs)."""
    lines = []
    for folder in folders:
        files = sorted(folder.glob("*.txt"))
        if language is not None:
            catalog = folder / CATALOG
            if not catalog.exists():
                continue
            with catalog.open(encoding="utf-8", newline="") as fh:
                keep = {row["file"] for row in csv.DictReader(fh) if row.get("language") == language}
            files = [p for p in files if p.name in keep]
        for path in files:
            lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = tuple(ln for ln in lines if len(ln) >= 80)
    short = tuple(ln for ln in lines if len(ln) < 80)
    if not body or not short:
        raise SystemExit(f"error: no source articles in {', '.join(map(str, folders))}")
    return body, short


def load_languages() -> dict[str, Language]:
    """French from the seeds, English from the annotated English articles."""
    fr_body, fr_short = read_paragraphs(FRENCH_SOURCES)
    en_body, en_short = read_paragraphs(ENGLISH_SOURCES, language="en")
    return {
        "fr": Language("fr", fr_body, fr_short, PLACES_FR, WEEKDAYS_FR, MONTHS_FR, WORDS_FR, AGENCIES_FR,
                       SENTENCES_FR, HEADLINES_FR, HEAD_FURNITURE_FR, TAIL_FURNITURE_FR, DATELINE_FR, REFERENCE_FR),
        "en": Language("en", en_body, en_short, PLACES_EN, WEEKDAYS_EN, MONTHS_EN, WORDS_EN, AGENCIES_EN,
                       SENTENCES_EN, HEADLINES_EN, HEAD_FURNITURE_EN, TAIL_FURNITURE_EN, DATELINE_EN, REFERENCE_EN),
    }


# --------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------

_FIELDS: dict[str, frozenset[str]] = {}


def fields(template: str) -> frozenset[str]:
    """The placeholder names of ``template`` (cached: only those are drawn)."""
    found = _FIELDS.get(template)
    if found is None:
        found = _FIELDS[template] = frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)
    return found


def fill(template: str, rng: random.Random, lang: Language, **fixed) -> str:
    """Fill ``template`` with random numbers, places and dates (``fixed`` values win)."""
    values = {}
    for name in fields(template):
        if name in fixed:
            values[name] = fixed[name]
        elif name in ("n", "n2"):
            if "n" not in values:
                values["n"] = rng.choice((rng.randint(2, 20), rng.randint(20, 400), rng.randint(400, 5000)))
            values["n2"] = values["n"] + rng.randint(3, 60)
        elif name == "m":
            values[name] = rng.randint(2, 300)
        elif name == "k":
            values[name] = rng.randint(2, 30)
        elif name == "pct":
            values[name] = rng.randint(5, 95)
        elif name == "word":
            values[name] = rng.choice(lang.words)
        elif name == "place":
            values[name] = rng.choice(lang.places)
        elif name == "weekday":
            values[name] = rng.choice(lang.weekdays)
        elif name == "day":
            values[name] = rng.randint(1, 28)
        elif name == "month":
            values[name] = rng.choice(lang.months)
        elif name == "year":
            values[name] = rng.randint(2014, 2022)
        elif name == "slug":
            values[name] = rng.choice(SLUGS)
        elif name == "author":
            values[name] = rng.choice(AUTHORS)
        else:
            raise KeyError(f"no value for {{{name}}} in {template!r}")
    return template.format(**values)


def reference_code(index: int, width: int = 6) -> str:
    """A consonants-only code, one per index (base 20, at least ``width`` letters): 0 -> 'BBBBBB'."""
    base = len(CODE_LETTERS)
    out = []
    while index or len(out) < width:
        index, digit = divmod(index, base)
        out.append(CODE_LETTERS[digit])
    return "".join(reversed(out))


def make_article(index: int, rng: random.Random, lang: Language, published: date,
                 min_bytes: int = MIN_BYTES, max_bytes: int = MAX_BYTES) -> str:
    """Article number ``index``: title, furniture, dateline, body, tail, reference code.

    Its UTF-8 size is drawn in ``min_bytes..max_bytes`` (a short article may end
    a little below when no more text fits under ``max_bytes``).
    """
    title = fill(rng.choice(lang.headlines), rng, lang) if rng.random() < 0.7 else rng.choice(lang.short)
    head = [fill(t, rng, lang) for t in rng.sample(lang.head, rng.randint(0, 2))]
    dateline = lang.dateline.format(PLACE=rng.choice(lang.places).upper(), day=published.day,
                                    month=lang.months[published.month - 1], agency=rng.choice(lang.agencies))
    tail = [fill(t, rng, lang) for t in rng.sample(lang.tail, rng.randint(0, 2))]
    tail.append(lang.reference.format(code=reference_code(index)))
    size = len("\n\n".join([title, *head, *tail]).encode("utf-8")) + 3
    target = rng.randint(min_bytes, max_bytes)
    sources = rng.sample(lang.body, len(lang.body))  # each real paragraph at most once per article
    paras = []
    while size < target:
        if sources and rng.random() < SOURCE_SHARE:
            para = sources.pop()
        else:
            para = " ".join(fill(rng.choice(lang.sentences), rng, lang) for _ in range(rng.randint(1, 3)))
        lead = f"{dateline} " if not paras else ""
        n = len((lead + para).encode("utf-8")) + 2
        if size + n > max_bytes:
            para = fill(rng.choice(lang.sentences), rng, lang)  # a short one to finish
            n = len((lead + para).encode("utf-8")) + 2
            if size + n > max_bytes:
                break
        para = lead + para
        paras.append(para)
        size += n
    return "\n\n".join([title, *head, *paras, *tail]) + "\n"


def random_published(rng: random.Random) -> tuple[date, str]:
    """A publication date between August 2014 and 2022, known to the day or the week."""
    return date(2014, 8, 1) + timedelta(days=rng.randint(0, 3000)), rng.choice(("day", "day", "day", "week"))


# --------------------------------------------------------------------------
# Corpus folders
# --------------------------------------------------------------------------

def prepare_corpus_dir(folder: Path) -> None:
    """Create ``folder``, or clear a previous generated corpus in it; refuse anything else."""
    folder.mkdir(parents=True, exist_ok=True)
    ours = (CATALOG, MARKER)
    with os.scandir(folder) as entries:
        names = [e.name for e in entries]
    foreign = [n for n in names if not (n.startswith(FILE_PREFIX) or n in ours)]
    if foreign:
        raise SystemExit(f"error: {folder} holds files this generator did not write ({foreign[0]}, ...); "
                         "use a new or empty folder")
    if MARKER in names:
        (folder / MARKER).unlink()  # first: an interrupted run is never taken for a finished one
    for name in names:
        if name != MARKER:
            (folder / name).unlink()


def write_corpus(folder: Path, n_articles: int, seed: int = DEFAULT_SEED, english_share: float = ENGLISH_SHARE,
                 min_bytes: int = MIN_BYTES, max_bytes: int = MAX_BYTES) -> int:
    """Write ``n_articles`` unique articles and their catalog into ``folder``; return the bytes of text.

    The same arguments always give the same files, byte for byte.
    """
    if n_articles < 1:
        raise ValueError("n_articles must be at least 1")
    prepare_corpus_dir(folder)
    languages = load_languages()
    rng = random.Random(seed)
    width = max(7, len(str(n_articles - 1)))
    total = 0
    with open(folder / CATALOG, "w", newline="", encoding="utf-8") as fh:
        catalog = csv.writer(fh, lineterminator="\n")
        catalog.writerow(["file", "url", "outlet", "language", "published", "published_precision"])
        for i in range(n_articles):
            lang = languages["en" if rng.random() < english_share else "fr"]
            published, precision = random_published(rng)
            data = make_article(i, rng, lang, published, min_bytes, max_bytes).encode("utf-8")
            name = f"{FILE_PREFIX}{i:0{width}d}.txt"
            with open(os.path.join(folder, name), "wb") as out:
                out.write(data)
            total += len(data)
            catalog.writerow([name, f"https://example.org/{lang.code}/{i}", rng.choice(lang.agencies + [""]),
                              lang.code, published.isoformat(), precision])
    return total


def marker_for(n_articles: int, seed: int, **options) -> dict:
    """What a cached corpus must have been generated with to be reused."""
    return {"articles": n_articles, "seed": seed, "generator_version": GENERATOR_VERSION, **options}


def cached_corpus(root: Path, n_articles: int, seed: int = DEFAULT_SEED,
                  english_share: float = ENGLISH_SHARE) -> tuple[Path, int, bool]:
    """The corpus of ``n_articles`` for ``seed`` under ``root``, generated unless already there.

    Returns ``(folder, bytes of text, reused)``. The marker file is written
    last and holds the size, seed, options and generator version; a folder
    whose marker differs (or is missing: an interrupted run) is regenerated.
    """
    folder = Path(root) / f"articles-{n_articles}-seed-{seed}"
    wanted = marker_for(n_articles, seed, english_share=english_share)
    try:
        found = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        found = None
    if found is not None and {k: found.get(k) for k in wanted} == wanted:
        return folder, int(found["bytes"]), True
    total = write_corpus(folder, n_articles, seed, english_share)
    (folder / MARKER).write_text(json.dumps({**wanted, "bytes": total}, indent=1) + "\n", encoding="utf-8")
    return folder, total, False


def default_cache_root() -> Path:
    """Where generated corpora are kept between runs: ``$BENCH_CORPUS_DIR`` or the system temp folder."""
    return Path(os.environ.get("BENCH_CORPUS_DIR") or Path(tempfile.gettempdir()) / "analysis-bench-corpus")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("articles", type=int, help="number of articles")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)")
    p.add_argument("--corpus-dir", type=Path, default=None,
                   help="cache folder of generated corpora (default: $BENCH_CORPUS_DIR or the temp folder)")
    args = p.parse_args(argv)
    if args.articles < 1:
        p.error("articles must be at least 1")
    t0 = time.perf_counter()
    folder, total, reused = cached_corpus(args.corpus_dir or default_cache_root(), args.articles, args.seed)
    how = "reused" if reused else f"generated in {time.perf_counter() - t0:.1f} s"
    print(f"{args.articles} articles, {total / 1e6:.1f} MB in {folder} ({how})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scoring extracted figures and claims against hand annotations.

Two gold formats are read, told apart by their columns.

**Offsets** (the seeds, ``tests/gold/``): one row per annotated span::

    file,start,end,text,kind,value,low,high,qualifier,category,subject,actor,place,
    period_start,period_end,time_precision,note

``kind`` is ``figure`` (a numeric fact that must be extracted) or ``trap``
(something that looks like a number but must not be: a date, a designation,
page furniture). Offsets are character offsets into the article as read.
Only ``file,start,end,kind`` are required; the attribute columns are scored
where the gold row fills them. Claims: ``file,start,end`` (the statement) with
``speaker, speaker_kind, channel`` as the package spells them.

**Quotes** (the development set, ``data/annotations/devset/``): figures as
``file,quote,value,low,high,qualifier,category,actor,period,place`` and claims
as ``file,speaker,role,channel,quote_start``. Each quote is located in its
article (read as ``extract`` reads it, so offsets agree): the first
occurrence, or the n-th for the n-th row of a file repeating the same quote,
so rows sharing a ``quote_start`` match as a multiset. A quote the article
does not hold is an error naming the row. The quote becomes the gold span:
a figure's quote holds the number and its head noun, a claim's the first words
of the statement. Labels the development set spells differently are mapped in
:data:`LABEL_MAP` (and only there); a gold label outside the vocabulary after
that is an error naming the row.

Matching, one routine for both formats (:func:`match_spans`): a prediction
matches a gold row of the same file whose span it overlaps; figures must also
agree on the value (the same ``value``, or overlapping bounds ``[low, high]``,
open where the wording gives no bound). Each gold row and each prediction is
used at most once, the largest overlap first.

*Strict* figure matching pairs the same way with a stricter condition: with
offsets, the predicted span equals the gold span; with quotes, the predicted
span lies inside the quote and that quote is the only gold figure it overlaps
with an agreeing value (the quote holds the number, its qualifier and its
head noun, so the number's own span is not known: a prediction spilling out
of the quote, or that could be either of two overlapping annotated facts, is
not strict; one that leaves the qualifier out of its span still is, and the
qualifier's accuracy tells).

Predictions that are a bare indefinite article (``un``, ``une``, ``one``,
``a``, ``an``) and match no gold figure are don't-care under the quotes
format (the development set does not annotate them): neither false positives
nor matches. One that matches an annotated count ("tuant un sous-traitant")
is a match.

Attributes are scored on the matches, where the gold row fills them:
category, qualifier, actor (equal, after :data:`LABEL_MAP`), place (every
place the gold names is found in the predicted one and the reverse, without
case, accents or leading prepositions and determiners, one name holding the
other counting as equal), period: with offsets, start and end both equal;
with quotes, the predicted period overlaps the gold one and its length in
days is within a factor 2 of the gold's (a month-precision gold bound covers
the whole month), and an empty gold period (the text gives no resolvable
anchor) is right only when the prediction leaves the period empty. Claims:
speaker (see :func:`same_speaker`), speaker kind and channel (quotes: the
package's channel mapped to the development set's, :func:`devset_channel`).

Given each file's language (the catalog of the articles folder), every score
is also given by language.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.corpus.catalog import parse_published, read_catalog
from analysis.corpus.reader import CATALOG_NAME, ArticleError, read_article
from analysis.tables.frames import read_frame
from analysis.resources.lexicon import ACTORS, CATEGORIES, CHANNELS, QUALIFIERS

GOLD_REQUIRED = ["file", "start", "end", "kind"]
QUOTE_REQUIRED = ["file", "quote"]
CLAIM_QUOTE_REQUIRED = ["file", "quote_start"]
ATTRIBUTES = ["category", "qualifier", "actor", "place", "period"]

# Development-set labels the package spells differently: (column, gold label) -> package label.
# The only renaming done in scoring; the README's "Development set" section shows the same table.
LABEL_MAP = {
    ("category", "positions_destroyed"): "destroyed",
}
# Package claims -> the development set's channels. The development set files unnamed sources
# under the channel ``anonymous_officials``, which takes precedence over the medium; the package
# records them as ``speaker_kind`` ``anonymous_officials`` with a channel. ``media_report`` (an
# outlet's own reporting) is the development set's ``other``. Every other channel is the same word.
CHANNEL_TO_DEVSET = {"media_report": "other"}
DEVSET_CHANNELS = tuple(CHANNEL_TO_DEVSET.get(c, c) for c in CHANNELS) + ("anonymous_officials",)
GOLD_VOCABULARY = {"category": CATEGORIES, "qualifier": QUALIFIERS, "actor": ACTORS}
BARE_INDEFINITES = {"un", "une", "one", "a", "an"}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    n_gold: int
    n_pred: int
    true_positives: int
    matches: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    traps_extracted: list[tuple[dict, dict]] = field(default_factory=list)
    accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)  # attribute -> (right, scored)
    strict_matches: list[tuple[dict, dict]] | None = None  # figures only
    ignored: list[dict] = field(default_factory=list)  # don't-care predictions (bare indefinite articles)
    by_language: dict[str, "Report"] = field(default_factory=dict)
    gold_format: str = "offsets"  # or "quotes" (module docstring)
    mapped: dict[str, int] = field(default_factory=dict)  # LABEL_MAP entries used -> gold rows

    @property
    def precision(self) -> float:
        return _prf(self.true_positives, self.n_pred, self.n_gold)[0]

    @property
    def recall(self) -> float:
        return _prf(self.true_positives, self.n_pred, self.n_gold)[1]

    @property
    def f1(self) -> float:
        return _prf(self.true_positives, self.n_pred, self.n_gold)[2]

    @property
    def strict(self) -> tuple[float, float, float]:
        """Precision, recall and F1 with strict span matching."""
        return _prf(len(self.strict_matches or []), self.n_pred, self.n_gold)

    def attribute_accuracy(self, name: str) -> float:
        right, scored = self.accuracy.get(name, (0, 0))
        return right / scored if scored else float("nan")


# --- gold files ----------------------------------------------------------------------

def is_quote_gold(gold: pd.DataFrame) -> bool:
    """Whether a gold table is in the quotes (development-set) format."""
    return "quote" in gold.columns or "quote_start" in gold.columns


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a readable CSV ({str(exc).splitlines()[0] if str(exc) else 'empty'})") from None


def _require(gold: pd.DataFrame, path: Path, required: list[str]) -> None:
    missing = [c for c in required if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)} (required: {', '.join(required)})")


def default_articles(path: Path) -> Path:
    """Where a quotes-format gold file's articles are by default: ``articles/`` beside it."""
    return Path(path).parent / "articles"


def load_gold(path: Path, articles: Path | None = None) -> pd.DataFrame:
    """Read and check a figures gold CSV; raise ``ValueError`` naming the file and the problem.

    A quotes-format file is located in the articles of ``articles`` (default: ``articles/``
    beside the gold file) and comes back with ``start, end, text, kind`` like an offsets one.
    """
    path = Path(path)
    table = _read_csv(path)
    if "quote" in table.columns and "start" not in table.columns:
        _require(table, path, QUOTE_REQUIRED)
        gold = _quote_figures(table, path, Path(articles) if articles else default_articles(path))
    else:
        gold = load_gold_table(path, GOLD_REQUIRED)
        bad_kind = sorted(set(gold["kind"]) - {"figure", "trap"})
        if bad_kind:
            raise ValueError(f"{path}: kind must be 'figure' or 'trap', found {bad_kind}")
    if not (gold["kind"] == "figure").any():
        raise ValueError(f"{path}: annotates no figure (kind 'figure'): nothing to score")
    return gold


def locate_quotes(table: pd.DataFrame, column: str, path: Path, articles: Path) -> pd.DataFrame:
    """Add ``start, end, text``: where each row's ``column`` lies in its article.

    The first occurrence; the n-th row of a file with the same quote takes the n-th occurrence
    (the first again when the text repeats it fewer times). Raises ``ValueError`` naming the row.
    """
    if not articles.is_dir():
        raise ValueError(f"{path}: articles folder not found: {articles} (give --articles)")
    texts: dict[str, str] = {}
    seen: dict[tuple[str, str], int] = {}
    starts, ends = [], []
    for i, (name, quote) in enumerate(zip(table["file"], table[column])):
        where = f"{path}:{i + 2}: {name}"  # line 1 is the header
        if name not in texts:
            try:
                texts[name] = read_article(articles / name)[0]
            except ArticleError as exc:
                raise ValueError(f"{where}: article {articles / name} cannot be used ({exc})") from None
        if not quote:
            raise ValueError(f"{where}: empty {column}")
        text, n = texts[name], seen.get((name, quote), 0)
        seen[(name, quote)] = n + 1
        positions = [m.start() for m in re.finditer(re.escape(quote), text)]
        if not positions:
            raise ValueError(f"{where}: {column} {quote!r} not found in the article")
        start = positions[n] if n < len(positions) else positions[0]
        starts.append(start)
        ends.append(start + len(quote))
    table = table.copy()
    table["start"], table["end"], table["text"] = starts, ends, table[column]
    return table


def _day_range(part: str) -> tuple[date, date]:
    parsed = parse_published(part)
    if parsed is None:
        raise ValueError(f"bad period bound {part!r} (want YYYY-MM-DD, YYYY-MM or YYYY)")
    day, precision = parsed
    if precision == "day":
        return day, day
    month = day.month if precision == "month" else 12
    return day, date(day.year, month, calendar.monthrange(day.year, month)[1])


def period_bounds(value: str) -> tuple[date, date] | None:
    """``"2014-09-15/2017-09"`` → (2014-09-15, 2017-09-30); ``""`` → None; ValueError if malformed."""
    if not value:
        return None
    parts = value.split("/")
    if len(parts) > 2:
        raise ValueError(f"bad period {value!r} (want an ISO date or an interval A/B)")
    start, end = _day_range(parts[0])[0], _day_range(parts[-1])[1]
    if end < start:
        raise ValueError(f"bad period {value!r} (ends before it starts)")
    return start, end


def _check_labels(table: pd.DataFrame, path: Path, vocabulary: dict[str, tuple]) -> pd.DataFrame:
    """Map the labels in :data:`LABEL_MAP` and refuse any other label outside ``vocabulary``.

    The label as annotated stays in ``<column>_as_annotated`` (the report counts the mapped rows).
    """
    table = table.copy()
    for column, allowed in vocabulary.items():
        if column not in table.columns:
            continue
        mapped = [LABEL_MAP.get((column, v), v) for v in table[column]]
        for i, (name, v) in enumerate(zip(table["file"], mapped)):
            if v and v not in allowed:
                raise ValueError(f"{path}:{i + 2}: {name}: {column} {v!r} is not one of {', '.join(allowed)}")
        table[f"{column}_as_annotated"] = table[column]
        table[column] = mapped
    return table


def mapped_labels(gold: pd.DataFrame) -> dict[str, int]:
    """How many gold rows each :data:`LABEL_MAP` entry renamed: {"category positions_destroyed -> destroyed": 9}."""
    counts = {}
    for (column, label), to in LABEL_MAP.items():
        if f"{column}_as_annotated" in gold.columns:
            n = int((gold[f"{column}_as_annotated"] == label).sum())
            if n:
                counts[f"{column} {label} -> {to}"] = n
    return counts


def _quote_figures(table: pd.DataFrame, path: Path, articles: Path) -> pd.DataFrame:
    gold = _check_labels(locate_quotes(table, "quote", path, articles), path, GOLD_VOCABULARY)
    if "period" in gold.columns:
        for i, (name, value) in enumerate(zip(gold["file"], gold["period"])):
            try:
                period_bounds(value)
            except ValueError as exc:
                raise ValueError(f"{path}:{i + 2}: {name}: {exc}") from None
    gold["kind"] = "figure"
    return gold


def load_predictions(path: Path, name: str = "figures") -> pd.DataFrame:
    """A frame (figures, claims) from an ``extract`` output folder, or a CSV/Parquet file."""
    path = Path(path)
    if path.is_dir():
        frame = read_frame(name, path)
    elif path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    missing = [c for c in ("file", "start", "end") if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: not a {name} frame (missing {', '.join(missing)})")
    if name == "figures" and "repeat_of" in frame.columns:
        # A fact stated again (title, caption, body) is annotated once: score the mention kept.
        frame = frame[frame["repeat_of"].isna() | (frame["repeat_of"] == "")]
    return frame


def file_languages(articles: Path) -> dict[str, str]:
    """Each file's language from the catalog of an articles folder (empty without a catalog)."""
    catalog = Path(articles) / CATALOG_NAME
    if not catalog.is_file():
        return {}
    rows = read_catalog(catalog).rows
    return {f: (lang or "unknown") for f, lang in zip(rows["file"], rows["language"])}


# --- figures -------------------------------------------------------------------------

def _num(x) -> float | None:
    if x is None or x == "":
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _interval(row: dict) -> tuple[float, float]:
    value, low, high = _num(row.get("value")), _num(row.get("low")), _num(row.get("high"))
    q = row.get("qualifier") or ""
    lo = low if low is not None else (value if value is not None and q not in ("less_than", "at_most") else -math.inf)
    hi = high if high is not None else (value if value is not None and q not in ("more_than", "at_least") else math.inf)
    return lo, hi


def values_agree(gold: dict, pred: dict) -> bool:
    """Same stated value, or overlapping bounds; the span alone when the gold gives no number."""
    if all(_num(gold.get(k)) is None for k in ("value", "low", "high")):
        return True
    gv, pv = _num(gold.get("value")), _num(pred.get("value"))
    if gv is not None and pv is not None and gv == pv:
        return True
    (glo, ghi), (plo, phi) = _interval(gold), _interval(pred)
    if math.isinf(glo) and math.isinf(ghi) or math.isinf(plo) and math.isinf(phi):
        return False
    return glo <= phi and plo <= ghi


def _date(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NaT:
        return ""
    return str(x)[:10]


def period_right(gold: str, pred_start, pred_end) -> bool:
    """The quotes format's period rule (module docstring): overlap, length within a factor 2."""
    g = period_bounds(gold)
    ps, pe = _date(pred_start), _date(pred_end)
    if g is None:
        return not ps and not pe
    if not ps or not pe:
        return False
    ps, pe = date.fromisoformat(ps), date.fromisoformat(pe)
    if ps > g[1] or g[0] > pe:
        return False
    gold_days, pred_days = (g[1] - g[0]).days + 1, (pe - ps).days + 1
    return gold_days <= 2 * pred_days and pred_days <= 2 * gold_days


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").replace("’", "'")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


_PLACE_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:et|and)\s+")
_PLACE_LEAD = re.compile(r"^(?:(?:en|au|aux|a|dans|de|du|des|la|le|les|in|at|near|the|of)\s+|[dl]')+")


def place_names(s: str) -> list[str]:
    """The places of a place field, folded: "Irak et en Syrie" → ["irak", "syrie"]."""
    names = (_PLACE_LEAD.sub("", part.strip(" .")) for part in _PLACE_SPLIT.split(_fold(s)))
    return [n for n in names if n]


def _holds(a: str, b: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) is not None or re.search(rf"(?<!\w){re.escape(b)}(?!\w)", a) is not None


def same_place(gold: str, pred: str) -> bool:
    """Every gold place found in the prediction and the reverse, one name holding the other."""
    g, p = place_names(gold), place_names(pred)
    return bool(p) and all(any(_holds(x, y) for y in p) for x in g) and all(any(_holds(y, x) for x in g) for y in p)


def _attribute_equal(name: str, gold: dict, pred: dict) -> bool | None:
    """Whether an attribute agrees; ``None`` when the gold row leaves it blank (is not scored)."""
    if name == "period":
        if "period" in gold:  # quotes format: an empty period is scored too
            return period_right(gold["period"] or "", pred.get("period_start"), pred.get("period_end"))
        g = (_date(gold.get("period_start")), _date(gold.get("period_end")))
        if not any(g):
            return None
        return g == (_date(pred.get("period_start")), _date(pred.get("period_end")))
    g = gold.get(name) or ""
    if not g:
        return None
    if name == "place":
        return same_place(g, str(pred.get("place") or ""))
    return str(pred.get(name) or "") == g


def match_spans(golds: list[dict], preds: list[dict], agree=lambda g, p: True):
    """Pair gold and predicted rows of one file whose spans overlap (and that ``agree``).

    Each row is used at most once, the largest overlap first; returns the pairs
    (in gold order) and the indices of the gold and predicted rows used.
    """
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if p["file"] != g["file"]:
                continue
            overlap = min(g["end"], int(p["end"])) - max(g["start"], int(p["start"]))
            if overlap > 0 and agree(g, p):
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, matches = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append((gi, pi))
    return [(golds[gi], preds[pi]) for gi, pi in sorted(matches)], used_g, used_p


def _strict_agree(figures: list[dict]):
    """The strict condition (module docstring), given every gold figure for the uniqueness test."""
    def candidates(p) -> int:  # gold figures the prediction overlaps and agrees with
        s, e = int(p["start"]), int(p["end"])
        return sum(1 for g in figures
                   if g["file"] == p["file"] and s < g["end"] and g["start"] < e and values_agree(g, p))

    def agree(g, p) -> bool:
        s, e = int(p["start"]), int(p["end"])
        if not values_agree(g, p):
            return False
        if "quote" in g:
            return g["start"] <= s and e <= g["end"] and candidates(p) == 1
        return (s, e) == (g["start"], g["end"])
    return agree


def is_bare_indefinite(pred: dict) -> bool:
    return str(pred.get("text") or "").strip().casefold() in BARE_INDEFINITES


def _split(gold: pd.DataFrame, pred: pd.DataFrame, languages: dict[str, str] | None):
    """Gold and predictions of each language (of the files the gold annotates)."""
    if not languages:
        return {}
    by = {}
    for lang in dict.fromkeys(languages.get(f, "unknown") for f in gold["file"]):  # in order of appearance
        files = {f for f in gold["file"] if languages.get(f, "unknown") == lang}
        by[lang] = (gold[gold["file"].isin(files)], pred[pred["file"].isin(files)])
    return by


def evaluate(gold: pd.DataFrame, pred: pd.DataFrame, languages: dict[str, str] | None = None) -> Report:
    """Match predictions to gold figures and score them (see the module docstring).

    ``languages`` (file -> language) adds one report per language in ``by_language``.
    """
    figures = gold[gold["kind"] == "figure"].to_dict("records")
    traps = gold[gold["kind"] == "trap"].to_dict("records")
    # Score only the files the gold file annotates.
    files = set(gold["file"])
    preds = [p for p in pred.to_dict("records") if p["file"] in files]

    matches, used_g, used_p = match_spans(figures, preds, values_agree)
    strict, _, _ = match_spans(figures, preds, _strict_agree(figures))
    ignored = set()
    if is_quote_gold(gold):  # the development set leaves bare indefinite articles unannotated
        ignored = {pi for pi, p in enumerate(preds) if pi not in used_p and is_bare_indefinite(p)}

    report = Report(n_gold=len(figures), n_pred=len(preds) - len(ignored), true_positives=len(matches),
                    matches=matches, strict_matches=strict, ignored=[preds[i] for i in sorted(ignored)],
                    gold_format="quotes" if is_quote_gold(gold) else "offsets", mapped=mapped_labels(gold))
    report.missed = [g for i, g in enumerate(figures) if i not in used_g]
    for pi, p in enumerate(preds):
        if pi in used_p or pi in ignored:
            continue
        report.false_positives.append(p)
        for t in traps:
            if t["file"] == p["file"] and int(p["start"]) < t["end"] and t["start"] < int(p["end"]):
                report.traps_extracted.append((t, p))
                break
    for name in ATTRIBUTES:
        scored = [_attribute_equal(name, g, p) for g, p in matches]
        scored = [s for s in scored if s is not None]
        report.accuracy[name] = (sum(scored), len(scored))
    if "period" in gold.columns:  # the part of the period score where the gold has no period
        scored = [_attribute_equal("period", g, p) for g, p in matches if not g["period"]]
        report.accuracy["period, gold empty"] = (sum(scored), len(scored))
    for lang, (g, p) in _split(gold, pred, languages).items():
        report.by_language[lang] = evaluate(g, p)
    return report


# --- the printed report ----------------------------------------------------------------

def _cell(value) -> str:
    if isinstance(value, tuple):  # (right, scored)
        right, scored = value
        return f"{right / scored:.3f} ({right}/{scored})" if scored else f"n/a (0/0)"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _table(what: str, report: Report, rows: list[tuple[str, object]]) -> list[str]:
    """One line per measure, one column for all files and one per language.

    ``rows``: (label, function of a report giving the cell's value), or (label, None) for a heading.
    """
    columns = [("all", report)] + list(report.by_language.items())
    lines = [f"{what:<30}" + "".join(f"{name:<18}" for name, _ in columns).rstrip()]
    for label, get in rows:
        if get is None:
            lines.append(f"  {label}")
            continue
        lines.append(f"  {label:<28}" + "".join(f"{_cell(get(r)):<18}" for _, r in columns).rstrip())
    return lines


def _accuracy_rows(report: Report, names: list[str]) -> list[tuple[str, object]]:
    rows = [("accuracy on matches:", None)]
    for name in names:
        if name in report.accuracy:
            rows.append((f"  {name}", lambda r, n=name: r.accuracy.get(n, (0, 0))))
    return rows


def _misses(report: Report, width: int | None = None) -> list[str]:
    """One line per gold row missed and per prediction that matched nothing."""
    def show(row):
        return repr(str(row.get("text", ""))[:width])
    return ([f"MISSED  {g['file']}:{g['start']}-{g['end']} {show(g)}" for g in report.missed]
            + [f"FALSE+  {p['file']}:{p['start']}-{p['end']} {show(p)}" for p in report.false_positives])


def format_report(report: Report, verbose: bool = False) -> str:
    """A plain-text summary; with ``verbose``, every miss, false positive and mismatch."""
    rows = [("gold", lambda r: r.n_gold), ("predicted", lambda r: r.n_pred)]
    if report.gold_format == "quotes":
        rows.append(("ignored (bare un/one)", lambda r: len(r.ignored)))
    rows += [("matched (overlap)", lambda r: r.true_positives), ("precision (overlap)", lambda r: r.precision),
             ("recall (overlap)", lambda r: r.recall), ("F1 (overlap)", lambda r: r.f1),
             ("matched (strict)", lambda r: len(r.strict_matches or [])),
             ("precision (strict)", lambda r: r.strict[0]), ("recall (strict)", lambda r: r.strict[1]),
             ("F1 (strict)", lambda r: r.strict[2])]
    if report.gold_format == "offsets":
        rows.append(("traps extracted", lambda r: len(r.traps_extracted)))
    lines = _table("figures", report, rows + _accuracy_rows(report, ATTRIBUTES + ["period, gold empty"]))
    lines += [f"  gold label mapped: {entry} ({n} rows)" for entry, n in report.mapped.items()]
    if verbose:
        lines += _misses(report)
        for t, p in report.traps_extracted:
            lines.append(f"TRAP    {p['file']}:{p['start']}-{p['end']} {p.get('text', '')!r} ({t.get('note', '')})")
        strict = {id(p) for _, p in report.strict_matches or []}
        for g, p in report.matches:
            if id(p) not in strict:
                lines.append(f"LOOSE   {p['file']}:{p['start']}-{p['end']} {p.get('text', '')!r} "
                             f"matches {g.get('text', '')!r} by overlap only")
        for p in report.ignored:
            lines.append(f"IGNORED {p['file']}:{p['start']}-{p['end']} {p.get('text', '')!r} (bare indefinite article)")
        for g, p in report.matches:
            for name in ATTRIBUTES:
                if _attribute_equal(name, g, p) is False:
                    if name == "period":
                        want = g["period"] if "period" in g else f"{g.get('period_start')}..{g.get('period_end')}"
                        got = f"{_date(p.get('period_start'))}..{_date(p.get('period_end'))}"
                    else:
                        want, got = g.get(name), p.get(name)
                    lines.append(f"WRONG   {g['file']}:{g['start']} {g.get('text', '')!r} {name}: gold {want}, got {got}")
    return "\n".join(lines)


# --- claims ---------------------------------------------------------------------------

CLAIM_GOLD_REQUIRED = ["file", "start", "end"]
CLAIM_ATTRIBUTES = ["speaker", "speaker_kind", "channel"]
_DETERMINER = re.compile(r"^(?:le|la|les|l'|l’|un|une|des|du|ce|cette|the|an?)\s+|^l['’]", re.IGNORECASE)


def load_claims_gold(path: Path, articles: Path | None = None) -> pd.DataFrame:
    """Read and check a claims gold CSV: offsets (``file,start,end``) or quotes (``file,quote_start``).

    A quotes-format file is located in ``articles`` (default: ``articles/`` beside it).
    """
    path = Path(path)
    table = _read_csv(path)
    if "quote_start" in table.columns and "start" not in table.columns:
        _require(table, path, CLAIM_QUOTE_REQUIRED)
        gold = locate_quotes(table, "quote_start", path, Path(articles) if articles else default_articles(path))
        gold = _check_labels(gold, path, {"channel": DEVSET_CHANNELS})
    else:
        gold = load_gold_table(path, CLAIM_GOLD_REQUIRED)
    if gold.empty:
        raise ValueError(f"{path}: annotates no claim: nothing to score")
    return gold


def load_gold_table(path: Path, required: list[str]) -> pd.DataFrame:
    """An offsets-format gold CSV with its ``required`` columns and integer ``start < end``."""
    gold = _read_csv(path)
    _require(gold, path, required)
    for col in ("start", "end"):
        if not gold[col].str.fullmatch(r"\d+").all():
            raise ValueError(f"{path}: column {col} must hold non-negative integers")
        gold[col] = gold[col].astype(int)
    if (gold["start"] >= gold["end"]).any():
        raise ValueError(f"{path}: every row needs start < end")
    return gold


def same_speaker(gold: str, pred: str) -> bool:
    """Speakers agree up to case, determiners, trailing dots and one holding the other."""
    def norm(s: str) -> str:
        return _DETERMINER.sub("", (s or "").strip()).strip(" .").lower().replace("’", "'")
    g, p = norm(gold), norm(pred)
    return bool(g) and bool(p) and (g == p or g in p or p in g)


def devset_channel(pred: dict) -> str:
    """A predicted claim's channel in the development set's vocabulary (see :data:`CHANNEL_TO_DEVSET`)."""
    if pred.get("speaker_kind") == "anonymous_officials":
        return "anonymous_officials"
    channel = pred.get("channel") or ""
    return CHANNEL_TO_DEVSET.get(channel, channel)


def _claim_attribute_equal(name: str, gold: dict, pred: dict) -> bool:
    if name == "speaker":
        return same_speaker(gold[name], pred.get(name, ""))
    if name == "channel" and "quote_start" in gold:
        return devset_channel(pred) == gold[name]
    return gold[name] == pred.get(name)


def evaluate_claims(gold: pd.DataFrame, pred: pd.DataFrame, languages: dict[str, str] | None = None) -> Report:
    """Match predicted claims to gold claims (same file, overlapping spans) and score them.

    ``languages`` (file -> language) adds one report per language in ``by_language``.
    """
    golds = gold.to_dict("records")
    preds = [p for p in pred.to_dict("records") if p["file"] in set(gold["file"])]
    matches, used_g, used_p = match_spans(golds, preds)
    report = Report(n_gold=len(golds), n_pred=len(preds), true_positives=len(matches), matches=matches,
                    gold_format="quotes" if is_quote_gold(gold) else "offsets")
    report.missed = [g for i, g in enumerate(golds) if i not in used_g]
    report.false_positives = [p for i, p in enumerate(preds) if i not in used_p]
    for name in CLAIM_ATTRIBUTES:
        if name not in gold.columns:
            continue
        scored = [_claim_attribute_equal(name, g, p) for g, p in matches if g.get(name)]
        report.accuracy[name] = (sum(scored), len(scored))
    for lang, (g, p) in _split(gold, pred, languages).items():
        report.by_language[lang] = evaluate_claims(g, p)
    return report


def format_claims_report(report: Report, verbose: bool = False) -> str:
    """The claims summary; with ``verbose``, every miss, false positive and mismatch."""
    rows = [("gold", lambda r: r.n_gold), ("predicted", lambda r: r.n_pred),
            ("matched", lambda r: r.true_positives), ("precision", lambda r: r.precision),
            ("recall", lambda r: r.recall), ("F1", lambda r: r.f1)]
    lines = _table("claims", report, rows + _accuracy_rows(report, CLAIM_ATTRIBUTES))
    if report.gold_format == "quotes" and "channel" in report.accuracy:
        lines.append("  predicted channel mapped: speaker_kind anonymous_officials -> anonymous_officials, "
                     + ", ".join(f"{a} -> {b}" for a, b in CHANNEL_TO_DEVSET.items()))
    if verbose:
        lines += _misses(report, width=70)
        for g, p in report.matches:
            for name in report.accuracy:
                if g.get(name) and not _claim_attribute_equal(name, g, p):
                    got = devset_channel(p) if name == "channel" and "quote_start" in g else p.get(name)
                    lines.append(f"WRONG   {g['file']}:{g['start']} {g.get('text', '')[:50]!r} {name}: "
                                 f"gold {g[name]!r}, got {got!r}")
    return "\n".join(lines)

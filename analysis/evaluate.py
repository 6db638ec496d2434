"""Scoring extracted figures against hand annotations.

The gold file is a CSV, one row per annotated span::

    file,start,end,text,kind,value,low,high,qualifier,category,subject,actor,place,
    period_start,period_end,time_precision,note

``kind`` is ``figure`` (a numeric fact that must be extracted) or ``trap``
(something that looks like a number but must not be: a date, a designation,
page furniture). Offsets are character offsets into the article as read.
Only ``file,start,end,kind`` are required; the attribute columns are scored
where the gold row fills them.

A prediction matches a gold figure when it is in the same file, the spans
overlap and the values agree: the same ``value``, or overlapping bounds
(``[low, high]``, open where the wording gives no bound). Each gold figure
and each prediction is matched at most once, the largest overlap first.
A prediction that matches no figure is a false positive; one that overlaps a
trap is also listed as an extracted trap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .frames import read_frame

GOLD_REQUIRED = ["file", "start", "end", "kind"]
ATTRIBUTES = ["category", "qualifier", "actor", "period"]


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

    @property
    def precision(self) -> float:
        return self.true_positives / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute_accuracy(self, name: str) -> float:
        right, scored = self.accuracy.get(name, (0, 0))
        return right / scored if scored else float("nan")


def load_gold(path: Path) -> pd.DataFrame:
    """Read and check a figures gold CSV; raise ``ValueError`` naming the file and the problem."""
    gold = load_gold_table(path, GOLD_REQUIRED)
    bad_kind = sorted(set(gold["kind"]) - {"figure", "trap"})
    if bad_kind:
        raise ValueError(f"{path}: kind must be 'figure' or 'trap', found {bad_kind}")
    if not (gold["kind"] == "figure").any():
        raise ValueError(f"{path}: annotates no figure (kind 'figure'): nothing to score")
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
    return frame


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


def _attribute_equal(name: str, gold: dict, pred: dict) -> bool | None:
    """Whether an attribute agrees; ``None`` when the gold row leaves it blank."""
    if name == "period":
        g = (_date(gold.get("period_start")), _date(gold.get("period_end")))
        if not any(g):
            return None
        return g == (_date(pred.get("period_start")), _date(pred.get("period_end")))
    g = gold.get(name) or ""
    if not g:
        return None
    return str(pred.get(name) or "") == g


def match_spans(golds: list[dict], preds: list[dict], agree=lambda g, p: True):
    """Pair gold and predicted rows of one file whose spans overlap (and that ``agree``).

    Each row is used at most once, the largest overlap first; returns the pairs
    and the indices of the gold and predicted rows used.
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
        matches.append((golds[gi], preds[pi]))
    return matches, used_g, used_p


def evaluate(gold: pd.DataFrame, pred: pd.DataFrame) -> Report:
    """Match predictions to gold figures and score them (see the module docstring)."""
    figures = gold[gold["kind"] == "figure"].to_dict("records")
    traps = gold[gold["kind"] == "trap"].to_dict("records")
    preds = pred.to_dict("records")
    # Score only the files the gold file annotates.
    files = set(gold["file"])
    preds = [p for p in preds if p["file"] in files]

    matches, used_g, used_p = match_spans(figures, preds, values_agree)

    report = Report(n_gold=len(figures), n_pred=len(preds), true_positives=len(matches), matches=matches)
    report.missed = [g for i, g in enumerate(figures) if i not in used_g]
    for pi, p in enumerate(preds):
        if pi in used_p:
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
    return report


def _summary(what: str, report: Report, attributes: list[str], extra: list[str] = ()) -> list[str]:
    """Counts, precision/recall/F1 and attribute accuracy, as the report's first lines."""
    lines = [
        f"{what}: gold {report.n_gold}, predicted {report.n_pred}, matched {report.true_positives}",
        f"precision {report.precision:.3f}  recall {report.recall:.3f}  F1 {report.f1:.3f}",
        *extra,
        "attribute accuracy on matches:",
    ]
    for name in attributes:
        right, scored = report.accuracy.get(name, (0, 0))
        acc = f"{right / scored:.3f}" if scored else "n/a"
        lines.append(f"  {name:<12} {acc}  ({right}/{scored})")
    return lines


def _misses(report: Report, width: int | None = None) -> list[str]:
    """One line per gold row missed and per prediction that matched nothing."""
    def show(row):
        return repr(str(row.get("text", ""))[:width])
    return ([f"MISSED  {g['file']}:{g['start']}-{g['end']} {show(g)}" for g in report.missed]
            + [f"FALSE+  {p['file']}:{p['start']}-{p['end']} {show(p)}" for p in report.false_positives])


def format_report(report: Report, verbose: bool = False) -> str:
    """A plain-text summary; with ``verbose``, every miss, false positive and mismatch."""
    lines = _summary("figures", report, ATTRIBUTES, [f"traps extracted: {len(report.traps_extracted)}"])
    if verbose:
        lines += _misses(report)
        for t, p in report.traps_extracted:
            lines.append(f"TRAP    {p['file']}:{p['start']}-{p['end']} {p.get('text', '')!r} ({t.get('note', '')})")
        for g, p in report.matches:
            for name in ATTRIBUTES:
                if _attribute_equal(name, g, p) is False:
                    if name == "period":
                        want = f"{g.get('period_start')}..{g.get('period_end')}"
                        got = f"{_date(p.get('period_start'))}..{_date(p.get('period_end'))}"
                    else:
                        want, got = g.get(name), p.get(name)
                    lines.append(f"WRONG   {g['file']}:{g['start']} {g.get('text', '')!r} {name}: gold {want}, got {got}")
    return "\n".join(lines)


# --- claims ---------------------------------------------------------------------------

CLAIM_GOLD_REQUIRED = ["file", "start", "end"]
CLAIM_ATTRIBUTES = ["speaker", "speaker_kind", "channel"]
_DETERMINER = re.compile(r"^(?:le|la|les|l'|l’|un|une|des|du|ce|cette|the|an?)\s+|^l['’]", re.IGNORECASE)


def load_claims_gold(path: Path) -> pd.DataFrame:
    """Read and check a claims gold CSV (``file,start,end`` required; see README)."""
    gold = load_gold_table(path, CLAIM_GOLD_REQUIRED)
    if gold.empty:
        raise ValueError(f"{path}: annotates no claim: nothing to score")
    return gold


def load_gold_table(path: Path, required: list[str]) -> pd.DataFrame:
    try:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a readable CSV ({str(exc).splitlines()[0] if str(exc) else 'empty'})") from None
    missing = [c for c in required if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)} (required: {', '.join(required)})")
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


def _claim_attribute_equal(name: str, gold: dict, pred: dict) -> bool:
    if name == "speaker":
        return same_speaker(gold[name], pred.get(name, ""))
    return gold[name] == pred.get(name)


def evaluate_claims(gold: pd.DataFrame, pred: pd.DataFrame) -> Report:
    """Match predicted claims to gold claims (same file, overlapping spans) and score them."""
    golds = gold.to_dict("records")
    preds = [p for p in pred.to_dict("records") if p["file"] in set(gold["file"])]
    matches, used_g, used_p = match_spans(golds, preds)
    report = Report(n_gold=len(golds), n_pred=len(preds), true_positives=len(matches), matches=matches)
    report.missed = [g for i, g in enumerate(golds) if i not in used_g]
    report.false_positives = [p for i, p in enumerate(preds) if i not in used_p]
    for name in CLAIM_ATTRIBUTES:
        scored = [_claim_attribute_equal(name, g, p) for g, p in matches if g.get(name)]
        report.accuracy[name] = (sum(scored), len(scored))
    return report


def format_claims_report(report: Report, verbose: bool = False) -> str:
    """The claims summary; with ``verbose``, every miss, false positive and mismatch."""
    lines = _summary("claims", report, CLAIM_ATTRIBUTES)
    if verbose:
        lines += _misses(report, width=70)
        for g, p in report.matches:
            for name in CLAIM_ATTRIBUTES:
                if g.get(name) and not _claim_attribute_equal(name, g, p):
                    lines.append(f"WRONG   {g['file']}:{g['start']} {name}: gold {g[name]!r}, got {p.get(name)!r}")
    return "\n".join(lines)

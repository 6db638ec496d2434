"""The article viewer: an article's text as HTML, every figure and claim highlighted where it was read.

A pure function of the original text and the rows of the ``figures`` and
``claims`` frames that belong to it: spans are ``start``/``end`` offsets into
the text as read from the file (``text[start:end] == row.text``). Figures get
a background coloured by category, claims a dotted underline and a pale
background of their own, and every span carries an HTML ``title`` (the
browser's tooltip, which works in JupyterLab and in an exported page opened
from disk) with what was extracted: value, bounds, qualifier, actor, period,
place and speaker. The page needs no script and no network.

Spans may nest (a figure inside its claim) or overlap partly. They are drawn
as properly nested elements: when a span ends inside another that started
after it, the inner one is closed and reopened after it, the reopened piece
marked ``data-part="cont"``. So each figure and each claim has exactly one
element with ``data-part="first"``.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

from analysis.resources.lexicon import CATEGORIES

# One light colour per category, fixed by the category's place in CATEGORIES so that a
# category has the same colour in every article (dark text stays readable on each).
PALETTE = (
    "#ffb3a7", "#ffd59e", "#fff2a8", "#c9b3ff", "#f7a8d8", "#b5e7a0", "#a8e6e2", "#9fd3ff",
    "#ffc7a0", "#d4c4a8", "#e0b3ff", "#b3c7ff", "#c2f0b5", "#f0d0a0", "#d8d8a8", "#a8d8c8",
    "#e8c0c0", "#d0d0d0",
)
CATEGORY_COLOURS = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(CATEGORIES)}
CLAIM_COLOUR = "#2b6cb0"

STYLE = f"""
.av-article {{ font-family: Georgia, serif; font-size: 15px; line-height: 1.9; white-space: pre-wrap;
  max-width: 60em; padding: 0.8em 1em; border: 1px solid #ddd; background: #fff; color: #111; }}
.av-head {{ font-family: sans-serif; margin: 0.3em 0; color: #111; }}
.av-meta {{ font-family: sans-serif; font-size: 12px; color: #555; margin-bottom: 0.4em; }}
.av-claim {{ background: #eef4fb; border-bottom: 2px dotted {CLAIM_COLOUR}; }}
.av-figure {{ border-radius: 3px; padding: 1px 0; font-weight: bold; outline: 1px solid #888; cursor: help; }}
.av-legend {{ font-family: sans-serif; font-size: 12px; margin: 0.4em 0; display: flex; flex-wrap: wrap; gap: 4px 10px; }}
.av-legend span {{ padding: 0 4px; }}
.av-warning {{ font-family: sans-serif; color: #9b2c2c; }}
"""


class ViewerError(ValueError):
    """Spans that do not fit the text they are said to come from."""


@dataclass(frozen=True)
class Span:
    """One highlighted span: ``kind`` is ``figure`` or ``claim``; ``tip`` the tooltip's lines."""

    start: int
    end: int
    kind: str
    ident: str
    category: str
    tip: str


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT or value == ""


def _number(value) -> str:
    if _blank(value):
        return "?"
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"


def _day(value) -> str:
    return "" if _blank(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def figure_tip(row, speaker: str = "") -> str:
    """The tooltip of a figure: what was read, its bounds and what they mean, and its attribution."""
    lines = [f"figure: {row['text']}  ({row['category']})",
             f"value: {_number(row.get('value'))}   bounds: {_number(row.get('low'))} to {_number(row.get('high'))}",
             f"qualifier: {row.get('qualifier', '')}",
             f"actor: {row.get('actor', '')}"]
    start, end = _day(row.get("period_start")), _day(row.get("period_end"))
    if start or end:
        precision = row.get("time_precision")
        lines.append(f"period: {start} to {end}" + ("" if _blank(precision) else f" ({precision})"))
    else:
        lines.append("period: not stated")
    place = row.get("place_name") or row.get("place")
    if not _blank(place):
        lines.append(f"place: {place}" + ("" if _blank(row.get("country")) else f", {row['country']}"))
    lines.append(f"speaker: {speaker or 'none (not inside a claim)'}")
    lines.append(f"id: {row['figure_id']}")
    return "\n".join(lines)


def claim_tip(row) -> str:
    """The tooltip of a claim: who said it, through which channel, and the cue that marked it."""
    speaker = row.get("speaker") or "unnamed"
    lines = [f"claim by {speaker}" + ("" if _blank(row.get("role")) else f" ({row['role']})"),
             f"speaker: {speaker}  ({row.get('speaker_kind', '')})",
             f"channel: {row.get('channel', '')}   cue: {row.get('cue', '')}",
             f"id: {row['claim_id']}"]
    return "\n".join(lines)


def spans(text: str, figures: pd.DataFrame, claims: pd.DataFrame) -> list[Span]:
    """The figures and claims of one article as spans, each checked against ``text``.

    Raises :class:`ViewerError` when a span lies outside the text or does not
    read as its ``text`` column there (frames of another version of the file).
    """
    speakers = dict(zip(claims["claim_id"], claims["speaker"])) if len(claims) else {}
    out = []
    for kind, frame in (("claim", claims), ("figure", figures)):
        for row in frame.to_dict("records"):
            start, end = int(row["start"]), int(row["end"])
            if not 0 <= start < end <= len(text) or text[start:end] != row["text"]:
                ident = row.get("figure_id") if kind == "figure" else row.get("claim_id")
                raise ViewerError(f"{kind} {ident} ({start}-{end}, {row['text']!r}) does not match the text "
                                  f"(was the file changed after extraction?)")
            if kind == "figure":
                claim = row.get("claim_id")
                tip = figure_tip(row, "" if _blank(claim) else speakers.get(claim, ""))
                out.append(Span(start, end, kind, row["figure_id"], row["category"], tip))
            else:
                out.append(Span(start, end, kind, row["claim_id"], "", claim_tip(row)))
    return out


def _open(span: Span, part: str) -> str:
    attrs = {"class": f"av-{span.kind}", "data-id": span.ident, "data-part": part, "title": span.tip}
    if span.kind == "figure":
        attrs["data-category"] = span.category
        attrs["style"] = f"background:{CATEGORY_COLOURS.get(span.category, PALETTE[-1])}"
    return "<span " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">"


def _order(span: Span):
    # At one offset the longest span opens first, a claim before a figure of the same extent,
    # so that a figure inside its claim nests inside it.
    return span.start, -span.end, span.kind != "claim", span.ident


def highlight(text: str, marks: list[Span]) -> str:
    """``text`` escaped, with every span wrapped in properly nested ``<span>`` elements."""
    marks = sorted(marks, key=_order)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    opening = {}
    for m in marks:
        opening.setdefault(m.start, []).append(m)
    out, stack, pos = [], [], 0
    for at in bounds:
        if at > pos:
            out.append(html.escape(text[pos:at]))
            pos = at
        # Close what ends here; spans above it on the stack that go on are reopened after.
        ending = [i for i, m in enumerate(stack) if m.end == at]
        if ending:
            keep = []
            while len(stack) > ending[0]:
                m = stack.pop()
                out.append("</span>")
                if m.end != at:
                    keep.append(m)
            for m in reversed(keep):
                out.append(_open(m, "cont"))
                stack.append(m)
        for m in opening.get(at, []):
            out.append(_open(m, "first"))
            stack.append(m)
    return "".join(out)


def legend(categories) -> str:
    """A legend of the categories shown, in CATEGORIES order, and of the claims' style."""
    items = [f'<span class="av-figure" style="background:{CATEGORY_COLOURS.get(c, PALETTE[-1])}">'
             f"{html.escape(c)}</span>" for c in sorted(set(categories), key=_category_rank)]
    items.append('<span class="av-claim">claim (who said it: hover)</span>')
    return '<div class="av-legend"><b>figures by category:</b>' + "".join(items) + "</div>"


def _category_rank(name: str):
    return (CATEGORIES.index(name) if name in CATEGORIES else len(CATEGORIES), name)


def article_html(text: str, figures: pd.DataFrame, claims: pd.DataFrame, title: str = "",
                 meta: str = "") -> str:
    """One article as a self-contained HTML fragment: heading, legend and highlighted text.

    ``figures`` and ``claims`` are the rows of that article only; ``text`` is
    its original text as read from the file (:func:`analysis.corpus.reader.read_article`).
    """
    marks = spans(text, figures, claims)
    n_fig = sum(m.kind == "figure" for m in marks)
    head = (f'<h3 class="av-head">{html.escape(title)}</h3>' if title else "")
    counts = f"{n_fig} figures, {len(marks) - n_fig} claims; hover over a highlight for what was extracted"
    meta_line = f'<div class="av-meta">{html.escape(meta + " · " if meta else "")}{counts}</div>'
    return (f'<div class="av-viewer"><style>{STYLE}</style>{head}{meta_line}'
            f"{legend(m.category for m in marks if m.kind == 'figure')}"
            f'<div class="av-article">{highlight(text, marks)}</div></div>')

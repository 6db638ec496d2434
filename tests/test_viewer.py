"""The article viewer: every figure and claim highlighted once, where it was read, escaped, with its tooltip."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis.reporting.viewer import ViewerError, article_html, highlight, spans

TEXT = 'Le <porte-parole> a dit: « plus de 150 frappes & 12 "drones" » ; puis 3.'


def _figures(*rows):
    base = {"value": 1.0, "low": 1.0, "high": 1.0, "qualifier": "exact", "category": "strikes", "actor": "coalition",
            "period_start": pd.Timestamp("2021-03-01"), "period_end": pd.Timestamp("2021-03-31"),
            "time_precision": "month", "place_name": "Mosul", "country": "Iraq", "claim_id": None}
    return pd.DataFrame([{**base, **r} for r in rows])


def _span(text, needle, **extra):
    start = TEXT.index(needle)
    return {"file": "a.txt", "start": start, "end": start + len(needle), "text": needle, **extra}


FIGURES = _figures(
    {**_span(TEXT, "plus de 150", figure_id="f1", value=150.0, low=151.0, high=None, qualifier="more_than",
             claim_id="c1")},
    {**_span(TEXT, "12", figure_id="f2", value=12.0, low=12.0, high=12.0, category="drones", claim_id="c1",
             actor="iran_backed", period_start=pd.NaT, period_end=pd.NaT, time_precision=None)},
    {**_span(TEXT, "3", figure_id="f3", value=3.0, category="killed")},
)
CLAIMS = pd.DataFrame([_span(TEXT, '« plus de 150 frappes & 12 "drones" »', claim_id="c1", speaker="Le <porte-parole>",
                             role="", speaker_kind="person", channel="statement", cue="a dit")])


class Elements(HTMLParser):
    """The viewer's spans as (attributes, text inside) and the text outside any tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.found, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "span":
            self.open.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        if tag == "span":
            self.found.append(self.open.pop())

    def handle_data(self, data):
        self.text.append(data)
        for element in self.open:
            element[1] += data


def parse(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    assert not parser.open, "unbalanced <span> elements"
    return parser


def test_every_figure_and_claim_appears_once_over_its_own_text():
    parsed = parse(highlight(TEXT, spans(TEXT, FIGURES, CLAIMS)))
    assert "".join(parsed.text) == TEXT  # the text whole, in order, nothing added
    first = [(a["data-id"], inside) for a, inside in parsed.found if a["data-part"] == "first"]
    assert sorted(first) == sorted([("f1", "plus de 150"), ("f2", "12"), ("f3", "3"),
                                    ("c1", '« plus de 150 frappes & 12 "drones" »')])
    assert not [a for a, _ in parsed.found if a["data-part"] == "cont"]  # nesting needs no split


def test_the_text_is_escaped():
    fragment = highlight(TEXT, spans(TEXT, FIGURES, CLAIMS))
    assert "<porte-parole>" not in fragment and "&lt;porte-parole&gt;" in fragment
    assert "frappes &amp; <span" in fragment and "&quot;drones&quot;" in fragment
    # Attributes too: the speaker's angle brackets are escaped in the tooltip.
    assert 'title="claim by Le &lt;porte-parole&gt;' in fragment


def test_figures_nest_inside_their_claim():
    fragment = highlight(TEXT, spans(TEXT, FIGURES, CLAIMS))
    claim_at = fragment.index('data-id="c1"')
    claim_end = fragment.index("»", claim_at)
    for figure in ("f1", "f2"):
        assert claim_at < fragment.index(f'data-id="{figure}"') < claim_end
    # A figure and a claim starting at the same offset: the claim (longer) opens first.
    same = pd.DataFrame([_span(TEXT, "plus de 150 frappes", claim_id="c2", speaker="x", role="", speaker_kind="person",
                               channel="statement", cue="dit")])
    fragment = highlight(TEXT, spans(TEXT, FIGURES.iloc[:1], same))
    assert fragment.index('data-id="c2"') < fragment.index('data-id="f1"')
    assert "".join(parse(fragment).text) == TEXT


def test_partly_overlapping_spans_are_split_into_well_nested_pieces():
    # Two claims that cross: the first is closed and reopened, its piece marked as a continuation.
    crossing = pd.DataFrame([
        _span(TEXT, "dit: « plus de 150", claim_id="a", speaker="x", role="", speaker_kind="person",
              channel="statement", cue="dit"),
        _span(TEXT, "150 frappes", claim_id="b", speaker="y", role="", speaker_kind="person",
              channel="statement", cue="dit"),
    ])
    parsed = parse(highlight(TEXT, spans(TEXT, FIGURES.iloc[:0], crossing)))
    assert "".join(parsed.text) == TEXT
    pieces = {(a["data-id"], a["data-part"]): inside for a, inside in parsed.found}
    assert pieces[("a", "first")] == "dit: « plus de 150"
    assert pieces[("b", "first")] + pieces[("b", "cont")] == "150 frappes"
    assert sum(a["data-part"] == "first" for a, _ in parsed.found) == 2


def test_tooltips_say_value_bounds_qualifier_actor_period_and_speaker():
    parsed = parse(article_html(TEXT, FIGURES, CLAIMS, title="a.txt"))
    tips = {a["data-id"]: a["title"] for a, _ in parsed.found if "data-id" in a}
    assert "value: 150" in tips["f1"] and "bounds: 151 to ?" in tips["f1"] and "qualifier: more_than" in tips["f1"]
    assert "actor: coalition" in tips["f1"] and "period: 2021-03-01 to 2021-03-31 (month)" in tips["f1"]
    assert "speaker: Le <porte-parole>" in tips["f1"] and "place: Mosul, Iraq" in tips["f1"]
    assert "period: not stated" in tips["f2"] and "actor: iran_backed" in tips["f2"]
    assert "not inside a claim" in tips["f3"]
    assert "channel: statement" in tips["c1"]


def test_colours_by_category_and_a_legend_of_what_is_shown():
    fragment = article_html(TEXT, FIGURES, CLAIMS)
    colours = dict(re.findall(r'data-category="(\w+)" style="background:(#[0-9a-f]{6})"', fragment))
    assert set(colours) == {"strikes", "drones", "killed"} and len(set(colours.values())) == 3
    legend = fragment[fragment.index('class="av-legend"'):fragment.index('class="av-article"')]
    assert all(name in legend for name in colours) and "claim" in legend and "wounded" not in legend
    assert "<script" not in fragment and "http" not in fragment  # works from disk, no network


def test_a_span_that_does_not_read_as_its_text_is_refused():
    wrong = FIGURES.iloc[:1].assign(start=0, end=11)
    with pytest.raises(ViewerError, match="f1 .* does not match the text"):
        spans(TEXT, wrong, CLAIMS.iloc[:0])
    beyond = FIGURES.iloc[:1].assign(end=len(TEXT) + 5)
    with pytest.raises(ViewerError):
        spans(TEXT, beyond, CLAIMS.iloc[:0])


def test_every_seed_article_renders_whole(seed_frames):
    from analysis.corpus.reader import read_article
    from analysis.paths import SEEDS

    for file in seed_frames.articles["file"]:
        text, _ = read_article(SEEDS / file)
        figures = seed_frames.figures[seed_frames.figures["file"] == file]
        claims = seed_frames.claims[seed_frames.claims["file"] == file]
        parsed = parse(article_html(text, figures, claims))
        inside = "".join(parsed.text)
        assert text.replace("\r\n", "\n") in inside.replace("\r\n", "\n"), file
        ids = [a["data-id"] for a, _ in parsed.found if a.get("data-part") == "first"]
        assert sorted(ids) == sorted([*figures["figure_id"], *claims["claim_id"]]), file

"""One article prepared for extraction: its cleaned view and the cheap passes over it.

:func:`prepare` runs the regular-expression passes once per article (furniture,
sentences, numbers, time expressions, actor, place and speech-cue mentions);
the attribution modules then read from the result. Everything is pure: text
and publication date in, spans out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from analysis.resources import gazetteer, lexicon
from analysis.text.furniture import FurnitureSpan, furniture_spans
from analysis.mentions.numbers import NumberMention, Rejected, find_numbers
from analysis.text.sentences import split_sentences
from analysis.text.view import blank, lowered, normalise
from analysis.mentions.timex import Timex, find_timexes


@dataclass(frozen=True)
class Mention:
    """A lexicon hit in the view: span, value and, for places, extra fields."""

    start: int
    end: int
    value: str
    extra: tuple = ()


@dataclass
class Article:
    text: str  # the original, as read from the file
    view: str  # normalised, furniture blanked; same length as text
    low: str  # the view in lower case, same length
    language: str
    published: date | None
    precision: str | None
    furniture: list[FurnitureSpan]
    sentences: list[tuple[int, int]]
    numbers: list[NumberMention]
    rejected: list[Rejected]
    timexes: list[Timex]
    actors: list[Mention]  # in the paragraphs that hold a number
    places: list[Mention]
    cues: list[tuple[int, int]]
    regions: list[tuple[int, int]]  # the paragraphs that hold a number
    _sentence_starts: list[int] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list)
    _all_actors: list[Mention] | None = None
    cache: dict = field(default_factory=dict)  # per-article results computed on demand

    def all_actors(self) -> list[Mention]:
        """Actor names of the whole article (``actors`` covers only paragraphs with numbers)."""
        if self._all_actors is None:
            gaps, pos = [], 0
            for lo, hi in self.regions:
                if lo > pos:
                    gaps.append((pos, lo))
                pos = hi
            gaps.append((pos, len(self.view)))
            rest = _mentions(lexicon.actor_matcher(), self.view, gaps, self.low)
            self._all_actors = sorted(self.actors + rest, key=lambda a: a.start)
        return self._all_actors

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (a sentence-sized window if none does)."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return max(0, pos - 100), min(len(self.view), pos + 100)

    def within(self, name: str, lo: int, hi: int) -> list:
        """The items of ``actors``, ``places``, ``timexes`` or ``cues`` lying inside ``[lo, hi)``.

        A bisection on their sorted starts: figures ask this many times per article.
        """
        items = getattr(self, name)
        starts = self.cache.get(("starts", name))
        if starts is None:
            starts = self.cache[("starts", name)] = [x[0] if isinstance(x, tuple) else x.start for x in items]
        i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        return [x for x in items[i:j] if (x[1] if isinstance(x, tuple) else x.end) <= hi]

    def line_start(self, pos: int) -> int:
        return self._line_starts[bisect.bisect_right(self._line_starts, pos) - 1]


def _outside_timexes(numbers, timexes) -> tuple[list, list[Rejected]]:
    """Numbers that are days of a time expression ("la nuit du 15 au 16") state no amount."""
    if not timexes:
        return numbers, []
    keep, dropped = [], []
    starts = [t.start for t in timexes]
    for m in numbers:
        i = bisect.bisect_right(starts, m.number_start) - 1
        if i >= 0 and timexes[i].start <= m.number_start and m.number_end <= timexes[i].end:
            dropped.append(Rejected(m.number_start, m.number_end, f"part of a time expression ({timexes[i].kind})"))
        else:
            keep.append(m)
    return keep, dropped


def _mentions(matcher, view, regions, low=None) -> list[Mention]:
    out = []
    for lo, hi in regions:
        for start, end, label in (matcher.finditer(view, lo, hi, low) if low is not None
                                  else matcher.finditer(view, lo, hi)):
            if isinstance(label, tuple):
                out.append(Mention(start, end, label[0], label[1:]))
            else:
                out.append(Mention(start, end, label))
    return out


def _sentences_of(sentences: list[tuple[int, int]], numbers) -> list[tuple[int, int]]:
    starts = [s for s, _ in sentences]
    out = []
    for m in numbers:
        i = bisect.bisect_right(starts, m.number_start) - 1
        if i >= 0 and sentences[i][0] <= m.number_start < sentences[i][1]:
            out.append(sentences[i])
    return out


def _regions(view: str, line_starts: list[int], numbers) -> list[tuple[int, int]]:
    """The paragraphs (lines) that hold a number: the only text the later passes read."""
    regions: list[tuple[int, int]] = []
    for m in numbers:
        i = bisect.bisect_right(line_starts, m.start) - 1
        lo = line_starts[i]
        if regions and regions[-1][0] == lo:
            continue
        hi = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else len(view)
        regions.append((lo, hi))
    return regions


def prepare(text: str, published: date | None = None, precision: str | None = None, language: str = "fr") -> Article:
    """Run the cheap passes over one article's original text."""
    view = normalise(text)
    furniture = furniture_spans(view)
    view = blank(view, [(f.start, f.end) for f in furniture])
    sentences = split_sentences(view)
    low = lowered(view)
    numbers, rejected = find_numbers(view, language, low)
    line_starts = [0] + [m.end() for m in re.finditer("\n", view)]
    # The remaining passes only serve figures, which look no further than their paragraph.
    regions = _regions(view, line_starts, numbers)
    timexes = [t for lo, hi in regions for t in find_timexes(view, lo, hi, low)]
    numbers, in_dates = _outside_timexes(numbers, timexes)
    rejected = sorted(rejected + in_dates, key=lambda r: r.start)
    actors = _mentions(lexicon.actor_matcher(), view, regions, low)
    # Places are read from the figure's own sentence only.
    number_sentences = sorted(set(_sentences_of(sentences, numbers)))
    places = _mentions(gazetteer.matcher(), view, number_sentences)
    cue_rx = lexicon.speech_cue_regex(language)
    cues = [(m.start(), m.end()) for lo, hi in regions for m in cue_rx.finditer(low, lo, hi)]
    return Article(
        text, view, low, language, published, precision, furniture, sentences, numbers, rejected, timexes, actors,
        places, cues, regions, [s for s, _ in sentences], line_starts,
    )

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

from . import lexicon
from .furniture import FurnitureSpan, furniture_spans
from .numbers import NumberMention, Rejected, find_numbers
from .sentences import split_sentences
from .textview import blank, normalise
from .timex import Timex, find_timexes


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
    language: str
    published: date | None
    precision: str | None
    furniture: list[FurnitureSpan]
    sentences: list[tuple[int, int]]
    numbers: list[NumberMention]
    rejected: list[Rejected]
    timexes: list[Timex]
    actors: list[Mention]
    places: list[Mention]
    cues: list[tuple[int, int]]
    _sentence_starts: list[int] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (a sentence-sized window if none does)."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return max(0, pos - 100), min(len(self.view), pos + 100)

    def line_start(self, pos: int) -> int:
        return self._line_starts[bisect.bisect_right(self._line_starts, pos) - 1]


def _mentions(regex, labels, view) -> list[Mention]:
    out = []
    for m in regex.finditer(view):
        idx = int(m.lastgroup[1:])
        label = labels[idx]
        if isinstance(label, tuple):
            out.append(Mention(m.start(), m.end(), label[0], label[1:]))
        else:
            out.append(Mention(m.start(), m.end(), label))
    return out


def prepare(text: str, published: date | None = None, precision: str | None = None, language: str = "fr") -> Article:
    """Run the cheap passes over one article's original text."""
    view = normalise(text)
    furniture = furniture_spans(view)
    view = blank(view, [(f.start, f.end) for f in furniture])
    sentences = split_sentences(view)
    numbers, rejected = find_numbers(view, language)
    has_numbers = bool(numbers)
    # The remaining passes only serve figures: skip them for number-free articles.
    timexes = find_timexes(view) if has_numbers else []
    actor_rx, actor_labels = lexicon.actor_regex(language)
    place_rx, place_labels = lexicon.place_regex(language)
    actors = _mentions(actor_rx, actor_labels, view) if has_numbers else []
    places = _mentions(place_rx, place_labels, view) if has_numbers else []
    cues = [(m.start(), m.end()) for m in lexicon.speech_cue_regex(language).finditer(view)] if has_numbers else []
    line_starts = [0] + [m.end() for m in re.finditer("\n", view)]
    return Article(
        text, view, language, published, precision, furniture, sentences, numbers, rejected, timexes, actors,
        places, cues, [s for s, _ in sentences], line_starts,
    )

"""Composed (NFC) text with HTML entities decoded, and the way back to the original offsets.

The extraction matches composed letters ("é", not "e" + U+0301) and real
characters (no ``&eacute;`` or ``&nbsp;``). :func:`normal_form` gives that text
for an article that needs it, with a map from its offsets back to the text as
read; :func:`analysis.extraction.extract_article` runs on it and maps every span
back. Ordinary articles (already NFC, no entity) take a fast path: ``None``.
Pure: text in, text and map out.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from html.entities import html5

# Numeric (``&#233;``, ``&#xE9;``) and named (``&eacute;``) references, semicolon included.
_ENTITY = re.compile(r"&(?:(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));")
# Characters from U+0300 on: below it every character is NFC as it stands and never
# composes with the one before, so a run of these (with the character before it) is
# the most that normalisation can change at once.
_HIGH_RUN = re.compile("[^\x00-\u02ff]+")


@dataclass(frozen=True)
class OffsetMap:
    """One rewriting step: the changed spans as ``(new_start, new_end, old_start, old_end)``, sorted.

    Between changed spans the text is unchanged, shifted by the length
    difference of the spans before.
    """

    spans: list[tuple[int, int, int, int]]

    def __post_init__(self):
        object.__setattr__(self, "_starts", [s[0] for s in self.spans])

    def old(self, pos: int, end: bool = False) -> int:
        """The old offset of new offset ``pos``; inside a changed span, its start (or its end if ``end``)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = self.spans[i]
        if pos == new_start:
            return old_start
        if pos >= new_end:
            return old_end + pos - new_end
        return old_end if end else old_start


@dataclass(frozen=True)
class NormalForm:
    """An article's text as the extraction reads it, and the maps back to the original."""

    text: str
    maps: tuple[OffsetMap, ...]  # in the order applied: the last one produced ``text``

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``, widened to whole entities and composed letters."""
        for m in reversed(self.maps):
            start, end = m.old(start), m.old(end, end=True)
        return start, end


def normal_form(text: str) -> NormalForm | None:
    """``text`` with entities decoded, then NFC; ``None`` when that changes nothing (the fast path)."""
    maps = []
    if "&" in text and _ENTITY.search(text):
        text, m = _rewrite(text, ((e.start(), e.end(), _entity(e)) for e in _ENTITY.finditer(text)))
        if m.spans:
            maps.append(m)
    if not unicodedata.is_normalized("NFC", text):
        text, m = _rewrite(text, _nfc_changes(text))
        maps.append(m)
    return NormalForm(text, tuple(maps)) if maps else None


def _entity(m: re.Match) -> str:
    """What an entity stands for; an unknown name stays as written."""
    if m.group(1):
        return html.unescape(m.group())  # the HTML rules: &#128; is "€", &#0; is U+FFFD
    return html5.get(m.group(2) + ";", m.group())


def _rewrite(text: str, changes) -> tuple[str, OffsetMap]:
    """Apply ``(start, end, replacement)`` changes (sorted, disjoint) and record the spans."""
    parts, spans, pos, shift = [], [], 0, 0
    for start, end, new in changes:
        if new == text[start:end]:
            continue
        parts.append(text[pos:start])
        parts.append(new)
        spans.append((start + shift, start + shift + len(new), start, end))
        shift += len(new) - (end - start)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), OffsetMap(spans)


def _nfc_changes(text: str):
    """The spans NFC rewrites, each as small as composition allows, with their NFC form."""
    for run in _HIGH_RUN.finditer(text):
        lo = max(run.start() - 1, 0)
        chunk = text[lo:run.end()]
        if unicodedata.is_normalized("NFC", chunk):
            continue
        for start, end in _segments(chunk):
            yield lo + start, lo + end, unicodedata.normalize("NFC", chunk[start:end])


def _segments(chunk: str) -> list[tuple[int, int]]:
    """``chunk`` cut before each starter that does not compose with what precedes it.

    NFC never crosses these cuts, so each piece can be normalised alone.
    """
    cuts = [0]
    for i in range(1, len(chunk)):
        c = chunk[i]
        if unicodedata.combining(c):
            continue
        before = chunk[cuts[-1]:i]
        if unicodedata.normalize("NFC", before + c) == unicodedata.normalize("NFC", before) + unicodedata.normalize(
                "NFC", c):
            cuts.append(i)
    cuts.append(len(chunk))
    return list(zip(cuts, cuts[1:]))

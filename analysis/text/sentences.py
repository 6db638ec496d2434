"""Sentence boundaries on the normalised view, as offsets into the original text.

A regular-expression splitter: every line is a block (scraped pages put
headlines, captions and paragraphs on lines of their own), and inside a line a
sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space and an
upper-case letter, a quote or a digit, unless the dot closes an abbreviation
or an initial ("M.", "Jr.", "John W. Brennan"). Pages that lost a space also
glue sentences ("…de la coalition.Une source…"): a dot between a lower-case
word and a capitalised word is a boundary too, but not in an abbreviation
("etc.Le"), a number ("1.046"), initials ("U.S.") or an address
("www.Example.com", "t.co/X"). English ranks and months ("Lt. Col.", "Oct. 17") are
abbreviations too: "Air Force Lt. Col. Staci Coleman" is one sentence. spaCy's French parser finds the same
boundaries in these texts at a fraction of the speed.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "jr", "sr", "st", "ste", "gén", "gal", "col", "lt", "cpt",
    "capt", "sgt", "adj", "etc", "cf", "env", "av", "apr", "j.-c", "no", "n°", "vol", "p", "pp", "art", "mr", "mrs",
    "ms", "gen", "lieut", "maj", "brig", "adm", "sen", "rep", "gov", "u.s", "u.k", "u.n",
    # English ranks and months as news agencies abbreviate them ("Lt. Col.", "Sgt. Maj.", "Jan. 8", "Oct. 17")
    "cmdr", "cdr", "cpl", "pvt", "spc", "gens", "lt.-col", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
}
ABBREVIATIONS = frozenset(_ABBREVIATIONS)
_BOUNDARY = re.compile(
    r"[.!?…]+[\"»”)\]]*(?=\s+[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])"
    # no space: "coalition.Une" (two lower-case letters before, a capitalised word after)
    r"|(?<=[a-zß-öø-ÿ]{2})\.(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])"
)
_ADDRESS = re.compile(r"(?:https?:|www\.|@|/)\S*$|\S*\.(?:com|org|net|fr|gov|mil)$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w.'-]+)$")


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    m = _WORD_BEFORE.search(line, max(0, dot - 40), dot)  # a word, not the whole line before it
    if not m:
        return False
    word = m.group(1).lower().lstrip("'")
    # A single upper-case letter before the dot is an initial ("John W. Brennan").
    return word in _ABBREVIATIONS or (len(word) == 1 and line[dot - 1].isupper())


def _glued_address(line: str, dot: int) -> bool:
    """Whether a dot with no space after it lies inside a web or mail address ("www.Site.com")."""
    token_start = max(line.rfind(" ", 0, dot), line.rfind("\n", 0, dot)) + 1
    token_end = line.find(" ", dot)
    token = line[token_start:token_end if token_end != -1 else len(line)]
    return bool(_ADDRESS.search(line[token_start:dot]) or re.search(r"(?:https?:|www\.|@|/|\.(?:com|org|net|fr)\b)", token))


def split_sentences(view: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence in ``view``, leading/trailing spaces trimmed.

    Blank regions (furniture blanked by :func:`analysis.text.view.blank`) yield nothing.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in view.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(line):
            if _is_abbreviation(line, m.start()) or (m.end() < len(line) and not line[m.end()].isspace()
                                                     and _glued_address(line, m.start())):
                continue
            _append(spans, line, offset, start, m.end())
            start = m.end()
        _append(spans, line, offset, start, len(line))
        offset += len(line) + 1
    return spans


def _append(spans, line, offset, start, end):
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    spans.append((offset + start + lead, offset + start + lead + len(stripped)))

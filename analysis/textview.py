"""A normalised view of an article that keeps every offset of the original.

Typographic apostrophes and quotes and the many Unicode spaces are mapped one
character to one character, so a position in the view is the same position in
the original text and no offset map is needed.
"""

_ONE_TO_ONE = {
    "\u2019": "'",  # right single quotation mark, the usual French apostrophe
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00a0": " ",  # no-break space (French thousands and before « : ; ! ?)
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",
    "\u2007": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u200b": " ",  # zero-width space: keep the length, drop the glyph
    "\ufeff": " ",
    "\r": " ",  # CR of CRLF line ends: a space keeps offsets and line logic
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
}
_TABLE = str.maketrans(_ONE_TO_ONE)


def normalise(text: str) -> str:
    """Return ``text`` with apostrophes, quotes and spaces normalised, same length."""
    return text.translate(_TABLE)


def blank(text: str, spans) -> str:
    """Replace the characters of ``spans`` by spaces (newlines kept), same length.

    Used to hide page furniture from later passes without moving offsets.
    """
    if not spans:
        return text
    chars = list(text)
    for start, end, *_ in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)

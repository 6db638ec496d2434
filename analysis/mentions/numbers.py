"""Number mentions: where a text states an amount, its value, bounds and wording.

Pure functions over the normalised view. A mention is one of

* digits with the separators of the article's language, from
  ``resources/<lang>/number_format.tsv`` (French ``5 000``, ``1.171``, ``12,5``;
  English ``1,500``, ``2.5``), optionally scaled (``1,5 million``) or a
  percentage (``70 %``). A separator that the language reads one way and another
  language the other ("1,500" in French, "1.500" in English) is read the
  language's way and flagged ``ambiguous_separator``, never silently;
* number words from ``resources/<lang>/number_words.tsv``: ``huit``,
  ``vingt-sept``, ``Thirty-four``, ``two dozen`` (parsed by text2num, which
  handles the compounds of both numerations);
* vague amounts from ``resources/<lang>/vague_amounts.tsv``: ``des dizaines de`` → 20–99;

preceded, perhaps, by a qualifier from ``resources/<lang>/qualifiers.tsv`` ("plus de",
"au moins"). Bounds follow the wording, as UCDP records low and high
estimates: "plus de 150" → low 151, "moins de 120" → high 119.

Things that look like numbers but state no amount are rejected here, with the
reason kept for diagnostics: dates, years, times of day, durations, ordinals,
designations (F-16, KC-135, Mirage 2000, 107 mm), file names, footnotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from analysis.resources import lexicon
from analysis.text.view import lowered

_MONTHS = (
    r"janv(?:ier|\.)?|f[ée]vr(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t|sept(?:embre|\.)?|"
    r"oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sep\.?|oct\.?|nov\.?|dec\.?"
)
_TIME_UNITS = (
    r"secondes?|minutes?|min|heures?|h|jours?|journées?|nuits?|semaines?|mois|ans|an|années?|décennies?|siècles?|"
    r"seconds?|hours?|days?|weeks?|months?|years?|decades?"
)
_AFTER_DATE = re.compile(
    r"\s*(?:er)?(?:\s+(?:au|et\s+le|à|-|–)\s+\d{1,2}(?:er)?)?\s+(?:" + _MONTHS + r")(?![\w])", re.IGNORECASE
)
_AFTER_DURATION = re.compile(
    r"\s*(?:(?:derni|premi)(?:ers|ères)|prochain(?:e)?s|longs?|longues|pleins?|pleines|bonnes?)?"
    r"\s*(?:" + _TIME_UNITS + r")(?![\w])",
    re.IGNORECASE,
)
_AFTER_MEASURE = re.compile(r"\s*(?:mm|cm|km|m|mètres?|kilomètres?|kilomet(?:er|re)s?|met(?:er|re)s?|miles?|yards?|pieds|feet|"
                            r"inch(?:es)?)(?!\s*(?:carrés?|2|²))(?![\w])", re.IGNORECASE)
_AFTER_GLUED = re.compile(r"[^\W\d_]|-\w|[/:]\d|\.\w|\]")
# A clock time written without a colon ("at 1730 GMT", "about 0900 local time").
_AFTER_CLOCK = re.compile(r"\s*(?:GMT|UTC|Zulu|[ap]\.?m\.?|local\s+time|hrs)(?![\w])", re.IGNORECASE)
# A month name right before a number makes it a day ("Feb 20, 2019", "Nov. 4"); capitalised, as dates are.
_MONTH_BEFORE = re.compile(r"(?:" + _MONTHS + r")\.?", re.IGNORECASE)
# A proper name with a number and nothing counted after it: "(Kurdistan 24)", "France 24," .
_NAME_NUMBER_END = re.compile(r"\s*[)\]]")
# Words after which a number names a thing rather than counting it ("base aérienne 118").
_DESIGNATION_WORDS = {
    "n°", "no", "numéro", "numero", "nr", "article", "art", "résolution", "resolution", "vol", "calibre", "page",
    "chapitre", "chapter", "section", "route", "autoroute", "bâtiment", "niveau", "phase", "zone", "secteur", "camp",
    "tour", "tower", "level", "unit", "unité", "brigade", "division", "régiment", "bataillon", "escadron",
    "escadrille", "groupe", "flight", "version", "modèle", "model", "type", "mark", "mk", "block", "lot", "base",
    "aérienne", "ba",
}
_SENTENCE_OPENERS = '.!?:;«"(\n,'
# Capitalised words that may stand before a number without naming a designation.
_CAPITAL_OK = {
    "les", "des", "ces", "plus", "moins", "au", "aux", "en", "de", "du", "selon", "avec", "sur", "dont", "et", "ou",
    "près", "environ", "quelque", "pas", "jusqu'à", "au-delà", "to", "some", "about", "over", "nearly", "at", "the",
    "les", "leurs", "nos", "vos", "ses", "mes", "par", "pour", "entre", "après", "avant", "puis", "mais", "ainsi",
    "seulement", "only", "almost", "more", "than", "fewer", "less", "around", "tous", "toutes",
}

_MARKS = {"space": " ", "dot": ".", "comma": ","}


@dataclass(frozen=True)
class NumberFormat:
    """The separators of one language: thousands group marks and the decimal mark."""

    groups: str
    decimal: str
    regex: re.Pattern


@lru_cache(maxsize=None)
def number_format(language: str) -> NumberFormat:
    """The separators of ``language`` (``number_format.tsv``) and the digit regex they give."""
    rows = lexicon.read_table("number_format")
    rows = rows[rows["language"] == language]
    if rows.empty:
        rows = lexicon.read_table("number_format").query("language == 'fr'")
    groups = "".join(_MARKS[m] for m, r in zip(rows["mark"], rows["role"]) if r == "group")
    decimal = next((_MARKS[m] for m, r in zip(rows["mark"], rows["role"]) if r == "decimal"), ".")
    group_class = "[" + re.escape(groups) + "]" if groups else "(?!)"
    # The look-behind sits after the first digit so the scan can jump from digit to digit.
    # A group mark must be followed by exactly three digits; any other mark+digits is a decimal part.
    regex = re.compile(r"(\d(?<![\w.,/-]\d)(?:\d{0,2}(?:" + group_class + r"\d{3})+(?!\d)|\d*))"
                       r"(?:([.,])(\d+))?(?:\s*(%))?")
    return NumberFormat(groups, decimal, regex)


@lru_cache(maxsize=None)
def _group_marks_elsewhere(language: str) -> str:
    """Group marks of the other languages: a decimal part of three digits after one of them is ambiguous."""
    rows = lexicon.read_table("number_format")
    rows = rows[(rows["language"] != language) & (rows["role"] == "group")]
    return "".join(_MARKS[m] for m in rows["mark"])


def read_digits(whole: str, mark: str | None, decimals: str | None, language: str = "fr") -> tuple[float, bool]:
    """The value of digits with separators in ``language``, and whether the reading is ambiguous.

    ``whole`` holds the digits and group marks, ``mark``/``decimals`` the decimal
    part. "1,500" in French is 1.5 (the decimal comma) but would be 1500 in
    English: it is read as French and flagged, so no one takes it for granted.
    """
    fmt = number_format(language)
    digits = "".join(c for c in whole if c.isdigit())
    if not mark:
        return float(digits), False
    value = float(f"{digits}.{decimals}")
    ambiguous = (len(decimals) == 3 and digits == whole and len(digits) <= 3
                 and mark in _group_marks_elsewhere(language) and mark not in fmt.groups)
    return value, ambiguous


_SCALE = re.compile(r"\s+(millions?|milliards?|mille|millions|billions?|thousand)\b", re.IGNORECASE)
_SCALE_VALUE = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "mille": 1e3,
                "billion": 1e9, "billions": 1e9, "thousand": 1e3}
_PERCENT_WORDS = re.compile(r"\s+(?:pour\s?cent|pourcents?|percent|per cent)(?![\w])", re.IGNORECASE)



@dataclass(frozen=True)
class NumberWords:
    """The number words of one language (``number_words.tsv``), compiled."""

    regex: re.Pattern  # a run of number words, on lowered text
    inner: frozenset  # words that never stand alone ("un", "hundred")
    links: frozenset  # words only between two others ("et", "and")
    multipliers: frozenset  # words that multiply the number before them ("dozen")
    not_after: dict  # word -> regex on the lowered text before it
    not_before: dict  # word -> regex on the lowered text after it


@lru_cache(maxsize=None)
def number_words(language: str) -> NumberWords:
    """The number-word lexicon of ``language``."""
    table = lexicon.read_table("number_words")
    rows = table[table["language"] == language].to_dict("records")
    words = [r["pattern"].lower() for r in rows]
    first = [r["pattern"].lower() for r in rows if r["role"] == "first"]
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    first_alt = "|".join(sorted(map(re.escape, first), key=len, reverse=True)) or "(?!)"
    # For lowered text; the caller checks that a match starts a word (a leading
    # look-behind would stop the scan from skipping ahead).
    regex = re.compile(r"((?:" + first_alt + r")(?:(?:-|\s+)(?:" + alt + r"))*)(?![\w-])")
    def compiled(col, fmt):
        return {r["pattern"].lower(): re.compile(fmt.format(r[col])) for r in rows if r.get(col)}
    return NumberWords(
        regex,
        frozenset(r["pattern"].lower() for r in rows if r["role"] in ("inner", "multiplier")),
        frozenset(r["pattern"].lower() for r in rows if r["role"] == "link"),
        frozenset(r["pattern"].lower() for r in rows if r["role"] == "multiplier"),
        compiled("not_after", "(?:{})$"),
        compiled("not_before", "^(?:{})"),
    )


_WORD_FOLLOWED_BY_NOUN = re.compile(r"\s+(?:de\s+|d'|of\s+)?[^\W\d_]")


@dataclass(frozen=True)
class NumberMention:
    """An amount stated in the text; ``start``/``end`` cover qualifier and number."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    number_start: int  # the number itself, without its qualifier
    number_end: int
    is_percent: bool = False
    ambiguous_separator: bool = False  # read the language's way, but another language reads it otherwise


@dataclass(frozen=True)
class Rejected:
    """A number-like span that states no amount, and why."""

    start: int
    end: int
    reason: str


def _inside_word(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-")


def _bounds(value: float | None, qualifier: str) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    step = 1 if float(value).is_integer() else 0
    if qualifier == "exact":
        return value, value
    if qualifier == "more_than":
        return value + step, None
    if qualifier == "at_least":
        return value, None
    if qualifier == "less_than":
        return None, value - step
    if qualifier == "at_most":
        return None, value
    return None, None  # about: the wording gives no bound


@lru_cache(maxsize=None)
def _qualifier_rows(language: str) -> tuple[tuple[str, str, re.Pattern | None, bool], ...]:
    """(phrase, qualifier, not_after, adverb) per row of ``qualifiers.tsv``, longest phrase first.

    ``not_after`` (a regex on the lowered text before the phrase) marks a reading
    that is no estimate ("structuré autour de douze avions"). An *adverb*
    (a phrase not ending in "de"/"d'"/"of"/"to") may stand before a preposition:
    "au moins à 14 reprises".
    """
    table = lexicon.read_table("qualifiers")
    rows = table[table["language"] == language]
    out = [_qualifier_row(phrase, qualifier, not_after) for phrase, qualifier, not_after
           in zip(rows["pattern"], rows["qualifier"], rows.get("not_after", [""] * len(rows)))]
    return tuple(sorted(out, key=lambda r: len(r[0]), reverse=True))


def _qualifier_row(phrase: str, qualifier: str, not_after: str) -> tuple[str, str, re.Pattern | None, bool]:
    phrase = phrase.lower()
    adverb = not re.search(r"(?:\bde|d'|\bof|\bto|à)$", phrase)
    return phrase, qualifier, re.compile(not_after + "$") if not_after else None, adverb


# Prepositions an adverbial qualifier may precede: "au moins à 14 reprises", "environ dans 20 cas".
_PREPOSITION_BEFORE = re.compile(r"(?:\s|^)(?:à|dans|en|sur|contre|pour|parmi|chez|lors\s+de|in|on|against)\s*$")


def _qualifier_before(view: str, start: int, language: str, rows=None) -> tuple[str, int]:
    """The qualifier phrase ending just before a number, if any, and where it starts.

    An elided word may precede it ("qu'au moins 25 roquettes"); an adverbial one may
    be followed by a preposition ("au moins à 14 reprises").
    """
    window = view[max(0, start - 50):start]
    before = window.rstrip().lower()
    candidates = [(before, False)]
    prep = _PREPOSITION_BEFORE.search(before)
    if prep:
        candidates.append((before[:prep.start()].rstrip(), True))
    for text, after_preposition in candidates:
        for phrase, qualifier, not_after, adverb in (rows if rows is not None else _qualifier_rows(language)):
            if after_preposition and not adverb:
                continue
            if text.endswith(phrase):
                at = len(text) - len(phrase)
                if at and (text[at - 1].isalnum() or text[at - 1] in "_-"):
                    continue
                if not_after is not None and not_after.search(text, 0, at):
                    continue
                return qualifier, start - (len(window) - at)
    return "exact", start


@lru_cache(maxsize=None)
def _round_numbers(language: str) -> dict[str, tuple[str, float]]:
    """Vague amounts that name a round number ("un millier", "une centaine"): phrase -> (qualifier, value)."""
    table = lexicon.read_table("vague_amounts")
    rows = table[(table["language"] == language) & (table.get("qualifier", "vague") != "vague")]
    return {re.sub(r"\s+", " ", p.lower()): (q, float(v)) for p, q, v in zip(rows["pattern"], rows["qualifier"], rows["value"])}


def _trap_after(view: str, end: int, value: float, raw: str, has_separator: bool) -> str | None:
    rest = view[end:end + 40]
    if len(raw) > 1 and raw[0] == "0":
        return "leading zero (clock time, code or identifier)"
    if _AFTER_CLOCK.match(rest):
        return "time of day"
    if _AFTER_GLUED.match(rest):
        return "glued to letters (ordinal, unit, code or file name)"
    if _AFTER_DATE.match(rest):
        return "date"
    if _AFTER_DURATION.match(rest):
        return "duration or time of day"
    if _AFTER_MEASURE.match(rest):
        return "measurement or calibre"
    if not has_separator and len(raw) == 4 and 1900 <= value <= 2100:
        if not lexicon.category_noun_regex("fr").match(rest.lstrip()):
            return "year"
    return None


def _trap_before(view: str, start: int) -> str | None:
    """Why the word before a number makes it no amount (string tests: this runs per number)."""
    before = view[max(0, start - 40):start]
    stripped = before.rstrip()
    if not stripped:
        return None
    if len(stripped) == len(before):  # nothing between the word and the number
        last = stripped[-1]
        if last.isalnum() or last in "_@#/\\[" or (last in ".,-" and len(stripped) > 1 and stripped[-2].isalnum()):
            return "glued to letters (designation or code)"
    parts = stripped.rsplit(None, 1)
    word = parts[-1]
    rest = parts[0] if len(parts) > 1 else ""
    if word in ("h", "H") and rest[-1:].isdigit():
        return "time of day"
    if len(stripped) == len(before) and stripped[-1] == ":" and stripped[-2:-1].isdigit():
        return "time of day"  # the seconds or minutes of "22:14:09"
    if len(stripped) == len(before) and stripped[-1] in "(\"" and stripped[-2:-1].isalnum():
        return "glued to letters (designation or code)"  # string(708)
    if stripped[-1] == '"' and view[start:start + 12].split('"')[0].isdigit() and '"' in view[start:start + 12]:
        return "quoted number (code or identifier)"  # "id":"1622381"
    if word[:1].isupper() and _MONTH_BEFORE.fullmatch(word):
        return "date"
    if word[-1] in ",;:)»\"!?":
        return None
    name = word.rstrip(".").split("'")[-1]
    lower = name.lower()
    if lower in _DESIGNATION_WORDS:
        return "designation (model, number or name)"
    if name[:1].isupper() and lower not in _CAPITAL_OK:
        opener = rest.rstrip()[-1:]
        if not opener or opener in _SENTENCE_OPENERS:
            return None  # a capitalised word opening the sentence ("Plus de", "Environ")
        return "designation (model, number or name)"
    return None


def _name_before(view: str, start: int) -> bool:
    """Whether a capitalised name (no qualifier or article) stands right before ``start``."""
    word = [w.lstrip("([«\"'") for w in view[max(0, start - 30):start].rstrip().rsplit(None, 1)[-1:]]
    return bool(word) and word[0][:1].isupper() and word[0].isalpha() and word[0].lower() not in _CAPITAL_OK


def qualifier_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``qualifiers`` qualifies a number of ``text`` (or one that would follow it)."""
    rows = (_qualifier_row(row["pattern"], row["qualifier"], row.get("not_after", "")),)
    # A number in digits, or a word right after the phrase ("plus d'un millier").
    after = [m.end() for m in re.finditer(re.escape(row["pattern"].lower()) + r"\s*", text.lower())]
    starts = [m.start() for m in re.finditer(r"\d", text)] + after + [len(text)]
    return any(_qualifier_before(text, s, row.get("language", "fr"), rows)[1] < s for s in starts)


def vague_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``vague_amounts`` reads a vague amount in ``text`` (it needs its "de"/"of")."""
    low = lowered(text)
    rx = lexicon.vague_regex([row["pattern"]], row["language"])
    return any(not _inside_word(low, m.start()) for m in rx.finditer(low))


def find_numbers(view: str, language: str = "fr", low: str | None = None) -> tuple[list[NumberMention], list[Rejected]]:
    """Find the amounts stated in ``view`` and the number-like spans rejected as traps.

    ``low`` is ``lowered(view)`` when the caller has it already.
    """
    lower_view = lowered(view) if low is None else low
    mentions: list[NumberMention] = []
    rejected: list[Rejected] = []
    taken: list[tuple[int, int]] = []

    vague_rx, vague_lookup = lexicon.vague_amounts(language)
    for m in vague_rx.finditer(lower_view):
        if _inside_word(lower_view, m.start()):
            continue
        phrase = re.sub(r"\s+", " ", m.group(1).lower())
        low, high = vague_lookup[phrase]
        qualifier, value = _round_numbers(language).get(phrase, ("vague", None))
        start = m.start(1)
        if qualifier != "vague":
            # "Plus d'un millier": a qualifier before the round number bounds it.
            before, qstart = _qualifier_before(view, start, language)
            if before != "exact":
                qualifier, start = before, qstart
                low, high = _bounds(value, qualifier)
        mentions.append(NumberMention(start, m.end(1), value, low, high, qualifier, m.start(1), m.end(1)))
        taken.append((m.start(1), m.end(1)))

    fmt = number_format(language)
    for m in fmt.regex.finditer(view):
        if any(s <= m.start() < e for s, e in taken):
            continue
        digits, mark, decimals, percent = m.group(1), m.group(2), m.group(3), m.group(4)
        value, ambiguous = read_digits(digits, mark, decimals, language)
        num_end = m.end()
        reason = _trap_before(view, m.start())
        if reason is None and not percent:
            reason = _trap_after(view, m.end(), value, digits, not digits.isdigit())
        if reason is None and _NAME_NUMBER_END.match(view, m.end()) and _name_before(view, m.start()):
            reason = "designation (a name with a number)"
        if reason:
            rejected.append(Rejected(m.start(), m.end(), reason))
            continue
        if not percent:
            scale = _SCALE.match(view, num_end)
            if scale:
                value *= _SCALE_VALUE[scale.group(1).lower()]
                num_end = scale.end()
            pw = _PERCENT_WORDS.match(view, num_end)
            if pw:
                percent, num_end = "%", pw.end()
        mentions.append(_mention(view, m.start(), num_end, value, language, bool(percent), ambiguous))

    for m in number_words(language).regex.finditer(lower_view):
        if _inside_word(lower_view, m.start()):
            continue
        mention = _word_mention(view, lower_view, m, language)
        if mention is None:
            continue
        if any(s < mention.number_end and mention.number_start < e for s, e in taken):
            continue
        mentions.append(mention)

    mentions.sort(key=lambda x: x.start)
    return _join_ranges(view, mentions), rejected


_RANGE_OPEN = re.compile(r"(?:entre|between)\s+$", re.IGNORECASE)
_RANGE_LINK = re.compile(r"\s+(?:et|and)\s+", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_RANGE_FROM = re.compile(r"\b(?:from|de|d'|passé\s+de)\s+$", re.IGNORECASE)


def _join_ranges(view: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "entre 15 et 20 combattants" is one vague amount, 15 to 20, not two counts."""
    out: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        pair = (b is not None and a.qualifier == "exact" and b.qualifier == "exact"
                and a.value is not None and b.value is not None and a.value < b.value)
        opener = _RANGE_OPEN.search(view, max(0, a.start - 10), a.start)
        if pair and opener and _RANGE_LINK.fullmatch(view, a.end, b.start):
            out.append(NumberMention(opener.start(), b.end, None, a.value, b.value, "vague", a.number_start,
                                     b.number_end, b.is_percent))
            i += 2
            continue
        # "an estimated 3,000 to 5,000 fighters": an estimate's bounds; "from 3,000 to 5,000" is a change.
        estimate = (b is not None and a.qualifier in ("exact", "about") and b.qualifier == "exact"
                    and a.value is not None and b.value is not None and a.value < b.value)
        if (estimate and _RANGE_TO.fullmatch(view, a.end, b.start)
                and not _RANGE_FROM.search(view, max(0, a.start - 10), a.start)):
            out.append(NumberMention(a.start, b.end, None, a.value, b.value, "vague", a.number_start,
                                     b.number_end, b.is_percent))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _mention(view, start, end, value, language, is_percent, ambiguous=False):
    qualifier, qstart = _qualifier_before(view, start, language)
    low, high = _bounds(value, qualifier)
    return NumberMention(qstart, end, value, low, high, qualifier, start, end, is_percent, ambiguous)


def _word_mention(view: str, low: str, m: re.Match, language: str) -> NumberMention | None:
    lex = number_words(language)
    text = m.group(1)
    # Word tokens with their offsets in the match.
    tokens = [(t.start(), t.group()) for t in re.finditer(r"[^\s-]+", text)]
    # "un" alone is an article and "and" a conjunction: neither starts a number;
    # a link ("et", "and") does not end one.
    while tokens and (tokens[0][1] in lex.inner or tokens[0][1] in lex.links):
        tokens.pop(0)
    while tokens and tokens[-1][1] in lex.links:
        tokens.pop()
    if not tokens or all(w in lex.inner for _, w in tokens):
        return None
    start = m.start(1) + tokens[0][0]
    end = m.start(1) + tokens[-1][0] + len(tokens[-1][1])
    words = [w for _, w in tokens]
    factor = 1.0
    while words and words[-1] in lex.multipliers:  # "two dozen": 24 (the only multiplier word)
        factor *= 12.0
        words.pop()
    if not words:
        return None
    if len(words) == 1:
        before, after = low[max(0, start - 30):start], low[end:end + 30]
        if words[0] in lex.not_after and lex.not_after[words[0]].search(before):
            return None
        if words[0] in lex.not_before and lex.not_before[words[0]].search(after):
            return None
    try:
        value = float(text2num(" ".join(words), language)) * factor
    except ValueError:
        return None
    rest = view[end:end + 40]
    if words[-1] == "neuf" and not re.match(r"\s+\w+[sx]\b", rest):
        return None  # "neuf" is also the adjective "new"
    is_percent = False
    pw = _PERCENT_WORDS.match(view, end)
    if pw:
        is_percent, end = True, pw.end()
    elif not _WORD_FOLLOWED_BY_NOUN.match(rest):
        return None  # a number word with no counted noun ("à deux", "les six") states no amount
    elif _AFTER_DURATION.match(rest) or _AFTER_DATE.match(rest) or _AFTER_MEASURE.match(rest):
        return None
    scale = _SCALE.match(view, end)
    if scale:
        value *= _SCALE_VALUE[scale.group(1).lower()]
        end = scale.end()
    return _mention(view, start, end, value, language, is_percent)


def number_word_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``number_words`` is read as (part of) an amount in ``text``."""
    word = row["pattern"].lower()
    mentions, _ = find_numbers(text, row["language"])
    return any(re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text[n.number_start:n.number_end].lower())
               for n in mentions)


def number_format_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``number_format`` (a mark in a role) is how a number of ``text`` is read."""
    mark, fmt = _MARKS[row["mark"]], number_format(row["language"])
    for m in fmt.regex.finditer(text):
        whole, dmark = m.group(1), m.group(2)
        if row["role"] == "group" and mark in whole[1:]:
            return True
        if row["role"] == "decimal" and dmark == mark and not read_digits(whole, dmark, m.group(3), row["language"])[1]:
            return True
    return False

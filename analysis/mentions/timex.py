"""Time expressions and their resolution against the publication date.

:func:`find_timexes` finds the expressions (pure regexes over the view);
:func:`resolve` turns one into a period ``(start, end, precision)`` given the
anchor, the publication window. A relative expression is resolved at both
ends of the anchor window and the union is kept, so an article dated only to
the month resolves "mercredi" to that month, never to an invented day.

Weekdays name the last such day on or before the anchor ("mercredi" in an
article of Wednesday 5 January 2022 is that day; "mercredi dernier" the one
before); "prochain" looks forward. Day-and-month dates without a year take
the anchor's year unless that puts them more than a month after the anchor.
A weekday or "hier" in an article dated only to a month or a year stays in
that window. A night ("la nuit du 15 au 16", "la nuit de lundi à mardi")
covers its two dates. English is read by patterns of the same kinds: weekdays
("on Monday", "last Friday"), dates either way round ("Jan. 8, 2020", "8 January
2020"), ranges ("between Oct. 17 and Nov. 9"), "last week" / "this month" / "last
year" (the calendar unit, as "la semaine dernière"; "earlier this month" runs from
its start to the day before the article), "in mid-January", "over the weekend"
(the last Saturday and Sunday), "overnight" (the night before the article), "in
the past 24 hours", "yesterday"/"today". "the same day" / "le même jour" is found
but resolved by the period rules (it names the day told just before).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.resources.lexicon import read_table
from analysis.text.view import lower_pattern, lowered

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10,
    "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "aug": 8, "sep": 9,
}
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBER_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
                "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "two": 2, "three": 3, "four": 4, "five": 5,
                "six_": 6, "seven": 7, "ten": 10, "un": 1, "une": 1, "onze": 11, "one": 1, "eight": 8, "nine": 9,
                "twelve": 12}

_MONTH_RX = (r"janvier|janv\.|f[ée]vrier|f[ée]vr\.|mars|avril|avr\.|mai|juin|juillet|juil\.|ao[uû]t|septembre|"
             r"sept\.|octobre|oct\.|novembre|nov\.|d[ée]cembre|d[ée]c\.")
_WEEKDAY_RX = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_WEEKDAY_EN_RX = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH_EN_RX = (r"january|jan\.|february|feb\.|march|mar\.|april|apr\.|may|june|july|august|aug\.|september|"
                r"sept?\.|october|oct\.|november|nov\.|december|dec\.")
_UNIT_RX = r"jours|semaines|mois|ans|années"
_SPAN_UNIT_RX = r"heures?|jours?|semaines?|mois|ans?|années?|hours?|days?|weeks?|months?|years?"
# "4 may have died" is no date: a bare "may" after a day needs a year or punctuation to be the month.
_MONTH_EN_DAY_FIRST_RX = _MONTH_EN_RX.replace("|may|", "|may(?=,?\\s+(?:19|20)\\d\\d|\\s*[,.;:)])|")


def cue_patterns(role: str, language: str | None = None) -> list[str]:
    """The patterns of one role of ``resources/<lang>/period_cues.tsv`` ("since", "span", "cumulative", "stock")."""
    rows = read_table("period_cues")
    rows = rows[rows["role"] == role]
    if language is not None:
        rows = rows[rows["language"] == language]
    return list(rows["pattern"])


def cue_regex(patterns) -> re.Pattern:
    """The cues ``patterns`` as whole words, as the "since", "cumulative" and "stock" roles are read."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.IGNORECASE)


def _span_rx(patterns) -> str:
    return (r"(?:" + "|".join(patterns) + r")\s+(?P<n>\d+|"
            + "|".join(k for k in NUMBER_WORDS if k.isalpha()) + r")\s+(?P<unit>" + _SPAN_UNIT_RX + r")")


def period_cue_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``period_cues`` fires on ``text``; a "span" cue needs its length of time after it
    ("en deux mois", not "en mai")."""
    if row["role"] == "span":
        rx = re.compile(r"(?<![\w-])" + _span_rx([row["pattern"]]) + r"(?![\w-])", re.IGNORECASE)
        return bool(rx.search(text))
    return bool(cue_regex([row["pattern"]]).search(text))


# "en trois mois", "depuis deux semaines", "over the past two weeks": a length of time that
# ends at publication; the words that may introduce it are rows of resources/<lang>/period_cues.tsv.
_SPAN_RX = _span_rx(cue_patterns("span"))

_PATTERNS = [
    ("span", _SPAN_RX),
    # "dans la nuit du 15 au 16", "la nuit de samedi à dimanche": a night covers both days.
    ("night", rf"(?:dans\s+)?la\s+nuit\s+(?:du\s+(?P<d1>\d{{1,2}}|1er)\s+au\s+(?P<day>\d{{1,2}})(?:\s+(?P<month>{_MONTH_RX})(?:\s+(?P<year>(?:19|20)\d\d))?)?|de\s+(?P<wd1>{_WEEKDAY_RX})\s+(?:à|au)\s+(?P<wd>{_WEEKDAY_RX}))"),
    ("range", rf"(?:du|entre\s+le)\s+(?P<d1>\d{{1,2}}|1er)(?:\s+(?P<m1>{_MONTH_RX}))?\s+(?:au|et\s+le)\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RX})(?:\s+(?P<year>(?:19|20)\d\d))?"),
    ("date", rf"(?:le\s+)?(?P<day>\d{{1,2}}|1er)\s+(?P<month>{_MONTH_RX})(?:\s+(?P<year>(?:19|20)\d\d))?"),
    # English "January 8", "Feb. 15, 2021".
    ("date", rf"(?:on\s+)?(?P<month>{_MONTH_EN_RX})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?"),
    # English "8 January 2020" (British and Kurdish outlets), "on 8 January".
    ("date", rf"(?:on\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_EN_DAY_FIRST_RX})(?:,?\s+(?P<year>(?:19|20)\d\d))?"),
    # "between Oct. 17 and Nov. 9", "from Jan. 3 to Jan. 9", "Oct. 17-Nov. 9".
    ("range", rf"(?:between\s+|from\s+)?(?P<m1>{_MONTH_EN_RX})\s+(?P<d1>\d{{1,2}})(?:,?\s+(?:19|20)\d\d)?\s*(?:and|to|through|until|-|–)\s*(?:(?P<month>{_MONTH_EN_RX})\s+)?(?P<day>\d{{1,2}})(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?"),
    ("back", rf"(?:au\s+cours|durant|pendant|lors|ces|dans)\s+(?:des|les|ces)?\s*(?P<n>\d+|{'|'.join(k for k in NUMBER_WORDS if k.isalpha())})?\s*(?:derni(?:ers|ères)|passé(?:e)?s)\s+(?P<unit>{_UNIT_RX})"),
    ("year_start", r"depuis\s+le\s+début\s+de\s+l'année"),
    ("month", rf"(?:(?P<mod>début|fin|courant|en|au\s+mois\s+de|à\s+la\s+fin\s+de|au\s+début\s+de)\s+|(?P<mid>mi-))?(?P<month>{_MONTH_RX})(?:\s+(?P<year>(?:19|20)\d\d))?"),
    ("year_rel", r"(?:de\s+toute\s+)?l'(?:année|an)\s+(?P<rel>dernière|dernier|passée|passé|précédente|prochaine|prochain)|cette\s+année"),
    ("month_rel", r"ce\s+mois(?:-ci)?|le\s+mois\s+(?P<rel>dernier|passé|prochain)"),
    ("week_rel", r"cette\s+semaine|la\s+semaine\s+(?P<rel>dernière|passée|prochaine)"),
    # English "last week", "earlier this month", "the previous year": the same calendar units.
    ("week_rel", r"(?:(?P<rel>earlier|later)\s+)?this\s+week|(?:the\s+)?(?P<rel2>last|previous|next)\s+week"),
    ("month_rel", r"(?:(?P<rel>earlier|later)\s+)?this\s+month|(?:the\s+)?(?P<rel2>last|previous|next)\s+month"),
    ("year_rel", r"(?:(?P<rel>earlier|later)\s+)?this\s+year|(?:the\s+)?(?P<rel2>last|previous|next)\s+year"),
    # "in early January", "mid-January", "late December 2019", "in January", "since January".
    ("month", rf"(?:(?P<mod>early|late|in\s+early|in\s+late|in|during|since|by\s+early|by\s+late)\s+|(?:in\s+)?(?P<mid>mid-))(?P<month>{_MONTH_EN_RX})(?!\s+\d{{1,2}}(?!\d))(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?"),
    # "July 2015", "September of 2014".
    ("month", rf"(?P<month>{_MONTH_EN_RX})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)"),
    ("weekend", r"(?:over\s+|during\s+|on\s+)?(?:the|this|last)\s+weekend"),
    ("deictic", r"overnight"),
    ("night", r"(?:on\s+|during\s+)?the\s+night\s+of\s+(?P<wd1>" + _WEEKDAY_EN_RX + r")\s+(?:to|into)\s+(?P<wd>" + _WEEKDAY_EN_RX + r")"),
    ("same", r"(?:on\s+|later\s+)?(?:the\s+same\s+day|that\s+same\s+day|that\s+day|le\s+même\s+jour|ce\s+même\s+jour)"),
    ("weekday", rf"(?:ce\s+|le\s+)?(?P<wd>{_WEEKDAY_RX})(?:\s+(?P<rel>dernier|prochain))?(?:\s+(?:matin|soir|après-midi))?"),
    ("weekday", rf"(?:on\s+|late\s+|early\s+)?(?:(?P<rel>last|next|this\s+past)\s+)?(?P<wd>{_WEEKDAY_EN_RX})(?:\s+(?:morning|afternoon|evening|night))?"),
    ("deictic", r"aujourd'hui|ce\s+matin|ce\s+soir|cet\s+après-midi|cette\s+nuit|la\s+nuit\s+dernière|avant-hier|hier|demain|"
                r"yesterday|today|tomorrow|last\s+night"),
    ("holiday", r"(?:au\s+cours\s+du\s+|à\s+la\s+|du\s+|le\s+)?(?P<hol>Nouvel\s+An|Saint-Sylvestre|Noël)"),
    ("year", r"(?:en|depuis|de|dès|l'an|l'année|année)\s+(?P<year>(?:19|20)\d\d)"),
]
# One plain alternation finds the expressions fast (named groups would slow the scan
# several times); each hit is then read by the first single pattern it fully matches.
_MASTER = re.compile(lower_pattern(  # for lowered text
    "(?<![\\w-])(?:" + "|".join(re.sub(r"[(][?]P<[a-z0-9]+>", "(?:", p) for _, p in _PATTERNS) + ")(?![\\w-])"
))
_SINGLE = [(kind, re.compile(f"(?:{p})", re.IGNORECASE)) for kind, p in _PATTERNS]
# Every expression holds one of these words; the full patterns run only around them.
# The leading look-behind makes the scan skip the inside of words, most of a text.
_TRIGGER = re.compile(  # for lowered text
    r"(?<!\w)(?:jan|feb|apr|aug|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|yesterday|today|tomorrow|ann[ée]e|\ban\b|mois|semaine|hier|demain|aujourd|matin|soir|nuit|après-midi|nouvel|no[eë]l|"
    r"sylvestre|derni|passé|(?:19|20)\d\d|jours?\b|ans?\b|days?\b|weeks?\b|months?\b|years?\b|heures?\b|hours?\b|"
    r"overnight|weekend|night\b|même\s+jour)"
)
_WINDOW = 60  # characters around a trigger: more than any expression's reach


def _windows(view: str, start: int, end: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(view, start, end):
        lo, hi = max(start, m.start() - _WINDOW), min(end, m.end() + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    kind: str
    fields: tuple  # (name, value) pairs of the pattern's groups

    def get(self, name):
        return dict(self.fields).get(name)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    precision: str


def find_timexes(view: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[Timex]:
    """Find the time expressions of ``view[start:end]``, in text order, longest match first.

    ``low`` is ``lowered(view)`` when the caller has it already.
    """
    low = lowered(view) if low is None else low
    out = []
    for lo, hi in _windows(low, start, len(view) if end is None else end):
        for m in _MASTER.finditer(low, lo, hi):
            if out and m.start() < out[-1].end:
                continue  # already found in the previous window
            out.append(_read(m))
    return out


def _read(m: re.Match) -> Timex:
    for kind, rx in _SINGLE:
        single = rx.fullmatch(m.group(0))
        if single:
            fields = tuple((k, v) for k, v in single.groupdict().items() if v is not None)
            return Timex(m.start(), m.end(), kind, fields)
    return Timex(m.start(), m.end(), "unknown", ())


def anchor_window(published: date, precision: str) -> tuple[date, date]:
    """The days an article may have appeared on, from its catalog date and precision."""
    if precision == "year":
        return date(published.year, 1, 1), date(published.year, 12, 31)
    if precision == "month":
        return published.replace(day=1), _month_end(published.year, published.month)
    if precision == "week":
        return published - timedelta(days=3), published + timedelta(days=3)
    return published, published


def coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _resolve_at(t: Timex, anchor: date) -> Period | None:
    """Resolve ``t`` against a single anchor day."""
    k = t.kind
    if k == "date":
        day = 1 if t.get("day").lower() == "1er" else int(t.get("day"))
        month = _month_number(t.get("month"))
        year = int(t.get("year")) if t.get("year") else anchor.year
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if not t.get("year") and d > anchor + timedelta(days=31):
            d = d.replace(year=year - 1)
        return Period(d, d, "day")
    if k == "night":
        return _night(t, anchor)
    if k == "range":
        fields = t.fields if t.get("month") else t.fields + (("month", t.get("m1")),)  # "Oct. 17-19"
        end = _resolve_at(Timex(t.start, t.end, "date", fields), anchor)
        if end is None:
            return None
        month = _month_number(t.get("m1")) if t.get("m1") else end.start.month
        year = end.start.year - (1 if month > end.start.month else 0)
        try:
            start = date(year, month, 1 if t.get("d1").lower() == "1er" else int(t.get("d1")))
        except ValueError:
            return None
        return Period(min(start, end.start), end.start, "day")
    if k == "month":
        month = _month_number(t.get("month"))
        year = int(t.get("year")) if t.get("year") else anchor.year
        if not t.get("year") and date(year, month, 1) > anchor:
            year -= 1  # reporting looks back: "en mars" in February is last March
        start, end = date(year, month, 1), _month_end(year, month)
        mod = (t.get("mod") or "").lower()
        mod = re.sub(r"^(?:in|by)\s+", "", mod)
        if mod.startswith(("début", "au début", "early")):
            return Period(start, start + timedelta(days=9), "month")
        if mod.startswith(("fin", "à la fin", "late")):
            return Period(end - timedelta(days=10), end, "month")
        if t.get("mid"):
            return Period(start + timedelta(days=9), start + timedelta(days=19), "month")
        return Period(start, end, "month")
    if k == "year":
        y = int(t.get("year"))
        return Period(date(y, 1, 1), date(y, 12, 31), "year")
    if k in ("year_rel", "month_rel", "week_rel"):
        rel = _relative(t)
        if k == "year_rel":
            start = date(anchor.year + rel, 1, 1)
            end, precision = date(start.year, 12, 31), "year"
        elif k == "month_rel":
            start = _shift_months(anchor.replace(day=1), rel)
            end, precision = _month_end(start.year, start.month), "month"
        else:
            start = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * rel)
            end, precision = start + timedelta(days=6), "week"
        part = (t.get("rel") or "").lower()
        if part == "earlier":  # "earlier this month": from its start to the article
            end = max(start, anchor - timedelta(days=1))
        elif part == "later":
            start = anchor
        return Period(start, end, precision)
    if k == "weekend":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        return Period(saturday, saturday + timedelta(days=1), "day")
    if k == "weekday":
        wd = WEEKDAYS[t.get("wd").lower()]
        rel = (t.get("rel") or "").lower()
        rel = "prochain" if rel == "next" else "dernier" if rel == "last" else rel
        if rel == "prochain":
            d = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
        else:
            d = anchor - timedelta(days=(anchor.weekday() - wd) % 7)
            if rel == "dernier" and d == anchor:
                d -= timedelta(days=7)
        return Period(d, d, "day")
    if k == "deictic":
        low = _text_of(t).lower()
        if low == "overnight":  # the night before the article: both its days
            return Period(anchor - timedelta(days=1), anchor, "day")
        delta = (-2 if low.startswith("avant-hier") else -1 if low.startswith(("hier", "la nuit", "yesterday", "last"))
                 else 1 if low in ("demain", "tomorrow") else 0)
        d = anchor + timedelta(days=delta)
        return Period(d, d, "day")
    if k == "holiday":
        hol = t.get("hol").lower()
        if hol.startswith("noël") or hol.startswith("noel"):
            y = anchor.year if anchor.month == 12 else anchor.year - 1
            return Period(date(y, 12, 25), date(y, 12, 25), "day")
        y = anchor.year if anchor.month <= 6 else anchor.year + 1
        # The night of 31 December to 1 January.
        return Period(date(y - 1, 12, 31), date(y, 1, 1), "day")
    if k == "back":
        n_raw = (t.get("n") or "").lower()
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw, 1)
        unit = t.get("unit").lower()
        if unit == "jours":
            return Period(anchor - timedelta(days=n), anchor, "day")
        if unit == "semaines":
            return Period(anchor - timedelta(weeks=n), anchor, "week")
        if unit == "mois":
            return Period(_shift_months(anchor, -n), anchor, "month")
        return Period(anchor.replace(year=anchor.year - n), anchor, "year")
    if k == "span":
        n_raw = t.get("n").lower()
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS[n_raw]
        unit = t.get("unit").lower()
        if unit.startswith(("heure", "hour")):  # "in the past 24 hours": the days it reaches into
            return Period(anchor - timedelta(days=max(1, -(-n // 24))), anchor, "day")
        if unit.startswith(("jour", "day")):
            return Period(anchor - timedelta(days=n), anchor, "day")
        if unit.startswith(("semaine", "week")):
            return Period(anchor - timedelta(weeks=n), anchor, "week")
        if unit.startswith(("mois", "month")):
            return Period(_shift_months(anchor, -n), anchor, "month")
        return Period(anchor.replace(year=anchor.year - n), anchor, "year")
    if k == "year_start":
        return Period(date(anchor.year, 1, 1), anchor, "day")
    return None


def _relative(t: Timex) -> int:
    """-1, 0 or 1: the calendar unit before, of or after the anchor ("la semaine dernière", "next month")."""
    rel = (t.get("rel2") or t.get("rel") or "").lower()
    if rel.startswith(("dern", "pass", "préc", "last", "previous")):
        return -1
    if rel.startswith(("proch", "next")):
        return 1
    return 0


def _night(t: Timex, anchor: date) -> Period | None:
    """"la nuit du 15 au 16 (novembre)", "la nuit de lundi à mardi": the two days of the night, the
    second one the last such day on or before the anchor when the month is not given."""
    if t.get("wd"):
        end = _resolve_at(Timex(t.start, t.end, "weekday", (("wd", t.get("wd")),)), anchor).start
        return Period(end - timedelta(days=1), end, "day")
    day = int(t.get("day"))
    if t.get("month"):
        end = _resolve_at(Timex(t.start, t.end, "date", t.fields), anchor)
        if end is None:
            return None
        end = end.start
    else:
        end, month_start = None, anchor.replace(day=1)
        for back in (0, 1, 2):  # this month, else the one before (the 31st needs a month that has it)
            first = _shift_months(month_start, -back)
            if day <= calendar.monthrange(first.year, first.month)[1] and first.replace(day=day) <= anchor:
                end = first.replace(day=day)
                break
        if end is None:
            return None
    return Period(end - timedelta(days=1), end, "day")


def _text_of(t: Timex) -> str:
    return dict(t.fields).get("_text", "")


def resolve(t: Timex, published: date, precision: str = "day", text: str | None = None,
            since: bool = True) -> Period | None:
    """Resolve a time expression against the publication window.

    ``text`` is the view the expression was found in (needed for deictic words
    and for "depuis", which, with ``since``, runs the period up to publication).
    """
    if text is not None and t.kind == "deictic":
        t = Timex(t.start, t.end, t.kind, t.fields + (("_text", text[t.start:t.end]),))
    lo, hi = anchor_window(published, precision)
    a, b = _resolve_at(t, lo), _resolve_at(t, hi)
    if a is None or b is None:
        return None
    start, end = min(a.start, b.start), max(a.end, b.end)
    prec = a.precision
    if (a.start, a.end) != (b.start, b.end):
        prec = coarser(prec, precision)
        if t.kind in _NEAR_KINDS and PRECISION_RANK[precision] >= PRECISION_RANK["month"]:
            start = max(start, lo)  # "mercredi" in an article of March 2021 is a day of that March
    if since and text is not None and t.kind in _SINCE_KINDS and introduced_by_since(text, t):
        # "depuis le 17 octobre", "depuis 2015", "depuis vendredi": from then until the article was written.
        end = max(end, hi)
        prec = coarser(prec, precision)
    return Period(start, end, prec)


_NEAR_KINDS = ("weekday", "deictic")  # a day within a week of the article
_SINCE_KINDS = ("date", "month", "year", "weekday", "deictic", "holiday")
_SINCE_CUE = cue_regex(cue_patterns("since"))
_SINCE_REACH = 6  # words between the cue and the expression: "depuis le début des frappes (le 23 septembre)"


_SINCE_CLAUSE_REACH = 20  # words of a since-clause before its date: "since the PKK resumed its campaign in July 2015"
_SINCE_CLAUSE_DATE = re.compile(r"(?:in|on|dans|en|le)\s", re.IGNORECASE)
# Asides inside a clause: "(IS)", "-- listed as a terrorist group by Turkey, the U.S. and the EU --";
# and the points of abbreviations ("U.S.-led"), which end no clause.
_ASIDE = re.compile(r"\([^()\n]*\)|\s(?:--|—|–)\s[^\n]*?\s(?:--|—|–)\s|(?<![\w])(?:[A-Z]\.){1,3}")


def introduced_by_since(text: str, t: Timex) -> bool:
    """Whether a "since" cue opens the phrase holding ``t``: the cue starts the expression, or
    comes before it in the same clause (no sentence or clause punctuation between, a few words).

    A since-clause whose verb is dated by "in"/"on" ("since the coalition started its operations
    against the Islamic State (IS) in Syria in September of 2014") reaches further, past asides
    in brackets or dashes."""
    if _SINCE_CUE.match(text, t.start):
        return True
    before = text[max(0, t.start - 80):t.start]
    cues = list(_SINCE_CUE.finditer(before))
    if cues:
        gap = before[cues[-1].end():]
        if not re.search(r"[,;:.!?»«\"\n]", gap) and len(re.findall(r"[\w'’-]+", gap)) <= _SINCE_REACH:
            return True
    if t.kind not in ("date", "month", "year") or not _SINCE_CLAUSE_DATE.match(text, t.start):
        return False
    before = _ASIDE.sub(" ", text[max(0, t.start - 300):t.start])
    cues = list(_SINCE_CUE.finditer(before))
    if not cues:
        return False
    gap = before[cues[-1].end():]
    return not re.search(r"[,;:.!?»«\"\n]", gap) and len(re.findall(r"[\w'’-]+", gap)) <= _SINCE_CLAUSE_REACH


def publication_period(published: date, precision: str) -> Period:
    lo, hi = anchor_window(published, precision)
    return Period(lo, hi, precision)

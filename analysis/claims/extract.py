"""Claims: attributed statements, who made them, in what role, through which channel.

A claim is either a direct quote (« », " " or “ ”, over as many sentences as
it runs) next to an attribution ("», a déclaré Marotto", "X a déclaré : “…”"),
or reported speech in a sentence without a quote:

* "X a déclaré que S", "X a d'abord signalé S" — the speaker is the subject;
* "S, ont annoncé mercredi des responsables américains" — inverted after a comma;
* "Selon X, S" / "S, selon X" — a source phrase;
* "X …, affirmant que S" — a participle, whose speaker is the sentence subject.

The cues live in ``resources/<lang>/speech_cues.tsv``, channel markers ("dans un tweet",
"communiqué", "conférence de presse") in ``resources/shared/channels.tsv`` and news media
in ``resources/shared/media.tsv``. Speakers are resolved within the article: "Marotto"
after "le colonel Wayne Marotto" is Wayne Marotto; "le porte-parole de la
coalition" is the person earlier given that role; "peut-on lire dans le
communiqué" is the communiqué's author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from analysis.mentions.prepared import Article
from analysis.resources.lexicon import read_table
from analysis.resources.regex_trie import trie_alternation
from analysis.text.view import lower_pattern, lowered

CLAIM_COLUMNS = [
    "claim_id", "file", "start", "end", "text", "cue", "speaker", "role", "speaker_kind", "channel",
    "sentence_start", "sentence_end",
]

_DETERMINERS = re.compile(r"^(?:le|la|les|l'|un|une|des|du|de|ce|cette|ces|c'est|the|an?)\s+|^l'", re.IGNORECASE)
_NP_CUT = re.compile(
    r"[,.;:!?()«»\"\n]|\sà\b(?!\s+la\s+Défense)|\s(?:dans|lors|sur|au|aux|en|selon|pour|après|avant|malgré|devant|"
    r"depuis|sous\s+couvert|plus\s+tôt|hier|"
    r"aujourd'hui|ce|cette|cet|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|qui|que|qu'|avoir|être|on|in|at|"
    r"on|after|before|that)\b",
    re.IGNORECASE,
)
_LEADING_SKIP = re.compile(  # used with match(view, pos): no "^"
    r"(?:\s|,|à\s+(?:l'|la\s+)?(?:AFP|Reuters|AP|Associated\s+Press|CNN|BBC|presse|journalistes|agence\s+[\w-]+)|"
    r"aux\s+journalistes|également|aussi|encore|ensuite|d'abord|enfin|cette\s+semaine|ce\s+mois-ci|(?:ce\s+)?(?:mercredi|mardi|"
    r"lundi|jeudi|vendredi|samedi|dimanche)|hier|aujourd'hui|ce\s+matin|ce\s+soir|plus\s+tôt)+",
    re.IGNORECASE,
)
_SUBJECT_CUT = re.compile(
    r"\s(?:dirigée?s?|menée?s?|basée?s?|chargée?s?|soutenue?s?|conduite?s?|qui|dont|a|ont|avait|avaient|est|sont|"
    r"était)\b|,",
    re.IGNORECASE,
)
# No full stop here: a sentence holds none but those of initials and abbreviations ("John W. Brennan Jr.").
_CLAUSE_START = re.compile(r"(?:^|[;:!?]\s|\b(?:alors\s+que|tandis\s+que|lorsque|parce\s+que|puisque|que|qu')\s*)", re.IGNORECASE)
_NAME = re.compile(
    r"(?:[A-ZÀ-Ý][\w'-]+|[A-Z]\.)(?:\s+(?:[A-ZÀ-Ý][\w'-]+\.?|[A-Z]\.|al-[\w-]+|bin|ben|de|Abu|Abou))*"
)
_TITLES = re.compile(
    r"(?<![\w-])(?:porte-parole|commandant|général|colonel|lieutenant|capitaine|major|ministre|président|ex-président|secrétaire|"
    r"chef|directeur|officier|amiral|sénateur|député|ambassadeur|premier\s+ministre|general|spokesman|commander|"
    r"minister|president|secretary|colonel)(?![\w-])",
    re.IGNORECASE,
)
_ANONYMOUS = re.compile(
    r"^(?:un|une|des|les|le|la|deux|trois|plusieurs|certains|an?|two|several|some)?\s*(?:hauts?\s+)?"
    r"(?:responsables?|officiels?|sources?|diplomates?|militaires?|membres?|officials?|officers?|sources?)\b",
    re.IGNORECASE,
)
_STATEMENT_START = re.compile(r"(?:que\b|qu'|:|avoir\b|être\b|de\s|d'|\w+(?:er|ir|re)\b)", re.IGNORECASE)
_APPOSITION_REJECT = re.compile(
    r"^(?:aujourd'hui|dans|lors|selon|précisant|affirmant|ajoutant|a\s|ont\s|qui|que|mais|et|hier|mercredi|mardi|lundi|"
    r"jeudi|vendredi|samedi|dimanche)\b",
    re.IGNORECASE,
)


@dataclass
class Claim:
    start: int
    end: int
    cue: str
    speaker: str
    role: str
    speaker_kind: str
    channel: str
    sentence: tuple[int, int]
    name: str = ""  # the proper name inside the speaker phrase, if any
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    form: str  # verb, participle, source, read
    channel: str


@lru_cache(maxsize=None)
def _cue_entries(language: str):
    """The cue scan regex and the entries ``(pattern, before, form, channel)`` it resolves to.

    The scan looks for the distinctive word of each cue (``pattern``); an entry's
    ``before`` (an auxiliary and adverbs: "a d'abord signalé") is then checked on
    the few characters before it, so the scan never starts at a word as common as "a".
    """
    rows = read_table("speech_cues")
    # Articles quote in English too ("Iraqi general says…"): English verbs are read in every article.
    rows = rows[(rows["language"] == language) | ((rows["language"] == "en") & (rows["form"] == "verb"))]
    return _compile_cues(rows.to_dict("records"))


def _compile_cues(rows: list[dict]):
    entries = [
        (re.compile(lower_pattern(r["pattern"])),
         re.compile(r"(?<![\w-])(?:" + lower_pattern(r["before"]) + r")$") if r["before"] else None,
         r["form"], r["channel"])
        for r in rows
    ]
    alternation = trie_alternation([lower_pattern(r["pattern"]) for r in rows])
    # The leading look-behind lets the scan skip the inside of words.
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])"), entries


_CUE_REACH = 45  # characters an auxiliary and its adverbs may take before a cue word


def speech_cue_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``speech_cues`` fires on ``text`` (its ``before`` included). A row of form
    ``none`` (a look-alike that is no cue) fires when it recognises the look-alike."""
    low = lowered(text)
    if row["form"] == "none":
        rx, entries = _compile_cues([{**row, "form": "none_as_cue"}])
        return bool(_scan_cues(low, rx, entries, 0, len(low)))
    cues = _scan_cues(low, *_compile_cues([row]), 0, len(low))
    if row["form"] == "source_initial":  # ``text`` taken as one sentence
        cues = [c for c in cues if _opens_sentence(text[:c.start])]
    return bool(cues)


def _opens_sentence(before: str) -> bool:
    """Whether a cue after ``before`` (from the sentence start) opens its sentence."""
    return before.strip(" ,\n") == ""


def channel_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``channels`` marks a sentence like ``text`` as said through its channel."""
    return bool(_channel_marker(row["pattern"]).search(lowered(text)))


def media_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``media`` names an outlet in ``text``."""
    return bool(_media_alternation([row["pattern"]]).search(text))


def find_cues(low: str, language: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Speech cues in the lowered view, with their form and implied channel."""
    rx, entries = _cue_entries(language)
    return _scan_cues(low, rx, entries, start, len(low) if end is None else end)


def _scan_cues(low: str, rx: re.Pattern, entries, start: int, end: int) -> list[Cue]:
    out = []
    for m in rx.finditer(low, start, end):
        for erx, before, form, channel in entries:
            hit = erx.match(low, m.start())
            if not hit or hit.end() != m.end():
                continue
            cue_start = m.start()
            if before is not None:
                aux = before.search(low, max(0, m.start() - _CUE_REACH), m.start())
                if aux is None:
                    continue
                cue_start = aux.start()
            if form == "none":  # a look-alike that is no cue ("le groupe dit « Etat islamique »")
                break
            if out and cue_start < out[-1].end:
                continue
            out.append(Cue(cue_start, m.end(), form, channel))
            break
    return out


@lru_cache(maxsize=None)
def _channel_markers() -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """A scan over every channel marker (for lowered text) and the markers in table order."""
    rows = read_table("channels")
    markers = [(_channel_marker(p), ch) for p, ch in zip(rows["pattern"], rows["channel"])]
    return re.compile("|".join(lower_pattern(p) for p in rows["pattern"])), markers


def _channel_marker(pattern: str) -> re.Pattern:
    return re.compile(lower_pattern(pattern))


@lru_cache(maxsize=None)
def _media_regex() -> re.Pattern:
    return _media_alternation(read_table("media")["pattern"])


def _media_alternation(patterns) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_QUOTE = re.compile(r"«[^»\n]*»|\"[^\"\n]*\"")


def find_quotes(view: str) -> list[tuple[int, int]]:
    """Spans of paired quotes (marks included) within a line; unpaired marks are ignored."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(view)]


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in " \n,:;'\"«»":
        start += 1
    while end > start and view[end - 1] in " \n,:;.»\"":
        end -= 1
    return start, end


def _np_after(view: str, pos: int, limit: int) -> tuple[int, int]:
    """The noun phrase after an inverted cue ("…, a déclaré la coalition dans ce communiqué")."""
    skip = _LEADING_SKIP.match(view, pos, limit)
    start = skip.end() if skip else pos
    cut = _NP_CUT.search(view, start, limit)
    end = cut.start() if cut else limit
    # "John W. Brennan Jr." keeps its dots: a cut at a dot right after an initial is no cut.
    while cut and view[cut.start()] == "." and re.search(r"(?:\b[A-Z]|Jr|Sr)$", view[start:cut.start()]):
        cut = _NP_CUT.search(view, cut.start() + 1, limit)
        end = cut.start() if cut else limit
    return _trim(view, start, end)


def _author_after(view: str, pos: int, limit: int):
    """The author in "peut-on lire dans le communiqué de la CJTF-OIR"."""
    m = re.match(r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)", view[pos:limit])
    return _np_after(view, pos + m.end(), limit) if m else None


def _apposition(view: str, pos: int, limit: int) -> str:
    """A role in apposition after a speaker: ", porte-parole de la coalition militaire,"."""
    m = re.match(r"\s*,\s*([^,.;:()\n]{3,120})", view[pos:limit])
    if not m:
        return ""
    text = m.group(1).strip()
    if _APPOSITION_REJECT.match(text) or len(text.split()) > 12:
        return ""
    return text


def _subject_before(view: str, lo: int, cue_start: int) -> tuple[int, int]:
    """The subject noun phrase of a cue verb: from the clause start to the cue."""
    text = view[lo:cue_start]
    starts = [m.end() for m in _CLAUSE_START.finditer(text)]
    begin = lo + (starts[-1] if starts else 0)
    start, end = _trim(view, begin, cue_start)
    # "C'est un communiqué laconique qui l'a annoncé": drop the cleft and the relative.
    seg = view[start:end]
    seg = re.sub(r"\s+qui\s+l'?$|\s+qui$", "", seg)
    seg = re.sub(r"^c'est\s+", "", seg, flags=re.IGNORECASE)
    start = start + view[start:end].find(seg) if seg else start
    return start, start + len(seg)


_LEAD_IN = re.compile(
    r"(?:lors|dans|selon|au\s+cours|après|avant|en|à|depuis|pour|mardi|lundi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|hier|dont|mais|et|ainsi|enfin|or)\b",
    re.IGNORECASE,
)


def _head(view: str, start: int, end: int) -> tuple[int, int]:
    """The speaker inside a subject: lead-in phrases ("Lors d'une conférence de presse à Bagdad,") and
    relatives or participles ("La coalition dirigée par …", "…, dont …") dropped; an apposition
    with a name ("Le porte-parole du Pentagone, le général Pat Ryder,") kept."""
    segments, pos = [], start
    for m in re.finditer(r",", view[start:end]):
        segments.append((pos, start + m.start()))
        pos = start + m.end()
    segments.append((pos, end))
    segments = [_trim(view, a, b) for a, b in segments]
    segments = [(a, b) for a, b in segments if b > a]
    while len(segments) > 1 and _LEAD_IN.match(view, segments[0][0]):
        segments.pop(0)
    kept = segments[:1]
    for a, b in segments[1:]:
        if _LEAD_IN.match(view, a) or _SUBJECT_CUT.match(view, a - 1):
            break
        kept.append((a, b))
    if not kept:
        return start, start
    a, b = kept[0]
    cut = _SUBJECT_CUT.search(view, a, b)
    if cut and cut.start() > a and len(kept) == 1:
        b = cut.start()
    return _trim(view, a, kept[-1][1] if len(kept) > 1 else b)


_SOURCE_NOUN = re.compile(
    r"^(?:les?\s+|la\s+|un\s+|une\s+)?(?:chiffres|bilan|données|décompte|estimations?|rapport|comptage|sources?\s+(?!"
    r"sécuritaires|militaires))\s*(?:(?:provisoire|officiel|dernier|nouveau)s?\s+)?(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _split_speaker(phrase: str) -> tuple[str, str, str]:
    """(speaker as written, role, proper name) of a speaker phrase."""
    phrase = _SOURCE_NOUN.sub("", phrase.strip())  # "le bilan du ministère" is the ministry's
    media = _media_regex().search(phrase)
    if media:  # "le Stars and Stripes, le journal officiel…": the outlet's name
        head = phrase.split(",")[0].strip()
        rest = ", ".join(p.strip() for p in phrase.split(",")[1:] if p.strip())
        return _DETERMINERS.sub("", head).strip(), _DETERMINERS.sub("", rest).strip(), ""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    named = [p for p in parts if _proper_name(p) and not _org_words().match(_DETERMINERS.sub("", p))]
    main = named[-1] if named else (parts[0] if parts else phrase.strip())
    role_parts = [p for p in parts if p is not main]
    name = "" if _org_words().match(_DETERMINERS.sub("", main)) else _proper_name(main)
    title = ""
    if name:
        title = main[: main.find(name)].strip()
        title = _DETERMINERS.sub("", title).strip()
    role = ", ".join(_DETERMINERS.sub("", r).strip() for r in role_parts) or title
    if not name and _TITLES.search(main):
        role = role or _DETERMINERS.sub("", main).strip()
    return (name or main), role, name


# Capitalised words of titles and institutions ("secrétaire à la Défense Lloyd Austin").
_NOT_NAMES = {
    "Défense", "Intérieur", "Affaires", "Étrangères", "Etrangères", "État", "Etat", "Premier", "Observatoire",
    "Ministère", "Armées", "Général", "Président", "Secrétaire", "Colonel", "Commandant", "Porte-parole",
}


def _proper_name(text: str) -> str:
    """The last run of capitalised words that is not just a sentence-initial determiner."""
    best = ""
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and (words[0].lower() in {"le", "la", "les", "l'", "un", "une", "des", "c'est", "alors", "selon",
                                              "pour", "d'après", "the"} or words[0] in _NOT_NAMES):
            words.pop(0)
        cand = " ".join(words)
        if cand and not _is_not_a_name(cand):
            best = cand
    return best


@lru_cache(maxsize=None)
def _org_words() -> re.Pattern:
    return re.compile(
        r"^(?:coalition|ministère|ministre\s+des|observatoire|ambassade|agence|organisation|comité|conseil|"
        r"haut-commissariat|état-major|mission|premier|pentagone|hezbollah|groupe|milices?|kata[eëiï]b|hachd|airwars|"
        r"amaq|osdh|ong|unicef|hcr|commandement|armée|gouvernement|parlement|maison\s+blanche|état|"
        r"etats-unis|états-unis|irak|syrie|iran|daech|ei|cjtf-oir|centcom|otan|onu|forces?|unité)\b",
        re.IGNORECASE,
    )


def _is_not_a_name(cand: str) -> bool:
    low = cand.lower()
    return bool(_org_words().match(low)) or bool(_media_regex().search(cand)) or low in {"iraqi", "us", "u.s."}


@lru_cache(maxsize=4096)
def _kind(speaker_phrase: str, name: str) -> str:
    if _media_regex().search(speaker_phrase):
        return "media"
    if _ANONYMOUS.match(speaker_phrase.strip()) and not name:
        return "anonymous_officials"
    if name or _TITLES.search(speaker_phrase):
        return "person"
    return "organisation"


def _channel(art: Article, cue: Cue, sentence: tuple[int, int], kind: str) -> str:
    if cue.channel:
        return cue.channel
    scan, markers = _channel_markers()
    if scan.search(art.low, sentence[0], sentence[1]):
        # Markers are tried in table order: the first that the sentence holds wins.
        for rx, channel in markers:
            if rx.search(art.low, sentence[0], sentence[1]):
                return channel
    return "media_report" if kind == "media" else "statement"


def _make(art: Article, span, cue: Cue, phrase_span, sentence, role_extra: str = "") -> Claim | None:
    start, end = _trim(art.view, *span)
    if end - start < 3:
        return None
    phrase = art.view[phrase_span[0]:phrase_span[1]].strip() if phrase_span else ""
    speaker, role, name = _split_speaker(phrase) if phrase else ("", "", "")
    if role_extra and not name and _proper_name(role_extra) and not _org_words().match(_DETERMINERS.sub("", role_extra)):
        # "le porte-parole du Pentagone, John Kirby,": the apposition is the name, the phrase the role.
        speaker, role, name = _split_speaker(f"{phrase}, {role_extra}")
    elif role_extra:  # an apposition ("…, porte-parole de la coalition,") says more than a title
        role = _DETERMINERS.sub("", role_extra).strip()
    pronoun = re.search(r"-(?:t-)?(il|elle|ils|elles)\b", art.low[cue.start:cue.end]) if not phrase else None
    if pronoun:  # "«…», a-t-il ajouté": the speaker is the pronoun, resolved later
        speaker = art.text[cue.start + pronoun.start(1):cue.start + pronoun.end(1)]
    kind = _kind(phrase, name) if phrase else ("person" if pronoun else "organisation")
    channel = _channel(art, cue, sentence, kind)
    return Claim(start, end, art.text[cue.start:cue.end], speaker, role, kind, channel, sentence, name)


def _quote_claims(art: Article, cues: list[Cue], quotes) -> tuple[list[Claim], set[int], list[tuple[int, int]]]:
    """Claims from quotes with an attribution right after or right before them, the cues they used and
    the quotes they claimed (other quotes are scare quotes or quoted words inside a sentence)."""
    claims, used_cues, claimed = [], set(), []
    view = art.view
    for qs, qe in quotes:
        sentence = art.sentence_of(qs)
        after = next((c for c in cues if 0 <= c.start - qe <= 4 and re.fullmatch(r"[\s,]*", view[qe:c.start])), None)
        before = next((c for c in cues if 0 <= qs - c.end <= 4 and re.fullmatch(r"[\s:,]*", view[c.end:qs])), None)
        if after is not None:
            limit = min(len(view), after.end + 200)
            np = _np_after(view, after.end, limit) if after.form != "read" else _author_after(view, after.end, limit)
            extra = _apposition(view, np[1], limit) if np else ""
            # Quoted words ending a sentence of their own ("Les attaques ont échoué et «la plupart …», a-t-il
            # ajouté"; "… des «groupes affiliés», selon X"): the statement is the whole sentence.
            s0 = art.sentence_of(after.start)[0]
            lead = view[s0:qs].strip()
            span = (s0, qe) if s0 < qs and lead and not lead.endswith(":") and s0 > qs - 400 else (qs, qe)
            claim = _make(art, span, after, np, art.sentence_of(after.start), extra)
            used_cues.add(after.start)
        elif before is not None and before.form in ("verb",):
            sent_start = art.sentence_of(before.start)[0]
            np = _head(view, *_subject_before(view, sent_start, before.start))
            claim = _make(art, (qs, qe), before, np, sentence)
            used_cues.add(before.start)
        else:
            continue
        if claim:
            claims.append(claim)
            claimed.append((qs, qe))
    return claims, used_cues, claimed


_THAT = re.compile(r"[^,.;:]{0,80}?\b(?:que|qu')\s*|\s*:\s*", re.IGNORECASE)


def _statement_start(view: str, cue_end: int, limit: int) -> int:
    """Where a reported statement starts: after "que" ("a déclaré mardi dans un communiqué que S")."""
    m = _THAT.match(view, cue_end, limit)
    return m.end() if m else cue_end


_SECOND_CUE = re.compile(r"(?:,|\bqui)\s*$", re.IGNORECASE)
_AUXILIARY = re.compile(r"\b(?:a|ont|est|sont|avait|avaient|était|étaient|sera|seront)\s+\w+", re.IGNORECASE)


def _reported_claims(art: Article, cues: list[Cue], quotes, used_cues: set[int], claimed) -> list[Claim]:
    """Claims of reported speech: one per sentence holding a cue outside quotes, and one more per second
    verb of the same speaker (", ajoutant que S2", "qui note que S2")."""
    claims = []
    view = art.view
    done_sentences: dict[tuple[int, int], Claim] = {}
    for cue in cues:
        if cue.start in used_cues or any(s <= cue.start < e for s, e in quotes):
            continue
        sentence = art.sentence_of(cue.start)
        s0, s1 = sentence
        if sentence in done_sentences:
            prev = done_sentences[sentence]
            if (cue.form in ("participle", "verb") and prev.end > cue.start > prev.start
                    and _SECOND_CUE.search(view, s0, cue.start)):
                second = _make(art, (_statement_start(view, cue.end, s1), s1), cue, None, sentence)
                if second:
                    second = replace(second, speaker=prev.speaker, role=prev.role, name=prev.name,
                                     speaker_kind=prev.speaker_kind, channel=prev.channel)
                    prev.end = _trim(view, prev.start, _SECOND_CUE.search(view, s0, cue.start).start())[1]
                    claims.append(second)
                    done_sentences[sentence] = second
            continue
        # Only a quote that was claimed as a direct quote hides its sentence: quoted words inside
        # reported speech ("des «groupes affiliés», selon X") are part of the statement.
        if any(s < s1 and s0 < e for s, e in claimed):
            continue
        claim = None
        if cue.form == "source_initial":
            if not _opens_sentence(view[s0:cue.start]):
                continue
            cue = replace(cue, form="source")
        if cue.form == "source":
            np = _np_after(view, cue.end, s1)
            # "Selon le porte-parole des FDS, Mustafa Bali, S": the name in apposition joins the speaker.
            name = re.match(r"\s*(?:\([^)]{1,30}\))?\s*,\s*([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'.-]+){0,3})\s*(?:,|\.?\s*$)", view[np[1]:s1])
            if name and not _proper_name(view[np[0]:np[1]]):
                np = (np[0], np[1] + name.end(1) - (1 if name.group(1).endswith(".") else 0))
            comma = view.find(",", np[1], s1)
            if view[s0:cue.start].strip(" ,") == "":  # "Selon X, S."
                statement = (comma + 1, s1) if comma != -1 else (np[1], s1)
            else:  # "S, selon X."
                statement = (s0, cue.start)
            claim = _make(art, statement, cue, np, sentence)
        elif cue.form == "read":
            claim = _make(art, (s0, cue.start), cue, _author_after(view, cue.end, s1), sentence)
        elif cue.form == "participle":
            subject = _head(view, *_subject_before(view, s0, cue.start))
            claim = _make(art, (cue.end, s1), cue, subject, sentence)
        else:
            # "S, a déclaré X" (inverted) versus "X, …, a annoncé avoir…" (a subject with an apposition):
            # what follows the cue tells them apart.
            skip = _LEADING_SKIP.match(view, cue.end, s1)
            follows = view[skip.end() if skip else cue.end:s1]
            clause = re.split(r"[,.;]", follows, maxsplit=1)[0]
            # Without a comma, only a one-word verb after a whole clause ("… 2152 objectifs neutralisés annonce l'état-major"):
            # a bare subject before the verb ("L'armée annonce la mort de …") is no statement.
            before = view[s0:cue.start]
            inverted = ((re.search(r",\s*$", before) is not None
                         or (art.language == "fr" and " " not in art.low[cue.start:cue.end].strip()
                             and _AUXILIARY.search(before) is not None and _DETERMINERS.match(follows)
                             and not re.search(r"\b(?:que|qu')\s*$", before)))
                        and not _STATEMENT_START.match(follows)
                        and not re.search(r"\b(?:que|qu')", clause))
            if inverted:
                np = _np_after(view, cue.end, s1)
                extra = _apposition(view, np[1], s1)
                claim = _make(art, (s0, cue.start), cue, np, sentence, extra)
            else:
                subject = _head(view, *_subject_before(view, s0, cue.start))
                start = _statement_start(view, cue.end, s1)
                rest = view[start:s1].strip(" .,")
                # "…” he said in a statement." leaves only the medium after the verb: no statement there.
                if len(rest.split()) < 5 and (_channel_markers()[0].search(rest.lower())
                                              or re.match(r"(?:in|during|at|to|dans|lors|à)\b|reporters\b|journalistes\b",
                                                          rest, re.IGNORECASE)):
                    continue
                claim = _make(art, (start, s1), cue, subject, sentence)
        if claim:
            claims.append(claim)
            done_sentences[sentence] = claim
    return claims


def _resolve(art: Article, claims: list[Claim]) -> None:
    """Resolve short names, bare roles and communiqués to the speakers the article named."""
    view = art.text
    for i, c in enumerate(claims):
        if c.name and " " not in c.name:
            before = view[: c.start]
            m = None
            for m in re.finditer(r"((?:[A-ZÀ-Ý][\w'-]+|[A-Z]\.)(?:\s+(?:[A-ZÀ-Ý][\w'-]+\.?|[A-Z]\.))*\s+" + re.escape(c.name) + r")\b", before):
                pass
            if m:
                tokens = m.group(1).split()
                keep = []
                for tok in reversed(tokens):
                    if _is_not_a_name(tok) or _TITLES.fullmatch(tok):
                        break
                    keep.insert(0, tok)
                full = " ".join(keep)
                if full.endswith(c.name) and full != c.name:
                    claims[i] = c = replace(c, speaker=full, name=full)
            earlier = next((o for o in claims[:i] if o.name and o.name.endswith(" " + c.name)), None)
            if earlier:
                claims[i] = c = replace(c, speaker=earlier.speaker, name=earlier.name, role=c.role or earlier.role)
        if not c.name and c.speaker_kind == "person" and c.role:
            earlier = next((o for o in reversed(claims[:i]) if o.name and o.role and
                            _DETERMINERS.sub("", c.role).lower() in o.role.lower()), None)
            if earlier:
                claims[i] = c = replace(c, speaker=earlier.speaker, name=earlier.name, role=earlier.role)
        if c.name and not c.role:
            earlier = next((o for o in claims[:i] if o.name == c.name and o.role), None)
            if earlier:
                claims[i] = c = replace(c, role=earlier.role)
        if "communiqué" in c.speaker.lower() or (not c.speaker and c.channel == "communique"):
            author = next((o for o in claims if o is not c and o.channel == "communique" and o.speaker
                           and "communiqué" not in o.speaker.lower()), None)
            if author:
                claims[i] = replace(c, speaker=author.speaker, speaker_kind=author.speaker_kind, role=author.role,
                                    channel="communique")
            else:
                publisher = _communique_publisher(art, c.start)
                if publisher:
                    speaker, role, name = _split_speaker(publisher)
                    claims[i] = replace(c, speaker=speaker, role=role, name=name,
                                        speaker_kind=_kind(publisher, name), channel="communique")


_PUBLISHED = re.compile(
    r"(?:a|ont)\s+(?:[\w']+\s+)?(?:publié|diffusé|rendu\s+public|émis)\s+(?:[\w']+\s+){0,3}?(?:un|le|son|leur)\s+"
    r"communiqué$",
    re.IGNORECASE,
)


def _communique_publisher(art: Article, before: int) -> str:
    """The subject of the last "X a publié un communiqué" before ``before``."""
    pos = art.view.rfind("communiqué", 0, before)
    while pos != -1:
        end = pos + len("communiqué")
        m = _PUBLISHED.search(art.view, max(0, pos - 80), end)
        if m:
            sentence = art.sentence_of(m.start())
            a, b = _head(art.view, *_subject_before(art.view, sentence[0], m.start()))
            return art.view[a:b]
        pos = art.view.rfind("communiqué", 0, pos)
    return ""


_PRONOUN = re.compile(r"^(?:il|elle|ils|elles|he|she|they)$", re.IGNORECASE)
# "cette organisation", "la même source", "son décompte": the source of an earlier claim.
_DEMONSTRATIVE = re.compile(r"^(?:ce|cet|cette|ces|la\s+même|le\s+même|les\s+mêmes|son|sa|ses|leurs?|this|that|the\s+same)\s",
                            re.IGNORECASE)
_BARE_NOUN = re.compile(r"^(?:l'|l’|le\s+|la\s+|les\s+|the\s+)([\w-]+)$", re.IGNORECASE)
_INDEFINITE = re.compile(r"^(?:un|une|des|an?)\s", re.IGNORECASE)
_PERSON_NOUNS = re.compile(r"^(?:responsables?|sources?|officials?|porte-parole|spokes(?:man|woman))$", re.IGNORECASE)


def _content_words(phrase: str) -> set[str]:
    return {w for w in re.findall(r"[\w-]{3,}", phrase.lower())
            if w not in {"les", "des", "the", "and", "par", "pour", "dans", "sur", "avec"}}


def _antecedent(claims: list[Claim], i: int, noun: str = "") -> Claim | None:
    """The nearest earlier claim with a speaker of its own, of the class of ``noun`` if given."""
    for o in reversed(claims[:i]):
        if not o.speaker or _anaphoric(o.speaker):
            continue
        if not noun or noun.lower() in o.speaker.lower():
            return o
        person = bool(_PERSON_NOUNS.match(noun) or _TITLES.fullmatch(noun))
        if person == (o.speaker_kind in ("person", "anonymous_officials")):
            return o
    return None


def _anaphoric(speaker: str) -> bool:
    sp = speaker.strip()
    return bool(_PRONOUN.match(sp) or _DEMONSTRATIVE.match(sp) or _BARE_NOUN.match(sp))


def _coreference(art: Article, claims: list[Claim]) -> None:
    """One canonical name per source: pronouns, demonstratives and bare nouns ("Elle", "cette organisation",
    "l'ONG", "la même source") take the speaker of the nearest fitting earlier claim; a role alone ("la
    porte-parole du Pentagone") the name given with that role anywhere in the article; an acronym the
    fullest name written with it ("l'Observatoire … (OSDH)"); a definite description the fuller indefinite
    first mention ("le responsable de la défense" after "un haut responsable américain de la défense")."""
    for i, c in enumerate(claims):
        sp = c.speaker.strip()
        if not sp:
            continue
        target = None
        bare = _BARE_NOUN.match(sp)
        if _PRONOUN.match(sp) or _DEMONSTRATIVE.match(sp):
            target = _antecedent(claims, i)
        elif bare and (bare.group(1).islower() or bare.group(1).isupper()):
            acronym = bare.group(1) if bare.group(1).isupper() else ""
            if acronym:
                target = next((o for o in claims if o.speaker.endswith(f"({acronym})")), None)
            if target is None:
                target = _antecedent(claims, i, bare.group(1))
        elif re.fullmatch(r"[A-Z]{2,}", sp):
            target = next((o for o in claims if o.speaker.endswith(f"({sp})")), None)
            if target is None:
                m = re.search(r"(?:l'|l’|le\s+|la\s+)?([A-ZÀ-Ý][^.,;:()\n]{3,80}?\s*\(" + re.escape(sp) + r"\))", art.text)
                if m:
                    claims[i] = replace(c, speaker=m.group(1))
                    continue
        elif not c.name and c.speaker_kind == "person" and c.role:
            role = _content_words(c.role)
            target = next((o for o in claims if o.name and o.role and role and role <= _content_words(o.role)), None)
        elif not c.name and re.match(r"^(?:le|la|les|l'|l’)\s*", sp, re.IGNORECASE):
            words = _content_words(sp)
            target = next((o for o in claims[:i] if _INDEFINITE.match(o.speaker) and len(o.speaker) > len(sp)
                           and words and words <= _content_words(o.speaker)), None)
        if target is not None and target is not c:
            claims[i] = replace(c, speaker=target.speaker, name=target.name, role=c.role or target.role,
                                speaker_kind=target.speaker_kind if c.speaker_kind != "anonymous_officials"
                                else c.speaker_kind)


def find_claims(art: Article) -> list[Claim]:
    """Every attributed statement of a prepared article, in text order."""
    cues = find_cues(art.low, art.language)
    if not cues:
        return []
    quotes = find_quotes(art.view)
    quote_claims, used, claimed = _quote_claims(art, cues, quotes)
    claims = sorted(quote_claims + _reported_claims(art, cues, quotes, used, claimed), key=lambda c: c.start)
    _resolve(art, claims)
    _coreference(art, claims)
    return claims


def claims_rows(art: Article, file: str = "") -> list[dict]:
    """One row per claim, with the provenance columns of the claims frame."""
    rows = []
    for c in find_claims(art):
        rows.append({
            "claim_id": f"{file}#c{c.start}-{c.end}",
            "file": file,
            "start": c.start,
            "end": c.end,
            "text": art.text[c.start:c.end],
            "cue": c.cue,
            "speaker": c.speaker,
            "role": c.role,
            "speaker_kind": c.speaker_kind,
            "channel": c.channel,
            "sentence_start": c.sentence[0],
            "sentence_end": c.sentence[1],
        })
    return rows

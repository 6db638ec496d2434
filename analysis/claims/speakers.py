"""Source resolution: the speaker phrase of a cue, its role, kind and channel.

The speaker phrase is the subject before a cue ("Le porte-parole du Pentagone, le général Pat
Ryder, a déclaré"), the noun phrase after an inverted cue ("…, a annoncé mercredi dans un
communiqué le ministère de la Défense"), or the phrase after a source cue ("selon X"). It is
split into the speaker as written, a role ("porte-parole adjointe du Pentagone") and a proper
name; its kind (person, organisation, anonymous officials, media) and the channel (tweet,
communiqué, press conference, interview…; markers in ``resources/shared/channels.tsv``, media
in ``resources/shared/media.tsv``) follow.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.claims.cues import Cue
from analysis.claims.model import Claim
from analysis.mentions.prepared import Article
from analysis.resources.lexicon import read_table
from analysis.text.sentences import ABBREVIATIONS
from analysis.text.view import lower_pattern, lowered

DETERMINERS = re.compile(r"^(?:le|la|les|l'|un|une|des|du|de|ce|cette|ces|c'est|the|an?)\s+|^l'", re.IGNORECASE)
_NP_CUT = re.compile(
    r"[,.;:!?()«»\"\n]|\sà\b(?!\s+la\s+Défense)|\s(?:dans|lors|sur|au|aux|en|selon|pour|après|avant|malgré|devant|"
    r"depuis|sous\s+couvert|plus\s+tôt|hier|s'\w+ant|se\s+\w+ant|parlant|ayant|souhaitant|requérant|"
    r"aujourd'hui|ce|cette|cet|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|qui|que|qu'|avoir|être|on|in|at|"
    r"on|after|before|that|according|during|who|which|while|when|told|citing|saying|adding|late|early|earlier|"
    r"later|last|this|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)
LEADING_SKIP = re.compile(  # used with match(view, pos): no "^"
    r"(?:\s|,|à\s+(?:l'|la\s+)?(?:AFP|Reuters|AP|Associated\s+Press|CNN|BBC|presse|journalistes|agence\s+[\w-]+)|"
    r"aux\s+journalistes|également|aussi|encore|ensuite|d'abord|enfin|cette\s+semaine|ce\s+mois-ci|"
    # the channel between an inverted verb and its speaker: "explique dans un communiqué, le ministère"
    r"(?:dans|via)\s+(?:un|une|son|sa|leur|le|la|ce|cette)\s+(?:bref\s+|court\s+|nouveau\s+)?(?:communiqué|tweet|message|"
    r"déclaration|entretien|interview|vidéo|rapport|bilan)(?:\s+(?:conjoint|officiel|écrit|publié|diffusé)e?s?)?|"
    r"lors\s+d'une?\s+(?:conférence|point|briefing)(?:\s+de\s+presse)?|sur\s+(?:twitter|x|facebook|telegram)(?![\w-])|"
    r"(?:ce\s+)?(?:mercredi|mardi|"
    r"lundi|jeudi|vendredi|samedi|dimanche)|hier|aujourd'hui|ce\s+matin|ce\s+soir|plus\s+tôt)+",
    re.IGNORECASE,
)
_SUBJECT_CUT = re.compile(
    r"\s(?:n'|ne\s+)?(?:dirigée?s?|menée?s?|basée?s?|chargée?s?|soutenue?s?|conduite?s?|qui|dont|a|ont|avait|avaient|est|sont|"
    r"était)\b|,"
    # an English relative clause ("A spokesman for the SDF that is spearheading the fight …") is no part of the speaker
    r"|\s(?:that|who|which|whose)\s+(?:is|are|was|were|has|have|had|monitors?|runs?|leads?|heads?|oversees?)\b"
    # an English finite verb ends the subject ("The Islamic Resistance in Iraq has claimed …, saying S")
    r"|\s(?:has|have|had|is|are|was|were|will|would)\s+(?:also\s+|already\s+|not\s+)?\w+(?:ed|en|ing)\b",
    re.IGNORECASE,
)
# No full stop here: a sentence holds none but those of initials and abbreviations ("John W. Brennan Jr.").
_CLAUSE_START = re.compile(r"(?:^|[;:!?]\s|\s[—–]\s|\s--\s|\b(?:alors\s+que|tandis\s+que|lorsque|parce\s+que|puisque|que|qu')\s*)", re.IGNORECASE)
_NAME = re.compile(  # "U.S." is one token (initials glued together), never a name "S."
    r"(?:[A-ZÀ-Ý][\w'-]+|(?:[A-Z]\.)+)(?:\s+(?:[A-ZÀ-Ý][\w'-]+\.?|(?:[A-Z]\.)+|al-[\w-]+|bin|ben|de|Abu|Abou))*"
)
TITLES = re.compile(
    r"(?<![\w-])(?:porte-parole|commandant|général|colonel|lieutenant|capitaine|major|ministre|président|ex-président|secrétaire|"
    r"chef|directeur|officier|amiral|sénateur|député|ambassadeur|premier\s+ministre|general|spokesman|commander|"
    r"minister|president|secretary|colonel|spokes(?:man|woman|person)|lieutenant|captain|admiral|sergeant|major|"
    r"director|ambassador|senator|governor|envoy|chairman|commissioner|lt\.|col\.|gen\.|brig\.|maj\.|sgt\.|adm\.|"
    r"capt\.|cmdr\.|cdr\.|rep\.|sen\.|gov\.|mr\.?|mrs\.?|ms\.?|dr\.?)(?![\w-])",
    re.IGNORECASE,
)
ANONYMOUS = re.compile(
    r"^(?:un|une|des|les|le|la|deux|trois|plusieurs|certains|an?|the|two|three|four|several|some|other|many|"
    r"multiple)?\s*(?:hauts?\s+)?"
    # English qualifiers before the noun: "A U.S. defense official", "two senior Iraqi security sources"
    r"(?:(?:senior|top|high-ranking|former|current|military|defen[cs]e|security|intelligence|administration|"
    r"government|U\.S\.|US|American|Iraqi|Kurdish|Syrian|Iranian|Israeli|Western|coalition|Pentagon|"
    r"diplomatic|police|medical|local|tribal|health|hospital|militia|provincial|army|party|Kurdistan|Syrian)"
    r"\s+(?:and\s+)?)*"
    r"(?:responsables?|officiels?|sources?|diplomates?|militaires?|membres?|officiers?|gradés?|agents?|officials?|"
    r"officers?|sources?|diplomats?)\b",
    re.IGNORECASE,
)
# An unnamed representative is an anonymous source too, as long as no name comes with it ("a representative of
# the US Defence Department told The National"). An unnamed spokesman speaks on the record for an institution.
ANONYMOUS_ROLE = re.compile(r"^(?:an?|the)\s+(?:[\w.'’-]+\s+){0,3}?representatives?\b", re.IGNORECASE)
# An institution's officials, by name ("CJTF-OIR officials", "Combined Joint Task Force Operation Inherent Resolve
# officials reported"): no individual is named.
ANONYMOUS_OF = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){1,7}(?:officials|sources)$")


def anonymous(phrase: str) -> bool:
    """Whether a speaker phrase names no one: unnamed officials or sources, or an unnamed spokesman."""
    phrase = phrase.strip()
    if ANONYMOUS.match(phrase) or ANONYMOUS_OF.match(phrase):
        return True
    return bool(ANONYMOUS_ROLE.match(phrase)) and not proper_name(phrase)
STATEMENT_START = re.compile(r"(?:que\b|qu'|:|avoir\b|être\b|de\s|d'|\w+(?:er|ir|re)\b)", re.IGNORECASE)
_APPOSITION_REJECT = re.compile(
    r"^(?:aujourd'hui|dans|lors|selon|précisant|affirmant|ajoutant|a\s|ont\s|qui|que|mais|et|hier|mercredi|mardi|lundi|"
    r"quelques|peu|après|avant|alors|tandis|lorsque|sans|avec|en|au|aux|à|sur|depuis|pendant|"
    r"jeudi|vendredi|samedi|dimanche)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=None)
def channel_markers() -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """A scan over every channel marker (for lowered text) and the markers in table order."""
    rows = read_table("channels")
    markers = [(re.compile(lower_pattern(p)), ch) for p, ch in zip(rows["pattern"], rows["channel"])]
    return re.compile("|".join(lower_pattern(p) for p in rows["pattern"])), markers


@lru_cache(maxsize=None)
def media_regex() -> re.Pattern:
    rows = read_table("media")
    return re.compile("|".join(f"(?:{p})" for p in rows["pattern"]), re.IGNORECASE)


def channel_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``channels`` marks ``text`` as said through its channel (resource checks)."""
    return re.compile(lower_pattern(row["pattern"])).search(lowered(text)) is not None


def media_row_matches(row: dict, text: str) -> bool:
    """Whether a row of ``media`` names an outlet in ``text`` (resource checks)."""
    return re.compile(f"(?:{row['pattern']})", re.IGNORECASE).search(text) is not None


def trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in " \n,:;'\"«»":
        start += 1
    while end > start and view[end - 1] in " \n,:;.»\"":
        end -= 1
    return start, end


_ACRONYM_AT = re.compile(r"\([A-Z][A-Za-z0-9-]{1,11}\)")
_NAME_WITH_ACRONYM = re.compile(r"[^,.;:!?()«»\"\n]{1,60}?\s\([A-Z][A-Z0-9-]{1,11}\)")


def np_after(view: str, pos: int, limit: int) -> tuple[int, int]:
    """The noun phrase after an inverted cue ("…, a déclaré la coalition dans ce communiqué")."""
    skip = LEADING_SKIP.match(view, pos, limit)
    start = skip.end() if skip else pos
    cut = _NP_CUT.search(view, start, limit)
    if cut and view[cut.start()] not in ",.;:!?()«»\"\n":
        # "le Réseau syrien pour les droits de l'homme (RSDH)": the acronym closes the name
        closing = _NAME_WITH_ACRONYM.match(view, cut.start(), limit)
        if closing:
            cut = _NP_CUT.search(view, closing.end(), limit)
    while cut and view[cut.start()] == "(" and _ACRONYM_AT.match(view, cut.start()):
        cut = _NP_CUT.search(view, _ACRONYM_AT.match(view, cut.start()).end(), limit)
    end = cut.start() if cut else limit
    # "John W. Brennan Jr.", "Air Force Lt. Col. Staci Coleman" keep their dots: a cut at a dot right after
    # an initial or an abbreviation is no cut.
    while cut and view[cut.start()] == "." and _abbreviated(view, start, cut.start()):
        cut = _NP_CUT.search(view, cut.start() + 1, limit)
        end = cut.start() if cut else limit
    return trim(view, start, end)


def _abbreviated(view: str, start: int, dot: int) -> bool:
    """Whether the dot at ``dot`` closes an initial or an abbreviation ("W.", "Jr.", "Lt.", "U.S.")."""
    word = re.search(r"[\w.]+$", view[start:dot])
    return bool(word) and (bool(re.fullmatch(r"[A-Z]|Jr|Sr", word.group(0)))
                           or word.group(0).lower() in ABBREVIATIONS)


def author_after(view: str, pos: int, limit: int):
    """The author in "peut-on lire dans le communiqué de la CJTF-OIR"."""
    m = re.match(r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)", view[pos:limit])
    return np_after(view, pos + m.end(), limit) if m else None


def apposition(view: str, pos: int, limit: int) -> str:
    """A role in apposition after a speaker: ", porte-parole de la coalition militaire,"."""
    m = re.match(r"\s*,\s*([^,.;:()\n]{3,120})", view[pos:limit])
    if not m:
        return ""
    text = m.group(1).strip()
    if _APPOSITION_REJECT.match(text) or len(text.split()) > 12:
        return ""
    return text


def subject_before(view: str, lo: int, cue_start: int) -> tuple[int, int]:
    """The subject noun phrase of a cue verb: from the clause start to the cue."""
    text = view[lo:cue_start]
    starts = [m.end() for m in _CLAUSE_START.finditer(text)]
    begin = lo + (starts[-1] if starts else 0)
    start, end = trim(view, begin, cue_start)
    # "C'est un communiqué laconique qui l'a annoncé": drop the cleft and the relative.
    seg = view[start:end]
    seg = re.sub(r"\s+qui\s+l'?$|\s+qui$", "", seg)
    seg = re.sub(r"^c'est\s+", "", seg, flags=re.IGNORECASE)
    start = start + view[start:end].find(seg) if seg else start
    return start, start + len(seg)


_LEAD_IN = re.compile(
    r"(?:lors|dans|selon|au\s+cours|après|avant|en|à|depuis|pour|mardi|lundi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|hier|dont|mais|et|ainsi|enfin|or|"
    # English: "A day later, President Donald Trump said", "In a statement, CENTCOM said"
    r"in|on|at|during|after|before|since|meanwhile|however|but|and|also|later|earlier|yesterday|last|"
    # sentence adverbs of English news ("Moreover, she said", "Therefore, officials explained")
    r"moreover|furthermore|therefore|thus|additionally|separately|still|yet|instead|nonetheless|nevertheless|"
    r"in\s+addition|for\s+(?:his|her|its|their)\s+part|"
    r"an?\s+(?:day|week|month|year)\s+(?:later|earlier|before|after))\b",
    re.IGNORECASE,
)


def head(view: str, start: int, end: int) -> tuple[int, int]:
    """The speaker inside a subject: lead-in phrases ("Lors d'une conférence de presse à Bagdad,") and
    relatives or participles ("La coalition dirigée par …", "…, dont …") dropped; an apposition
    with a name ("Le porte-parole du Pentagone, le général Pat Ryder,") kept."""
    segments, pos = [], start
    for m in re.finditer(r",", view[start:end]):
        segments.append((pos, start + m.start()))
        pos = start + m.end()
    segments.append((pos, end))
    segments = [trim(view, a, b) for a, b in segments]
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
    return trim(view, a, kept[-1][1] if len(kept) > 1 else b)


_SOURCE_NOUN = re.compile(
    r"^(?:les?\s+|la\s+|un\s+|une\s+)?(?:chiffres|bilan|données|décompte|estimations?|rapport|comptage|communiqué)"
    r"\s*(?:(?:provisoire|officiel|dernier|nouveau|conjoint)s?\s+)?(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')",
    re.IGNORECASE,
)


_SOURCE_NOUN_AFTER = re.compile(r"(?<=\S)\s+(?:joint\s+)?(?:statement|(?:news\s+|press\s+)?release)$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def split_speaker(phrase: str) -> tuple[str, str, str]:
    """(speaker as written, role, proper name) of a speaker phrase."""
    # "le bilan du ministère", "un communiqué de l'armée" are the ministry's, the army's
    phrase = _SOURCE_NOUN.sub("", phrase.strip())
    # "the CJTF-OIR statement", "a Pentagon news release": the institution's
    owner = _SOURCE_NOUN_AFTER.sub("", phrase)
    if not re.fullmatch(r"(?:the|an?|this|that|its|their|his|her)?", owner.strip(), re.IGNORECASE):
        phrase = owner  # not "the statement" alone: coreference finds its author
    if anonymous(phrase) and "," not in phrase:  # "une source de sécurité de la province d'Al-Anbar"
        return phrase, "", ""
    media = media_regex().search(phrase)
    if media:  # "le Stars and Stripes, le journal officiel…": the outlet's name
        head = phrase.split(",")[0].strip()
        rest = ", ".join(p.strip() for p in phrase.split(",")[1:] if p.strip())
        return DETERMINERS.sub("", head).strip(), DETERMINERS.sub("", rest).strip(), ""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    # "Army Sgt. Maj. Luis Ortiz", "Pentagon press secretary John Kirby": a title makes the name after an
    # institution's a person's
    named = [p for p in parts if proper_name(p) and (not org_words().match(DETERMINERS.sub("", p)) or TITLES.search(p))]
    main = named[-1] if named else (parts[0] if parts else phrase.strip())
    role_parts = [p for p in parts if p is not main]
    name = "" if org_words().match(DETERMINERS.sub("", main)) and not TITLES.search(main) else proper_name(main)
    title = ""
    if name:
        title = main[: main.find(name)].strip()
        title = DETERMINERS.sub("", title).strip()
    role = ", ".join(DETERMINERS.sub("", r).strip() for r in role_parts) or title
    if not name and TITLES.search(main):
        role = role or DETERMINERS.sub("", main).strip()
    return (name or main), role, name


# Capitalised words of titles and institutions ("secrétaire à la Défense Lloyd Austin").
NOT_NAMES = {
    "Défense", "Intérieur", "Affaires", "Étrangères", "Etrangères", "État", "Etat", "Premier", "Observatoire",
    "Ministère", "Armées", "Général", "Président", "Secrétaire", "Colonel", "Commandant", "Porte-parole",
    "State", "Defense", "Defence", "Department", "Ministry", "Interior", "Foreign", "Homeland", "Security", "Secretary",
    "President", "Minister", "Prime", "Deputy", "Vice", "Acting", "Press", "Chief", "Staff", "Joint", "Chiefs",
}


_DETERMINER_BEFORE = re.compile(r"(?:(?<![\w'-])(?:le|la|les|un|une|du|des|au|aux)\s+|(?<![\w-])l')$", re.IGNORECASE)


_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:in|from|near|into|inside|outside|across|throughout)\s+$")
# "the military spokesperson for Iraqi Prime Minister Mohammed Shia al-Sudani": the name is the principal's
_PRINCIPAL_BEFORE = re.compile(r"(?<![\w-])(?:spokes(?:man|woman|person)|representative|aide|adviser|advisor)\s+"
                               r"(?:for|of|to)\s+(?:the\s+)?$", re.IGNORECASE)


def proper_name(text: str) -> str:
    """The last run of capitalised words that is not just a sentence-initial determiner; an
    organisation's acronym in parentheses ("des Forces démocratiques syriennes (FDS)") is no name."""
    best = ""
    blanked = _ACRONYM_AT.sub(lambda a: " " * len(a.group(0)), text)
    for m in _NAME.finditer(blanked):
        first = m.group(0).split()[0]
        # "le Réseau syrien …": one capitalised word after a determiner names no person ("le chef du
        # Hezbollah Hassan Nasrallah", "le Général Pat Ryder" do)
        if (len(m.group(0).split()) == 1 and _DETERMINER_BEFORE.search(blanked, 0, m.start())
                and first not in NOT_NAMES and not TITLES.fullmatch(first)):
            continue
        # "the top U.S. commander in Iraq", "who monitors the war from Europe": a place, not the speaker's name
        if _LOCATIVE_BEFORE.search(blanked, 0, m.start()) or _PRINCIPAL_BEFORE.search(blanked, 0, m.start()):
            continue
        words = m.group(0).split()
        # "Air Force Lt. Col. Staci Coleman", "Operation Inherent Resolve Spokesman Col. Wayne Marotto": the
        # name follows the last title of the run.
        titled = [i for i, w in enumerate(words) if TITLES.fullmatch(w) or TITLES.fullmatch(w.rstrip("."))]
        if titled and titled[-1] < len(words) - 1 and words[titled[-1] + 1][:1].isupper():
            words = words[titled[-1] + 1:]
        while words and (words[0].lower() in {"le", "la", "les", "l'", "un", "une", "des", "c'est", "alors", "selon",
                                              "pour", "d'après", "the"} or words[0] in NOT_NAMES
                                             or _EPITHET.search(words[0])):
            words.pop(0)
        cand = " ".join(words)
        if cand and not is_not_a_name(cand):
            best = cand
    return best


@lru_cache(maxsize=None)
def org_words() -> re.Pattern:
    return re.compile(
        r"^(?:coalition|ministère|ministre\s+des|observatoire|ambassade|agence|organisation|comité|conseil|"
        r"haut-commissariat|état-major|mission|premier|pentagone|hezbollah|groupe|milices?|kata[eëiï]b|hachd|airwars|"
        r"amaq|osdh|ong|unicef|hcr|commandement|armée|gouvernement|parlement|maison\s+blanche|état|"
        r"etats-unis|états-unis|irak|syrie|iran|daech|ei|cjtf-oir|centcom|otan|onu|forces?|unité|"
        # English institutions: "The Interior Ministry of the Kurdish Regional Government", "Iraq's Security Media Cell"
        r"ministry|department|government|command|military|army|navy|air\s+force|pentagon|white\s+house|embassy|"
        r"council|office|agency|cell|operation|task\s+force|combined|joint|central|security|interior|kurdish|iraqi|"
        r"iraq's|syrian|iranian|u\.s\.|us|the\s+us|the\s+u\.s\.|united\s+states|tehran|baghdad|washington)\b",
        re.IGNORECASE,
    )


# "The Britain-based watchdog", "the London-based monitor", "Iran-backed militias": an epithet, not a name
_EPITHET = re.compile(r"-(?:based|led|backed|run|linked|affiliated|controlled|held|allied|funded|born)$", re.IGNORECASE)


def is_not_a_name(cand: str) -> bool:
    low = cand.lower()
    return (bool(org_words().match(low)) or bool(media_regex().search(cand)) or bool(_EPITHET.search(cand))
            or low in {"iraqi", "us", "u.s.", "s.", "american", "americans", "kurdish", "iranian", "syrian"})


@lru_cache(maxsize=4096)
def speaker_kind(speaker_phrase: str, name: str) -> str:
    if media_regex().search(speaker_phrase):
        return "media"
    if anonymous(speaker_phrase) and not name:
        return "anonymous_officials"
    if name and re.fullmatch(r"[A-Z][A-Z0-9&-]+", name):
        return "organisation"  # an acronym ("the JTF statement", "CENTCOM said") names no person
    if name or TITLES.search(speaker_phrase):
        return "person"
    return "organisation"


def channel_of(art: Article, cue: Cue, sentence: tuple[int, int], kind: str) -> str:
    if cue.channel:
        return cue.channel
    scan, markers = channel_markers()
    if scan.search(art.low, sentence[0], sentence[1]):
        # Markers are tried in table order: the first that the sentence holds wins.
        for rx, channel in markers:
            if rx.search(art.low, sentence[0], sentence[1]):
                return channel
    if kind == "person" and _through_outlet(art, sentence):
        return "interview"
    return "media_report" if kind == "media" else "statement"


# A person speaking to an outlet: "told Reuters", "according to a report from the Wall Street Journal".
_TO_OUTLET = re.compile(
    r"\b(?:told|in\s+an\s+interview\s+with|(?:report|interview|article)s?\s+(?:from|by|in|with|on)|"
    # "said in an email to The Associated Press": written answers to one outlet
    r"in\s+an?\s+(?:e-?mail(?:ed\s+(?:statement|response|comment)s?)?|text\s+message|phone\s+call)\s+to)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _through_outlet(art: Article, sentence: tuple[int, int]) -> bool:
    return any(media_regex().match(art.view, m.end(), sentence[1])
               for m in _TO_OUTLET.finditer(art.view, sentence[0], sentence[1]))


def make_claim(art: Article, span, cue: Cue, phrase_span, sentence, role_extra: str = "") -> Claim | None:
    start, end = trim(art.view, *span)
    if end - start < 3:
        return None
    phrase = art.view[phrase_span[0]:phrase_span[1]].strip() if phrase_span else ""
    speaker, role, name = split_speaker(phrase) if phrase else ("", "", "")
    if role_extra and not name and proper_name(role_extra) and not org_words().match(DETERMINERS.sub("", role_extra)):
        # "le porte-parole du Pentagone, John Kirby,": the apposition is the name, the phrase the role.
        speaker, role, name = split_speaker(f"{phrase}, {role_extra}")
    elif role_extra:  # an apposition ("…, porte-parole de la coalition,") says more than a title
        role = DETERMINERS.sub("", role_extra).strip()
    pronoun = re.search(r"-(?:t-)?(il|elle|ils|elles)\b", art.low[cue.start:cue.end]) if not phrase else None
    if pronoun:  # "«…», a-t-il ajouté": the speaker is the pronoun, resolved later
        speaker = art.text[cue.start + pronoun.start(1):cue.start + pronoun.end(1)]
    kind = speaker_kind(phrase, name) if phrase else ("person" if pronoun else "organisation")
    channel = channel_of(art, cue, sentence, kind)
    return Claim(start, end, art.text[cue.start:cue.end], speaker, role, kind, channel, sentence, name)



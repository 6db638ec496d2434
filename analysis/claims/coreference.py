"""Coreference: one canonical name per source within an article, and a key across articles.

"Elle", "l'ONG", "cette organisation", "le responsable", "la même source", "le communiqué"
take the fullest name written earlier for that source ("l'Observatoire syrien des droits de
l'Homme (OSDH)", the acronym in parentheses kept); "Marotto" after "le colonel Wayne Marotto"
is Wayne Marotto; a bare role is the person given it; a communiqué is its author's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from analysis.claims.model import Claim
from analysis.claims.speakers import NOT_NAMES, TITLES, DETERMINERS, channel_markers, head, is_not_a_name, speaker_kind, split_speaker, subject_before
from analysis.mentions.prepared import Article
from analysis.text.sentences import ABBREVIATIONS

def resolve(art: Article, claims: list[Claim]) -> None:
    """Resolve short names, bare roles and communiqués to the speakers the article named."""
    view = art.text
    for i, c in enumerate(claims):
        if c.name and " " not in c.name and not _PRONOUN.match(c.name):
            before = view[: c.start]
            m = None
            # A run of capitalised words ending in the name, inside one sentence: "says the SDF. It" is no name
            # "F. It", "Human Rights. The London-based" none either.
            for m in re.finditer(r"(?<![\w.'’-])((?:[A-ZÀ-Ý][\w'-]+|[A-Z]\.)(?:\s+(?:[A-ZÀ-Ý][\w'-]+\.?|[A-Z]\.))*\s+"
                                 + re.escape(c.name) + r")\b", before):
                pass
            if m and _sentence_dot(m.group(1)):
                m = None
            if m:
                tokens = m.group(1).split()
                keep = []
                for tok in reversed(tokens):
                    # Titles and institutions end the name ("Secretary of State Antony Blinken").
                    if is_not_a_name(tok) or TITLES.fullmatch(tok) or tok in NOT_NAMES:
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
                            DETERMINERS.sub("", c.role).lower() in o.role.lower()), None)
            if earlier:
                claims[i] = c = replace(c, speaker=earlier.speaker, name=earlier.name, role=earlier.role)
        if c.name and not c.role:
            earlier = next((o for o in claims[:i] if o.name == c.name and o.role), None)
            if earlier:
                claims[i] = c = replace(c, role=earlier.role)
        if _COMMUNIQUE_SPEAKER.search(c.speaker) or (not c.speaker and c.channel == "communique"):
            # The author named earlier, or later in a sentence that points back to this communiqué ("C'est un
            # communiqué qui l'a annoncé … », a déclaré la coalition dans ce communiqué"); "un communiqué de
            # l'armée" later is another communiqué.
            author = next((o for o in claims[:i] if o.channel == "communique" and o.speaker
                           and not _COMMUNIQUE_SPEAKER.search(o.speaker)), None) or next(
                (o for o in claims[i + 1:] if o.channel == "communique" and o.speaker
                 and not _COMMUNIQUE_SPEAKER.search(o.speaker)
                 and _SAME_COMMUNIQUE.search(art.view, o.sentence[0], o.sentence[1])), None)
            if author:
                claims[i] = replace(c, speaker=author.speaker, speaker_kind=author.speaker_kind, role=author.role,
                                    channel="communique")
            else:
                publisher = _communique_publisher(art, c.start)
                if publisher:
                    speaker, role, name = split_speaker(publisher)
                    claims[i] = replace(c, speaker=speaker, role=role, name=name,
                                        speaker_kind=speaker_kind(publisher, name), channel="communique")


def _sentence_dot(run: str) -> bool:
    """Whether a run of capitalised words crosses a full stop that ends a sentence (not an initial or an
    abbreviation: "John W. Brennan", "Lt. Col. Staci Coleman")."""
    for tok in run.split()[:-1]:
        if tok.endswith(".") and len(tok) > 2 and tok[:-1].lower() not in ABBREVIATIONS:
            return True
    return False


# A communiqué as the speaker ("le communiqué", "according to the statement", "the release said"): its author speaks.
_COMMUNIQUE_SPEAKER = re.compile(r"communiqué|^(?:the\s+|this\s+|that\s+)?(?:statement|(?:news\s+)?release)$", re.IGNORECASE)
_SAME_COMMUNIQUE = re.compile(r"\b(?:ce|cet|le\s+même|ledit|this|the\s+same)\s+(?:communiqué|statement)\b", re.IGNORECASE)
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
            a, b = head(art.view, *subject_before(art.view, sentence[0], m.start()))
            return art.view[a:b]
        pos = art.view.rfind("communiqué", 0, pos)
    return ""


_PRONOUN = re.compile(r"^(?:il|elle|ils|elles|lui|eux|he|she|it|they|him|her|them)$", re.IGNORECASE)  # "selon lui"
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
        if not o.speaker or _PRONOUN.match(o.speaker.strip()) or _DEMONSTRATIVE.match(o.speaker.strip()):
            continue
        if not noun or noun.lower() in o.speaker.lower():
            return o
        person = bool(_PERSON_NOUNS.match(noun) or TITLES.fullmatch(noun))
        if person == (o.speaker_kind in ("person", "anonymous_officials")):
            return o
    return None


_DEFINITION = r"((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|in|for|the|and|al-[\w'’-]+))*)\s*,\s+an?\s+(?:[\w'’-]+\s+){{0,4}}?{noun}s?(?=\s*[,(]|\s+(?:of|for|in|that|which|based|backed|led|close|loyal)\b)"


def _defined(art: Article, c: Claim, claims: list[Claim], i: int, noun: str) -> tuple[str, str] | None:
    """The name an apposition defined with the noun of "the group", "the organisation", later than any claim
    of a source of that kind, and the channel its sentence names: "the Islamic Resistance in Iraq, an umbrella
    group of …, in a statement … claimed responsibility … . The group noted that …"."""
    last = None
    for last in re.finditer(_DEFINITION.format(noun=re.escape(noun)), art.text[: c.sentence[0]]):
        pass
    if last is None or _PRONOUN.match(last.group(1)):
        return None
    earlier = _antecedent(claims, i, noun)
    if earlier is not None and earlier.start > last.start():
        return None
    return last.group(1), _channel_in(art, art.sentence_of(last.start(1)))


def _channel_in(art: Article, sentence: tuple[int, int]) -> str:
    """The channel a sentence names ("in a press release", "on its Telegram channel"), or ""."""
    for rx, ch in channel_markers()[1]:
        if rx.search(art.low, sentence[0], sentence[1]):
            return ch
    return ""


_SUBJECT_NAME = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,6}?[A-Z][\w'’-]*)\s+(?:has\s+|had\s+)?(?:also\s+)?[a-z]+ed\b")


def _subject_person(art: Article, c: Claim, claims: list[Claim]) -> tuple[str, str] | None:
    """English "He said …" after a sentence with no claim whose subject is a titled person ("IKRG President
    Nechirvan Barzani condemned the attack in a press release. He said …"): that person, and the channel the
    sentence names."""
    k = art.sentences.index(c.sentence) if c.sentence in art.sentences else -1
    if k <= 0:
        return None
    prev = art.sentences[k - 1]
    if any(o.sentence == prev for o in claims):
        return None
    m = _SUBJECT_NAME.match(art.view, prev[0], prev[1])
    if not m or not TITLES.search(m.group(1)):
        return None
    speaker, role, name = split_speaker(m.group(1))
    if not name:
        return None
    return m.group(1), _channel_in(art, prev)


def _anaphoric(speaker: str) -> bool:
    sp = speaker.strip()
    return bool(_PRONOUN.match(sp) or _DEMONSTRATIVE.match(sp) or _BARE_NOUN.match(sp))


def coreference(art: Article, claims: list[Claim]) -> None:
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
        if re.fullmatch(r"he|she", sp, re.IGNORECASE) and art.language == "en" and _subject_person(art, c, claims):
            person, channel = _subject_person(art, c, claims)
            speaker, role, name = split_speaker(person)
            claims[i] = replace(c, speaker=speaker, role=role, name=name, speaker_kind="person",
                                channel=channel if c.channel == "statement" and channel else c.channel)
            continue
        if _PRONOUN.match(sp) or _DEMONSTRATIVE.match(sp):
            target = _antecedent(claims, i)
        elif not c.name and _EPITHET_DESCRIPTION.match(sp):
            target = _antecedent(claims, i, sp.split()[-1])
        elif bare and bare.group(1).islower() and art.language == "en" and _defined(art, c, claims, i, bare.group(1)):
            name, channel = _defined(art, c, claims, i, bare.group(1))
            claims[i] = replace(c, speaker=name, name="", role=c.role, speaker_kind="organisation",
                                channel=channel if c.channel == "statement" and channel else c.channel)
            continue
        elif bare and (bare.group(1).islower() or bare.group(1).isupper()):
            acronym = bare.group(1) if bare.group(1).isupper() else ""
            if acronym:
                target = next((o for o in claims if o.speaker.endswith(f"({acronym})")), None)
            if target is None and acronym and sp[:3].lower() == "the":
                # "the US", "the SDF": English writes names of states and groups with "the"; they refer back
                # only to a speaker holding them ("l'ONG" is a class noun: the nearest NGO below).
                target = next((o for o in reversed(claims[:i]) if acronym.lower() in o.speaker.lower()), None)
            elif target is None:
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
        if target is not None and target is not c and speaker_id(target.speaker) != speaker_id(c.speaker):
            claims[i] = replace(c, speaker=target.speaker, name=target.name, role=c.role or target.role,
                                speaker_kind=target.speaker_kind if c.speaker_kind != "anonymous_officials"
                                else c.speaker_kind)





# "The Britain-based watchdog", "the London-based monitor group": an epithet of place names a source already met.
_EPITHET_DESCRIPTION = re.compile(r"^the\s+(?:[\w.'’-]+\s+){0,2}?[\w.'’]+-based\s+[a-z][\w\s-]*$", re.IGNORECASE)
# An unnamed source introduced by its class, named in the next sentences: "a war monitor reported … According
# to the Syrian Observatory …", "A spokesman for the SDF said … Mustafa Bali said", "the top U.S. commander in
# Iraq said … Lt. Gen. Stephen Townsend told reporters" (wire leads name the source in the second paragraph).
_INDEFINITE_EN = re.compile(r"^an?\s", re.IGNORECASE)
_RUNS = re.compile(r"\b(?:runs|heads|leads|directs|founded|head\s+of|director\s+of|chief\s+of|founder\s+of)\s+"
                   r"(?:the\s+)?(?:[\w'’-]+-based\s+|[\w'’-]+-run\s+)?([A-Z][^,;()]*)")


def _named(c: Claim) -> bool:
    """Whether a claim's speaker is a name (a person's, or an institution written with capitals)."""
    sp = DETERMINERS.sub("", c.speaker.strip())
    return bool(c.name) or (c.speaker_kind == "organisation" and sp[:1].isupper() and not _anaphoric(c.speaker))


def cataphora(art: Article, claims: list[Claim]) -> None:
    """English: an unnamed source described by its class ("a war monitor", "a group monitoring the war", "A
    spokesman for the SDF", and a titled description in the lead, "the top U.S. commander in Iraq") is the
    source named by the next claim, in the next two sentences, of the same kind (a person for a person); an
    organisation's head ("Rami Abdulrahman, who runs the Syrian Observatory") names his organisation."""
    if art.language != "en":
        return
    order = {s: k for k, s in enumerate(art.sentences)}
    for i, c in enumerate(claims):
        sp = c.speaker.strip()
        if not sp or c.name or c.speaker_kind not in ("organisation", "person") or _anaphoric(sp):
            continue
        if not (_INDEFINITE_EN.match(sp) or (i == 0 and c.speaker_kind == "person" and sp[:4].lower() == "the ")):
            continue
        k = order.get(c.sentence, -1)
        for o in claims[i + 1:]:
            if order.get(o.sentence, 10**6) - k > 2:
                break
            if not _named(o) or speaker_id(o.speaker) == speaker_id(sp):
                continue
            target = None
            if o.speaker_kind == c.speaker_kind:
                target = (o.speaker, o.name, o.role, o.speaker_kind)
            elif c.speaker_kind == "organisation" and o.speaker_kind == "person":
                runs = _RUNS.search(o.role or "")
                if runs:
                    target = (runs.group(1).strip(), "", "", "organisation")
            if target is None:
                break
            for j in range(i, len(claims)):
                if claims[j].speaker.strip() == sp:
                    claims[j] = replace(claims[j], speaker=target[0], name=target[1], role=claims[j].role or target[2],
                                        speaker_kind=target[3])
            break


_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|un|une|des|du|the|an?)\s+|l')", re.IGNORECASE)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,11})\)")


def speaker_id(speaker: str) -> str:
    """A stable key for a speaker across articles: the name casefolded, without leading articles,
    accents or punctuation, its acronym in parentheses kept.

    "l'Observatoire syrien des droits de l'Homme (OSDH)" -> "observatoire syrien des droits de l homme (osdh)";
    "La coalition" and "la coalition" -> "coalition"; "John W. Brennan Jr." -> "john w brennan jr".
    """
    text = unicodedata.normalize("NFKD", speaker.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).strip()
    acronym = _ACRONYM.search(text)
    text = _ACRONYM.sub(" ", text)
    while _LEADING_ARTICLE.match(text):
        text = _LEADING_ARTICLE.sub("", text, count=1).lstrip()
    words = re.findall(r"[^\W_]+", text.casefold())
    key = " ".join(words)
    if acronym:
        key = f"{key} ({acronym.group(1).casefold()})".strip()
    return key


def _fuller(name: str, held: str) -> bool:
    """Whether ``name`` is a fuller form than ``held`` of the same speaker: an acronym, more
    characters, or the same in lower case ("la coalition" rather than a sentence's "La coalition")."""
    if bool(_ACRONYM.search(name)) != bool(_ACRONYM.search(held)):
        return bool(_ACRONYM.search(name))
    if len(name) != len(held):
        return len(name) > len(held)
    return name[:1].islower() and not held[:1].islower()


def canonical_names(claims: list[Claim]) -> None:
    """One written name per speaker in an article: claims whose speakers share a key take the fullest
    form written for it (with its acronym if any, else the longest, else the first)."""
    best: dict[str, str] = {}
    for c in claims:
        key = speaker_id(c.speaker)
        if not key:
            continue
        held = best.get(key)
        if held is None or _fuller(c.speaker, held):
            best[key] = c.speaker
    for i, c in enumerate(claims):
        name = best.get(speaker_id(c.speaker))
        if name and name != c.speaker:
            claims[i] = replace(c, speaker=name)


def unify_speaker_ids(ids: list[str]) -> list[str]:
    """Keys across a corpus: a key without an acronym takes the key that adds one to the same name
    ("observatoire syrien des droits de l homme" -> "… (osdh)"), when only one does."""
    fuller = speaker_id_mapping(set(ids))
    return [fuller.get(key, key) for key in ids]


def speaker_id_mapping(keys: set[str]) -> dict[str, str]:
    """The keys of a corpus that :func:`unify_speaker_ids` changes, each with its fuller key: it depends
    on the set of keys only, so a corpus read in batches collects its keys and maps them at the end."""
    with_acronym: dict[str, set[str]] = {}
    for key in keys:
        m = re.fullmatch(r"(.+) \(([a-z0-9-]+)\)", key)
        if m:
            with_acronym.setdefault(m.group(1), set()).add(key)
    return {key: next(iter(with_acronym[key])) for key in keys if len(with_acronym.get(key, ())) == 1}

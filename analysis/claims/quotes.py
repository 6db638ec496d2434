"""Content spans: direct quotes next to their attribution, and reported speech.

A claim is either a direct quote (« », " " or “ ”, over as many sentences as it runs) next
to an attribution ("», a déclaré Marotto", "X a déclaré : “…”"), or reported speech in a
sentence without a quote:

* "X a déclaré que S", "X a d'abord signalé S" — the speaker is the subject;
* "S, ont annoncé mercredi des responsables américains" — inverted after a comma;
* "Selon X, S" / "S, selon X" — a source phrase;
* "X …, affirmant que S" — a participle, whose speaker is the sentence subject, or its own
  subject in an absolute clause (", les Etats-Unis les imputant à …");
* a second verb of the same speaker (", ajoutant que S2", "indique CNN qui note que S2").
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.claims.coreference import speaker_id
from analysis.claims.cues import Cue, find_cues
from analysis.claims.model import Claim
from analysis.claims.speakers import (
    DETERMINERS, LEADING_SKIP, STATEMENT_START, apposition, author_after, channel_markers, head, make_claim, media_regex,
    np_after, proper_name, subject_before, trim,
)
from analysis.mentions.prepared import Article

_QUOTE = re.compile(r"«[^»\n]*»|\"[^\"\n]*\"")


def find_quotes(view: str) -> list[tuple[int, int]]:
    """Spans of paired quotes (marks included) within a line; unpaired marks are ignored."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(view)]


def quote_claims(art: Article, cues: list[Cue], quotes) -> tuple[list[Claim], set[int], list[tuple[int, int]]]:
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
            np = np_after(view, after.end, limit) if after.form != "read" else author_after(view, after.end, limit)
            extra = apposition(view, np[1], limit) if np else ""
            # Quoted words ending a sentence of their own ("Les attaques ont échoué et «la plupart …», a-t-il
            # ajouté"; "… des «groupes affiliés», selon X"): the statement is the whole sentence.
            s0 = art.sentence_of(after.start)[0]
            lead = view[s0:qs].strip()
            span = (s0, qe) if s0 < qs and lead and not lead.endswith(":") and s0 > qs - 400 else (qs, qe)
            claim = make_claim(art, span, after, np, art.sentence_of(after.start), extra)
            used_cues.add(after.start)
            second = _participle_after(art, cues, after) if claim and art.language == "en" else None
            if second is not None:
                # "“…,” said Ryder, a Pentagon spokesperson, describing it as …": a second act of the same speaker
                used_cues.add(second.start)
                s1 = art.sentence_of(second.start)[1]
                more = make_claim(art, (_statement_start(view, second.end, s1, art.language), s1), second, None,
                                  art.sentence_of(second.start))
                if more:
                    claims.append(replace(more, speaker=claim.speaker, role=claim.role, name=claim.name,
                                          speaker_kind=claim.speaker_kind, channel=claim.channel))
        elif before is not None and before.form in ("verb",):
            sent_start = art.sentence_of(before.start)[0]
            np = head(view, *subject_before(view, sent_start, before.start))
            named = _named_after(art, cues, qe) if art.language == "en" else None
            if named is not None:
                # "Commander of CJTF-OIR said, “…,” Brennan said.": one act, the name after the quote is its speaker
                np, before = named
                used_cues.add(before.start)
            claim = make_claim(art, (qs, qe), before, np, sentence)
            used_cues.add(before.start)
        else:
            continue
        if claim:
            claims.append(claim)
            claimed.append((qs, qe))
    return claims, used_cues, claimed


def _participle_after(art: Article, cues: list[Cue], after: Cue) -> Cue | None:
    """A participle of saying (not "saying", which restates) that closes the attribution after a quotation."""
    s1 = art.sentence_of(after.start)[1]
    for c in cues:
        if after.end < c.start < s1:
            between = art.view[after.end:c.start]
            if (c.form == "participle" and c.lemma != "say" and between.rstrip().endswith(",")
                    and len(between.split()) <= 15 and '"' not in between):
                return c
            return None
    return None


_NAME_BEFORE_CUE = re.compile(r"[\s,]*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+")


def _named_after(art: Article, cues: list[Cue], qe: int):
    """The name and cue of "“…,” Brennan said" right after a quotation: ``((start, end), cue)`` or None."""
    for c in cues:
        if 0 < c.start - qe <= 50 and c.form == "verb":
            m = _NAME_BEFORE_CUE.fullmatch(art.view, qe, c.start)
            return ((m.start(1), m.end(1)), c) if m else None
    return None


# Verbs that take a noun as object as well as a statement: "Officials reported details of yesterday's strikes",
# "The coalition confirmed strikes in the area but said …" report no statement.
_OBJECT_VERBS = frozenset({"confirm", "report", "announce", "acknowledge"})
_OBJECT_END = re.compile(r",|;|\.(?:\s|$)|\s(?:but|and|while|as|after|before|when|in|on|at|near|during|with)\s")
_FINITE = re.compile(r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|did|does|\w+ed)")
_DETERMINER_WORD = re.compile(r"(?:the|a|an|its|their|his|her|this|that|these|those)", re.IGNORECASE)


def _noun_object(view: str, cue: Cue, s1: int) -> bool:
    """Whether an English verb's object is a short noun phrase, not a statement ("confirmed the death toll")."""
    tail = view[cue.end:s1]
    if cue.lemma == "describe":  # "described the situation on the ground" tells no statement; "described it as …" does
        return not re.search(r"\bas\b", tail)
    if cue.lemma not in _OBJECT_VERBS:
        return False
    end = _OBJECT_END.search(tail)
    words = (tail[:end.start()] if end else tail).split()
    if not words or len(words) > 4 or any(w.lower() == "that" for w in words):
        return False
    # "the attempted attack": a participle after a determiner is an adjective, not a verb
    return not any(_FINITE.fullmatch(w.lower()) and not _DETERMINER_WORD.fullmatch(words[i - 1])
                   for i, w in enumerate(words) if i > 0)


_THAT = re.compile(r"[^,.;:]{0,80}?\b(?:que|qu')\s*|\s*:\s*", re.IGNORECASE)
# English "that" opens the statement only right after the verb, its adjuncts or its addressee ("said in a
# statement on Friday that", "told CNN that"), not as the relative of a noun inside the statement
# ("said it fired the missiles in retaliation to an airstrike that killed …").
_THAT_EN = re.compile(
    r"(?:\s*,?\s*(?:(?:in|on|at|during|to|from|via|late|early|earlier|last|this)\b[^,.;:\"]{0,45}?|"
    r"(?:\S+\s+){0,2}?\S+))?\s*,?\s+that\s+|\s*:\s*",
    re.IGNORECASE,
)


def _statement_start(view: str, cue_end: int, limit: int, language: str = "fr") -> int:
    """Where a reported statement starts: after "que" ("a déclaré mardi dans un communiqué que S"), "that"."""
    m = (_THAT_EN if language == "en" else _THAT).match(view, cue_end, limit)
    return m.end() if m else cue_end


_SECOND_CUE = re.compile(r"(?:,|\bqui)\s*$", re.IGNORECASE)
_RELATIVE_CUE = re.compile(r"\bqui\s*$", re.IGNORECASE)
# An absolute participial clause names its own subject: "…, les Etats-Unis les imputant à …"
# (a noun phrase, perhaps an object pronoun, right before the participle, after a comma).
_ABSOLUTE = re.compile(
    r",\s*((?:(?:les?|la|l'|leurs?|ses?|ces|des|plusieurs|certains)\s+|l')?[\w'-]+(?:\s+(?:[\w'-]+)){0,5}?)"
    r"(?:\s+(?:ne\s+)?(?:les|le|la|l'|leur|lui|y|en|se|s'|l'en))?\s*$"
)
_NOT_A_SUBJECT = re.compile(
    r"^(?:dans|lors|selon|en|au|aux|à|sur|pour|par|après|avant|depuis|tout|et|mais|ou|donc|ainsi|notamment|"
    r"qui|que|dont|il|elle|ils|elles|on|ce|cela|y|en)\b",
    re.IGNORECASE,
)


def _absolute_subject(view: str, s0: int, cue_start: int) -> tuple[int, int] | None:
    """The subject of an absolute participial clause (", les Etats-Unis les imputant …"), if the
    participle has one of its own; else None (", affirmant que …": the sentence's subject speaks)."""
    m = _ABSOLUTE.search(view, s0, cue_start)
    if not m or not m.group(1).strip():
        return None
    phrase = m.group(1)
    if _NOT_A_SUBJECT.match(phrase) or re.search(r"\b(?:a|ont|est|sont|était|avait)\b", phrase):
        return None
    # a subject is a determiner's noun phrase or a proper name, not a bare common word
    if not (DETERMINERS.match(phrase) or phrase[:1].isupper()):
        return None
    return trim(view, m.start(1), m.end(1))
# English puts the attribution after the statement with the subject first: "S, the Pentagon said in a
# statement Saturday.", "“…,” he said.", "S, defense officials told CNN." After the verb come only
# adjuncts: a medium, a time, a place, an addressee.
_POST_SUBJECT = re.compile(r"(?:,|,?\s*\")\s*((?:[^,\"\s]+\s+){0,11}?[^,\"\s]+)\s*,?\s*$")
# "“…,” Col. Sean Ryan, a spokesperson for the coalition, said": a name before the apposition that ends the subject
_NAME_BEFORE_APPOSITION = re.compile(r"(?:,|,?\s*\")\s*((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*)\s*,\s*$")
_ADJUNCT = re.compile(
    r"(?:in|on|at|during|via|to|from|through|late|early|earlier|later|last|this|next|yesterday|today|tonight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|while|after|before|citing|as|when|without|"
    r"according)\b",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(r"\s*(?:reporters|journalists|lawmakers|congress|(?:the\s+)?[A-Z][\w.&'-]*"
                        r"(?:\s+(?:and\s+|&\s+)?(?:[Tt]he\s+)?[A-Z][\w.&'-]*)*)")
_NOT_A_POST_SUBJECT = re.compile(r"(?:and|but|or|which|who|where|when|while|as|that|so|because|if|then)\b",
                                 re.IGNORECASE)


def _postposed(art: Article, cue: Cue, sentence, quotes) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The statement and subject of "S, X said [adjuncts]." (English order), or None.

    The statement runs from the sentence start (or the opening quote mark of a quotation begun in an
    earlier sentence: "“A. B,” Kirby told reporters") to the comma before the subject.
    """
    if art.language != "en":
        return None
    view = art.view
    s0, s1 = sentence
    subject = _POST_SUBJECT.search(view, s0, cue.start)
    if not subject or _NOT_A_POST_SUBJECT.match(subject.group(1)):
        return None
    rest_start = cue.end
    if re.search(r"\btold$|\btells$", art.low[cue.start:cue.end]):
        addressee = _ADDRESSEE.match(view, cue.end, s1)
        if not addressee or addressee.end() == cue.end:
            return None
        rest_start = addressee.end()
    # "S, the Pentagon said, a move condemned by Iraq's government.": a noun phrase in apposition to the
    # whole statement after a comma is no statement of its own.
    appositive = _APPOSITIVE.match(view, rest_start, s1) is not None
    rest_start += len(view[rest_start:s1]) - len(view[rest_start:s1].lstrip(" ,"))
    rest = view[rest_start:s1].strip(" .,;")
    # "S, SOHR reported — timed with …": an aside after a dash; "S, the ministry said, Reuters reports.": the
    # outlet that carries the statement
    rest = re.split(r"\s*[—–]\s|\s--\s|^[—–]\s", rest, maxsplit=1)[0].strip(" .,;")
    if _CARRIER.fullmatch(rest) and media_regex().search(rest):
        rest = ""
    # "…, Marotto tweeted, saying S2": a participle of saying opens a statement of its own (or restates this one)
    participle = next((c for c in find_cues(art.low, art.language, rest_start, s1)
                       if c.start == rest_start and c.form == "participle"), None)
    if rest and participle is None and not appositive and (not _ADJUNCT.match(rest) or re.search(r"\bthat\b", rest)):
        return None
    subject_span = trim(view, subject.start(1), subject.end(1))
    if subject.group(1)[:1].islower() and view[subject.end(1):cue.start].strip() == ",":
        named = _NAME_BEFORE_APPOSITION.search(view, s0, subject.start(1))
        if named:
            subject, subject_span = named, (named.start(1), subject_span[1])
    start, end = s0, subject.start()
    opened = next((qs for qs, qe in quotes if qs < s0 < qe), None)
    if opened is not None and art.line_start(opened) == art.line_start(s0):
        start = opened
    if len(view[start:end].split()) < 4 or (_LEAD_IN_ONLY.fullmatch(view[start:end].strip(" ,"))):
        return None
    return (start, end), subject_span


_APPOSITIVE = re.compile(r"\s*,\s*an?\s+[a-z]")
_CARRIER = re.compile(r"(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:reports|reported|said|says|writes|wrote)", re.IGNORECASE)
def _inverted_en(view: str, cue: Cue, s0: int, s1: int) -> bool:
    """Whether an English verb after a comma is inverted ("S, said Major General Patrick Ryder, a Pentagon
    spokesperson."): its subject follows and the sentence ends with it, an apposition or adjuncts. After a subject
    with an apposition ("Rami Abdurrahman, head of the Observatory, said the airstrikes hit homes", "Col. Sean
    Ryan, a spokesperson, said in an email") the verb is followed by its statement or an adjunct."""
    if _ADJUNCT.match(view, cue.end + len(view[cue.end:s1]) - len(view[cue.end:s1].lstrip())):
        return False
    # "Ahmed Karim, head of the council, said S": the sentence opens with a name and its apposition
    segments = [seg.strip() for seg in view[s0:cue.start].split(",")]
    while len(segments) > 1 and _LEAD_IN.fullmatch(segments[0]):
        segments.pop(0)
    if len(segments) > 2 and _NAME_ONLY.fullmatch(segments[0]):
        return False
    np = np_after(view, cue.end, s1)
    remainder = view[np[1]:s1].strip()
    if not remainder or remainder[0] in ",.;(":
        return True
    return bool(_ADJUNCT.match(remainder)) and len(remainder.split()) <= 6 and not re.search(r"\bthat\b", remainder)


_NAME_ONLY = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][\w.'’-]*")
_LEAD_IN = re.compile(r"(?:however|moreover|meanwhile|furthermore|therefore|separately|still|in\s+addition|but|and|also)",
                      re.IGNORECASE)
_LEAD_IN_ONLY = re.compile(r"(?:in|on|at|during|after|before|since|for)\b[^,\"]*", re.IGNORECASE)
_AUXILIARY = re.compile(r"\b(?:a|ont|est|sont|avait|avaient|était|étaient|sera|seront)\s+\w+", re.IGNORECASE)


def reported_claims(art: Article, cues: list[Cue], quotes, used_cues: set[int], claimed) -> list[Claim]:
    """Claims of reported speech: one per sentence holding a cue outside quotes, and one more per second
    verb of the same speaker (", ajoutant que S2", "qui note que S2")."""
    claims = []
    view = art.view
    done_sentences: dict[tuple[int, int], Claim] = {}
    subjects: dict[tuple[int, int], tuple[int, int]] = {}  # the subject of a verb with a noun object
    for cue in cues:
        if cue.start in used_cues or any(s <= cue.start < e for s, e in quotes):
            continue
        sentence = art.sentence_of(cue.start)
        s0, s1 = sentence
        if sentence in done_sentences:
            prev = done_sentences[sentence]
            if (cue.form in ("participle", "verb") and prev.end <= cue.start and prev.extra.get("inverted")
                    and _RELATIVE_CUE.search(view, s0, cue.start)):
                # "S1, indique CNN qui note que S2": the relative's subject is the inverted speaker.
                second = make_claim(art, (_statement_start(view, cue.end, s1, art.language), s1), cue, None, sentence)
                if second:
                    claims.append(replace(second, speaker=prev.speaker, role=prev.role, name=prev.name,
                                          speaker_kind=prev.speaker_kind, channel=prev.channel))
            elif (cue.form == "participle" and (prev.extra.get("postposed") or prev.extra.get("inverted"))
                    and cue.start > prev.end
                    and cue.lemma != "say" and _SECOND_CUE.search(view, s0, cue.start)):
                # "S1, X said, adding that S2": a second act of the same speaker ("…, saying S2" restates the first)
                second = make_claim(art, (_statement_start(view, cue.end, s1, art.language), s1), cue, None, sentence)
                if second:
                    claims.append(replace(second, speaker=prev.speaker, role=prev.role, name=prev.name,
                                          speaker_kind=prev.speaker_kind, channel=prev.channel))
            elif (cue.form in ("participle", "verb") and prev.end > cue.start > prev.start
                    and _SECOND_CUE.search(view, s0, cue.start)):
                second = make_claim(art, (_statement_start(view, cue.end, s1, art.language), s1), cue, None, sentence)
                if second:
                    second = replace(second, speaker=prev.speaker, role=prev.role, name=prev.name,
                                     speaker_kind=prev.speaker_kind, channel=prev.channel)
                    prev.end = trim(view, prev.start, _SECOND_CUE.search(view, s0, cue.start).start())[1]
                    claims.append(second)
                    done_sentences[sentence] = second
            continue
        # Only a quote that was claimed as a direct quote hides its sentence: quoted words inside
        # reported speech ("des «groupes affiliés», selon X") are part of the statement.
        if any(s < s1 and s0 < e for s, e in claimed):
            continue
        claim = None
        if cue.form == "source_initial":
            if view[s0:cue.start].strip(" ,\n") != "":
                continue
            cue = replace(cue, form="source")
        if cue.form == "source":
            np = np_after(view, cue.end, s1)
            # "Selon le porte-parole des FDS, Mustafa Bali, S": the name in apposition joins the speaker.
            name = re.match(r"\s*(?:\([^)]{1,30}\))?\s*,\s*([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'.-]+){0,3})\s*(?:,|\.?\s*$)", view[np[1]:s1])
            if name and not proper_name(view[np[0]:np[1]]):
                np = (np[0], np[1] + name.end(1) - (1 if name.group(1).endswith(".") else 0))
            comma = view.find(",", np[1], s1)
            if view[s0:cue.start].strip(" ,") == "":  # "Selon X, S."
                statement = (comma + 1, s1) if comma != -1 else (np[1], s1)
            else:  # "S, selon X."
                statement = (s0, cue.start)
            claim = make_claim(art, statement, cue, np, sentence)
        elif cue.form == "read":
            claim = make_claim(art, (s0, cue.start), cue, author_after(view, cue.end, s1), sentence)
        elif cue.form == "participle":
            subject = (_absolute_subject(view, s0, cue.start) or subjects.get(sentence)
                       or head(view, *subject_before(view, s0, cue.start)))
            claim = make_claim(art, (cue.end, s1), cue, subject, sentence)
        else:
            # "S, a déclaré X" (inverted) versus "X, …, a annoncé avoir…" (a subject with an apposition):
            # what follows the cue tells them apart.
            skip = LEADING_SKIP.match(view, cue.end, s1)
            follows = view[skip.end() if skip else cue.end:s1]
            # The speaker's own relative clause is no statement: "…, indique CNN qui note que S2".
            clause = re.split(r"[,.;]|\bqui\b", follows, maxsplit=1)[0]
            # Without a comma, only a one-word verb after a whole clause ("… 2152 objectifs neutralisés annonce l'état-major"):
            # a bare subject before the verb ("L'armée annonce la mort de …") is no statement.
            before = view[s0:cue.start]
            inverted = ((re.search(r",\s*$", before) is not None
                         or (art.language == "fr" and " " not in art.low[cue.start:cue.end].strip()
                             and _AUXILIARY.search(before) is not None and DETERMINERS.match(follows)
                             and not re.search(r"\b(?:que|qu')\s*$", before)))
                        # a cue ending in a preposition ("a-t-on appris auprès du") is followed by its source
                        and (not STATEMENT_START.match(follows) or re.search(r"\bd(?:e|u|es)$", art.low[cue.start:cue.end]))
                        and not re.search(r"\b(?:que|qu')", clause))
            if inverted and art.language == "en":
                inverted = _inverted_en(view, cue, s0, s1)
            post = None if inverted else _postposed(art, cue, sentence, quotes)
            if post:
                content, subject = post
                claim = make_claim(art, content, cue, subject, sentence)
                if claim:
                    claim.extra["postposed"] = True
            elif inverted:
                np = np_after(view, cue.end, s1)
                extra = apposition(view, np[1], s1)
                claim = make_claim(art, (s0, cue.start), cue, np, sentence, extra)
                if claim:
                    claim.extra["inverted"] = True
            else:
                subject = subjects.get(sentence) or head(view, *subject_before(view, s0, cue.start))
                if art.language == "en" and _noun_object(view, cue, s1):
                    subjects[sentence] = subject  # "X confirmed the strikes but said S": X says S
                    continue
                start = _statement_start(view, cue.end, s1, art.language)
                rest = view[start:s1].strip(" .,")
                # "…” he said in a statement." leaves only the medium after the verb: no statement there.
                if len(rest.split()) < 5 and (channel_markers()[0].search(rest.lower())
                                              or re.match(r"(?:in|during|at|to|dans|lors|à)\b|reporters\b|journalistes\b",
                                                          rest, re.IGNORECASE)):
                    continue
                claim = make_claim(art, (start, s1), cue, subject, sentence)
        if claim:
            claims.append(claim)
            done_sentences[sentence] = claim
    return claims




def continued_quotes(art: Article, claims: list[Claim], quotes, cues: list[Cue]) -> list[Claim]:
    """Quotations that go on after their attribution: a sentence without a cue of its own that opens with
    a quote ("“…,” he said. “The United States does not seek …”"), or holds quoted words of three or more
    (an outlet paraphrasing a release around its words), right after a sentence with a claim, is that
    speaker's too, through the same channel. Returns the claims with these added, in text order."""
    if not claims:
        return claims
    by_sentence = {c.sentence: c for c in claims}
    cue_sentences = {art.sentence_of(c.start) for c in cues}
    out = list(claims)
    view = art.view
    previous = None
    for sentence in art.sentences:
        claim = by_sentence.get(sentence)
        covered = any(c.start < sentence[1] and sentence[0] < c.end for c in claims)
        if claim is None and covered:  # a quotation over several sentences, claimed as a whole
            claim = next(c for c in claims if c.start < sentence[1] and sentence[0] < c.end)
        elif claim is None and previous is not None and sentence not in cue_sentences:
            s0, s1 = sentence
            inside = [(qs, qe) for qs, qe in quotes if s0 <= qs < s1]
            opens = bool(inside) and inside[0][0] == s0
            long_enough = any(len(view[qs:qe].split()) >= 3 for qs, qe in inside)
            if (opens or (long_enough and art.language == "en")) and previous.speaker:
                start, end = trim(view, s0, s1)
                claim = replace(previous, start=start, end=end, sentence=sentence, extra={"continued": True})
                out.append(claim)
        previous = claim
    return sorted(out, key=lambda c: c.start)


def propagate_channels(art: Article, claims: list[Claim]) -> None:
    """A claim by a pronoun ("he said") whose sentence names no channel takes the channel of the claim right
    before it when both have the same speaker: "Hoffman said in a press conference. … He said …" is the
    same briefing (a speaker named again may speak through another channel). In English, a speaker who
    told reporters or spoke at a briefing is reported from that briefing for the rest of the article: "Singh
    told reporters on Tuesday that … . “…,” Singh said." (an agency's write-up of one news conference)."""
    scan = channel_markers()[0]
    # the whole article: "the top U.S. commander said S1. … Townsend told reporters S2" is one briefing
    briefed = {speaker_id(c.speaker) for c in claims if c.speaker_kind == "person" and c.channel == "press_conference"}
    for i, c in enumerate(claims):
        key = speaker_id(c.speaker) if c.speaker_kind == "person" else ""
        if art.language == "en" and key:
            if (c.channel == "statement" and key in briefed
                  and not scan.search(art.low, c.sentence[0], c.sentence[1])):
                claims[i] = replace(c, channel="press_conference")
    if art.language == "en":
        # "The SDF detailed in a statement that S1. S2, says the SDF. It reported S3": the same written statement
        # goes on while the same source speaks without naming another channel
        for i in range(1, len(claims)):
            c, prev = claims[i], claims[i - 1]
            if (c.channel == "statement" and prev.channel == "communique" and c.speaker and c.speaker_kind != "person"
                    and speaker_id(c.speaker) == speaker_id(prev.speaker)
                    and not scan.search(art.low, c.sentence[0], c.sentence[1])):
                claims[i] = replace(c, channel="communique")
    for i in range(1, len(claims)):
        c, prev = claims[i], claims[i - 1]
        if (c.extra.get("anaphoric") and c.channel == "statement" and prev.channel not in ("statement", "media_report")
                and c.speaker
                and c.speaker == prev.speaker and not scan.search(art.low, c.sentence[0], c.sentence[1])):
            claims[i] = replace(c, channel=prev.channel)

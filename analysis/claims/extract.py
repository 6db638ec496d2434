"""Claims: attributed statements, who made them, in what role, through which channel.

The steps, one module each (after Citron and PARC): :mod:`~analysis.claims.cues` finds the
cues, :mod:`~analysis.claims.quotes` the content each cue attributes, :mod:`~analysis.claims.speakers`
the source's phrase, role, kind and channel, :mod:`~analysis.claims.coreference` one canonical
name per source. :func:`claims_rows` gives the rows of the claims frame.
"""

from __future__ import annotations

from analysis.claims.coreference import _PRONOUN, canonical_names, cataphora, coreference, resolve, speaker_id
from analysis.claims.cues import find_cues
from analysis.claims.model import CLAIM_COLUMNS, Claim
from analysis.claims.quotes import continued_quotes, find_quotes, propagate_channels, quote_claims, reported_claims
from analysis.mentions.prepared import Article

__all__ = ["CLAIM_COLUMNS", "Claim", "claims_rows", "find_claims"]


def find_claims(art: Article) -> list[Claim]:
    """Every attributed statement of a prepared article, in text order."""
    cues = find_cues(art.low, art.language)
    if not cues:
        return []
    quotes = find_quotes(art.view)
    direct, used, claimed = quote_claims(art, cues, quotes)
    claims = sorted(direct + reported_claims(art, cues, quotes, used, claimed), key=lambda c: c.start)
    # "he said": the same act as the claim before it (see propagate_channels). Only English: the French gold
    # gives "a-t-il ajouté" its own channel.
    for c in claims:
        c.extra["anaphoric"] = bool(_PRONOUN.match(c.speaker.strip())) and art.language == "en"
    resolve(art, claims)
    coreference(art, claims)
    cataphora(art, claims)
    canonical_names(claims)
    claims = continued_quotes(art, claims, quotes, cues)
    propagate_channels(art, claims)
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
            "speaker_id": speaker_id(c.speaker),
            "role": c.role,
            "speaker_kind": c.speaker_kind,
            "channel": c.channel,
            "sentence_start": c.sentence[0],
            "sentence_end": c.sentence[1],
        })
    return rows


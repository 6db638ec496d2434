"""A claim as the claim builders make it, and the columns of the claims frame."""

from __future__ import annotations

from dataclasses import dataclass, field

CLAIM_COLUMNS = [  # speaker_id: see analysis.claims.coreference.speaker_id
    "claim_id", "file", "start", "end", "text", "cue", "speaker", "speaker_id", "role", "speaker_kind", "channel",
    "sentence_start", "sentence_end",
]


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



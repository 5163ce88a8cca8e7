"""Speakers named together: "Both Dimitrova and Slavkova are of the opinion that ...", "Jo Ames, Tom Wells
and Ann Lee said ...".  The frame names its last speaker; each person named before it, joined by commas
and "and", says the same words: one claim each, with the same content.
"""
from __future__ import annotations

import re
from dataclasses import replace

from app.extract.claims import Claim
from app.extract.frames import Ref
from app.extract.names import NAME_RUN, person_tokens

LOOKBACK = 160  # characters before the last speaker's name where the others stand
_JOINED_BEFORE = re.compile(rf"(?:\b(?:[Bb]oth)\s+)?((?:{NAME_RUN.pattern},\s+){{0,4}}{NAME_RUN.pattern})\s+and\s+$")


def co_speakers(text: str, claim: Claim) -> list[Claim]:
    """The claims of the persons named with the claim's speaker ("A and B said"), none when there are none."""
    ref = claim.ref
    if ref is None or ref.kind != "name":
        return []
    lo = max(0, ref.start - LOOKBACK)
    m = _JOINED_BEFORE.search(text, lo, ref.start)
    if m is None:
        return []
    out = []
    for run in NAME_RUN.finditer(text, m.start(1), m.end(1)):
        tokens = person_tokens(run.group())
        if tokens:
            out.append(replace(claim, ref=Ref("name", " ".join(tokens), run.start(), run.end(), ref.cue)))
    return out


def with_co_speakers(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims, each followed by the claims of the persons named with its speaker."""
    return [c for claim in claims for c in (claim, *co_speakers(text, claim))]

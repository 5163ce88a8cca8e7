"""A claim: an attributed piece of text before its speaker mention is resolved to a person."""
from __future__ import annotations

from dataclasses import dataclass

from app.extract.frames import Ref
from app.types import StatementKind


@dataclass(slots=True)
class Claim:
    """Content spans (one per line) said by the speaker `ref`; ref None = the previous speaker goes on."""

    kind: StatementKind
    spans: list[tuple[int, int]]
    ref: Ref | None
    cue: str | None
    finder: str = ""  # the content finder that found it ("quotation", "reported", "interview", ...)

    @property
    def anchor(self) -> int:
        """Where the speaker is known in reading order: the mention, else the content itself."""
        return self.ref.start if self.ref else self.spans[0][0]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))

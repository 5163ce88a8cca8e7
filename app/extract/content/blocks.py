"""Speaker blocks: a "Name, Title:" header and the paragraphs under it; a framed list and its items.

A header heads that person's remarks: dash-led paragraphs, and paragraphs with no quotation marks that
introduce no one else, up to the next header.  Quotation paragraphs under it are found as quotations and
linked by the block sieve.
"""
from __future__ import annotations

import re

from app.extract.claims import Claim
from app.extract.content.quotations import header_ref
from app.extract.frames import Ref, find_verbs, leading_frame
from app.extract.names import NAME_RUN, person_tokens
from app.extract.segment import has_mark

MIN_BLOCK_WORDS = 4  # a shorter undashed line under a header ("photos") is a caption, not the speaker's words
_DASH_LED = re.compile(r"^\s*[—–-]+\s*")
_BULLET = re.compile(r"\s*[•▪●◦·*]\s*")
_LIST_ITEM_END = re.compile(r"[\s;,.]*(?:\band|\bor)?[\s;,.]*$")


def _introduces_someone(text: str, s: int, e: int, speaker: Ref) -> bool:
    """The paragraph frames another person's words ("Jo Ames, an economist, said"): the block has ended."""
    if not find_verbs(text, s, e):
        return False
    names = (" ".join(person_tokens(m.group())) for m in NAME_RUN.finditer(text, s, e))
    return any(len(name.split()) >= 2 and name != speaker.text for name in names)


def header_claims(text: str, lines: list[tuple[int, int]]) -> list[Claim]:
    """Pattern: a "Name, Title (Country):" header, then that person's paragraphs up to the next header."""
    claims: list[Claim] = []
    current: Ref | None = None
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            continue
        if line.rstrip().endswith(":"):
            current = header_ref(text, s, e)
            continue
        if current is None:
            continue
        dash = _DASH_LED.match(line)
        start = s + (dash.end() if dash else len(line) - len(line.lstrip()))
        if not dash and (has_mark(line) or _introduces_someone(text, s, e, current)):
            current = None if not has_mark(line) else current  # a quotation paragraph is the sieves' to link
            continue
        if len(line[start - s:].split()) >= MIN_BLOCK_WORDS or (dash and line[start - s:].strip()):
            finder = "header" if dash else "header_block"
            claims.append(Claim("direct", [(start, s + len(line.rstrip()))], current, None, finder))
    return claims


def bullet_claims(text: str, lines: list[tuple[int, int]]) -> list[Claim]:
    """Pattern: a line framing a list ("Among them, he said, are:"), then bulleted lines, each one of the
    speaker's points in reported speech."""
    claims: list[Claim] = []
    ref: Ref | None = None
    for s, e in lines:
        line = text[s:e].rstrip()
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        if bullet and ref is not None:
            item = line[bullet.end():]
            end = s + bullet.end() + _LIST_ITEM_END.search(item).start()
            if end > s + bullet.end():
                claims.append(Claim("indirect", [(s + bullet.end(), end)], ref, ref.cue, "list"))
            continue
        ref = leading_frame(text, s, s + len(line)) if line.endswith(":") else None
    return claims

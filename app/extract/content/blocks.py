"""Speaker blocks: a "Name, Title:" header and the paragraphs under it; a framed list and its items.

A header heads that person's remarks: dash-led paragraphs, and paragraphs with no quotation marks that
introduce no one else, up to the next header or question.  Without its colon ("Jane Roe, Teacher" alone
on a line, as vox pops print them) a line is a header only when the text has MIN_NAME_LINES of them.
Quotation paragraphs under a header are found as quotations and linked by the block sieve.
"""
from __future__ import annotations

import re

from app.extract.claims import Claim
from app.extract.content.interview import SPEAKER_LABEL
from app.extract.content.quotations import header_ref
from app.extract.frames import Ref, find_verbs, leading_frame, ref_at_start
from app.extract.names import NAME_RUN, person_tokens
from app.extract.segment import has_mark

MIN_NAME_LINES = 2  # "Name, Title" lines without a colon that make a text a series of speaker blocks
MAX_TITLE_WORDS = 6  # ... each a name and a short description, no verb ("Dr Jo Ames. Assistant professor")
MIN_BLOCK_WORDS = 4  # a shorter undashed line under a header ("photos") is a caption, not the speaker's words
_NAME_LINE = re.compile(r"\s*([^,.:;()\n]{3,60}?)\s*[,.]\s+([^,.:;?!“”\"\n]{2,60}?)\s*$")
_DASH_LED = re.compile(r"^\s*[—–-]+\s*")
_BULLET = re.compile(r"\s*[•▪●◦·*]\s*")
_LIST_ITEM_END = re.compile(r"[\s;,.]*(?:\band|\bor)?[\s;,.]*$")


def _introduces_someone(text: str, s: int, e: int, speaker: Ref) -> bool:
    """The paragraph frames another person's words ("Jo Ames, an economist, said"): the block has ended."""
    if not find_verbs(text, s, e):
        return False
    names = (" ".join(person_tokens(m.group())) for m in NAME_RUN.finditer(text, s, e))
    return any(len(name.split()) >= 2 and name != speaker.text for name in names)


def name_line_ref(text: str, s: int, e: int) -> Ref | None:
    """Pattern "Jane Roe, Teacher" or "Dr Jane Roe. Assistant professor" alone on a line: a name of two or
    more words, then a short description with no verb."""
    m = _NAME_LINE.match(text, s, e)
    if not m or len(m.group(2).split()) > MAX_TITLE_WORDS or find_verbs(text, m.start(2), m.end(2)):
        return None
    ref = ref_at_start(text, m.start(1), m.end(1))
    if ref is None or ref.kind != "name" or len(ref.text.split()) < 2 or text[ref.end:m.end(1)].strip():
        return None
    return ref.with_cue(":")


def _headers(text: str, lines: list[tuple[int, int]]) -> dict[int, Ref | None]:
    """The header lines by start offset: "Name, Title:" lines, and colon-less name lines when there are
    MIN_NAME_LINES of them."""
    found = {s: header_ref(text, s, e) for s, e in lines if text[s:e].rstrip().endswith(":")}
    named = {s: ref for s, e in lines if s not in found and (ref := name_line_ref(text, s, e))}
    return found | named if len(named) >= MIN_NAME_LINES else found


def header_claims(text: str, lines: list[tuple[int, int]]) -> list[Claim]:
    """Pattern: a "Name, Title (Country):" header, then that person's paragraphs up to the next header."""
    claims: list[Claim] = []
    current: Ref | None = None
    headers = _headers(text, lines)
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            continue
        if s in headers:
            current = headers[s]
            continue
        if current is None:
            continue
        if line.rstrip().endswith("?") and not has_mark(line):  # the outlet's next question: the block ends
            current = None
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


def label_claims(text: str, lines: list[tuple[int, int]]) -> list[Claim]:
    """Pattern "Jane Roe: The truce will not hold ...", a round-up's lines each opening with a speaker's full
    name and a colon; only when the text has MIN_NAME_LINES of them (one may be a dateline or a caption)."""
    labelled = []
    for s, e in lines:
        m = SPEAKER_LABEL.match(text, s, e)
        if not m or has_mark(text[s:e]) or len(text[m.end():e].split()) < MIN_BLOCK_WORDS:
            continue
        ref = ref_at_start(text, m.start(1), m.end(1))
        if ref is not None and ref.kind == "name" and len(ref.text.split()) >= 2 and ref.end == m.end(1):
            labelled.append(Claim("direct", [(m.end(), s + len(text[s:e].rstrip()))], ref.with_cue(":"), None, "label"))
    return labelled if len(labelled) >= MIN_NAME_LINES else []


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

"""Direct speech: attribute each quotation to a speaker mention, or to the speaker who goes on."""
from __future__ import annotations

import re

from app.ingest.extract_claims import Claim
from app.ingest.extract_frames import Ref, leading_frame, ref_at_start, trailing_frame
from app.ingest.segment import Quote, line_index

MAX_LEAD = 12  # characters allowed before a quotation that opens its line (spaces, a dash)
MIN_RUN_ON_WORDS = 4  # an unattributed quotation shorter than this is a title or a scare quote
_HEADER = re.compile(r"\s*([^,:()\n]{3,60}?)\s*(?:,[^:\n]{0,160})?(?:\([^()\n]{2,40}\))?\s*:\s*$")
_DASH_LED = re.compile(r"^\s*[—–-]+\s*")


def _after_close(text: str, lines: list[tuple[int, int]], quote: Quote, next_open: int | None) -> Ref | None:
    """Pattern “...,” he said / “...” said the pundit — the frame right after the closing mark."""
    if quote.close_at is None:
        return None
    line_end = lines[line_index(lines, quote.close_at)][1]
    hi = min(line_end, next_open) if next_open is not None and next_open > quote.close_at else line_end
    return trailing_frame(text, quote.close_at + 1, hi)


def _before_open(text: str, lines: list[tuple[int, int]], quote: Quote, prev_close: int | None) -> Ref | None:
    """Pattern Smith said: “...” / “A,” she said, “B.” — the frame before the opening mark."""
    s, _ = lines[line_index(lines, quote.start)]
    lo = prev_close + 1 if prev_close is not None and prev_close >= s else s
    if prev_close is not None and prev_close >= s:
        between = trailing_frame(text, lo, quote.start)
        if between is not None:
            return between
    return leading_frame(text, lo, quote.start)


def _previous_line_frame(text: str, lines: list[tuple[int, int]], quote: Quote) -> Ref | None:
    """Pattern: a paragraph ending with a colon ("Caddell continued:") before a quotation paragraph."""
    i = line_index(lines, quote.start)
    if not _starts_line(text, lines, quote):
        return None
    j = i - 1
    while j >= 0 and not text[lines[j][0]:lines[j][1]].strip():
        j -= 1
    if j < 0 or not text[lines[j][0]:lines[j][1]].rstrip().endswith(":"):
        return None
    s, e = lines[j]
    return leading_frame(text, s, e) or header_ref(text, s, e)


def header_ref(text: str, s: int, e: int) -> Ref | None:
    """Pattern "Name, Title (Country):" or "Name:" alone on a line, heading that person's remarks."""
    m = _HEADER.match(text, s, e)
    if not m:
        return None
    ref = ref_at_start(text, m.start(1), m.end(1))
    if ref is None or ref.kind != "name" or text[ref.end:m.end(1)].strip():
        return None
    return Ref(ref.kind, ref.text, ref.start, ref.end, ":")


def _starts_line(text: str, lines: list[tuple[int, int]], quote: Quote) -> bool:
    s, _ = lines[line_index(lines, quote.start)]
    if quote.start - s > MAX_LEAD:  # bounded: a long prefix is never just a dash and spaces
        return False
    return not _DASH_LED.sub("", text[s:quote.start]).strip()


def quote_claims(text: str, lines: list[tuple[int, int]], quotes: list[Quote]) -> list[Claim]:
    """One claim per quotation: attributed by a frame, or left to the speaker who goes on."""
    claims = []
    for k, quote in enumerate(quotes):
        prev_close = quotes[k - 1].close_at if k else None
        next_open = quotes[k + 1].open_at if k + 1 < len(quotes) else None
        ref = (_after_close(text, lines, quote, next_open) or _before_open(text, lines, quote, prev_close)
               or _previous_line_frame(text, lines, quote))
        words = len(text[quote.start:quote.end].split())
        if ref is None and (not _starts_line(text, lines, quote) or words < MIN_RUN_ON_WORDS):
            continue
        claims.append(Claim("direct", list(quote.segments), ref, ref.cue if ref else None))
    return claims


def header_claims(text: str, lines: list[tuple[int, int]]) -> list[Claim]:
    """Pattern: a "Name, Title (Country):" header, then dash-led paragraphs that are that person's words."""
    claims: list[Claim] = []
    current: Ref | None = None
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            continue
        if line.rstrip().endswith(":"):
            current = header_ref(text, s, e)
            continue
        dash = _DASH_LED.match(line)
        if current is None or not dash or not line[dash.end():].strip():
            current = None if not dash else current
            continue
        start = s + dash.end()
        claims.append(Claim("direct", [(start, len(text[:e].rstrip()))], current, None))
    return claims

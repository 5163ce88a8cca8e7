"""Direct speech: attribute each quotation to a speaker mention, or to the speaker who goes on."""
from __future__ import annotations

import re

from app.extract.claims import Claim
from app.extract.frames import Ref, leading_frame, ref_at_start, trailing_frame
from app.extract.segment import Quote, line_index, mark_end

MAX_LEAD = 12  # characters allowed before a quotation that opens its line (spaces, a dash)
MIN_RUN_ON_WORDS = 4  # an unattributed quotation shorter than this is a title or a scare quote
# "Name, Title (Country):", "Name – Organisation:", "Name | Title:" alone on a line
_HEADER = re.compile(r"\s*([^,:()\n]{3,60}?)\s*(?:(?:,|\s[–—|-]\s)[^:\n]{0,160})?(?:\([^()\n]{2,40}\))?\s*:\s*$")
_DASH_LED = re.compile(r"^\s*[—–-]+\s*")
_LOWER_AFTER = re.compile(r"[,.]?\s*[a-z]")
_TITLE_WORD = re.compile(r"[\w’'-]+")
_TITLE_LOWER = frozenset({"the", "of", "and", "a", "an", "in", "on", "for", "to", "with"})
_TITLE_BEFORE = re.compile(r"(?:’s|'s|\bof|\bon|\bin|\bto|\bcalled|\btitled|\bentitled)\s+$")
MAX_TITLE_WORDS = 6
# After "“A,” she said" a new clause ("…, but Kevin was asleep, and as Trump…") means the next quote is not hers.
_NEW_CLAUSE = re.compile(r",\s+(?:but|and|while|as|when)\s|\band\s+as\b")


def _after_mark(lines: list[tuple[int, int]], quote: Quote, next_open: int | None) -> int | None:
    """Where the text after a closing mark stops belonging to it: the line end, or the next quotation."""
    if quote.close_at is None:
        return None
    line_end = lines[line_index(lines, quote.close_at)][1]
    return min(line_end, next_open) if next_open is not None and next_open > quote.close_at else line_end


def _after_close(text: str, quote: Quote, hi: int | None) -> Ref | None:
    """Pattern “...,” he said / “...” said the pundit — the frame right after the closing mark."""
    return trailing_frame(text, mark_end(text, quote.close_at), hi) if hi is not None else None


_RUNS_ON = re.compile(r"\s*[a-z][^.!?;:“”\"\n]{0,40}?(?=,\s)")  # in lower case: the sentence goes on


def _after_run_on(text: str, quote: Quote, hi: int | None) -> Ref | None:
    """Pattern “... It doesn’t understand” the people, said Jo Ames — the sentence runs on past the
    closing mark, then its frame."""
    m = _RUNS_ON.match(text, mark_end(text, quote.close_at), hi) if hi is not None else None
    return trailing_frame(text, m.end(), hi) if m else None


def _before_open(text: str, lines: list[tuple[int, int]], quote: Quote, prev_close: int | None) -> Ref | None:
    """Pattern Smith said: “...” / “A,” she said, “B.” — the frame before the opening mark."""
    s, _ = lines[line_index(lines, quote.start)]
    lo = mark_end(text, prev_close) if prev_close is not None and prev_close >= s else s
    if prev_close is not None and prev_close >= s:
        between = trailing_frame(text, lo, quote.start)
        if between is not None and not _NEW_CLAUSE.search(text, between.end, quote.start):
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


def _inline_header(text: str, lines: list[tuple[int, int]], quote: Quote) -> Ref | None:
    """Pattern "Jason Tuvey, Capital Economics: “...”": a name header and its quotation on one line."""
    s, _ = lines[line_index(lines, quote.start)]
    return header_ref(text, s, quote.start)


def header_ref(text: str, s: int, e: int) -> Ref | None:
    """Pattern "Name, Title (Country):" or "Name:" alone on a line, heading that person's remarks."""
    m = _HEADER.match(text, s, e)
    if not m:
        return None
    ref = ref_at_start(text, m.start(1), m.end(1))
    if ref is None or ref.kind != "name" or text[ref.end:m.end(1)].strip():
        return None
    return ref.with_cue(":")


def _starts_line(text: str, lines: list[tuple[int, int]], quote: Quote) -> bool:
    s, _ = lines[line_index(lines, quote.start)]
    if quote.start - s > MAX_LEAD:  # bounded: a long prefix is never just a dash and spaces
        return False
    return not _DASH_LED.sub("", text[s:quote.start]).strip()


def is_embedded(text: str, quote: Quote) -> bool:
    """Pattern: said it would be “improper” for him — the clause runs on in lower case after the mark."""
    if quote.close_at is None or len(quote.segments) > 1:
        return False
    return bool(_LOWER_AFTER.match(text, mark_end(text, quote.close_at), quote.close_at + 40))


def is_title(text: str, quote: Quote) -> bool:
    """Pattern: on CBS's “Face the Nation,” / a broadcast of “Fox News Sunday” — a title, not speech."""
    if quote.close_at is None or len(quote.segments) > 1:
        return False
    words = _TITLE_WORD.findall(text, quote.start, quote.close_at)
    if not words or len(words) > MAX_TITLE_WORDS or not all(w[0].isupper() or w in _TITLE_LOWER for w in words):
        return False
    return bool(_TITLE_BEFORE.search(text, max(0, quote.start - 12), quote.start))


_NAME_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")


def is_name(text: str, quote: Quote) -> bool:
    """Pattern founder of the “Great Turan Union” Foundation: a short quotation of capitalised words with no
    sentence mark inside is a name or a title, not someone's words."""
    if quote.close_at is None or len(quote.segments) > 1:
        return False
    inner = text[quote.start:quote.close_at].strip("“”\"«»„ ")
    words = _NAME_WORD.findall(inner)
    if not words or len(words) > MAX_TITLE_WORDS or any(ch in inner for ch in ",;!?"):
        return False
    return all(w[0].isupper() or w in _TITLE_LOWER for w in words)


def quote_claims(text: str, lines: list[tuple[int, int]], quotes: list[Quote]) -> list[Claim]:
    """One claim per quotation: attributed by a frame, or left to the speaker who goes on."""
    claims = []
    for k, quote in enumerate(quotes):
        prev_close = quotes[k - 1].close_at if k else None
        next_open = quotes[k + 1].open_at if k + 1 < len(quotes) else None
        if is_title(text, quote):
            continue
        hi = _after_mark(lines, quote, next_open)
        after = _after_close(text, quote, hi)
        if after is None and not _starts_line(text, lines, quote) and is_embedded(text, quote):
            # Mixed speech: a reported clause around it is the statement; without one, the sentence sieve decides.
            if len(text[quote.start:quote.end].split()) >= MIN_RUN_ON_WORDS and not is_name(text, quote):
                claims.append(Claim("direct", list(quote.segments), None, None, "embedded"))
            continue
        after = after or _after_run_on(text, quote, hi)
        ref = (after or _before_open(text, lines, quote, prev_close) or _previous_line_frame(text, lines, quote)
               or _inline_header(text, lines, quote))
        if is_name(text, quote) and not _LOWER_AFTER.match(text, mark_end(text, quote.close_at)):
            continue  # “Great Turan Union” Foundation: no frame ("“Never Again” she said") follows the mark
        words = len(text[quote.start:quote.end].split())
        if ref is None and words < MIN_RUN_ON_WORDS:
            continue  # a scare quote; a longer unframed quotation is left to the speaker sieves
        claims.append(Claim("direct", list(quote.segments), ref, ref.cue if ref else None, "quotation"))
    return claims

"""Single curly quotation marks as a document's own quotation marks (the British style: ‘It will,’ she said).

A text whose body has no double quotation mark at all but opens ‘single’ ones quotes with them.  There
the marks are read as doubles: every ‘ that starts a word opens, and the next ’ that ends a word (no
letter or digit after it) closes; a ’ inside a word (it’s) or with nothing open is an apostrophe.  The
result has the text's length and offsets, so what the segmenter finds in it holds in the text.
"""
from __future__ import annotations

from app.extract.segment import QUOTE_CHARS

SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:")  # what may stand before a ‘ that opens a quotation


def uses_single_quotes(text: str, body_start: int) -> bool:
    """The body (after the headline) quotes with ‘…’: it opens one and holds no double mark."""
    body = text[body_start:]
    if any(ch in QUOTE_CHARS for ch in body) or "''" in body or "``" in body:
        return False
    return any(body[i] == SINGLE_OPEN and _opens(body, i) for i in range(len(body)))


def _opens(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1] in _BEFORE_OPEN) and i + 1 < len(text) and not text[i + 1].isspace()


def _closes(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def singles_as_doubles(text: str) -> str:
    """The text with its quoting single marks as “ and ”, its apostrophes left alone (same length)."""
    chars, inside = list(text), False
    for i, ch in enumerate(text):
        if ch == SINGLE_OPEN and _opens(text, i):
            chars[i], inside = "“", True
        elif ch == SINGLE_CLOSE and inside and _closes(text, i):
            chars[i], inside = "”", False
    return "".join(chars)

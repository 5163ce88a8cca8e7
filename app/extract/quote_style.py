"""Single curly quotation marks as a document's own quotation marks (the British style: ‘It will,’ she said).

A text whose body has no double quotation mark at all but opens ‘single’ ones quotes with them.  There
the marks are read as doubles: every ‘ that starts a word opens, and the next ’ that ends a word (no
letter or digit after it) closes; a ’ inside a word (it’s) or with nothing open is an apostrophe.  The
result has the text's length and offsets, so what the segmenter finds in it holds in the text.
"""
from __future__ import annotations

import re

from app.extract.segment import has_mark

SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_OPENING = re.compile(r"(?:^|(?<=[\s(\[{—–\-/:]))‘(?=\S)")  # a ‘ that starts a word
_SINGLE_MARK = re.compile("[‘’]")


def uses_single_quotes(text: str, body_start: int) -> bool:
    """The body (after the headline) quotes with ‘…’: it opens one and holds no double mark."""
    body = text[body_start:]
    return not has_mark(body) and _OPENING.search(body) is not None


def _closes(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def singles_as_doubles(text: str) -> str:
    """The text with its quoting single marks as “ and ”, its apostrophes left alone (same length)."""
    chars, inside = list(text), False
    for m in _SINGLE_MARK.finditer(text):
        i = m.start()
        if text[i] == SINGLE_OPEN and _OPENING.match(text, i):
            chars[i], inside = "“", True
        elif text[i] == SINGLE_CLOSE and inside and _closes(text, i):
            chars[i], inside = "”", False
    return "".join(chars)

"""Pure: when two names denote one person across documents.

A full name is the identity ("Evgeny Kudryats"). A name of one word ("Kudryats") or with an
initial ("E. Kudryats") is matched to a known full name with the same surname only when exactly
one known person fits; two people who share a surname stay two people.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def name_words(name: str) -> list[str]:
    """Casefolded, accent-free words of a name ("Zaur Məmmədov" -> ["zaur", "mammadov"])."""
    plain = unicodedata.normalize("NFKD", name.replace("ə", "a").replace("Ə", "A"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [w.casefold().replace("’", "'") for w in WORD.findall(plain)]


def name_key(name: str) -> str:
    return " ".join(name_words(name))


def surname_key(name: str) -> str:
    words = name_words(name)
    return words[-1] if words else ""


def is_partial(name: str) -> bool:
    """A surname alone, or given names reduced to initials ("Mammadov", "Z. Mammadov")."""
    words = name_words(name)
    return len(words) < 2 or all(len(w) == 1 for w in words[:-1])


def compatible(partial: str, full: str) -> bool:
    """Whether a partial name can stand for a full one: same surname, initials agreeing."""
    p, f = name_words(partial), name_words(full)
    if not p or not f or p[-1] != f[-1]:
        return False
    return all(a[0] == b[0] for a, b in zip(p[:-1], f[:-1], strict=False))

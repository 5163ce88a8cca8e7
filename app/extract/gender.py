"""A person's grammatical gender from the document itself, so that "she said" never resolves to a man.

Evidence, strongest first: a gendered honorific before the surname ("Mr. Clarke", "Ms. Moore"); then
the first personal pronoun after a mention of the full name in the same sentence, before any other
capitalised name ("Jane Roe said she ...", "Roe, who has said her ..."), and a gendered noun that
describes the name ("His wife, director Jane Roe").  No name lists: the text
decides, and a person without evidence stays unknown (compatible with both pronouns).
"""
from __future__ import annotations

import re
from collections import Counter

from app.extract.frames import trie_pattern
from app.extract.names import UP

Gender = str  # "m" | "f"

HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f",
                    "lord": "m", "congressman": "m", "congresswoman": "f", "madam": "f"}
# "her" and "him" are left out: as objects they point at someone else ("Smith praised her").
PRONOUN_GENDER = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}
_HONORIFIC_NAME = re.compile(rf"\b({trie_pattern(frozenset(h.capitalize() for h in HONORIFIC_GENDER))})\.?"
                             rf"((?:\s+[{UP}][\w’'-]*\.?){{1,4}})")  # "Ms. Ann Lee": the surname is the last word
_TOKEN = re.compile(rf"\b(?:[Hh]e|[Hh]is|himself|[Ss]he|herself)\b|\b[{UP}][a-z][\w’'-]*|[.!?](?=\s)")
# Gendered nouns that describe the person named right after them: "His wife, UNAIDS director Winnie Byanyima".
NOUN_GENDER = {"wife": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f", "businesswoman": "f",
               "chairwoman": "f", "spokeswoman": "f", "husband": "m", "widower": "m", "father": "m", "son": "m",
               "brother": "m", "businessman": "m", "chairman": "m", "spokesman": "m"}
_NOUN_BEFORE = re.compile(rf"\b({'|'.join(NOUN_GENDER)})\b(?:(?!\band\b)[^.!?;]){{0,30}}$")
LOOKBEHIND = 40  # characters before a mention searched for a gendered noun
LOOKAHEAD = 140  # characters after a mention searched for a pronoun
MAX_MENTIONS = 8  # mentions of a name read for pronoun evidence


def honorific_genders(text: str) -> dict[str, Gender]:
    """Surname (lower case) -> gender from "Mr. Smith" / "Ms. Jane Roe"; contradicting evidence cancels."""
    votes: dict[str, Counter[str]] = {}
    for m in _HONORIFIC_NAME.finditer(text):  # capitalised only: "Mr. Smith", "Congresswoman Roe"
        last = m.group(2).split()[-1].rstrip(".").removesuffix("’s").removesuffix("'s").lower()
        votes.setdefault(last, Counter())[HONORIFIC_GENDER[m.group(1).lower()]] += 1
    return {name: c.most_common(1)[0][0] for name, c in votes.items() if len(c) == 1}


def pronoun_after(text: str, end: int, others: set[str]) -> Gender | None:
    """Pattern NAME ... he/she: the first pronoun after a mention, before the sentence end or another person."""
    for m in _TOKEN.finditer(text, end, min(len(text), end + LOOKAHEAD)):
        word = m.group().lower()
        if word in PRONOUN_GENDER:
            return PRONOUN_GENDER[word]
        if word in ".!?" or word in others:
            return None  # the sentence ends, or another person's name comes first
    return None


def noun_before(text: str, at: int) -> Gender | None:
    """Pattern "his wife, director Jane Roe" / "spokesman Tom Wells": a gendered noun describes the name."""
    m = _NOUN_BEFORE.search(text, max(0, at - LOOKBEHIND), at)
    return NOUN_GENDER[m.group(1)] if m else None


def person_gender(text: str, name: str, mentions: list[int], honorifics: dict[str, Gender],
                  others: set[str]) -> Gender | None:
    """The gender the text gives a person: honorific evidence, else the majority of pronoun evidence."""
    surname = name.split(" ")[-1].lower()
    if surname in honorifics:
        return honorifics[surname]
    votes = Counter(g for at in mentions[:MAX_MENTIONS] if text.startswith(name, at)
                    for g in [pronoun_after(text, at + len(name), others), noun_before(text, at)] if g)
    if not votes or (len(votes) == 2 and votes["m"] == votes["f"]):
        return None
    return votes.most_common(1)[0][0]

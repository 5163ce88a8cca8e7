"""Person names: capitalised runs of words, stripped of titles, told apart from places and bodies."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

from app.extract.countries import demonym_code, nationality_codes
from app.extract.regex import alternation
from app.extract.rules import (
    ABBREVIATIONS,
    DEPARTMENT_WORDS,
    HONORIFICS,
    NON_NAME_WORDS,
    OFFICE_HEADS,
    ORG_WORDS,
    ROLE_NOUNS,
)


def _upper_class() -> str:
    """A regex character class of every upper-case letter (re has no \\p{Lu})."""
    ranges, start, prev = [], None, None
    for cp in range(0x2000):  # Latin, Greek, Cyrillic, Armenian, Georgian
        if chr(cp).isupper():
            if start is None:
                start = cp
            elif cp != prev + 1:
                ranges.append((start, prev))
                start = cp
            prev = cp
    ranges.append((start, prev))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


UP = _upper_class()
# Words that keep their full stop inside a name: titles and abbreviations ("Sen.", "Jr.", "St.").
_DOTTED = frozenset(w.capitalize() for w in HONORIFICS | ABBREVIATIONS | {"sens", "reps", "del"} if w.isalpha())


def _dotted_lookbehind() -> str:
    """The full stop after a word is kept only after a title: one fixed-width look-behind per word
    length (re needs fixed widths), tried only when a word is followed by a full stop."""
    by_len: dict[int, list[str]] = {}
    for word in _DOTTED:
        by_len.setdefault(len(word), []).append(re.escape(word))
    return "|".join(rf"(?<=\b(?:{'|'.join(sorted(ws))})\.)" for _, ws in sorted(by_len.items()))


# A name word: "Kudryats", "MacManus", "O'Neill", "Al-Sabah", "!Gawaxab", an initial "Z." or "J.R.", a title "Sen.".
# Any other word ends the run at a full stop: "... for Hillary. Obama said" holds two runs.
_CLICK = r"(?:(?<![\w!?.])[!ǃǂǁǀ])?"  # Khoekhoe click letters open names: "Johannes !Gawaxab", "ǂGomeb"
_WORD = (rf"(?:(?:[{UP}]\.){{2,}}|[{UP}]\.|"  # initials first: "G.K." is one word
         rf"{_CLICK}[{UP}][\w'’]*(?:-[\w'’]+)*(?:\.(?:{_dotted_lookbehind()}))?)")
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|le|la|bin|ibn|al|el|ben|dos|du|y)"
_JOINED = r"(?:al|el|ad|ash|as|at|az|an|ar|ul)-"  # Arabic article joined to the name: "Mubarak al-Ati"
JOINED_NAME = re.compile(rf"{_JOINED}[{UP}]")  # a surname with its article: "al-Ati"
_INITIALS = re.compile(rf"(?:[{UP}]\.)+")
_DIGIT = re.compile(r"\d")
NAME_RUN = re.compile(rf"{_WORD}(?:[ \u00a0](?:(?:{_PARTICLE}[ \u00a0]){{1,2}}|{_JOINED})?{_WORD}){{0,7}}")
NAME_AT_END = re.compile(rf"({_WORD}(?:[ \u00a0](?:(?:{_PARTICLE}[ \u00a0]){{1,2}}|{_JOINED})?{_WORD}){{0,7}})\s*$")
NAME_AT_START = re.compile(rf"^\s*({_WORD}(?:[ \u00a0](?:(?:{_PARTICLE}[ \u00a0]){{1,2}}|{_JOINED})?{_WORD}){{0,7}})")


def _bare(token: str) -> str:
    return token.lower().rstrip(".,’'")


def is_word(token: str) -> bool:
    """The token is an English dictionary word ("Crooked", "Universe"), which a given name rarely is
    (lemminflect's lexicon: "Michael", "Ildefonso" are not in it)."""
    return bool(getAllLemmas(token.lower().rstrip(".,’'")))


def is_initial(token: str) -> bool:
    """An initial such as "Z." or "J.R."."""
    return bool(_INITIALS.fullmatch(token))


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Martin Luther King Jr.": the surname is King
_US_UK = frozenset({"u.s", "u.k", "us", "uk"})


def strip_titles(tokens: list[str]) -> list[str]:
    """Drop everything up to the last title word ("U.S. President Donald Trump" -> Donald Trump)."""
    cut = 0
    for k, tok in enumerate(tokens[:-1]):
        if is_initial(tok):
            continue  # "John A. Smith": the initial "A." is no article
        bare = _bare(tok)
        title = bare in HONORIFICS or bare in NON_NAME_WORDS or bare in DEPARTMENT_WORDS  # "Secretary of State"
        country = demonym_code(tok.rstrip(".")) or ("-" in tok and nationality_codes(tok)) or bare in _US_UK
        only_suffixes = all(_bare(t) in SUFFIXES for t in tokens[k + 1:])  # "Martin Luther King Jr."
        if (title or country) and not only_suffixes:
            cut = k + 1
    return tokens[cut:]


@lru_cache(maxsize=8192)
def is_org_word(token: str) -> bool:
    """An organisation or common word, in any number ("Strategies", "Units" as "strategy", "unit")."""
    bare = _bare(token)
    return bare in ORG_WORDS or (bare.endswith("s") and any(lemma in ORG_WORDS for lemma in getLemma(bare, "NOUN")))


@lru_cache(maxsize=4096)
def is_thing(token: str) -> bool:
    """A word that marks an organisation, a place, a nationality or a date, not a person."""
    bare = _bare(token)
    return (is_org_word(token) or bare in NON_NAME_WORDS or demonym_code(token.rstrip(".")) is not None
            or bare in {"u.s", "u.k", "u.n", "eu", "nato", "usa"})


def person_tokens(run: str) -> tuple[str, ...]:
    """The words of a capitalised run that form a person's name, or () if it is not a person.

    A name with an organisation or common word in it ("Jane Green", "Jude Law", "Bill Gates") counts
    only when the document being read gives person evidence for it (see `person_evidence`).
    """
    tokens = _cached_person_tokens(run)
    if tokens:
        return tokens
    evidenced = _EVIDENCED.get()
    if run.rstrip(",.") in evidenced:
        return (run.rstrip(",."),)  # "Rivera says" once the text has named "Rosario Rivera"
    candidate = common_word_surname(run)
    return candidate if candidate and " ".join(candidate) in evidenced else ()


@lru_cache(maxsize=8192)
def _cached_person_tokens(run: str) -> tuple[str, ...]:
    """Cached: a document repeats its names, and the scan of every capitalised run is the hot path."""
    return tuple(_person_tokens(run))


@lru_cache(maxsize=4096)
def common_word_surname(run: str) -> tuple[str, ...]:
    """The run as a name of which some words, not all, are organisation or common words ("Jane Green",
    "Bill Gates"), or (): a person only with evidence ("Green Party", "White House" are never one)."""
    tokens = [t.rstrip(",.") for t in run.replace("\u00a0", " ").split(" ") if t]
    while tokens and _bare(tokens[0]) in NON_NAME_WORDS:
        tokens = tokens[1:]
    tokens = strip_titles(tokens)
    common = [is_org_word(t) for t in tokens]
    if not 2 <= len(tokens) <= 4 or not any(common) or all(common) or _place_name(" ".join(tokens)):
        return ()
    if any(_bare(t) in NON_NAME_WORDS or demonym_code(t) or _not_name_shaped(t) for t in tokens):
        return ()
    return tuple(tokens)


_ROLE_HEADS = frozenset(role.split(" ")[-1] for role in ROLE_NOUNS)  # "minister" of "foreign minister"
_EVIDENCED: ContextVar[frozenset[str]] = ContextVar("evidenced_names", default=frozenset())
_PERSON_TITLES = (ROLE_NOUNS | HONORIFICS) - NON_NAME_WORDS - {"first", "former", "honorary", "vice", "deputy"}
_TITLE_BEFORE = re.compile(rf"\b(?:{alternation(_PERSON_TITLES)})\.?\s+$", re.IGNORECASE)
_ROLE_AFTER = re.compile(rf",\s+(?:an?|the|who\s+is)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{alternation(ROLE_NOUNS)})\b",
                         re.IGNORECASE)


def evidenced_names(text: str) -> frozenset[str]:
    """Names with a common-word surname that the text shows to be persons: a title or role before
    ("Dr. Jane Green", "economist Jane Green") or a role appositive after ("Jane Green, a professor"); and
    the surname of a full name, alone, when it is also a place's name ("Rivera" after "Rosario Rivera")."""
    found = set()
    for m in NAME_RUN.finditer(text):
        full = _cached_person_tokens(m.group())
        if len(full) >= 2 and _place_name(full[-1]):
            found.add(full[-1])
        candidate = common_word_surname(m.group())
        if not candidate:
            continue
        titled = m.group().split(" ")[0].rstrip(".").lower() in _PERSON_TITLES
        if titled or _TITLE_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _ROLE_AFTER.match(text, m.end()):
            found.add(" ".join(candidate))
    return frozenset(found)


@contextmanager
def person_evidence(text: str) -> Iterator[None]:
    """While reading this text, its evidenced common-word names are names (`person_tokens`)."""
    token = _EVIDENCED.set(evidenced_names(text))
    try:
        yield
    finally:
        _EVIDENCED.reset(token)


def _person_tokens(run: str) -> list[str]:
    tokens = [t for t in run.replace("\u00a0", " ").split(" ") if t]
    while tokens and _bare(tokens[0]) in NON_NAME_WORDS:
        tokens = tokens[1:]
    # "Harvard’s Jane Roe" (two words after the owner), "Harvard-educated Roe": the name after them
    cut = max((k + 1 for k, t in enumerate(tokens[:-1])
               if _DESCRIPTOR.search(t) or (t.endswith(("’s", "'s")) and k < len(tokens) - 2)), default=0)
    titled = tokens[cut:]
    tokens = strip_titles(without_post_nominals(titled))
    if not tokens or any(is_org_word(t) or _not_name_shaped(t) for t in tokens):
        return []
    if is_thing(tokens[-1]) or is_initial(tokens[-1]) or _place_name(" ".join(tokens)):
        return []
    if len(titled) > 1 and " ".join(_bare(t) for t in tokens) in ROLE_NOUNS:
        return []  # a capitalised job title: "Associate Professor", "Mister President" (but "Dean" may be a name)
    if len(tokens) > 1 and _bare(tokens[-1]) in _ROLE_HEADS and all(is_word(t) for t in tokens[:-1]):
        return []  # an office: "Tourism Minister", "Foreign Secretary" (but "Jo King" is a name)
    if len(tokens) > 1 and _bare(tokens[-1]) in OFFICE_HEADS:
        return []  # "Diomaye President": no name ends with an office
    if len(tokens) > 2 and is_word(tokens[0]) and _place_name(" ".join(tokens[-2:])):
        return []  # "Statistics Sierra Leone": an agency of a place
    tokens = [t.rstrip(",") for t in tokens]
    if len(tokens[-1]) > 2:  # a sentence's full stop glued to the surname
        tokens[-1] = tokens[-1].rstrip(".")
    return tokens


def without_post_nominals(tokens: list[str]) -> list[str]:
    """Capital letters that follow a name or stand between a title and it are post-nominals and office
    letters, not name words: "Jane Roe MP" -> Jane Roe, "Onchan MHK Rob Callister" -> Rob Callister
    (a generation suffix stays: "Albert II", "John Smith III")."""
    letters = [k for k, t in enumerate(tokens) if _POST_NOMINAL.fullmatch(t.rstrip(",.")) and _bare(t) not in SUFFIXES]
    while letters and letters[-1] == len(tokens) - 1 and len(tokens) > 2:
        tokens = tokens[:-1]
        letters.pop()
    inner = [k for k in letters if 0 < k < len(tokens) - 2]
    return tokens[inner[-1] + 1:] if inner else tokens


_POST_NOMINAL = re.compile(rf"[{UP}]{{2,5}}")  # "MP", "MHK", "OBE", "QC" (not initials: "J.R.")
_DESCRIPTOR = re.compile(r"-[a-z]+$")  # "Harvard-educated", "Tbilisi-based" (not "Jean-Pierre", "al-Ati")


def _not_name_shaped(token: str) -> bool:
    """Headline capitals ("BOSS"), possessives ("POLITICO’s") and digits are not name words; initials
    ("A.P.J.") are."""
    word = token.rstrip(".,")
    if _INITIALS.fullmatch(token.rstrip(",")):
        return False
    return (len(word) > 3 and word.isupper()) or word.endswith(("’s", "'s")) or bool(_DIGIT.search(word))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Country and subdivision names from pycountry, lower case (a run equal to one is a place)."""
    import pycountry

    names = {c.name.lower() for c in pycountry.countries}
    names |= {s.name.lower() for s in pycountry.subdivisions}
    return frozenset(names)


def _place_name(name: str) -> bool:
    return name.lower() in _places()




def surname(name: str) -> str:
    """The last word of a full name before any suffix, the alias news writing uses on second mention."""
    words = name.split(" ")
    while len(words) > 2 and words[-1].lower().rstrip(".") in SUFFIXES:
        words = words[:-1]
    return words[-1]


def person_tail(run: str) -> tuple[int, tuple[str, ...]]:
    """A full name closing a run that opens with an organisation: "Harbor Institute Jo Ames" -> (16, Jo Ames).

    Returns the tail's offset in the run and its name tokens, or (-1, ()) when the run is no such thing.
    """
    words = run.split(" ")
    for k in range(1, len(words) - 1):
        tokens = person_tokens(" ".join(words[k:]))
        if len(tokens) >= 2 and is_thing(words[k - 1]):
            return run.find(tokens[0], len(" ".join(words[:k]))), tokens
    return -1, ()

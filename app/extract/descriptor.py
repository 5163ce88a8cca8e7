"""How a document introduces a person: nationality, countries, roles and affiliations.

Descriptors sit before the name ("Israeli pundit and journalist Roman Gurevich"), in stacked
comma-separated chunks ("Turkish-Kazakh politician, founder of the X Foundation, Name"), in an
appositive after it ("Kirill Sitnikov, a Russian political analyst,") or in a header
("Name, Title (Country):").  Only chunks that hold a role noun or a nationality are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.extract.countries import demonym_code, name_code, nationality_codes
from app.extract.frames import VERB, has_verb
from app.extract.names import UP
from app.extract.regex import alternation
from app.extract.rules import AFFILIATION_ROLES, ROLE_NOUNS, TITLE_ABBREVIATIONS

ROLE = re.compile(rf"\b(?:{alternation(ROLE_NOUNS)})\b|\b(?:{alternation(TITLE_ABBREVIATIONS)})\.", re.IGNORECASE)
_ORG_WORD = rf"(?:[“”\"«»']*[{UP}0-9][\w.&'’-]*[“”\"«»']*)"
ORG_AFTER_LINK = re.compile(
    rf"\b(?:of|at|with|from|for)\s+(?:the\s+)?({_ORG_WORD}(?:\s+(?:of|and|for|on|the|de|&)?\s*{_ORG_WORD})*)")
_CAP_TOKEN = re.compile(rf"[{UP}][\w’'-]*(?:-[{UP}][\w’'-]*)*")
_BOUNDARY = re.compile(r"(?:\baccording to\b|\bthat\b|[;:(—–]|\.\s)", re.IGNORECASE)
_COUNTRY_IN_PARENS = re.compile(r"\(([^()]{2,40})\)")
# Two capitalised words, then lower-case words up to the name, the first of them no link ("of", "and").
_CAPS_THEN_LOWER = re.compile(rf"[{UP}][\w’'-]+\s+[{UP}][\w’'-]+\s+"
                              r"((?!(?:of|at|for|with|from|in|on|and|or|the|to)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)*)\s*$")
NOT_ROLES = frozenset({"founder", "co-founder", "member"})  # links to an affiliation, not a profession


@dataclass(slots=True)
class Description:
    nationality: str | None = None
    countries: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    introduced_as: str = ""


def _chunks_before(text: str, lo: int, name_start: int) -> list[str]:
    """Stacked descriptor chunks before a name, nearest first, stopping at the first chunk without one."""
    window = text[lo:name_start]
    cut = 0
    for m in _BOUNDARY.finditer(window):
        cut = m.end()
    kept = []
    for chunk in reversed(window[cut:].split(",")):
        chunk = chunk.strip()
        if not chunk and not kept:
            continue
        verbs = list(VERB.finditer(chunk)) if not kept else []
        if verbs:  # "..., said German political scientist [Jo Ames]": the descriptors after the verb
            kept.append(chunk[verbs[-1].end():].strip())
            break
        if not (ROLE.search(chunk) or _nationality(chunk)) or has_verb(chunk):
            break
        if not kept and _another_subject(chunk):
            break
        kept.append(chunk)
    return kept


def _another_subject(chunk: str) -> bool:
    """Pattern "Senator Jane Roe endorsed [Tom Wells]": a name and what its bearer did, not a descriptor
    ("Another Tbilisi-based analyst [Davit Aprasidze]" is one: its lower-case words hold a role)."""
    m = _CAPS_THEN_LOWER.search(chunk)
    return bool(m) and not ROLE.search(m.group(1)) and not _nationality(m.group(1))


def _chunk_after(text: str, name_end: int, hi: int) -> str:
    """The appositive after a name: ", a Russian political analyst and publicist," or ", professor at X."."""
    m = re.match(r",\s*([^,;:()]{2,160}?)(?:,|\.(?:\s|$)|;|$|\s+(?:said|says|told|believes|noted|added)\b)",
                 text[name_end:hi])
    if not m or not ROLE.search(m.group(1)) or has_verb(m.group(1)):
        return ""
    return m.group(1).strip()


def _nationality(chunk: str) -> str | None:
    """The first word naming a nationality ("German", "Turkish-Kazakh") before the chunk's role noun: the
    person's own ("a Russian analyst"), not what they study ("an expert on the Armenian-Azerbaijani conflict")."""
    role = ROLE.search(chunk)
    for m in _CAP_TOKEN.finditer(chunk, 0, role.start() if role else len(chunk)):
        word = m.group()
        if demonym_code(word) or ("-" in word and nationality_codes(word)):
            return word
    return None


_OWNER = re.compile(rf"([{UP}][\w-]+(?:\s+[{UP}][\w-]+){{0,2}})[’']s\b")


def _owner_countries(chunk: str) -> list[str]:
    """Pattern "Kazakhstan’s political analyst": the country the person speaks for."""
    return [code for m in _OWNER.finditer(chunk) if (code := name_code(m.group(1)))]


_FROM_COUNTRY = re.compile(rf"\b(?:from|of)\s+(?:the\s+)?([{UP}][\w’'-]+(?:\s+[{UP}][\w’'-]+){{0,2}})")


def _origin_countries(chunk: str) -> list[str]:
    """Pattern "an economist from Germany", "a professor of the Philippines": the country the person is from."""
    return [code for m in _FROM_COUNTRY.finditer(chunk) if (code := name_code(m.group(1)))]


def _roles(chunk: str) -> list[str]:
    """The role nouns of a chunk, abbreviated titles spelled out ("Gov." -> "governor")."""
    roles = (r.group().lower() for r in ROLE.finditer(chunk))
    return [TITLE_ABBREVIATIONS.get(r.rstrip("."), r) for r in roles if r not in NOT_ROLES]


def _affiliations(chunk: str) -> list[str]:
    """Pattern ROLE of/at [the] ORGANISATION, quotes dropped ("founder of the “X” Foundation")."""
    out = []
    for m in ORG_AFTER_LINK.finditer(chunk):
        before = chunk[:m.start()].lower().split()
        if not before or not (ROLE.search(chunk[:m.start()]) or before[-1] in AFFILIATION_ROLES):
            continue
        org = re.sub(r"[“”\"«»]", "", m.group(1))
        org = re.sub(r"\s+", " ", org).strip(" .,'’")
        if org and demonym_code(org) is None:
            out.append(org)
    return out


def _header_country(text: str, name_end: int, hi: int) -> list[str]:
    """Pattern "Name, Title (Country):" - the country in parentheses before a colon."""
    m = _COUNTRY_IN_PARENS.search(text, name_end, hi)
    if not m or not text[m.end():hi].lstrip().startswith(":"):
        return []
    codes = [name_code(part.strip()) or demonym_code(part.strip()) for part in re.split(r"[/,]", m.group(1))]
    return [c for c in codes if c]


def describe(text: str, lo: int, name_start: int, name_end: int, hi: int) -> Description:
    """Everything the sentence [lo, hi) says about the person named at [name_start, name_end)."""
    chunks = _chunks_before(text, lo, name_start)
    after = _chunk_after(text, name_end, hi)
    if after:
        chunks.append(after)
    desc = Description()
    for chunk in chunks:
        desc.nationality = desc.nationality or _nationality(chunk)
        desc.roles += [r for r in _roles(chunk) if r not in desc.roles]
        desc.affiliations += [a for a in _affiliations(chunk) if a not in desc.affiliations]
    if desc.nationality:
        desc.countries = nationality_codes(desc.nationality)
    desc.countries += [c for chunk in chunks for c in _owner_countries(chunk) + _origin_countries(chunk)
                       if c not in desc.countries]
    desc.countries += [c for c in _header_country(text, name_end, hi) if c not in desc.countries]
    first = min([name_start] + [text.find(c, lo, name_end) for c in chunks if text.find(c, lo, name_end) >= 0])
    last = max([name_end] + [text.find(after, name_end, hi) + len(after)] if after else [name_end])
    desc.introduced_as = text[first:last]
    return desc

"""Pure: when two names denote one person across documents, and the people a run knows.

A full name is the identity ("Evgeny Kudryats"). A name of one word ("Kudryats") or with an
initial ("E. Kudryats") is matched to a known full name with the same surname only when exactly
one known person fits; two people who share a surname stay two people.

`People` keeps the persons of one ingestion run in memory, by surname, so that naming an
expert costs no database query: the database loads a surname's persons once (`know`), and
`resolve` finds or creates the person an extracted expert denotes, merging what is new.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from app.types import ExtractedExpert

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1 << 16)
def name_words(name: str) -> tuple[str, ...]:
    """Casefolded, accent-free words of a name ("Zaur Məmmədov" -> ("zaur", "mammadov"))."""
    plain = unicodedata.normalize("NFKD", name.replace("ə", "a").replace("Ə", "A"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return tuple(w.casefold().replace("’", "'") for w in WORD.findall(plain))


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


def merged(old: list[str], new: list[str]) -> list[str]:
    """Old values then new ones, without case-insensitive duplicates."""
    seen, out = set(), []
    for value in [*old, *new]:
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


@dataclass(slots=True, eq=False)
class Person:
    """A known expert: the fields identity merges, and the row id once the person is stored."""

    name: str
    nationality: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    id: int | None = None
    changed: bool = False  # merged since it was last written
    curated: frozenset[str] = frozenset()  # fields a person set: an appearance never changes them

    def values(self) -> dict:
        """The expert row's columns (without the id)."""
        return {
            "name": self.name, "name_key": name_key(self.name), "surname_key": surname_key(self.name),
            "nationality": self.nationality, "aliases": self.aliases, "roles": self.roles,
            "affiliations": self.affiliations,
        }


def find(namesakes: Iterable[Person], name: str) -> Person | None:
    """The person a name denotes among those sharing its surname: the same full name, or a
    partial name that fits exactly one of them (or a full name for a person known only partially)."""
    key = name_key(name)
    for person in namesakes:
        if name_key(person.name) == key:
            return person
    if is_partial(name):
        fits = [p for p in namesakes if compatible(name, p.name)]
    else:
        fits = [p for p in namesakes if is_partial(p.name) and compatible(p.name, name)]
    return fits[0] if len(fits) == 1 else None


def merge_into(known: Person, found: ExtractedExpert) -> None:
    """Add what an appearance tells of a known person; the fuller name stays, the other becomes an alias.
    A field a person set (`known.curated`) is left as it is."""
    fuller = is_partial(known.name) and not is_partial(found.name) and "name" not in known.curated
    name = found.name if fuller else known.name
    before = known.values()
    aliases = merged(known.aliases, [*found.aliases, found.name, known.name])
    known.name = name
    if "nationality" not in known.curated:
        known.nationality = known.nationality or found.nationality
    known.aliases = [a for a in aliases if name_key(a) != name_key(name)]
    if "roles" not in known.curated:
        known.roles = merged(known.roles, found.roles)
    if "affiliations" not in known.curated:
        known.affiliations = merged(known.affiliations, found.affiliations)
    known.changed = known.changed or known.values() != before


def new_person(found: ExtractedExpert) -> Person:
    """A person first met in this appearance."""
    person = Person(found.name, found.nationality, roles=merged([], found.roles),
                    affiliations=merged([], found.affiliations), changed=True)
    person.aliases = [a for a in merged([], [*found.aliases, found.name]) if name_key(a) != name_key(found.name)]
    return person


class People:
    """The persons one run knows, by surname key; surnames the database has not given yet are unknown."""

    def __init__(self) -> None:
        self._by_surname: dict[str, list[Person]] = {}
        self._changed: dict[int, Person] = {}  # by id(): merged or new since taken

    def unknown_surnames(self, names: Iterable[str]) -> set[str]:
        return {key for key in map(surname_key, names) if key not in self._by_surname}

    def know(self, surnames: Iterable[str], persons: Iterable[Person]) -> None:
        """Take the stored persons of these surnames (each surname then counts as known, even with none)."""
        for key in surnames:
            self._by_surname.setdefault(key, [])
        for person in persons:
            self._by_surname[surname_key(person.name)].append(person)

    def resolve(self, found: ExtractedExpert) -> Person:
        """The person an extracted expert denotes, merged with what it adds, or a new person."""
        namesakes = self._by_surname[surname_key(found.name)]
        known = find(namesakes, found.name)
        if known is None:
            known = new_person(found)
            namesakes.append(known)
        else:
            merge_into(known, found)
        if known.changed:
            self._changed[id(known)] = known
        return known

    def take_changed(self) -> list[Person]:
        """The persons new or merged since the last call, marked unchanged: the caller writes them."""
        persons = list(self._changed.values())
        self._changed.clear()
        for person in persons:
            person.changed = False
        return persons

    def forget(self) -> None:
        """Drop everything (after a rollback the memory may hold what the database no longer has)."""
        self._by_surname.clear()
        self._changed.clear()

"""The topic taxonomy: a TOML data file of topics, each with the vocabulary that signals it.

File shape (seeds/topics.toml)::

    [[topic]]
    slug = "energy"                 # stable key used by the API and the database
    label = "Energy"
    description = "Oil, gas, ..."
    terms = ["oil", "gas", "energy security"]   # case-insensitive, inflections match
    exact_terms = ["LNG"]           # optional: matched case-sensitively, no inflection

A user adds a topic or a term by editing the file; nothing in Python names a topic.
`load_taxonomy` raises ValueError naming the file and the slug for: a missing or duplicate slug,
a missing label, a topic without any term.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Topic:
    """One topic and the words that signal it."""

    slug: str
    label: str
    description: str
    terms: list[str]
    exact_terms: list[str] = field(default_factory=list)


@dataclass(eq=False)  # compared by identity, so a compiled matcher can be cached per taxonomy
class Taxonomy:
    """The topics of a taxonomy file, in file order."""

    topics: list[Topic]

    def get(self, slug: str) -> Topic | None:
        """The topic with this slug, if any."""
        return next((topic for topic in self.topics if topic.slug == slug), None)


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and validate a taxonomy TOML file."""
    try:
        with Path(path).open("rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not valid TOML: {error}") from error
    entries = raw.get("topic")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: no [[topic]] tables")
    topics: list[Topic] = []
    for position, entry in enumerate(entries, start=1):
        topic = _parse_topic(path, position, entry)
        if any(known.slug == topic.slug for known in topics):
            raise ValueError(f"{path}: duplicate slug {topic.slug!r}")
        topics.append(topic)
    return Taxonomy(topics=topics)


def _parse_topic(path: Path, position: int, entry: dict) -> Topic:
    """One [[topic]] table -> Topic, or ValueError naming the file and the slug."""
    slug = str(entry.get("slug", "")).strip()
    if not slug:
        raise ValueError(f"{path}: topic #{position} has no slug")
    label = str(entry.get("label", "")).strip()
    if not label:
        raise ValueError(f"{path}: topic {slug!r} has no label")
    terms = _string_list(path, slug, entry, "terms")
    exact_terms = _string_list(path, slug, entry, "exact_terms")
    if not terms and not exact_terms:
        raise ValueError(f"{path}: topic {slug!r} has no terms")
    description = str(entry.get("description", "")).strip()
    return Topic(slug, label, description, terms, exact_terms)


def _string_list(path: Path, slug: str, entry: dict, key: str) -> list[str]:
    """A list of non-empty strings under `key` (absent -> [])."""
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{path}: topic {slug!r}: {key} must be a list of strings")
    return [item.strip() for item in value if item.strip()]

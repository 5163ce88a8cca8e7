"""The vocabulary of reporting, read from `data/<language>/`: cue words (`cues.toml`, one row per lemma,
inflected here) and word lists (`words.toml`).

One engine for every cue set the rules use: the rows' flags say which sets a lemma's forms join
(see the data file's header).  Inflection comes from lemminflect (base, -s, past, participle, and
-ing where the row asks), so a row is a lemma, never a hand-typed list of verb forms.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lemminflect import getInflection

DATA_DIR = Path(__file__).parent / "data"
_TAGS = ("VBZ", "VBD", "VBN")


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    forms: frozenset[str]  # every written form of the cue, lower case
    participle: str | None  # the -ing form
    flags: frozenset[str]  # opinion, bare_object, takes_object, secondary, tell, participle, handback, reporting
    example: str


def _inflections(lemma: str, tag: str) -> set[str]:
    return set(getInflection(lemma, tag=tag) or ())


def cue_of(row: dict) -> Cue:
    """A data row as a cue with all its forms."""
    lemma = row["lemma"]
    ings = _inflections(lemma, "VBG") if "forms" not in row else set()
    ing = min(ings, key=lambda f: (len(f) == len(lemma) + 3, f), default=None)  # "referring" before "refering"
    if "forms" in row:
        forms = set(row["forms"])
    else:
        forms = {f for tag in _TAGS for f in _inflections(lemma, tag)}
        if row.get("base", True):
            forms.add(lemma)
        if row.get("ing"):
            forms |= ings
    flags = {name for name, value in row.items() if value is True and name not in ("base", "ing")}
    if row.get("reporting", True):
        flags.add("reporting")
    return Cue(lemma, frozenset(f.lower() for f in forms), ing, frozenset(flags), row.get("example", ""))


@cache
def cues(language: str = "en") -> tuple[Cue, ...]:
    """Every cue of the language's data file, in the file's order."""
    with (DATA_DIR / language / "cues.toml").open("rb") as f:
        return tuple(cue_of(row) for row in tomllib.load(f)["cue"])


def forms_with(flag: str, language: str = "en") -> frozenset[str]:
    """Every form of the cues that carry the flag."""
    return frozenset(form for cue in cues(language) if flag in cue.flags for form in cue.forms)


def participles_with(flag: str, language: str = "en") -> frozenset[str]:
    """The -ing forms of the cues that carry the flag (", adding that ...")."""
    return frozenset(cue.participle for cue in cues(language) if flag in cue.flags and cue.participle)


@cache
def _word_lists(language: str) -> dict[str, dict]:
    with (DATA_DIR / language / "words.toml").open("rb") as f:
        return tomllib.load(f)


def word_list(name: str, language: str = "en") -> frozenset[str]:
    """One word list of `data/<language>/words.toml`, lower case."""
    return frozenset(w.lower() for w in _word_lists(language)[name]["words"])



def word_map(name: str, language: str = "en") -> dict[str, str]:
    """One table of `data/<language>/words.toml` that maps words to what they mean (`means`), lower case."""
    return {k.lower(): v.lower() for k, v in _word_lists(language)[name]["means"].items()}

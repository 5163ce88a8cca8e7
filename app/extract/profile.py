"""Turn a resolved person into an ExtractedExpert, described from the words that introduce them."""
from __future__ import annotations

from app.extract.descriptor import Description, describe
from app.extract.names import surname
from app.extract.people import Person
from app.extract.segment import line_index, sentence_spans
from app.types import ExtractedExpert

MAX_MENTIONS_TRIED = 6
RUN_REACH = 120  # characters from the start of a capitalised run to the end of the name it holds


def _mention_description(text: str, lines: list[tuple[int, int]], at: int, name: str) -> tuple[Description, int]:
    """Describe the person from the sentence around one mention of their name."""
    line = line_index(lines, at)
    sentence = next(((s, e) for s, e in sentence_spans(text, *lines[line]) if s <= at < e), lines[line])
    return describe(text, sentence[0], at, at + len(name), sentence[1]), line


def _aliases(text: str, name: str) -> list[str]:
    """The surname is an alias when the text uses it alone, outside the full name."""
    last = surname(name)
    if last == name:
        return []
    return [last] if text.count(last) > text.count(name) else []


def build_expert(text: str, lines: list[tuple[int, int]], person: Person) -> ExtractedExpert:
    """The expert record of a person: first descriptive mention, roles from coreference too."""
    # a mention is where its capitalised run starts ("Venezuelan President Nicolas Maduro"): find the name in it
    mentions = sorted({at for m in person.mentions if (at := text.find(person.name, m, m + RUN_REACH)) >= 0})
    desc, line = Description(), line_index(lines, min(person.mentions))
    for at in mentions[:MAX_MENTIONS_TRIED]:
        found, found_line = _mention_description(text, lines, at, person.name)
        if found.roles or found.nationality or found.countries:
            desc, line = found, found_line
            break
    roles = desc.roles + sorted(r for r in person.roles if r not in desc.roles)
    return ExtractedExpert(name=person.name, aliases=_aliases(text, person.name),
                           nationality=desc.nationality, countries=desc.countries, roles=roles,
                           affiliations=desc.affiliations, introduced_as=desc.introduced_as or person.name,
                           paragraph=line)

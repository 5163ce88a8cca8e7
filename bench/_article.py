"""One synthetic article: a lead, then three or four experts, each introduced once and quoted again.

Each style below is one quoting habit of news writing; an article mixes them at random. A style
returns paragraphs (lines) and speaks for one expert, using the Voice for names and pronouns.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from _claims import Scene, capitalise, claim, context_sentence, possessive, quote_sentences
from _people import Person

QUOTE_MARKS = [("“", "”")] * 6 + [('"', '"')] * 3 + [("«", "»")]
SAY_VERBS = ["said", "said", "added", "noted", "stressed", "explained", "argued", "warned", "concluded"]
THAT_VERBS = ["believes", "thinks", "argues", "is confident", "is convinced", "noted", "stressed",
              "warned", "pointed out", "emphasised", "said", "suggested", "added"]


@dataclass(slots=True)
class Voice:
    """How the text refers to an expert after the introduction."""

    person: Person
    outlet: str
    marks: tuple[str, str]

    @property
    def pronoun(self) -> str:
        return "she" if self.person.female else "he"

    @property
    def possessive(self) -> str:
        return "her" if self.person.female else "his"

    def anaphor(self, rng: random.Random) -> str:
        """'he' / 'Okafor' / 'the economist'."""
        return rng.choice([self.pronoun, self.person.surname, self.person.surname, f"the {self.person.role}"])


def article_a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


Style = Callable[[random.Random, Scene, Voice], list[str]]


def intro_believes(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'German economist Anna Becker, of the X Institute, believes that <claim>.'"""
    p = v.person
    return [f"{p.demonym} {p.role} {p.name}, of {p.org}, {rng.choice(THAT_VERBS)} that {claim(rng, scene)}."]


def intro_according(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'According to Wei Zhang, a senior fellow at the Y Centre, <claim>.'"""
    p = v.person
    return [f"According to {p.name}, {article_a(p.role)} at {p.org}, {claim(rng, scene)}."]


def intro_quote_first(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'“<quote>,” said Kofi Mensah, a Ghanaian political analyst.'"""
    (o, c), p = v.marks, v.person
    return [f"{o}{quote_sentences(rng, scene, rng.randint(1, 2))},{c} said {p.name}, "
            f"{article_a(p.demonym)} {p.role}."]


def intro_told(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'Priya Sharma, chief economist at Z, told <outlet>: “<quote>.”'"""
    (o, c), p = v.marks, v.person
    return [f"{p.name}, {p.role} at {p.org}, told {v.outlet}: {o}{quote_sentences(rng, scene, 2)}.{c}"]


def intro_in_view(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'In the view of Kenyan historian Baraka Otieno, <claim>.'"""
    p = v.person
    return [f"In the view of {p.demonym} {p.role} {p.name}, {claim(rng, scene)}."]


def quote_said(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'“<quote>,” he said.' / '"<quote>," Okafor added.'"""
    o, c = v.marks
    return [f"{o}{quote_sentences(rng, scene, rng.randint(1, 3))},{c} {v.anaphor(rng)} {rng.choice(SAY_VERBS)}."]


def quote_interrupted(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'“<A>,” she said, “<b>.”' - one quotation broken by its attribution."""
    o, c = v.marks
    first, second = capitalise(claim(rng, scene)), claim(rng, scene)
    return [f"{o}{first},{c} {v.anaphor(rng)} {rng.choice(SAY_VERBS)}, {o}and {second}.{c}"]


def quote_multi_paragraph(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """A quotation over 2-3 paragraphs; inner paragraphs reopen the quote mark (or, sometimes, don't)."""
    o, c = v.marks
    count = rng.randint(2, 3)
    reopen = o if rng.random() < 0.7 else ""
    lines = [f"{o}{quote_sentences(rng, scene, 2)}."]
    lines += [f"{reopen}{quote_sentences(rng, scene, 2)}." for _ in range(count - 2)]
    lines.append(f"{reopen}{quote_sentences(rng, scene, 1)},{c} {rng.choice(SAY_VERBS)} {v.person.surname}.")
    return lines


def reported_that(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'The analyst noted that <claim>.' / 'She added that <claim>.'"""
    return [f"{capitalise(v.anaphor(rng))} {rng.choice(THAT_VERBS)} that {claim(rng, scene)}."]


def reported_in_view(rng: random.Random, scene: Scene, v: Voice) -> list[str]:
    """'In her view, <claim>.'"""
    return [f"In {v.possessive} view, {claim(rng, scene)}."]


INTROS: list[Style] = [intro_believes, intro_according, intro_quote_first, intro_told, intro_in_view]
FOLLOW_UPS: list[Style] = [quote_said, quote_said, quote_interrupted, quote_multi_paragraph,
                           reported_that, reported_that, reported_in_view]


def expert_block(rng: random.Random, scene: Scene, voice: Voice) -> list[str]:
    """An introduction and two or three further statements by the same expert."""
    lines = rng.choice(INTROS)(rng, scene, voice)
    for _ in range(rng.choice((2, 2, 3))):
        lines += rng.choice(FOLLOW_UPS)(rng, scene, voice)
    return lines


def title(rng: random.Random, scene: Scene, year: int) -> str:
    """A headline naming the country and a topic."""
    topic, country = rng.choice(scene.topics), possessive(scene.country)
    return rng.choice([
        f"{capitalise(country)} {topic} outlook for {year + 1}: what experts say",
        f"Experts divided over {scene.country} and {rng.choice(scene.others)}",
        f"Analysts weigh {country} choices on {topic} and {scene.topics[-1]}",
        f"{capitalise(topic)} in focus: experts on the road ahead for {scene.country}",
    ])


def body(rng: random.Random, scene: Scene, experts: list[Person], outlet: str) -> str:
    """Lead paragraphs, then one block per expert, blocks sometimes separated by a blank line."""
    lines = [" ".join(context_sentence(rng, scene) for _ in range(2)), context_sentence(rng, scene)]
    for person in experts:
        if rng.random() < 0.4:
            lines.append("")
        lines += expert_block(rng, scene, Voice(person, outlet, rng.choice(QUOTE_MARKS)))
    return "\n".join(lines) + "\n"

"""Vocabulary and builders for what synthetic experts say: claims built from topic phrases.

A claim is subject + predicate: the subject carries the topic ("gas exports", "the railway link to
Kenya"), the predicate carries tone and tense ("poses a serious risk to ...", "will likely ...").
`{c}` is the article's country, `{o}` another country, `{cap}` a capital; they are filled per scene.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# name, capital (countries that make news; names here are ordinary English country names)
COUNTRIES: list[tuple[str, str]] = [
    ("Germany", "Berlin"), ("France", "Paris"), ("Türkiye", "Ankara"), ("Kazakhstan", "Astana"),
    ("China", "Beijing"), ("Japan", "Tokyo"), ("India", "New Delhi"), ("Brazil", "Brasília"),
    ("Nigeria", "Abuja"), ("Egypt", "Cairo"), ("Poland", "Warsaw"), ("Ukraine", "Kyiv"),
    ("Russia", "Moscow"), ("the United States", "Washington"), ("the United Kingdom", "London"),
    ("Azerbaijan", "Baku"), ("Armenia", "Yerevan"), ("Iran", "Tehran"), ("Saudi Arabia", "Riyadh"),
    ("Canada", "Ottawa"), ("Mexico", "Mexico City"), ("Indonesia", "Jakarta"), ("South Korea", "Seoul"),
    ("Italy", "Rome"), ("Spain", "Madrid"), ("Norway", "Oslo"), ("Kenya", "Nairobi"),
    ("South Africa", "Pretoria"), ("Uzbekistan", "Tashkent"), ("Israel", "Jerusalem"),
    ("Qatar", "Doha"), ("Vietnam", "Hanoi"), ("Argentina", "Buenos Aires"), ("Sweden", "Stockholm"),
]

# topic -> subject phrases; the topic names are this generator's own, not the taxonomy's slugs
TOPIC_SUBJECTS: dict[str, list[str]] = {
    "energy": ["{c}'s gas export strategy", "the new oil pipeline to {o}", "investment in renewable energy",
               "the national power grid", "the LNG supply to {o}", "the energy transition in {c}",
               "the price of electricity", "offshore wind power", "the country's dependence on coal"],
    "trade": ["trade with {o}", "the tariff on steel from {o}", "the free trade agreement with {o}",
              "the export of manufactured goods", "{c}'s trade surplus", "customs cooperation with {o}"],
    "economy": ["economic growth in {c}", "inflation", "foreign investment", "the central bank's policy",
                "the budget deficit", "unemployment among young people", "the national currency"],
    "security": ["the security situation on the border with {o}", "defence spending",
                 "military cooperation with {o}", "the ceasefire", "the threat of cyber attacks",
                 "the purchase of arms from {o}", "regional security"],
    "transport": ["the railway link to {o}", "port capacity", "the new transit corridor",
                  "freight traffic through {c}", "the resilience of supply chains", "the highway to {o}"],
    "diplomacy": ["relations with {o}", "the peace talks", "the summit in {cap}", "the sanctions regime against {o}",
                  "{c}'s dialogue with {o}", "the normalisation process with {o}", "{c}'s foreign policy"],
    "climate": ["the emissions target", "climate finance", "the drought", "the carbon tax",
                "adaptation to extreme heat"],
    "technology": ["semiconductor production", "the regulation of artificial intelligence",
                   "digital infrastructure", "the data protection law"],
    "migration": ["migration from {o}", "the asylum system", "the shortage of labour",
                  "the return of skilled workers to {c}"],
}

# tone -> predicates; "future" predicates make a statement forward-looking
PREDICATES: dict[str, list[str]] = {
    "positive": ["is clearly improving", "has become a genuine success story",
                 "offers significant opportunities for {c}", "has strengthened {c}'s position considerably",
                 "has produced remarkably good results", "brings tangible benefits to ordinary people"],
    "negative": ["remains deeply fragile", "poses a serious risk to {c}", "has been badly mismanaged",
                 "is undermining confidence in the region", "has turned into a costly failure",
                 "is hurting households and small firms"],
    "neutral": ["is being closely watched in {cap}", "depends largely on decisions taken in {cap}",
                "has changed less than the headlines suggest", "is tied to the mood in {o}"],
    "future": ["will likely accelerate next year", "should become a priority for the government",
               "could reshape the region by 2030", "is expected to slow in the coming months",
               "will remain on the agenda in {cap} for years", "must be settled before the next election"],
}

# first-person openers for quotations, and connectives for second sentences
OPENERS = ["", "", "", "I think ", "In my opinion, ", "Frankly, ", "We should not forget that ",
           "What we are seeing is that ", "I am convinced that ", "To be honest, ", "Let me be clear: "]
FOLLOWERS = ["At the same time, ", "Moreover, ", "However, ", "That is why ", "Meanwhile, ", "Still, ", ""]


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


@dataclass(frozen=True, slots=True)
class Scene:
    """What an article is about: its country, a few others, and two or three topics."""

    country: str
    capital: str
    others: tuple[str, ...]
    topics: tuple[str, ...]

    @classmethod
    def draw(cls, rng: random.Random) -> Scene:
        (country, capital), *others = rng.sample(COUNTRIES, 4)
        return cls(country, capital, tuple(name for name, _ in others),
                   tuple(rng.sample(list(TOPIC_SUBJECTS), rng.choice((2, 2, 3)))))

    def fill(self, rng: random.Random, template: str) -> str:
        """Fill {c}, {o} and {cap}; a country opening a sentence keeps its article lower-case."""
        possessive_c = possessive(self.country)
        text = template.replace("{c}'s", possessive_c).replace("{c}", self.country)
        return text.replace("{o}", rng.choice(self.others)).replace("{cap}", self.capital)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def claim(rng: random.Random, scene: Scene) -> str:
    """A clause, no final stop: 'investment in renewable energy offers significant opportunities for Japan'."""
    subject = rng.choice(TOPIC_SUBJECTS[rng.choice(scene.topics)])
    tone = rng.choices(list(PREDICATES), weights=(3, 3, 2, 3))[0]
    return scene.fill(rng, f"{subject} {rng.choice(PREDICATES[tone])}")


def quote_sentences(rng: random.Random, scene: Scene, count: int) -> str:
    """Quoted words, first person: 'I think inflation remains deeply fragile. Moreover, ...' (no final stop)."""
    sentences = [capitalise(rng.choice(OPENERS) + claim(rng, scene))]
    for _ in range(count - 1):
        sentences.append(capitalise(rng.choice(FOLLOWERS) + claim(rng, scene)))
    return ". ".join(sentences)


def context_sentence(rng: random.Random, scene: Scene) -> str:
    """An unattributed news sentence: 'Debate over the carbon tax has intensified in Berlin since March.'"""
    subject = scene.fill(rng, rng.choice(TOPIC_SUBJECTS[rng.choice(scene.topics)]))
    month = rng.choice(["January", "March", "May", "July", "September", "November"])
    return rng.choice([
        f"Debate over {subject} has intensified in {scene.capital} since {month}.",
        f"Officials in {scene.capital} have promised new measures on {subject}.",
        f"Figures published in {month} put {subject} back in the headlines.",
        f"For {scene.country}, {subject} has become a test of the government's credibility.",
    ])

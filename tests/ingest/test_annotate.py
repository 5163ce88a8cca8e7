"""Annotation of statements: topics with evidence, countries, sentiment, forward-looking."""
import time
from pathlib import Path

import pytest

from app.annotate.annotate import _ANALYZER, annotate, is_forward_looking, sentiment, topic_matcher
from app.annotate.taxonomy import Taxonomy, Topic, load_taxonomy
from app.extract import countries

SEED_TAXONOMY = load_taxonomy(Path(__file__).resolve().parents[2] / "seeds" / "topics.toml")
SMALL = Taxonomy(
    topics=[
        Topic("sanctions", "Sanctions", "", ["sanction", "asset freeze"], ["OFAC"]),
        Topic("economy", "Economy", "", ["economy", "trade", "multi-vector"]),
        Topic("russia", "Russia", "", ["Kremlin"]),
        Topic("energy", "Energy", "", ["energy", "energy security", "Southern Gas Corridor"]),
        Topic("transport", "Transport", "", ["corridor"]),
        Topic("europe", "Europe", "", ["European Union"], ["EU"]),
    ]
)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Brussels sanctioned three more banks.", {"sanctions": ["sanctioned"]}),
        ("New sanctions and an asset freeze followed.", {"sanctions": ["sanctions", "asset freeze"]}),
        ("OFAC listed the tanker.", {"sanctions": ["OFAC"]}),
        ("Emerging economies are trading less.", {"economy": ["economies", "trading"]}),
        ("Its multi vector course", {"economy": ["multi vector"]}),
        ("Energy Security tops the agenda.", {"energy": ["Energy Security"]}),
        ("The Southern Gas Corridor ships gas west.", {"energy": ["Southern Gas Corridor"]}),
        ("A new corridor opens.", {"transport": ["corridor"]}),
        ("The Kremlin's response came late.", {"russia": ["Kremlin"]}),
        ("a kremlin-style bureaucracy", {}),  # a capitalised term is a proper noun
        ("The EU and the European Union's envoy", {"europe": ["EU", "European Union"]}),
        ("eu is a Chinese word", {}),  # exact terms are case-sensitive
        ("The retrader recentered the sanctionist tradeoff.", {}),  # word boundaries
    ],
)
def test_topics_are_case_inflection_and_multiword_aware(text: str, topics: dict[str, list[str]]) -> None:
    assert annotate(text, SMALL).topics == topics


@pytest.mark.parametrize(
    ("text", "slugs"),
    [
        (
            "Oil prices rose after OPEC+ cut output and LNG tankers took a longer route.",
            {"energy", "transport-corridors"},
        ),
        ("Rail freight through Kazakhstan doubled as transit times fell.", {"transport-corridors"}),
        ("Inflation slowed and GDP grew 3 per cent on higher exports.", {"economy"}),
        ("Demining of the liberated territories will take a decade.", {"karabakh"}),
        ("The ceasefire held, bringing a measure of regional stability.", {"regional-security"}),
        ("The festival celebrated interfaith dialogue and tolerance.", {"tolerance"}),
        ("The striker scored twice in the second half.", set()),
    ],
)
def test_seed_taxonomy_on_news_from_other_beats(text: str, slugs: set[str]) -> None:
    assert set(annotate(text, SEED_TAXONOMY).topics) == slugs


def test_matcher_is_compiled_once_per_taxonomy() -> None:
    assert topic_matcher(SMALL) is topic_matcher(SMALL)


def test_annotation_carries_countries_in_order() -> None:
    annotation = annotate("Moscow and Yerevan disagree; Baku welcomed the White House plan.", SMALL)
    assert annotation.countries == ["RU", "AM", "AZ", "US"]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The agreement is a great success and a hopeful sign for both nations.", 1),
        ("The attack was a brutal, tragic failure that killed dozens.", -1),
        ("The meeting is on Tuesday.", 0),
    ],
)
def test_sentiment_sign(text: str, sign: int) -> None:
    score = sentiment(text)
    assert score is not None and -1 <= score <= 1
    assert (score > 0.05) - (score < -0.05) == sign


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks resume in May.",  # no word of VADER's lexicon
        "Prices are very high.",  # a booster alone
        "The deal is not over yet.",  # a negation alone
        "No.",  # "no" is itself in the lexicon
        "See you in Baku :)",  # an emoticon
        "Trade with Turkey \N{GRINNING FACE}",  # an emoji VADER spells out
        "It was a TERRIBLE, truly awful week, but the outlook is good!",
    ],
)
def test_sentiment_is_vaders_score_whatever_the_sentence_holds(sentence: str) -> None:
    assert sentiment(sentence) == _ANALYZER.polarity_scores(sentence)["compound"]


def test_sentiment_of_text_without_words_is_none() -> None:
    assert sentiment(" -- 2025 ") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The central bank will cut rates in March.", True),
        ("Ministers won't back the plan.", True),
        ("Analysts expect exports to recover.", True),
        ("Output is expected to fall by a fifth.", True),
        ("The company is likely to miss its target.", True),
        ("Next year the pipeline reaches full capacity.", True),
        ("Looking ahead, demand keeps rising.", True),
        ("Kyiv plans to hold elections.", True),
        ("The government should use the windfall wisely.", False),  # a judgement, not a forecast
        ("The deal would have collapsed without him.", False),
        ("There is no political will for reform.", False),
        ("Exports grew 4 per cent last year.", False),
    ],
)
def test_forward_looking(text: str, expected: bool) -> None:
    assert is_forward_looking(text) is expected


def test_a_year_after_the_statement_year_is_forward_looking() -> None:
    text = "Turnout in 2028 decides the majority."
    assert is_forward_looking(text, year=2026) is True
    assert is_forward_looking(text, year=2029) is False
    assert is_forward_looking(text) is False


def test_annotate_is_fast() -> None:
    text = "Analysts expect the Kremlin to raise gas exports to China next year, despite sanctions."
    annotate(text, SEED_TAXONOMY)
    start = time.perf_counter()
    for _ in range(500):
        annotate(text, SEED_TAXONOMY)
    assert 500 / (time.perf_counter() - start) > 1000


FOCUS_DOCUMENT = (
    "Kenya's economy grew again. Analysts in Nairobi praised Kenya's central bank, "
    "while Kenya's exports to Uganda rose."
)


def test_focus_country_is_the_clearly_most_mentioned_one():
    assert countries.focus_country(FOCUS_DOCUMENT) == "KE"
    assert countries.focus_country("Chile and Peru met. Chile and Peru agreed. Chile and Peru signed.") is None


@pytest.mark.parametrize(("statement", "expected"), [
    ("The country has never been so stable.", ["KE"]),
    ("This nation's farmers deserve better.", ["KE"]),
    ("Growth will slow in Uganda.", ["UG"]),
    ("Exports rose by a third.", []),
])
def test_the_country_means_the_documents_focus(statement, expected, taxonomy):
    assert annotate(statement, taxonomy, focus="KE").countries == expected

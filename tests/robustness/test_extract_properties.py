"""Property tests: extraction takes any text without an exception, and every offset it gives holds.

The texts mix random unicode with pieces that look like news (names, roles, cue verbs, quotations in
every kind of mark, line breaks of every kind), so that many examples do produce statements; run
`pytest tests/robustness --hypothesis-show-statistics` to see how many did (the "statements" event), and
set OPINIONS_PROPERTY_EXAMPLES for a longer hunt than the suite's 300 examples.
"""
from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.annotate.taxonomy import load_taxonomy
from app.ingest.analyse import analyse
from app.types import Extraction
from tests.conftest import TAXONOMY

NAMES = ["Anna Becker", "Wei Zhang", "Dr. Jane Roe", "Jean-Luc Martin", "Zaur Mammadov", "O'Neil",
         "María José García", "Ngozi Okonjo-Iweala", "Z. Mammadov", "Ivan Petrov", "Becker", "Roe"]
ROLES = ["economist", "political analyst", "German political scientist", "a professor at Leeds University",
         "the expert", "senior fellow at the Institute for Regional Studies (Italy)", "she", "he", "the analyst"]
SAYS = ["said", "added", "warned", "stressed", "noted", "explained", "said in an interview"]
THATS = ["believes that", "told Trend that", "is confident that", "noted that", "thinks", "in his view,"]
CUES = SAYS + THATS + ["According to", "explained:", "—", ":"]
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‟", "”"), ("''", "''"), ("``", "''"),
         ("``", "’’"), ("‘", "’"), ("'", "'"), ("“", ""), ("", "”"), ("«", "")]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\t"]
WORDS = st.sampled_from(["the", "talks", "will", "resume", "in", "spring", "energy", "prices", "rise", "Russia",
                         "Azerbaijan", "sanctions", "2027", "U.S.", "Sen.", "next", "year", "is", "not", "a",
                         "deal", "Moscow", "Kremlin", "…", "!", "?", ".", ",", ";", "(Italy)", "—", "-"])

words = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
sentence_words = st.lists(WORDS, min_size=4, max_size=12).map(" ".join)  # quotations of a word or two are no one's
noise = st.text(max_size=40)  # any code point but surrogates: accents, emoji, RTL, zero-width, controls
phrase = st.one_of(words, noise, st.sampled_from(NAMES + ROLES + CUES))


@st.composite
def quotation(draw) -> str:
    """ "“Words,” said Name, role." in one of many shapes and marks."""
    opener, closer = draw(st.sampled_from(MARKS))
    content = " ".join([draw(sentence_words), *draw(st.lists(phrase, max_size=3))])
    name, role = draw(st.sampled_from(NAMES)), draw(st.sampled_from(ROLES))
    say, that, cue = draw(st.sampled_from(SAYS)), draw(st.sampled_from(THATS)), draw(st.sampled_from(CUES))
    shapes = [f"{opener}{content}{closer} {say} {name}, {role}.",
              f"{name}, {role}, {say}: {opener}{content}{closer}",
              f"{role.capitalize()} {name} {that} {content}.",
              f"According to {name}, {content}.",
              f"{name}, {role}:",
              f"{opener}{content}",
              f"{content}{closer} {name} {say}.",
              f"{content} {cue} {name} {opener}{content}{closer} {role}."]
    return draw(st.sampled_from(shapes))


LONE_MARKS = [m for pair in MARKS for m in pair if m]
piece = st.one_of(quotation(), phrase, st.sampled_from(BREAKS), st.sampled_from(LONE_MARKS))
line = st.lists(st.one_of(quotation(), quotation(), phrase), min_size=1, max_size=4).map(" ".join)


@st.composite
def article(draw) -> str:
    """Lines of news-like sentences, parted by any kind of line break."""
    lines = draw(st.lists(line, min_size=1, max_size=12))
    breaks = draw(st.lists(st.sampled_from(BREAKS), min_size=len(lines), max_size=len(lines)))
    return "".join(text + brk for text, brk in zip(lines, breaks, strict=True))


texts = st.one_of(
    article(),
    article(),
    st.lists(piece, max_size=40).map(" ".join),
    st.lists(piece, max_size=40).map("".join),
    st.text(),
    st.tuples(quotation(), st.integers(50, 400)).map(lambda qn: " ".join([qn[0]] * qn[1])),  # one very long line
    st.tuples(st.sampled_from(LONE_MARKS), st.integers(1, 3000)).map(lambda mn: mn[0] * mn[1]),  # many marks
)

TAXONOMY_LOADED = load_taxonomy(TAXONOMY)
EXAMPLES = int(os.environ.get("OPINIONS_PROPERTY_EXAMPLES", "300"))  # more for a longer hunt
DEADLINE = timedelta(seconds=2)  # per example, up to ~60 KB of text: a bound on time, not a measure of speed


def assert_offsets_hold(text: str, extraction: Extraction) -> None:
    names = {expert.name for expert in extraction.experts}
    for s in extraction.statements:
        assert 0 <= s.start < s.end <= len(text), s
        assert text[s.start:s.end] == s.text, s
        assert "\n" not in s.text, s
        assert s.paragraph == text.count("\n", 0, s.start), s
        assert s.speaker in names, s
        assert 0.0 <= s.confidence <= 1.0, s


@settings(max_examples=EXAMPLES, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_extracts_with_offsets_that_hold(text: str) -> None:
    analysis = analyse(text, TAXONOMY_LOADED)
    event("statements" if analysis.extraction.statements else "no statements")
    assert_offsets_hold(text, analysis.extraction)
    for annotation in analysis.annotations:
        assert annotation.sentiment is None or -1.0 <= annotation.sentiment <= 1.0

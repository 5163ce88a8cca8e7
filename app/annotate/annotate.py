"""Annotate a statement: topics with evidence, countries mentioned, sentiment, forward-looking.

How it works and its limits
- Topics: every term of the taxonomy file (seeds/topics.toml) is compiled, once per loaded
  Taxonomy, into ONE regular expression scanned once over the statement. Terms match on word
  boundaries, case-insensitively; a term written with a capital ("Kremlin") is a proper noun and
  matches only capitalised; `exact_terms` ("EU", "US", "Trump") match exactly as written. The last
  word of a term also matches its regular inflections (sanction -> sanctions, sanctioned,
  sanctioning; economy -> economies; trade -> trading), and a space or hyphen inside a term
  matches either ("multi-vector" = "multi vector" = "multivector"). Overlapping terms: the longest
  wins ("Southern Gas Corridor" is not also "corridor"). A topic is assigned when any of its terms
  occurs; the words as written are kept as evidence. Limits: no word-sense disambiguation
  ("port" the wine, "Turkey" the bird), irregular inflections must be listed as terms, and a
  topic that the statement discusses without any of its words is missed.
- Countries: `countries.countries_mentioned` (names, demonyms, capitals, metonyms; see there).
- Sentiment: VADER's compound score (-1..1), a lexicon and rule model tuned on social media,
  averaged over the statement's sentences. It
  reads word polarity, negation and intensifiers, not the stance of an argument: diplomatic
  prose full of "positive", "successful", "peace" scores positive whatever the speaker means.
- Forward-looking: the statement speaks of what will, or is expected to, happen. Strong cues
  are enough: "will"/"won't"/"shall", "going to", "expect(s) ... to", "is likely/set/poised to",
  "plans/aims to", "next year", "the coming years", "looking ahead", "in the future", and a year
  later than the statement's own year (when the caller knows it). Obligation modals ("should",
  "must", "need to") are not cues by themselves: they mostly voice a judgement ("the support
  should be used wisely") rather than an expectation; with a horizon ("next year X should ...")
  the horizon already marks the statement. "would" never counts (it is
  mostly reported or conditional speech), nor "will" as a noun ("political will"). Limits: the
  rule does not know whether a "will" sits in a quotation of past words, and misses futures
  expressed by verbs alone ("the talks resume in May").
"""
from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

from app.annotate.taxonomy import Taxonomy
from app.extract.countries import countries_mentioned
from app.types import Annotation

_ANALYZER = SentimentIntensityAnalyzer()
_SEPARATOR = r"[\s\-‐‑–]*"  # between the words of a multi-word term, or inside a hyphenated one
_BOUNDARY_START, _BOUNDARY_END = r"(?<![\w-])", r"(?![\w])"


class TopicMatcher:
    """All the terms of a taxonomy as one compiled trie-shaped pattern, scanned once per text.

    Each term becomes a path of regex atoms (one per character, separator or suffix group); the
    paths share their prefixes, so at any position the engine follows one branch instead of
    trying every term. An empty named group `tN` ends each path and names the slugs it signals.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        trie: dict = {}
        self._slugs: list[list[str]] = []
        for topic in taxonomy.topics:
            pairs = [(t, False) for t in topic.terms] + [(t, True) for t in topic.exact_terms]
            for term, exact in pairs:
                node = trie
                for atom in _term_atoms(term, exact):
                    node = node.setdefault(atom, {})
                slugs = node.setdefault(_END, [])
                if topic.slug not in slugs:
                    slugs.append(topic.slug)
        body = self._compile(trie)
        self._pattern = re.compile(f"{_BOUNDARY_START}(?:{body}){_BOUNDARY_END}", re.IGNORECASE)

    def _compile(self, node: dict) -> str:
        """Regex of a trie node: its children, deepest first so longer terms win, then its end."""
        children = sorted((item for item in node.items() if item[0] != _END), key=lambda item: -_depth(item[1]))
        branches = [atom + self._compile(child) for atom, child in children]
        if _END in node:
            self._slugs.append(node[_END])
            branches.append(f"(?P<t{len(self._slugs) - 1}>)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def match(self, text: str) -> dict[str, list[str]]:
        """slug -> the terms found in `text`, as written, in order of first occurrence."""
        found: dict[str, list[str]] = {}
        for hit in self._pattern.finditer(text):
            for slug in self._slugs[int(hit.lastgroup[1:])]:
                evidence = found.setdefault(slug, [])
                if hit.group(0) not in evidence:
                    evidence.append(hit.group(0))
        return found


_END = ""  # trie key marking the end of a term (no atom is empty)


def _depth(node: dict) -> int:
    """Length in atoms of the longest term below a trie node."""
    return max((1 + _depth(child) for atom, child in node.items() if atom != _END), default=0)


def _term_atoms(term: str, exact: bool) -> list[str]:
    """Regex atoms of one term: exact characters, or case-insensitive with an inflected end."""
    if exact:
        return [f"(?-i:{re.escape(char)})" for char in term]
    words = [word for word in re.split(r"[\s\-‐‑–]+", term) if word]
    atoms: list[str] = []
    for position, word in enumerate(words):
        if position:
            atoms.append(_SEPARATOR)
        last = position == len(words) - 1
        stem, suffix = _inflection(word) if last else (word, "")
        atoms += [re.escape(char.lower()) for char in stem] + ([suffix] if suffix else [])
    if term[:1].isupper():  # a proper noun matches only capitalised
        atoms[0] = f"(?-i:{re.escape(term[0])})"
    return atoms


def _inflection(word: str) -> tuple[str, str]:
    """(stem, suffix group) of a word's regular inflections: -s/-es/-ed/-ing, y -> ies, e dropped."""
    if not word.isalpha() or len(word) < 3:
        return word, ""
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1], "(?:y|ies|ied|ying)"
    if word.endswith("e"):
        return word[:-1], "(?:e|es|ed|ing)"
    return word, "(?:s|es|ed|ing)?"


_MATCHERS: WeakKeyDictionary[Taxonomy, TopicMatcher] = WeakKeyDictionary()


def topic_matcher(taxonomy: Taxonomy) -> TopicMatcher:
    """The compiled matcher of a taxonomy, built on first use and kept while the taxonomy lives."""
    matcher = _MATCHERS.get(taxonomy)
    if matcher is None:
        matcher = _MATCHERS[taxonomy] = TopicMatcher(taxonomy)
    return matcher


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[”\"’']*\s+")


def sentiment(text: str) -> float | None:
    """Mean VADER compound polarity (-1..1) of the text's sentences; None for text without words.

    VADER's authors advise scoring a paragraph sentence by sentence: its negation and "but"
    rules look at neighbouring words, and its cost grows faster than the sentence length.
    """
    scores = [
        _ANALYZER.polarity_scores(sentence)["compound"] if _may_carry_polarity(sentence) else 0.0
        for sentence in _SENTENCE_BREAK.split(text)
        if re.search(r"[^\W\d_]", sentence)
    ]
    return round(sum(scores) / len(scores), 4) if scores else None


_EMOJIS = frozenset(_ANALYZER.emojis)


def _may_carry_polarity(sentence: str) -> bool:
    """Whether VADER could score the sentence other than 0: only words of its lexicon (or emojis,
    which it spells out) carry polarity; boosters, negations and "but" only scale them. Many
    sentences have none (a third in the benchmark corpus); this check, made on VADER's own tokens,
    costs a fraction of scoring one."""
    if not _EMOJIS.isdisjoint(sentence):
        return True
    lexicon = _ANALYZER.lexicon
    return any(SentiText._strip_punc_if_word(token).lower() in lexicon for token in sentence.split())


# "will" as a verb: not a noun after a determiner or adjective ("political will", "the will of").
_FUTURE_CUES = re.compile(
    r"\bwill\b(?<!\bthe will)(?<!political will)(?<!good will)(?<!free will)(?<!ill will)(?! of\b)"
    r"|\bwon[’']t\b|\bshall\b|\b(?:am|is|are)\s+going\s+to\b"
    r"|\bexpect(?:s|ing)?\b|\b(?:is|are|was|were)\s+expected\s+to\b|\banticipat(?:e|es|ing)\b"
    r"|\b(?:forecast|predict|project)s?\s+(?:that|a|an|the)\b"
    r"|\b(?:likely|unlikely|poised|set|due|bound|about)\s+to\b"
    r"|\b(?:plans?|aims?|intends?|hopes?)\s+to\b",
    re.IGNORECASE,
)
_HORIZON_CUES = re.compile(
    r"\bnext\s+(?:year|month|week|decade|spring|summer|autumn|fall|winter|stage|step)\b"
    r"|\b(?:the\s+)?(?:coming|upcoming|next\s+few)\s+(?:years?|months?|weeks?|decades?)\b"
    r"|\blooking\s+ahead\b|\bin\s+the\s+(?:near\s+|long\s+|medium\s+)?(?:future|term|run)\b"
    r"|\b(?:going|moving)\s+forward\b|\bin\s+the\s+years\s+ahead\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def has_future_year(text: str, year: int | None) -> bool:
    """Whether the text names a year after `year` (the statement's own year), when known."""
    return year is not None and any(int(found) > year for found in _YEAR.findall(text))


def is_forward_looking(text: str, *, year: int | None = None) -> bool:
    """A prediction or expectation: a future cue ("will", "is expected to") or a time horizon."""
    return bool(
        _FUTURE_CUES.search(text) or _HORIZON_CUES.search(text) or has_future_year(text, year)
    )


# "the country" / "this nation's": a reference to the country the document is about
_COUNTRY_ANAPHOR = re.compile(r"\b(?:the|this|our)\s+(?:country|nation)\b(?!\s+(?:of|that)\b)", re.IGNORECASE)


def mentioned(text: str, focus: str | None) -> list[str]:
    """Countries named in the text, plus the document's focus country when the text says "the country"."""
    codes = countries_mentioned(text)
    if focus and focus not in codes and _COUNTRY_ANAPHOR.search(text):
        codes.append(focus)
    return codes


def annotate(text: str, taxonomy: Taxonomy, *, year: int | None = None, focus: str | None = None) -> Annotation:
    """Topics (with evidence), countries mentioned, sentiment and forward-looking of a statement.

    `year` is the year the statement was made (the document's publication year), if known: a
    later year named in the text then marks the statement as forward-looking. `focus` is the
    country the whole document is about (`countries.focus_country`), if any: "the country" in the
    statement then counts as a mention of it.
    """
    return Annotation(
        topics=topic_matcher(taxonomy).match(text),
        countries=mentioned(text, focus),
        sentiment=sentiment(text),
        forward_looking=is_forward_looking(text, year=year),
    )

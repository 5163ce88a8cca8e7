"""Countries as ISO 3166-1 alpha-2 codes: from demonyms, nationalities and free text.

How it works
- Names come from `pycountry` (name, common name, official name; "Korea, Republic of" style
  inverted names are skipped). `data/countries.toml` adds what pycountry lacks: demonyms
  ("Kazakh" -> KZ), short and older names ("Türkiye"/"Turkey", "the U.S.", "Britain"), capitals
  and metonyms ("the Kremlin", "Moscow" -> RU; "the White House", "Washington" -> US).
- `demonym_code` / `nationality_codes` look a word up in the demonym table (case-insensitive,
  plurals such as "Germans" or "Frenchmen" accepted); a nationality like "Turkish-Kazakh" is split
  on hyphens, slashes, commas and "and".
- `countries_mentioned` scans the text once with a single compiled alternation of every name,
  demonym, capital and metonym, longest first, case-sensitive, on word boundaries. Longest-first
  means "Papua New Guinea" wins over "Guinea" and "Nigeria" is never read as "Niger"; "China" in
  "South China Sea" still counts as China. Phrases listed under `not_countries` ("New Mexico",
  "Latin America", "Indian Ocean") are matched too and then dropped.

Ambiguity (rules in the TOML, `[ambiguous]`)
- A name that is also a person's name (Jordan, Chad, Georgia, Israel, Washington) is dropped when
  it sits inside a run of capitalised words that looks like a person ("Michael Jordan",
  "Chad Smith", "George Washington") or is followed by a speech verb ("Jordan said").
- "Georgia" is the US state when a US cue is near it ("Atlanta, Georgia", "Georgia voters",
  "the state of Georgia", "Gov."); "Turkey" is the bird when a food cue is near it.

Limits: capitals are listed only for countries that make news and whose capital names are not
common words or shared with other places; "Jordan said" about the Jordanian government is
dropped as a person; regions ("the Caucasus", "the Gulf") map to no country; lower-case
mentions ("china" the porcelain, "turkey") are ignored on purpose.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pycountry

DATA_FILE = Path(__file__).parent / "data" / "countries.toml"
_NATIONALITY_SPLIT = re.compile(r"\s*(?:[-/,&+]|\band\b)\s*")
# Words that qualify a nationality without naming one: "Russian-born", "of Turkish descent".
_NATIONALITY_NOISE = re.compile(r"\b(?:born|descent|origin|national|citizen|of|ethnic)\b", re.I)


@cache
def _data() -> dict:
    """The TOML vocabulary, read once."""
    with DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


@cache
def _demonym_index() -> dict[str, str]:
    """casefolded demonym -> code, with regular plurals ("Germans", "Frenchmen")."""
    index: dict[str, str] = {}
    for code, words in _data()["demonyms"].items():
        for word in words:
            for form in (word, *_plurals(word)):
                index.setdefault(form.casefold(), code)
    return index


def _plurals(word: str) -> list[str]:
    """English plurals of a demonym noun; adjectives in -ese/-ish/-ch/-ss take none."""
    if word.endswith("man"):  # "Frenchmen", but "Germans"
        return [word[:-3] + "men", word + "s"]
    if word.endswith(("ese", "ish", "ch", "ss")):
        return []
    return [word + "s"]


def pycountry_names() -> dict[str, str]:
    """Country name as written -> code, from pycountry (inverted "X, Y of" names skipped)."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                names.setdefault(name, country.alpha_2)
    return names


@cache
def country_names() -> dict[str, str]:
    """Every name form -> code: pycountry names, then the TOML aliases, capitals and metonyms."""
    names = pycountry_names()
    for table in ("aliases", "capitals"):
        for code, forms in _data().get(table, {}).items():
            for form in forms:
                names[form] = code
    return names


@cache
def _name_index() -> dict[str, str]:
    """casefolded country name -> code, for whole-string lookups."""
    return {name.casefold().removeprefix("the "): code for name, code in country_names().items()}


def demonym_code(word: str) -> str | None:
    """Code of a demonym or nationality adjective ("German" -> "DE", "Israelis" -> "IL")."""
    return _demonym_index().get(" ".join(word.split()).casefold())


def name_code(name: str) -> str | None:
    """Code of a country name, short name, capital or metonym ("Türkiye", "the Kremlin")."""
    key = " ".join(name.split()).casefold().removeprefix("the ")
    return _name_index().get(key)


def nationality_codes(nationality: str) -> list[str]:
    """Codes of a nationality as written: "Turkish-Kazakh" -> ["TR", "KZ"], "German" -> ["DE"]."""
    whole = _part_code(nationality)
    if whole:
        return [whole]
    codes: list[str] = []
    for part in _NATIONALITY_SPLIT.split(nationality):
        code = _part_code(part)
        if code and code not in codes:
            codes.append(code)
    return codes


def _part_code(part: str) -> str | None:
    """A demonym or a country name, once qualifiers such as "born" are removed."""
    cleaned = " ".join(_NATIONALITY_NOISE.sub(" ", part).split())
    if not cleaned:
        return None
    return demonym_code(cleaned) or name_code(cleaned)


# --- mentions in free text -------------------------------------------------------------

_PREV_WORD = re.compile(r"([^\W\d_]+) $")
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
_CUE_WINDOW = 60  # characters either side of a mention searched for disambiguation cues
@cache
def _mention_forms() -> dict[str, str | None]:
    """Surface form -> code for the scanner; None for phrases that are never a country."""
    forms: dict[str, str | None] = {k: v for k, v in country_names().items() if k[:1].isupper()}
    for code, words in _data()["demonyms"].items():
        for word in words:
            for form in (word, *_plurals(word)):
                forms.setdefault(form, code)
    for phrase in _data().get("not_countries", {}).get("phrases", []):
        forms[phrase] = None
    return forms


@cache
def _scanner() -> re.Pattern[str]:
    """Every form in one pattern, on word boundaries (case-sensitive), the longest form winning.

    The forms are merged into a trie (`_trie_regex`) so the engine follows one branch per
    character instead of trying every form in turn at each capitalised word.
    """
    # The boundaries keep "Niger" out of "Nigeria" and "Guinea" out of "Guinea-Bissau"; the
    # upper-case lookahead lets the engine skip most positions at once (every form is capitalised).
    return re.compile(rf"(?<![\w-])(?=[A-ZÀ-Þ])({_trie_regex(_mention_forms())})(?![\w-])")


def _trie_regex(forms: Iterable[str]) -> str:
    """A regex matching any of the literal forms, preferring the longest one that fits (as an
    alternation sorted longest first would), written as a trie: shared prefixes are matched once."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # "" marks the end of a form
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    """Regex of a trie node: a longer continuation first, the end of a form last (backtracking
    falls back to it when the longer form fails the word boundary)."""
    branches = [re.escape(char) + _node_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def country_mentions(text: str) -> Iterator[str]:
    """The ISO alpha-2 code of every country mention in the text, in order, repeats included."""
    for match in _scanner().finditer(text):
        code = _mention_forms()[match.group(1)]
        if code and not _is_other_sense(text, match):
            yield code


def countries_mentioned(text: str) -> list[str]:
    """ISO alpha-2 codes of countries the text names, in order of first mention."""
    return list(dict.fromkeys(country_mentions(text)))


def focus_country(text: str) -> str | None:
    """The country a whole document is about: the most mentioned one, if clearly ahead of the next."""
    ranked = Counter(country_mentions(text)).most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


@cache
def _ambiguous_forms() -> frozenset[str]:
    """Every name that `_is_other_sense` may read otherwise (most mentions are not among them)."""
    ambiguous = _data().get("ambiguous", {})
    senses = [ambiguous.get(sense, {}).get("names", []) for sense in ("us_state", "food")]
    return frozenset(ambiguous.get("person_names", [])).union(*senses)


def _is_other_sense(text: str, match: re.Match[str]) -> bool:
    """True when an ambiguous name means a person, a US state or a bird here."""
    form = match.group(1)
    if form not in _ambiguous_forms():
        return False
    ambiguous = _data().get("ambiguous", {})
    if form in ambiguous.get("person_names", []) and _looks_like_person(text, match):
        return True
    for sense in ("us_state", "food"):
        rule = ambiguous.get(sense, {})
        if form in rule.get("names", []) and _has_cue(text, match, rule.get("cues", [])):
            return True
    return False


def _looks_like_person(text: str, match: re.Match[str]) -> bool:
    """Name inside a person-like run: "Michael Jordan", "Chad Smith", or "Jordan said"."""
    ambiguous = _data()["ambiguous"]
    # Only words joined by a single space count: a comma or a line break ends a name.
    prev_word = _word_before(text, match.start(1))
    next_hit = _NEXT_WORD.match(text, match.end(1))
    next_word = next_hit.group(1) if next_hit else ""
    if next_word in ambiguous.get("speech_verbs", []):
        return True
    if _is_name_word(next_word) and next_word not in ambiguous.get("place_followers", []):
        return True
    return _is_name_word(prev_word) and prev_word not in ambiguous.get("not_given_names", [])


def _word_before(text: str, end: int) -> str:
    """The word followed by a single space that ends at `end` ("" if none). Searched in a short
    window first: searching the whole text before every ambiguous name would cost O(length)."""
    low = max(0, end - _CUE_WINDOW)
    hit = _PREV_WORD.search(text, low, end)
    if hit and hit.start(1) == low and low > 0:  # the word may begin before the window
        hit = _PREV_WORD.search(text, 0, end)
    return hit.group(1) if hit else ""


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a country form: "Michael", "Smith" (not "Egypt")."""
    return word[:1].isupper() and word.isalpha() and word not in _mention_forms()


def _has_cue(text: str, match: re.Match[str], cues: list[str]) -> bool:
    """Whether one of the cue words stands within _CUE_WINDOW characters of the mention."""
    window = text[max(0, match.start(1) - _CUE_WINDOW) : match.end(1) + _CUE_WINDOW]
    return any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", window) for cue in cues)

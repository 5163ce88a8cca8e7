"""Coreference: resolve a speaker mention (name, surname, pronoun, role phrase) to one person.

A document is read in order.  Full names seen anywhere are candidates for surname (or, when one
person has it, given-name) aliases; a pronoun or a definite role phrase ("the pundit") points to the
person in focus: the last person who spoke, preferring one already described with that role.  Before
anyone has spoken, a role phrase ("…, says a political analyst") points forward, to the person the
article's lede names next.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from app.extract.frames import Ref, find_verbs
from app.extract.gender import PRONOUN_GENDER, Gender, honorific_genders, person_gender
from app.extract.names import NAME_RUN, is_initial, is_word, person_tail, person_tokens, surname
from app.extract.rules import (
    HONORIFICS,
    OTHER_OFFICE_WORDS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SUBJECT_PRONOUNS,
    TITLE_ABBREVIATIONS,
)
from app.extract.segment import sentence_spans

DESCRIPTION_WINDOW = 120  # characters before a name that may describe it ("political analyst and expert at X")
LOOKAHEAD = 1500  # characters after a role phrase where an article's lede names the person it described
NEXT_SPEAKER = 600  # ... or names, speaking, a person it did not describe so
MIN_FUZZY_LENGTH = 6  # shorter surnames that differ by a letter are other names (Kahn, Khan)
SPELLING_RATIO = 0.8  # difflib similarity of two spellings of one surname ("Akhannouch", "Akhenouch": 0.84)
SPEAKER_VERB = 80  # characters after a name where its reporting verb stands ("Jo Ames of X said")
_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)  # "the Premier", "the NDP": no person's name
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s[^,.;:!?“”\"]+")  # ", a housing systems professor at TU Delft"
_TITLE_WORDS = frozenset(r.split(" ")[-1] for r in ROLE_NOUNS) | HONORIFICS


@dataclass(slots=True)
class Person:
    name: str
    roles: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # offsets of name mentions
    last_seen: int = -1  # the latest offset where a mention resolved to this person


class People:
    """The persons of one document, with surname aliases and the current focus.

    `said` are the sorted spans of what people are quoted or reported to say: a person named at the head of
    a sentence there ("According to him, Jo Ames leads the race") is talked about, and takes no focus.
    """

    def __init__(self, text: str, said: list[tuple[int, int]] | None = None, headline_end: int = 0) -> None:
        self.text = text
        self.headline_end = headline_end  # a headline's words describe no one ("Economist Wants Assistance")
        self.by_surname: dict[str, list[Person]] = {}
        self.focus: Person | None = None
        self.focus_at = -1
        self._subjects: list[tuple[int, Person]] = []  # persons opening a sentence, in order
        self._next_subject = 0
        self._genders: dict[str, Gender | None] = {}
        self._honorifics: dict[str, Gender] | None = None  # computed when a pronoun first needs it
        self._titled: set[str] = set()  # single names the text gives a title somewhere
        self._scan_full_names(text, said or [])

    def advance(self, at: int) -> None:
        """Move the focus to the last person who opened a sentence before `at`, if more recent."""
        while self._next_subject < len(self._subjects) and self._subjects[self._next_subject][0] < at:
            offset, person = self._subjects[self._next_subject]
            self._next_subject += 1
            if offset > self.focus_at:
                self.focus, self.focus_at = person, offset

    def _scan_full_names(self, text: str, said: list[tuple[int, int]]) -> None:
        """Pattern: any capitalised run of two or more name words is a known person."""
        singles = []
        for m in NAME_RUN.finditer(text):
            if _abbreviated(text, m):
                continue  # "Economic Freedom Fighters (EFF)": an organisation
            tokens = person_tokens(m.group())
            if not tokens and len(m.group().split(" ")) > 2:
                tokens = person_tail(m.group())[1]  # "the Harbor Institute Jo Ames"
            if len(tokens) == 1 and m.group() != tokens[0] and _titled(m.group(), tokens[0]):
                self._titled.add(_key(tokens[0]))  # "President Obama", "Sen. Warren": a person
            if len(tokens) >= 2:
                person = self._person(" ".join(tokens), m.start())
                if _opens_sentence(text, m.start()) and not _inside(said, m.start()) and not _alone_on_line(text, m):
                    self._subjects.append((m.start(), person))
            elif len(tokens) == 1:
                singles.append((m.start(), tokens[0]))
        for at, word in singles:  # "Smith said ..." once "John Smith" is known
            known = self.by_surname.get(_key(word))
            if known and _opens_sentence(text, at) and not _inside(said, at):
                self._subjects.append((at, known[-1]))
        self._subjects.sort(key=lambda x: x[0])

    def _person(self, name: str, at: int) -> Person:
        key = _key(surname(name))
        for p in self.by_surname.get(key, []):
            if _same_first(p.name, name):
                p.name = _fuller(p.name, name)
                p.mentions.append(at)
                return p
        person = Person(name, mentions=[at])
        self.by_surname.setdefault(key, []).append(person)
        return person

    def resolve(self, ref: Ref) -> Person | None:
        """The person a mention refers to, or None (an organisation, an unknown single word)."""
        person = None
        self.advance(ref.start)
        if ref.kind == "name" and _ARTICLE_BEFORE.search(self.text, max(0, ref.start - 5), ref.start):
            ref = _as_title(ref)  # a capitalised title after "the" is a role; anything else an organisation
        if ref is None:
            return None
        if ref.kind == "name":
            person = self._by_name(ref)
        elif ref.kind == "pronoun":
            person = self._by_pronoun(ref)
        elif ref.kind == "role" and ref.indefinite:  # "a political analyst": someone new, named later if at all
            person = None if self.focus else self._named_later(ref)
        elif ref.kind == "role":
            person = self._by_description(ref) or self.focus or self._latest_named(ref) or self._named_later(ref)
            if person is not None:
                person.roles.add(ref.text)
        if person is not None:
            self.focus, self.focus_at = person, ref.start
            person.last_seen = max(person.last_seen, ref.start)
        return person

    def gender(self, person: Person) -> Gender | None:
        """The person's gender as the text gives it (cached), None when unknown."""
        if self._honorifics is None:
            self._honorifics = honorific_genders(self.text)
        if person.name not in self._genders:
            key = _key(surname(person.name))
            others = {k for k in self.by_surname if k != key}
            shared = len(self.by_surname.get(key, [])) > 1  # "Mrs. Clinton" says nothing of Bill Clinton
            self._genders[person.name] = person_gender(self.text, person.name, person.mentions,
                                                       {} if shared else self._honorifics, others)
        return self._genders[person.name]

    def _by_pronoun(self, ref: Ref) -> Person | None:
        """Pattern he/she: the person in focus, unless the text gives them the other gender.

        Then the most recent person of the pronoun's gender, else the most recent of unknown gender.
        """
        wanted = PRONOUN_GENDER.get(ref.text)
        if self.focus is None or self.gender(self.focus) in (None, wanted):
            return self.focus
        ranked = sorted(self.all(), key=lambda p: _recency(p, ref.start), reverse=True)
        ranked = [p for p in ranked if _recency(p, ref.start) >= 0]
        return (next((p for p in ranked if self.gender(p) == wanted), None)
                or next((p for p in ranked if self.gender(p) is None), None))

    def _by_description(self, ref: Ref) -> Person | None:
        """Pattern "... expert at X Jane Roe commented on Y. According to the expert, ...": with no one in
        focus yet, a role phrase points to the latest person introduced with that role noun."""
        role = role_pattern(ref.text)
        described = [(m.start(), p) for p in self.all()
                     for m in re.compile(re.escape(p.name)).finditer(self.text, self.headline_end, ref.start)
                     if self._describes(role, p, m.start(), m.end())]
        if any(p is self.focus for _, p in described):
            return self.focus  # "Jo Ames, an analyst, ... the analyst added": the one in focus, if so described
        return max(described, key=lambda pair: pair[0])[1] if described else None

    def _describes(self, role: re.Pattern[str], person: Person, at: int, end: int) -> bool:
        """The role word stands in the name's own description, with no one else named in between: before it
        in its sentence ("political analyst Jo Ames", not "analyst Jo Ames criticised Tom Wells"), or in
        the appositive after it ("Jo Ames, a political analyst at X,")."""
        found = list(role.finditer(self.text, max(0, at - DESCRIPTION_WINDOW), at))
        if found:
            between = self.text[found[-1].end():at]
            if not re.search(r"[.!?]\s", between) and all(p is person for p in self.named_in(between)):
                return True
        appositive = _APPOSITIVE.match(self.text, end, end + DESCRIPTION_WINDOW)
        return bool(appositive and role.search(appositive.group()))

    def _latest_named(self, ref: Ref) -> Person | None:
        """Pattern "..., Jo Ames told MPs. The Premier said ...": with no one in focus, a definite role phrase
        points back to the person named last before it (past the headline; in this paragraph or the last)."""
        named = [(at, p) for p in self.all() for at in [_recency(p, ref.start)] if at >= self.headline_end]
        if not named:
            return None
        at, person = max(named, key=lambda pair: pair[0])
        return person if self.text.count("\n", at, ref.start) <= 1 else None

    def _named_later(self, ref: Ref) -> Person | None:
        """Pattern "The deal is dead, says a political analyst. Jo Ames, of X, said ...": an article's lede
        gives the role first and names the person after: the first person named speaking in the next
        paragraph or so; else the first person the next lines describe with that role."""
        later = sorted((at, p) for p in self.all() for m in p.mentions if ref.end < m <= ref.end + LOOKAHEAD
                       for at in [self.text.find(p.name, m, m + DESCRIPTION_WINDOW)] if at >= 0)  # m: its run's start
        for at, p in later:
            end = at + len(p.name)
            own = sentence_spans(self.text, end, end + SPEAKER_VERB)  # its own verb, in its own sentence
            if at <= ref.end + NEXT_SPEAKER and own and find_verbs(self.text, end, own[0][1]):
                return p
        role = re.compile(rf"\b{re.escape(ref.text)}\b", re.IGNORECASE)
        for at, p in later:  # described after the role phrase itself
            if role.search(self.text, max(ref.end, at - DESCRIPTION_WINDOW), at + len(p.name) + DESCRIPTION_WINDOW):
                return p
        return None

    def _by_name(self, ref: Ref) -> Person | None:
        """Pattern: a full name, "Z. Mammadov", a surname alone, or "Mr. Smith"."""
        tokens = ref.text.split(" ")
        if len(tokens) >= 2:
            return self._person(ref.text, ref.start)
        known = self.by_single_name(tokens[0], ref.start)
        if known is not None:
            return known
        if _after_honorific(self.text, ref.start) or _key(tokens[0]) in self._titled:
            return self._person(ref.text, ref.start)
        return None

    def known(self, name: str) -> Person | None:
        """The person already known by this full name, if any (creates no one)."""
        return next((p for p in self.by_surname.get(_key(surname(name)), []) if _same_first(p.name, name)), None)

    def by_single_name(self, word: str, at: int) -> Person | None:
        """The person a surname or given name alone points to at `at`, among those known (creates no one)."""
        candidates = (self.by_surname.get(_key(word), []) or self._by_given_name(word) or self._by_inner_name(word)
                      or self._by_spelling(word))
        before = [p for p in candidates if min(p.mentions) <= at] or candidates
        return max(before, key=lambda p: max((m for m in p.mentions if m <= at), default=0)) if before else None

    def named_in(self, text: str, offset: int = 0, *, full_names_only: bool = False) -> list[Person]:
        """The distinct known persons a piece of text (starting at `offset` in the document) names, in order:
        by full name, or also by a surname or given name alone (creates no one)."""
        found: list[Person] = []
        for m in NAME_RUN.finditer(text):
            tokens = person_tokens(m.group())
            if len(tokens) >= 2:
                person = self.known(" ".join(tokens))
            elif tokens and not full_names_only:
                person = self.by_single_name(tokens[0], offset + m.start())
            else:
                person = None
            if person is not None and person not in found:
                found.append(person)
        return found

    def _by_inner_name(self, word: str) -> list[Person]:
        """Pattern "Shareef said" after "Adam Shareef Umar": the one known person with that inner name
        (Arabic, Malay and East Asian names are shortened to any of their parts)."""
        named = [p for p in self.all() if _key(word) in {_key(w) for w in p.name.split(" ")[1:-1]}]
        return named if len(named) == 1 else []

    def _by_spelling(self, word: str) -> list[Person]:
        """Pattern "Akhanouch said" after "Aziz Akhenouch": the one known surname spelt almost alike
        (transliterations and typos vary a letter or two)."""
        if len(word) < MIN_FUZZY_LENGTH:
            return []
        close = [key for key in self.by_surname
                 if key[0] == _key(word)[0] and SequenceMatcher(None, key, _key(word)).ratio() >= SPELLING_RATIO]
        return self.by_surname[close[0]] if len(close) == 1 else []

    def _by_given_name(self, word: str) -> list[Person]:
        """Pattern "Thitinan said" after "Thitinan Pongsudhirak": the one person known by that given name."""
        named = [p for p in self.all() if _key(p.name.split(" ")[0]) == _key(word)]
        return named if len(named) == 1 else []

    def knows_surname(self, word: str) -> bool:
        """A full name with this surname has been seen in the document."""
        return _key(word) in self.by_surname

    def all(self) -> list[Person]:
        return [p for ps in self.by_surname.values() for p in ps]


_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _abbreviated(text: str, run: re.Match[str]) -> bool:
    """The run is followed by its initials in parentheses: an organisation ("Democratic Alliance (DA)")."""
    if "(" not in text[run.end():run.end() + 2]:
        return False  # the usual case, spared a regex
    m = _ABBREVIATION_AFTER.match(text, run.end())
    initials = "".join(word[0] for word in run.group().split() if word[0].isupper())
    return bool(m) and m.group(1).upper() == initials.upper()


def _titled(run: str, name: str) -> bool:
    """The single name follows an honorific in its run: "President Obama", "Sen. Warren"."""
    words = run[:run.rfind(name)].split()
    return bool(words) and words[-1].lower().rstrip(".") in _HONORIFIC_WORDS


def _key(word: str) -> str:
    """A surname as an alias key: case and apostrophe style do not matter ("O’Neill" = "O'Neill")."""
    return word.lower().replace("’", "'")


def _recency(person: Person, at: int) -> int:
    """The latest offset before `at` where the person was named or resolved (-1: not yet)."""
    named = max((m for m in person.mentions if m < at), default=-1)
    return max(named, person.last_seen if person.last_seen < at else -1)


def _fuller(known: str, new: str) -> str:
    """The name to keep for one person: the longer, unless it opens with an initial ("J. Smith") or its extra
    words are English words ("Crooked Hillary Clinton", "Adjudicator Cyril Jones" keep the shorter name)."""
    shorter, longer = sorted((known, new), key=len)
    extra = [w for w in longer.split(" ") if w not in shorter.split(" ")]
    return shorter if is_initial(longer.split(" ")[0]) or any(is_word(w) for w in extra) else longer


def _same_first(a: str, b: str) -> bool:
    """Two names with one surname are one person when their first words agree (or one is an initial), or when
    one is the other's last words."""
    wa, wb = a.split(" "), b.split(" ")
    fa, fb = wa[0], wb[0]
    if fa == fb:
        return True
    shorter, longer = sorted((wa, wb), key=len)
    if len(shorter) >= 2 and longer[-len(shorter):] == shorter:
        return True  # "San Nicolas" is "Michael San Nicolas" without his given name
    return (is_initial(fa) or is_initial(fb)) and fa[0] == fb[0]


# a closing quotation mark ends a sentence after punctuation ("“...,” Roe said"), not after a title ("CBS’s “Face
# the Nation” moderator Jo Ames")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][”\"]?\s+|[,…][”\"]\s+|\n)"
                               r"(?:(?:But|And|So|Still|Yet|Now|Then|Meanwhile|However),?\s+)?((?:\S+\s+){0,3})$")
_NOT_TITLE_WORDS = SUBJECT_PRONOUNS | REPORTING_VERBS


def _opens_sentence(text: str, at: int) -> bool:
    """The name stands at the head of a sentence (up to three title words before it, none of them a subject
    or a reporting verb: not "She told prosecutor Jo Ames")."""
    m = _SENTENCE_OPENING.search(text, max(0, at - 60), at)
    return bool(m) and not any(w.lower().strip(",") in _NOT_TITLE_WORDS for w in m.group(1).split())


def _alone_on_line(text: str, run: re.Match[str]) -> bool:
    """The run is a line of its own ("Hide Ad", a photo caption "Jo Ames"): no sentence, so no subject."""
    before = text.rfind("\n", 0, run.start()) + 1
    after = text.find("\n", run.end())
    return not text[before:run.start()].strip() and not text[run.end():len(text) if after < 0 else after].strip()


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    k = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS)
_HONORIFIC_BEFORE = re.compile(r"(\S+)\s+$")


def _after_honorific(text: str, at: int) -> bool:
    m = _HONORIFIC_BEFORE.search(text, max(0, at - 20), at)
    return bool(m) and m.group(1).lower().rstrip(".") in _HONORIFIC_WORDS


def role_pattern(noun: str) -> re.Pattern[str]:
    """The role noun, or an abbreviated title standing for it ("governor": also "Gov."), not as part of another
    office ("minister" is not found in "Prime Minister")."""
    short = [re.escape(a) + r"\." for a, full in TITLE_ABBREVIATIONS.items() if full == noun]
    other_office = "".join(rf"(?<!{re.escape(w)}\s)(?<!{re.escape(w)}-)" for w in sorted(OTHER_OFFICE_WORDS))
    return re.compile(rf"{other_office}\b(?:{'|'.join([re.escape(noun), *short])})(?!\w)", re.IGNORECASE)


def _as_title(ref: Ref) -> Ref | None:
    """Pattern "the Premier said", "the Prime Minister told": a title used as a definite role phrase."""
    last = ref.text.split(" ")[-1].lower()
    return Ref("role", last, ref.start, ref.end, ref.cue) if last in _TITLE_WORDS else None

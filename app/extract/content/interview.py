"""Interviews in question-and-answer form: the questions are the outlet's, the answers the interviewee's.

A line may open with a label: "Q:", "A:", or a speaker's name, role, outlet or initials ("Jane Roe:",
"Dr. Jane Roe (Lee Na):", "PM:", "Daily Times:", "JR:" after "Jane Roe (JR)").  A label whose lines
mostly end in a question mark is the interviewer's.  A text is an interview when it has two questions
labelled so, or a labelled question and a labelled answer, or, when it calls itself an interview,
MIN_UNLABELLED paragraphs ending in a question mark (two, when its title or first lines say so), or
MIN_ADDRESSED unquoted questions that ask "you", or a dialogue of dash-led turns.  Every line after the
first question (the first labelled one, when questions are labelled) that is no question is an answer
line (a leading dash dropped): one content span, carrying its speaker's name when its label gives one,
else left to the interviewee sieve.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.extract.claims import Claim
from app.extract.content.transcript import CapsLabel, caps_label, hosts
from app.extract.document import Document
from app.extract.frames import Ref, ref_at_start
from app.extract.names import NAME_RUN
from app.extract.rules import HONORIFICS, ROLE_NOUNS
from app.extract.segment import has_mark

_LABEL_END = r"\s*[:：.)\-–—]\s+"
QUESTION_LABEL = re.compile(rf"\s*(?:Q|Question|Interviewer)(?:\s*\d+)?{_LABEL_END}", re.IGNORECASE)
ANSWER_LABEL = re.compile(rf"\s*(?:A|Answer)(?:\s*\d+)?{_LABEL_END}", re.IGNORECASE)
# One to six words, each capitalised or a short particle, an optional parenthesis, then a colon.
SPEAKER_LABEL = re.compile(r"\s*((?:[^\W\d_][\w.’'-]*|de|da|van|von|bin|al)(?:\s+(?:[^\W\d_][\w.’'-]*)){0,5})"
                           r"\s*(?:\([^()\n]{1,40}\))?\s*:\s+(?=\S)")
ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
INTERVIEW_WORD = re.compile(r"\b(?:interview(?:ed|s)?|Q\s*&\s*A|spoke (?:to|with)|talked to|sat down with)\b",
                            re.IGNORECASE)
_DASH_LED = re.compile(r"\s*(?:[—–-]+\s+)?")
EDITORS_NOTE = re.compile(r"\b(?:edited|condensed)\s+for\s+(?:length|clarity)\b", re.IGNORECASE)
MIN_ANSWER_WORDS = 3
MIN_CAPS_LABELS = 2  # lines opened by a label in capitals that make a transcript; one is a dateline ("DILI:")
MIN_DASH_TURNS = 3  # dash-led paragraphs that make a dialogue, when one of them asks
SENTENCE_ENDS = (".", "!", "?", "…", "”", '"', "’", "'", ":", ")")
MIN_LABELLED_QUESTIONS = 2  # labelled questions that make a text an interview on their own
MIN_UNLABELLED = 3  # paragraphs ending in "?" that make a text calling itself an interview one
MIN_ADDRESSED = 2  # ... or that make any text one when they put the question to "you"
HEAD_CHARS = 400  # ... or two, when its title or first lines call it one ("Interview with ...", "talked to")


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    kind: str  # "q" | "a" | "label" | "text"
    start: int  # where the words start, after the label
    label: str = ""  # the label as written ("Jane Roe", "PM")
    ref: Ref | None = None  # the person the label names
    asks: bool = False  # the line ends with a question mark
    dashed: bool = False  # the line opens with a dash: a turn of a dialogue ("– Why now?", "– Because ...")
    caps: CapsLabel | None = None  # a transcript's label in capitals ("HILDA HEINE:")


@dataclass(slots=True)
class Interview:
    answers: list[Claim] = field(default_factory=list)
    questions: set[int] = field(default_factory=set)  # line indices of the outlet's questions


def _row(doc: Document, i: int, s: int, e: int, *, caps: bool = True) -> Row:
    """What a line is, and its label (a label in capitals only when `caps`)."""
    line = doc.reading[s:e]
    asks = line.rstrip().endswith("?")
    for kind, pattern in (("q", QUESTION_LABEL), ("a", ANSWER_LABEL)):
        m = pattern.match(line)
        if m and not (len(m.group().strip()) == 2 and m.group().strip()[-1] == "."):  # "A. Smith said": an initial
            return Row(i, kind, s + m.end(), asks=asks)
    m = SPEAKER_LABEL.match(line)
    initials = _initials_ref(doc.reading, m.group(1)) if m else None
    if initials is not None:  # the name the initials stand for, at the label
        return Row(i, "label", s + m.end(), m.group(1), Ref("name", initials.text, s + m.start(1), s + m.end(1)), asks)
    label = caps_label(doc.reading, s, e) if caps else None
    if label is not None:
        return Row(i, "label", label.end, label.key, label.ref, asks, caps=label)
    if m and m.group(1)[0].isupper():
        ref = ref_at_start(doc.reading, s + m.start(1), s + m.end(1))
        named = (ref is not None and ref.kind == "name" and ref.end == s + m.end(1)
                 and ref.text.lower() not in HONORIFICS | ROLE_NOUNS)  # "PM:" is a role, left to the sieve
        return Row(i, "label", s + m.end(), m.group(1), ref if named else None, asks)
    dash = _DASH_LED.match(line)
    return Row(i, "text", s + dash.end(), asks=asks, dashed=bool(dash.group().strip()))  # "- I was born": the words


def _initials_ref(text: str, label: str) -> Ref | None:
    """Pattern "Jane Roe (JR) has led ..." then "JR: ...": initials the text gave a person's name; or dotted
    initials ("P.B.:") of a person the text names in full ("Pascale Baeriswyl")."""
    letters = label.replace(".", "")
    if not (2 <= len(letters) <= 4 and letters.isupper() and letters.isalpha()):
        return None
    m = re.search(rf"({NAME_RUN.pattern})\s*\({letters}\)", text)
    ref = ref_at_start(text, m.start(1), m.end(1)) if m else None
    if ref is None and label == ".".join(letters) + ".":
        ref = next((r for m in NAME_RUN.finditer(text) for r in [ref_at_start(text, m.start(), m.end())]
                    if r is not None and r.kind == "name" and "".join(w[0] for w in r.text.split()) == letters), None)
    return ref if ref is not None and ref.kind == "name" and len(ref.text.split()) >= 2 else None


def _reads_as_answer(words: str, *, last: bool) -> bool:
    """Enough words, ending as a sentence does (the last line may be cut): not a lone "A.", a caption,
    "Ads By Google" or a link to another story between the answers."""
    return len(words.split()) >= MIN_ANSWER_WORDS and (last or words.rstrip().endswith(SENTENCE_ENDS))


def _interviewers(rows: list[Row]) -> set[str]:
    """Labels whose lines mostly end in a question mark: the outlet's."""
    asks: dict[str, list[bool]] = {}
    for row in rows:
        if row.kind == "label":
            asks.setdefault(row.label, []).append(row.asks)
    return {label for label, flags in asks.items() if sum(flags) * 2 > len(flags)}


def _is_interview(doc: Document, rows: list[Row], interviewers: set[str]) -> bool:
    questions = sum(row.kind == "q" or row.label in interviewers for row in rows)
    answers = sum(row.kind == "a" or (row.kind == "label" and row.label not in interviewers) for row in rows)
    if questions >= MIN_LABELLED_QUESTIONS or (questions and answers):
        return True
    asked = sum(row.asks for row in rows)
    if asked >= MIN_UNLABELLED and INTERVIEW_WORD.search(doc.reading):
        return True
    addressed = sum(row.asks and bool(ADDRESSED.search(doc.reading, *doc.lines[row.line]))
                    and not has_mark(doc.reading[slice(*doc.lines[row.line])]) for row in rows)
    if addressed >= MIN_ADDRESSED:
        return True  # questions put to "you" are an interviewer's, whether or not the text says "interview"
    return asked >= MIN_LABELLED_QUESTIONS and bool(INTERVIEW_WORD.search(doc.reading, 0, HEAD_CHARS))


def _dash_questions(rows: list[Row]) -> set[int]:
    """Pattern "– Question?" / "– Answer." paragraphs: a dialogue of MIN_DASH_TURNS dash-led turns or more,
    one of them a question. The turns alternate, the interviewer's first; a turn ending in "?" is a question
    wherever it falls. The questions' line indices (none when the text is no such dialogue)."""
    turns = [row for row in rows if row.kind == "text" and row.dashed]
    if len(turns) < MIN_DASH_TURNS or not any(turn.asks for turn in turns):
        return set()
    questions, expect_question = set(), True
    for turn in turns:
        if turn.asks or expect_question:
            questions.add(turn.line)
        expect_question = not (turn.asks or expect_question)
    return questions


def find_interview(doc: Document) -> Interview | None:
    """The answers of a question-and-answer interview, or None when the text is not one."""
    rows = [_row(doc, i, s, e) for i, (s, e) in enumerate(doc.lines)
            if doc.reading[s:e].strip() and s >= doc.headline_end]
    if sum(row.caps is not None for row in rows) < MIN_CAPS_LABELS:  # "DILI: Timor-Leste will ...": a dateline
        rows = [_row(doc, row.line, *doc.lines[row.line], caps=False) if row.caps else row for row in rows]
    interviewers = _interviewers(rows) | hosts(doc.reading, [row.caps for row in rows if row.caps])
    labelled = _is_interview(doc, rows, interviewers)
    dialogue = set() if labelled else _dash_questions(rows)
    if not labelled and not dialogue:
        return None
    interview, asked = Interview(), False
    labelled = any(row.kind == "q" or row.label in interviewers for row in rows)
    speaker: Ref | None = None  # the label of the answer going on, for its unlabelled paragraphs
    for row in rows:
        s, e = doc.lines[row.line]
        unlabelled_question = row.kind == "text" and (row.asks and (asked or not labelled) or row.line in dialogue)
        if row.kind == "q" or row.label in interviewers or unlabelled_question:
            interview.questions.add(row.line)
            asked, speaker = True, None
        elif row.kind == "a" or row.caps or ((asked or speaker) and not EDITORS_NOTE.search(doc.reading, s, e)):
            speaker = row.ref if row.kind == "label" else speaker if row.kind == "text" else None
            end = s + len(doc.reading[s:e].rstrip())
            if not _reads_as_answer(doc.reading[row.start:end], last=row is rows[-1]):
                continue
            ref = speaker.with_cue(":") if speaker else None
            interview.answers.append(Claim("direct", [(row.start, end)], ref, None, "interview"))
    return interview if interview.answers else None

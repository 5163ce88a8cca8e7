"""Interviews in question-and-answer form: the questions are the outlet's, the answers the interviewee's.

Recognised by labels ("Q:", "Question:", "A:", "Answer -") on at least two lines, or by speaker labels
("Jane Roe: …") whose bearers alternate, or, in a text that calls itself an interview, by at least three
paragraphs that end in a question mark, each followed by answer paragraphs.  Each answer line is one
content span; a labelled answer carries its speaker's name, an unlabelled one is left to the
interviewee sieve.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.extract.claims import Claim
from app.extract.document import Document
from app.extract.frames import Ref, ref_at_start

_LABEL_END = r"\s*[:：.)\-–—]\s+"
QUESTION_LABEL = re.compile(rf"\s*(?:Q|Question|Interviewer)(?:\s*\d+)?{_LABEL_END}", re.IGNORECASE)
ANSWER_LABEL = re.compile(rf"\s*(?:A|Answer)(?:\s*\d+)?{_LABEL_END}", re.IGNORECASE)
SPEAKER_LABEL = re.compile(r"\s*([^\W\d_][\w.’'-]*(?:\s+[^\W\d_][\w.’'-]*){0,3})\s*:\s+(?=\S)")
INTERVIEW_WORD = re.compile(r"\b(?:interview(?:ed)?|Q\s*&\s*A|spoke to|talked to|sat down with)\b", re.IGNORECASE)
EDITORS_NOTE = re.compile(r"\b(?:edited|condensed)\s+for\s+(?:length|clarity)\b", re.IGNORECASE)
MIN_LABELLED = 2  # labelled questions that make a text an interview
MIN_UNLABELLED = 3  # paragraphs ending in "?" that make a text calling itself an interview one


@dataclass(slots=True)
class Interview:
    answers: list[Claim] = field(default_factory=list)
    questions: set[int] = field(default_factory=set)  # line indices of the outlet's questions
    interviewers: set[str] = field(default_factory=set)  # names that label the questions
    first_question: int = 0  # offset: what comes before introduces the interviewee


def _label(doc: Document, s: int, e: int) -> tuple[str, int, Ref | None]:
    """What a line is: ("q" | "a" | "name" | "?" | "text", where its words start, the labelled speaker)."""
    line = doc.reading[s:e]
    for kind, pattern in (("q", QUESTION_LABEL), ("a", ANSWER_LABEL)):
        m = pattern.match(line)
        if m and not (kind == "a" and m.group().strip()[-1] == "." and line[m.end():m.end() + 1].isupper()
                      and len(m.group().strip()) == 2):  # "A. Smith said" is an initial
            return kind, s + m.end(), None
    m = SPEAKER_LABEL.match(line)
    if m:
        ref = ref_at_start(doc.reading, s + m.start(1), s + m.end(1))
        if ref is not None and ref.kind == "name" and ref.end == s + m.end(1):
            return "name", s + m.end(), ref
    return ("?" if line.rstrip().endswith("?") else "text"), s + len(line) - len(line.lstrip()), None


Row = tuple[int, str, int, "Ref | None", bool]  # line index, kind, where its words start, labelled speaker, ends in "?"


def find_interview(doc: Document) -> Interview | None:
    """The answers of a question-and-answer interview, or None when the text is not one."""
    rows: list[Row] = [(i, *_label(doc, s, e), doc.reading[s:e].rstrip().endswith("?"))
                       for i, (s, e) in enumerate(doc.lines) if doc.reading[s:e].strip() and s >= doc.headline_end]
    kinds = [row[1] for row in rows]
    names = [row[3].text for row in rows if row[3] is not None]
    labelled = kinds.count("q") >= MIN_LABELLED or (len(set(names)) >= 2 and len(names) >= 2 * MIN_LABELLED)
    asked = kinds.count("?") >= MIN_UNLABELLED and bool(INTERVIEW_WORD.search(doc.reading))
    if not (labelled or asked):
        return None
    interviewers = _interviewers(rows)
    interview, in_answer = Interview(interviewers=interviewers), False
    for i, kind, start, ref, _ in rows:
        s, e = doc.lines[i]
        question = kind == "q" or (kind == "?" and not labelled) or (ref is not None and ref.text in interviewers)
        if question:
            interview.questions.add(i)
            interview.first_question = interview.first_question or s
            in_answer = True
            continue
        if kind in ("a", "name") or (in_answer and not EDITORS_NOTE.search(doc.reading, s, e)):
            end = s + len(doc.reading[s:e].rstrip())
            interview.answers.append(Claim("direct", [(start, end)], ref.with_cue(":") if ref else None,
                                           None, "interview"))
    return interview if interview.answers else None


def _interviewers(rows: list[Row]) -> set[str]:
    """Speaker labels whose lines mostly end in a question mark: the outlet's interviewers."""
    asks: dict[str, list[bool]] = {}
    for _, _, _, ref, question in rows:
        if ref is not None:
            asks.setdefault(ref.text, []).append(question)
    return {name for name, flags in asks.items() if sum(flags) * 2 > len(flags)}

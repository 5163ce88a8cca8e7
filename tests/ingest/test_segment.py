"""Segmentation: lines, sentences and quotation spans keep exact offsets."""
from __future__ import annotations

import pytest

from app.extract.segment import find_quotes, line_index, line_spans, sentence_spans


def quoted_texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.segments] for q in find_quotes(text)]


def test_line_spans_cover_the_text_without_newlines() -> None:
    text = "Title\n\nFirst line.\nSecond"
    assert [text[s:e] for s, e in line_spans(text)] == ["Title", "", "First line.", "Second"]
    assert line_index(line_spans(text), text.index("Second")) == 3


@pytest.mark.parametrize("line, expected", [
    ("Dr. Jane Roe spoke. She left.", ["Dr. Jane Roe spoke.", "She left."]),
    ("Z. Mammadov agreed. The U.S. Senate did not.", ["Z. Mammadov agreed.", "The U.S. Senate did not."]),
    ("Is it over? “No,” he said.", ["Is it over?", "“No,” he said."]),
])
def test_sentences_split_after_final_punctuation_not_abbreviations(line: str, expected: list[str]) -> None:
    assert [line[s:e] for s, e in sentence_spans(line, 0, len(line))] == expected


@pytest.mark.parametrize("text, expected", [
    ("“Curly quotes,” she said.", [["“Curly quotes,”"]]),
    ('"Straight quotes," he said.', [['"Straight quotes,"']]),
    ("«Les guillemets», a-t-il dit.", [["«Les guillemets»"]]),
    ("„Low nine marks“ here.", [["„Low nine marks“"]]),
    ("“A,” she said, “B.”", [["“A,”"], ["“B.”"]]),
    ("“Outer ‘inner’ words,” he said.", [["“Outer ‘inner’ words,”"]]),
    # TeX style, as some agencies print it: two backticks open, two apostrophes (straight or curly) close
    ("``Growth will return,’’ he said. ``Slowly.''", [["``Growth will return,’’"], ["``Slowly.''"]]),
    ('``Oil output is picking up."', [['``Oil output is picking up."']]),
])
def test_quotations_in_many_mark_styles(text: str, expected: list[list[str]]) -> None:
    assert quoted_texts(text) == expected


def test_quotation_runs_over_lines_without_new_opening_marks_and_blank_lines() -> None:
    text = "Intro.\n“First part.\nSecond part.\n\nThird part,” said Roe.\nAfter."
    assert quoted_texts(text) == [["“First part.", "Second part.", "Third part,”"]]


def test_quotation_paragraphs_reopened_with_a_mark_are_one_quotation() -> None:
    text = "“First paragraph.\n\n“Second paragraph,” he said."
    assert quoted_texts(text) == [["“First paragraph.", "“Second paragraph,”"]]


def test_unclosed_quotation_stays_on_its_line() -> None:
    text = "“This never closes\nNarrative goes on.\nMore narrative."
    assert quoted_texts(text) == [["“This never closes"]]


def test_many_quotation_marks_finish_fast() -> None:
    text = "“a” " * 20_000 + '" ' * 20_000
    assert len(find_quotes(text)) >= 20_000


def test_nyt_paired_single_quotes_are_quotation_marks() -> None:
    text = "''It was fine,'' he said. ''Really.''"
    assert quoted_texts(text) == [["''It was fine,''"], ["''Really.''"]]


def test_a_straight_mark_does_not_reopen_a_curly_quotation() -> None:
    text = "\"Block quote from a paper, never closed.\n\n“New quotation,” she said."
    assert quoted_texts(text)[-1] == ["“New quotation,”"]

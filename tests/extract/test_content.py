"""Content finders and the document model on invented text: interviews, speaker blocks, hard wrapping."""
from __future__ import annotations

from app.extract.document import build_document, unwrap
from app.extract.pipeline import extract


def lines_of(text: str) -> list[tuple[int, str, str]]:
    return [(s.paragraph, s.speaker, s.kind) for s in extract(text).statements]


INTERVIEW = """Jane Roe on the coalition
In an interview, economist Jane Roe of Leeds University spoke about the new government.

Q: Will the coalition last?

A: It will, because the parties need each other more than they admit.

They have no majority without one another.

Q: What about the budget?

A: The budget is the first real test of the coalition.
"""


def test_interview_answers_are_the_interviewees_and_questions_nobodys() -> None:
    assert lines_of(INTERVIEW) == [(5, "Jane Roe", "direct"), (7, "Jane Roe", "direct"), (11, "Jane Roe", "direct")]


def test_interview_with_name_labels_gives_each_answer_to_its_label() -> None:
    text = ("A talk with the minister\nDaily Times: Will prices fall this year?\n"
            "Tom Wells: They will fall slowly, starting in the spring.\nDaily Times: And wages?\n"
            "Tom Wells: Wages will follow the prices with a delay.\n")
    assert lines_of(text) == [(2, "Tom Wells", "direct"), (4, "Tom Wells", "direct")]


def test_a_dash_led_interview_its_title_announces() -> None:
    text = ("Interview with Jane Roe, the former minister\nJane Roe talked to us about her youth.\n"
            "- Where did you grow up?\n- In a small town by the sea, with my uncle and aunt.\n"
            "We had little, but we were happy there.\n- And school?\n- I loved mathematics most of all.\n")
    statements = extract(text).statements
    assert [(s.paragraph, s.speaker) for s in statements] == [(3, "Jane Roe"), (4, "Jane Roe"), (6, "Jane Roe")]
    assert statements[0].text.startswith("In a small town")


def test_page_chrome_between_answers_is_nobodys() -> None:
    text = INTERVIEW.replace("They have no majority", "Ads By Google\n\nThey have no majority")
    assert [line for line, _, _ in lines_of(text)] == [5, 9, 13]  # not line 7, the advertisement


def test_a_text_with_one_question_is_no_interview() -> None:
    text = "Title\nWhy do prices rise?\nThe central bank raised rates again on Monday.\n"
    assert lines_of(text) == []


def test_speaker_block_runs_on_under_a_name_header() -> None:
    text = ("Experts on the vote\nJane Roe, political analyst (Poland):\n"
            "The vote showed how divided the country is.\nThe next government will struggle to unite it.\n"
            "Tom Wells, historian (Czechia):\n— The result was expected by everyone.\n")
    assert lines_of(text) == [(2, "Jane Roe", "direct"), (3, "Jane Roe", "direct"), (5, "Tom Wells", "direct")]


def test_hard_wrapped_text_is_read_as_sentences_and_cut_at_the_real_breaks() -> None:
    text = ("Title\n\nThe economist Jane Roe of Leeds University said\nthat the plan would fail because the\n"
            "farmers were never asked what they\nneed, and that it would cost a lot.\n\n"
            "Prices rose in the spring and\nagain in the autumn, while wages\nstayed where they were before\n"
            "the plan was announced by the ministry.\n")
    reading = unwrap(text)
    assert len(reading) == len(text) and reading.count("\n") == 5  # title, paragraph break, last line
    statements = extract(text).statements
    assert {s.speaker for s in statements} == {"Jane Roe"}
    assert [s.paragraph for s in statements] == [3, 4, 5]  # the clause starts after "said", on line 3
    assert all(s.text == text[s.start:s.end] and "\n" not in s.text for s in statements)


def test_text_with_one_paragraph_a_line_is_read_as_it_is() -> None:
    text = "Title\nJane Roe said the plan would fail.\nPrices rose.\n"
    assert build_document(text).reading is text


def test_a_quoted_headline_is_the_editors() -> None:
    text = "“It’s going to be challenging”: five parties sign a deal\nThe parties met on Monday.\n"
    assert build_document(text).headline_end == text.index("\n")


def test_a_text_that_quotes_with_single_marks_has_its_quotations_read() -> None:
    text = ("Islanders vote on independence\n"
            "‘My mum voted Yes in 1946 and she’s 95 now,’ says Magda Arne. ‘She would love to see it.’\n"
            "The islanders’ homes are far apart.\n"
            "Arne said: ‘A union suggests equal partners.’\n")
    assert sorted(set(lines_of(text))) == [(1, "Magda Arne", "direct"), (3, "Magda Arne", "direct")]


def test_single_marks_in_a_text_that_quotes_with_doubles_stay_apostrophes_and_scare_quotes() -> None:
    text = "Title\nThe ‘reform’ was passed.\n“It’s the islanders’ choice,” said Magda Arne.\n"
    assert build_document(text).reading == text
    assert lines_of(text) == [(2, "Magda Arne", "direct")]

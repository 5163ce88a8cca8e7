"""app/web/marks.py: lines cut into pieces that nest, whatever the statements' overlaps; cues found in their line."""

from __future__ import annotations

import pytest

from app.web.marks import article_lines, locate_cue, speaker_class


def statement(id_: int, text: str, words: str, cue: str | None = None, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"id": id_, "start": start, "end": start + len(words), "cue": cue, "text": words}


def replay(pieces) -> tuple[str, dict[int, str], dict[int, int]]:
    """The line's text, the text inside each statement's fragments, and how many first fragments each has;
    fails if an element closes out of order."""
    stack, text, inside, firsts = [], "", {}, {}
    for p in pieces:
        if p.action == "open":
            stack.append(p.span)
            if p.span.kind == "statement" and p.first:
                firsts[p.span.statement["id"]] = firsts.get(p.span.statement["id"], 0) + 1
        elif p.action == "close":
            assert stack.pop() is p.span
        else:
            text += p.text
            for span in stack:
                if span.kind == "statement":
                    key = span.statement["id"]
                    inside[key] = inside.get(key, "") + p.text
    assert not stack
    return text, inside, firsts


LINE = 'Analyst Jane Roe said that "prices will rise and then fall" before the vote.'
CASES = {  # name -> statements on LINE
    "apart": [("prices will rise", 0), ("before the vote", 0)],
    "nested": [('"prices will rise and then fall"', 0), ("rise and then", 0)],
    "crossing": [("prices will rise and", 0), ("rise and then fall", 0)],
    "identical": [("prices will rise", 0), ("prices will rise", 0)],
    "three crossing": [("Jane Roe said", 0), ("said that", 0), ("that \"prices", 0)],
}


@pytest.mark.parametrize("name", CASES)
def test_overlapping_statements_nest_and_keep_their_text(name):
    statements = [statement(i + 1, LINE, words, cue="said", nth=nth) for i, (words, nth) in enumerate(CASES[name])]
    [pieces] = article_lines(LINE, statements)
    text, inside, firsts = replay(pieces)
    assert text == LINE
    assert inside == {s["id"]: s["text"] for s in statements}
    assert firsts == {s["id"]: 1 for s in statements}  # one id per statement


def test_lines_are_the_text_split_at_line_breaks_with_offsets_kept():
    text = "Title\n\nHe said: “Growth will slow.”\nShe disagreed."
    s = statement(1, text, "“Growth will slow.”", cue="said")
    lines = article_lines(text, [s])
    assert [replay(pieces)[0] for pieces in lines] == text.split("\n")
    assert replay(lines[2])[1] == {1: "“Growth will slow.”"}
    assert [p.text for p in lines[2] if p.action == "text"] == ["He ", "said", ": ", "“Growth will slow.”"]


@pytest.mark.parametrize(("line", "words", "cue", "found"), [
    ("“Fine,” he said, and said it again.", "“Fine,”", "said", "said, and"),  # the nearest occurrence
    ("He believes that rates will fall.", "rates will fall", "believes", "believes that"),
    ("According to Roe, rates will fall.", "rates will fall", "According to", "According to Roe"),
    ("according  to Roe, rates will fall.", "rates will fall", "According to", "according  to Roe"),  # case, spaces
    ("Roe said “said is a word”.", "“said is a word”", "said", "said “"),  # never inside the statement
    ("She unsaid it: rates will fall.", "rates will fall", "said", None),  # whole words only
])
def test_a_cue_is_found_nearest_the_statement_in_its_line(line, words, cue, found):
    s = statement(1, line, words, cue=cue)
    place = locate_cue(line, s)
    if found is None:
        assert place is None
    else:
        start = line.index(found)
        assert place == (start, start + len(cue) + (1 if "  " in found else 0))


def test_a_cue_in_another_line_is_not_underlined():
    text = "“Rates will fall,” she said.\n“And soon.”"
    s = statement(2, text, "“And soon.”", cue="said")
    assert locate_cue(text, s) is None


def test_speakers_past_the_palette_get_an_outline_pattern():
    classes = [speaker_class(i) for i in range(24)]
    assert classes[:6] == [f"tone-{i}" for i in range(6)]
    assert classes[6] == "tone-0 pattern-1" and classes[13] == "tone-1 pattern-2" and classes[18] == "tone-0 pattern-3"
    assert len(set(classes)) == 24

"""A long line holding many statements extracts in time linear in its length.

Found by the property tests (tests/robustness): two sieves split the whole line into sentences again for
every claim in it, and the sentence sieve looked up every name of a sentence again for every quotation in
it, so a 100 KB line without line breaks took 15-70 s instead of a fraction of one.
"""
from __future__ import annotations

import time

import pytest

from app.extract.pipeline import extract

REPEATS = 2000  # about 100 KB on one line
DEADLINE_S = 5.0  # the fixed code takes ~0.3 s here; before the fix 15 s (reported) and ~70 s (sentence)

SHAPES = [
    # a reported opinion: the continuation sieve looks at the rest of its line for more of it
    ("Economist Anna Becker believes that prices will rise. ", "indirect", "reported/name"),
    # a quotation framed by no verb: the sentence sieve gives it to the one person its sentence names
    ("Anna Becker of the Kiel Institute touched upon the meeting in Berlin, “the deal is off”; ", "direct",
     "sentence/name"),
]


@pytest.mark.parametrize(("unit", "kind", "sieve"), SHAPES, ids=["reported", "quoted"])
def test_a_long_line_of_statements_extracts_within_a_deadline(unit: str, kind: str, sieve: str) -> None:
    text = unit * REPEATS
    started = time.perf_counter()
    extraction = extract(text)
    elapsed = time.perf_counter() - started
    assert len(extraction.statements) == REPEATS
    assert {(s.speaker, s.kind, s.sieve) for s in extraction.statements} == {("Anna Becker", kind, sieve)}
    assert elapsed < DEADLINE_S, f"{elapsed:.1f} s for {len(text)} characters on one line"

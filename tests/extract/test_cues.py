"""Every cue row of the data file is a test row: its example gives Jane Roe a statement framed by that cue."""
from __future__ import annotations

import tomllib

import pytest

from app.extract.cues import DATA_DIR, cue_of, cues
from app.extract.pipeline import extract

FRAMING = [cue for cue in cues() if "reporting" in cue.flags or "opinion" in cue.flags]


@pytest.mark.parametrize("cue", FRAMING, ids=[cue.lemma for cue in FRAMING])
def test_the_rows_example_is_framed_by_its_cue(cue) -> None:
    statements = extract(f"Title\n{cue.example}\n").statements
    assert [s.speaker for s in statements] == ["Jane Roe"], cue.example
    assert statements[0].cue.lower() in cue.forms | {cue.lemma}, statements[0].cue


def test_a_lemma_row_is_inflected_and_a_noun_like_base_left_out() -> None:
    assert cue_of({"lemma": "stress"}).forms == {"stress", "stresses", "stressed"}
    assert cue_of({"lemma": "attack", "base": False}).forms == {"attacks", "attacked"}
    assert "adding" in cue_of({"lemma": "add", "ing": True}).forms
    assert cue_of({"lemma": "refer"}).participle == "referring"


WORD_LISTS = tomllib.loads((DATA_DIR / "en" / "words.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_each_word_lists_example_gives_its_speaker(name: str) -> None:
    row = WORD_LISTS[name]
    speakers = [s.speaker for s in extract(f"Title\n{row['example']}\n").statements]
    assert set(speakers) == (set() if row["expect"] == "no one" else {row["expect"]}), row["example"]

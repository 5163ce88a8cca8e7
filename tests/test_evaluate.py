"""The evaluate command scores an extraction against gold files and prints a table."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.annotate.taxonomy import load_taxonomy
from app.evaluate import evaluate_command, same_person, score_documents
from tests.conftest import TAXONOMY as TAXONOMY_PATH

TAXONOMY = load_taxonomy(TAXONOMY_PATH)

DOC = "Views\n“Growth will slow,” said Dr. Jane Roe, a professor at Leeds University.\nThe weather was mild.\n"


def write_gold(tmp: Path, statements: list[dict]) -> Path:
    (tmp / "seeds").mkdir()
    (tmp / "gold").mkdir()
    (tmp / "seeds" / "a.txt").write_text(DOC, encoding="utf-8")
    gold = {"document": "a.txt", "experts": [{"name": "Jane Roe", "aliases": ["Roe"], "countries": [],
                                             "roles": ["professor"]}], "statements": statements}
    (tmp / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp / "gold"


@pytest.mark.parametrize("pred, gold, expected", [
    ("Jane Roe", {"name": "Jane Roe"}, True),
    ("Roe", {"name": "Jane Roe"}, True),
    ("Dr. J. Roe", {"name": "Jane Roe", "aliases": ["Roe"]}, True),
    ("John Doe", {"name": "Jane Roe"}, False),
])
def test_experts_match_by_last_name(pred: str, gold: dict, expected: bool) -> None:
    assert same_person(pred, gold) is expected


def test_perfect_prediction_scores_one(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path, [{"paragraph": 1, "speaker": "Jane Roe", "kind": "direct"}])
    scores = score_documents(gold_dir, tmp_path / "seeds", TAXONOMY)
    assert scores.experts.prf()[2] == 1.0
    assert scores.attribution.prf()[2] == 1.0
    assert scores.kind.value() == 1.0


def test_missing_gold_line_lowers_recall_not_precision(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path, [{"paragraph": 1, "speaker": "Jane Roe", "kind": "direct"},
                                     {"paragraph": 2, "speaker": "Jane Roe", "kind": "indirect"}])
    p, r, _ = score_documents(gold_dir, tmp_path / "seeds", TAXONOMY).attribution.prf()
    assert (p, r) == (1.0, 0.5)


def test_command_prints_table_with_default_docs_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir = write_gold(tmp_path, [{"paragraph": 1, "speaker": "Jane Roe", "kind": "direct"}])
    evaluate_command(gold_dir)
    out = capsys.readouterr().out
    assert "attribution" in out and "1.000" in out


def test_command_prints_precision_by_confidence_and_by_sieve(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir = write_gold(tmp_path, [{"paragraph": 1, "speaker": "Jane Roe", "kind": "direct"}])
    evaluate_command(gold_dir)
    out = capsys.readouterr().out
    assert "confidence >=" in out and "quotation/name" in out


def test_a_named_quotation_frame_counts_at_the_highest_confidence_floor(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path, [{"paragraph": 1, "speaker": "Jane Roe", "kind": "direct"},
                                     {"paragraph": 2, "speaker": "Jane Roe", "kind": "direct"}])
    scores = score_documents(gold_dir, tmp_path / "seeds", TAXONOMY)
    assert [(c.tp, c.pred, c.gold) for c in scores.by_confidence.values()] == [(1, 1, 2)] * 5
    assert (scores.by_sieve["quotation/name"].tp, scores.by_sieve["quotation/name"].pred) == (1, 1)

"""Loading and validating the topic taxonomy file."""
from pathlib import Path

import pytest

from app.annotate.taxonomy import load_taxonomy

SEED_TAXONOMY = Path(__file__).resolve().parents[2] / "seeds" / "topics.toml"
GOLD_SLUGS = {
    "armenia-peace", "russia", "united-states", "european-union", "china", "turkic-world", "israel",
    "middle-east", "energy", "transport-corridors", "economy", "karabakh", "international-standing",
    "tolerance", "regional-security",
}


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_seed_taxonomy_has_the_gold_slugs_each_with_label_and_terms() -> None:
    taxonomy = load_taxonomy(SEED_TAXONOMY)
    assert {topic.slug for topic in taxonomy.topics} == GOLD_SLUGS
    assert all(topic.label and topic.description and topic.terms for topic in taxonomy.topics)


def test_loads_topics_in_file_order_with_optional_exact_terms(tmp_path: Path) -> None:
    path = write(tmp_path, """
[[topic]]
slug = "trade"
label = "Trade"
terms = ["tariff", "customs union"]
exact_terms = ["WTO"]

[[topic]]
slug = "health"
label = "Health"
description = "Hospitals and disease."
terms = ["hospital"]
""")
    taxonomy = load_taxonomy(path)
    assert [topic.slug for topic in taxonomy.topics] == ["trade", "health"]
    trade = taxonomy.get("trade")
    assert trade is not None and trade.terms == ["tariff", "customs union"] and trade.exact_terms == ["WTO"]
    assert taxonomy.get("sports") is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[topic]]\nslug = "a"\nlabel = "A"\nterms = ["x"]\n[[topic]]\nslug = "a"\nlabel = "B"\nterms = ["y"]\n',
         "duplicate slug 'a'"),
        ('[[topic]]\nslug = "energy"\nterms = ["oil"]\n', "'energy' has no label"),
        ('[[topic]]\nslug = "energy"\nlabel = "Energy"\nterms = []\n', "'energy' has no terms"),
        ('[[topic]]\nlabel = "Energy"\nterms = ["oil"]\n', "has no slug"),
        ('[[topic]]\nslug = "energy"\nlabel = "Energy"\nterms = "oil"\n', "must be a list of strings"),
        ("title = 'no topics here'\n", "no [[topic]] tables"),
        ("[[topic]\n", "not valid TOML"),
    ],
)
def test_invalid_files_name_the_file_and_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ValueError) as error:
        load_taxonomy(path)
    assert message in str(error.value) and str(path) in str(error.value)

from fastapi.testclient import TestClient

from app.annotate.taxonomy import load_taxonomy
from app.db import get_engine
from app.ingest import pipeline
from app.main import create_app
from tests.conftest import SEEDS, TAXONOMY

NEW_TOPIC = '''

[[topic]]
slug = "diplomacy-of-values"
label = "Values in diplomacy"
description = "Trust, respect and shared values between states."
terms = ["mutual respect", "shared values"]
'''


def test_a_topic_added_to_the_taxonomy_is_found_through_the_api_after_annotate(empty_url, tmp_path):
    engine = get_engine(empty_url)
    pipeline.ingest([SEEDS], engine=engine, taxonomy=load_taxonomy(TAXONOMY))
    client = TestClient(create_app(empty_url))
    assert client.get("/v1/topics/diplomacy-of-values").status_code == 404

    edited = tmp_path / "topics.toml"
    edited.write_text(TAXONOMY.read_text(encoding="utf-8") + NEW_TOPIC, encoding="utf-8")
    count = pipeline.reannotate(engine=engine, taxonomy=load_taxonomy(edited))

    assert count == sum(d["statement_count"] for d in client.get("/v1/documents").json()["items"])
    topic = client.get("/v1/topics/diplomacy-of-values").json()
    assert topic["statement_count"] > 0
    tagged = client.get("/v1/statements", params={"topic": "diplomacy-of-values"}).json()["items"]
    assert len(tagged) == topic["statement_count"]
    assert all({"mutual respect", "shared values"} & {t.lower() for t in s["topic_evidence"]["diplomacy-of-values"]}
               for s in tagged)
    facets = client.get("/v1/statements", params={"topic": "diplomacy-of-values", "facet": "kind", "limit": 1}).json()
    assert sum(f["count"] for f in facets["facets"]["kind"]) == topic["statement_count"]  # roll-up kept in step

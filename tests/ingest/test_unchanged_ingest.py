"""Re-ingesting what is already stored changes nothing, not even the ETags clients cache by."""
from fastapi.testclient import TestClient

from app.annotate.taxonomy import load_taxonomy
from app.db import get_engine
from app.ingest import pipeline
from app.main import create_app
from tests.conftest import SEEDS, TAXONOMY


def test_an_unchanged_ingest_keeps_every_etag(empty_url, taxonomy):
    pipeline.ingest([SEEDS], engine=get_engine(empty_url), taxonomy=taxonomy)
    client = TestClient(create_app(empty_url))
    before = client.get("/v1/topics").headers["etag"]
    report = pipeline.ingest([SEEDS], engine=get_engine(empty_url), taxonomy=taxonomy)
    assert report.count("unchanged") == len(report.results) > 0
    assert client.get("/v1/topics", headers={"If-None-Match": before}).status_code == 304


def test_an_edited_taxonomy_changes_the_etag(empty_url, taxonomy, tmp_path):
    pipeline.ingest([SEEDS], engine=get_engine(empty_url), taxonomy=taxonomy)
    client = TestClient(create_app(empty_url))
    before = client.get("/v1/topics").headers["etag"]
    edited = tmp_path / "topics.toml"
    edited.write_text(TAXONOMY.read_text(encoding="utf-8").replace('label = "', 'label = "The ', 1), encoding="utf-8")
    pipeline.ingest([SEEDS], engine=get_engine(empty_url), taxonomy=load_taxonomy(edited))
    assert client.get("/v1/topics", headers={"If-None-Match": before}).status_code == 200
    first = taxonomy.topics[0]
    assert client.get(f"/v1/topics/{first.slug}").json()["label"] == f"The {first.label}"

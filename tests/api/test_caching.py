import time

import pytest
from sqlmodel import Session

from app.api.caching import DatasetVersion
from app.db import get_engine, make_engine
from app.ingest.persist import bump_dataset_version


class TestConditionalGet:
    def test_every_get_has_an_etag_and_cache_control(self, client):
        for path in ("/v1/statements", "/v1/experts/1", "/v1/topics", "/v1/documents"):
            response = client.get(path)
            assert response.headers["etag"].startswith('W/"') and "no-cache" in response.headers["cache-control"]

    def test_matching_if_none_match_is_a_304_without_body(self, client):
        etag = client.get("/v1/statements?kind=direct").headers["etag"]
        again = client.get("/v1/statements?kind=direct", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag

    @pytest.mark.parametrize(("if_none_match", "status"), [
        ("*", 304),
        ("{etag}", 304),
        ('W/"0000", {etag}, "1111"', 304),
        ("{strong}", 304),  # If-None-Match compares weakly (RFC 9110, 13.1.2)
        ('W/"0000", "1111"', 200),
        ("", 200),
    ])
    def test_if_none_match_forms(self, client, if_none_match, status):
        etag = client.get("/v1/experts").headers["etag"]
        header = if_none_match.format(etag=etag, strong=etag.removeprefix("W/"))
        response = client.get("/v1/experts", headers={"If-None-Match": header})
        assert response.status_code == status and response.headers["etag"] == etag
        assert "no-cache" in response.headers["cache-control"]
        assert (response.content == b"") == (status == 304)

    def test_only_successful_v1_answers_carry_an_etag(self, client):
        for path in ("/v1/experts/999999", "/healthz"):
            assert "etag" not in client.get(path).headers, path

    def test_other_query_or_accept_gets_another_etag(self, client):
        tags = {client.get("/v1/statements", params=p, headers=h).headers["etag"]
                for p, h in [({}, {}), ({"kind": "direct"}, {}), ({}, {"Accept": "text/csv"})]}
        assert len(tags) == 3

    def test_a_write_changes_the_etag(self, client, seeded_url):
        before = client.get("/v1/topics").headers["etag"]
        with Session(get_engine(seeded_url)) as session, session.begin():
            bump_dataset_version(session)
        after = client.get("/v1/topics", headers={"If-None-Match": before})
        assert after.status_code == 200 and after.headers["etag"] != before


def test_the_version_is_read_while_every_pooled_connection_is_held(seeded_url):
    # The middleware reads it on the event loop: waiting there for a pooled connection would wait
    # for requests that only the event loop can finish.
    engine = make_engine(seeded_url, pool_size=1, max_overflow=0, pool_timeout=2)
    version = DatasetVersion(engine)
    with engine.connect():  # the pool's only connection, held
        started = time.perf_counter()
        assert version.read() >= 0
        assert time.perf_counter() - started < 1
    version.close()


def test_the_version_is_read_again_after_its_connection_breaks(seeded_url):
    """A dropped connection (a restarted database server) costs one new connection, not an error."""
    version = DatasetVersion(get_engine(seeded_url))
    before = version.read()
    version.connection.dbapi_connection.close()
    assert version.read() == before
    version.close()


def test_each_resource_has_its_own_etag(client):
    """A tag sent back to another address never matches there."""
    tags = {path: client.get(path).headers["etag"] for path in ("/v1/topics", "/v1/experts", "/v1/documents")}
    assert len(set(tags.values())) == 3
    assert client.get("/v1/experts", headers={"If-None-Match": tags["/v1/topics"]}).status_code == 200

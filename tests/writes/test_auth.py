"""API keys: 401 without a usable key, 403 with too small a scope, 429 over the write limit; never logged."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from app import keys as key_store
from app.config import get_settings
from app.db import get_engine
from app.main import create_app
from tests.writes.conftest import bearer, make_key


def test_a_write_without_a_key_is_401_with_a_bearer_challenge(writer):
    answer = writer.delete("/v1/documents/1")
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.headers["content-type"] == "application/problem+json"
    assert writer.get("/v1/documents/1").status_code == 200  # nothing was deleted


@pytest.mark.parametrize("header", ["Bearer opk_000000000000_nope", "Bearer nonsense", "Basic dXNlcjpwYXNz"])
def test_a_wrong_or_malformed_key_is_401(writer, keys, header):
    answer = writer.delete("/v1/documents/1", headers={"Authorization": header})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")


def test_a_key_with_the_right_lookup_and_a_wrong_secret_is_401(writer, keys):
    real = keys.write["Authorization"]
    forged = real[: -4] + ("AAAA" if not real.endswith("AAAA") else "BBBB")
    assert writer.delete("/v1/documents/1", headers={"Authorization": forged}).status_code == 401
    assert writer.get("/v1/documents/1").status_code == 200


def test_a_read_key_cannot_write(writer, keys):
    answer = writer.delete("/v1/documents/1", headers=keys.read)
    assert answer.status_code == 403
    assert 'error="insufficient_scope"' in answer.headers["www-authenticate"]
    assert answer.json()["needed_scope"] == "write"


@pytest.mark.parametrize("scope", ["write", "admin"])
def test_a_write_or_admin_key_writes(writer, keys, scope):
    answer = writer.delete("/v1/documents/1", headers=getattr(keys, scope))
    assert answer.status_code == 204
    assert writer.get("/v1/documents/1").status_code == 404


def test_a_revoked_key_stops_working_at_once(writer, writable_url):
    key = make_key(writable_url, "soon-gone", "write")
    assert writer.delete("/v1/documents/999", headers=bearer(key)).status_code == 404  # verified, then cached
    with get_engine(writable_url).begin() as conn:
        key_store.revoke_key(conn, name="soon-gone")
    assert writer.delete("/v1/documents/1", headers=bearer(key)).status_code == 401


def test_reads_need_a_key_when_configured(writable_url, keys, monkeypatch):
    monkeypatch.setenv("OPINIONS_READ_REQUIRES_KEY", "true")
    get_settings.cache_clear()
    try:
        client = TestClient(create_app(writable_url))
        assert client.get("/v1/statements").status_code == 401
        assert client.get("/v1/statements", headers=keys.read).status_code == 200
        assert client.get("/healthz").status_code == 200  # health stays open for probes
    finally:
        get_settings.cache_clear()


def test_writes_over_the_limit_are_429_with_retry_after(writable_url, keys, monkeypatch):
    monkeypatch.setenv("OPINIONS_WRITE_LIMIT", "2/minute")
    get_settings.cache_clear()
    try:
        client = TestClient(create_app(writable_url))
        statuses = [client.delete("/v1/documents/999", headers=keys.write).status_code for _ in range(3)]
        assert statuses == [404, 404, 429]
        over = client.delete("/v1/documents/999", headers=keys.write)
        assert 1 <= int(over.headers["retry-after"]) <= 60
        assert client.delete("/v1/documents/999", headers=keys.admin).status_code == 404  # a limit per key
    finally:
        get_settings.cache_clear()


def test_keys_never_appear_in_logs(writer, keys, caplog):
    secret = keys.write["Authorization"].removeprefix("Bearer ")
    with caplog.at_level(logging.DEBUG):
        refused = writer.delete("/v1/documents/1", headers={"Authorization": f"Bearer {secret}x"})
        writer.delete("/v1/documents/1", headers=keys.write)
    assert secret not in caplog.text
    assert secret not in refused.text

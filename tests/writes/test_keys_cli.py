"""`opinions keys create|list|revoke`: the key shown once on the last line, stored only as a hash."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import app
from app.db import get_engine
from app.main import create_app

runner = CliRunner()


def keys(url: str, *args: str):
    return runner.invoke(app, ["--database-url", url, "keys", *args])


def test_a_created_key_is_printed_once_and_works(writable_url):
    made = keys(writable_url, "create", "newsroom-bot", "--scope", "write")
    assert made.exit_code == 0, made.output
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("opk_") and " " not in key
    client = TestClient(create_app(writable_url))
    assert client.delete("/v1/documents/999", headers={"Authorization": f"Bearer {key}"}).status_code == 404
    with get_engine(writable_url).connect() as conn:
        stored = conn.execute(text("SELECT secret_hash FROM api_key WHERE name = 'newsroom-bot'")).scalar_one()
    assert key not in stored and stored.startswith("$argon2id$")
    listed = keys(writable_url, "list")
    assert listed.exit_code == 0 and "newsroom-bot\twrite" in listed.stdout and key not in listed.stdout


def test_revoking_a_key_ends_it_and_the_feed_shows_both(writable_url):
    key = keys(writable_url, "create", "temp").stdout.strip().splitlines()[-1]
    assert keys(writable_url, "revoke", "temp").exit_code == 0
    client = TestClient(create_app(writable_url))
    assert client.delete("/v1/documents/1", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    assert "revoked" in keys(writable_url, "list").stdout
    with get_engine(writable_url).connect() as conn:
        events = conn.execute(text("SELECT actor, entity, action FROM change WHERE entity = 'key' ORDER BY seq")).all()
    assert events == [("cli", "key", "created"), ("cli", "key", "revoked")]


def test_bad_key_commands_are_usage_errors(writable_url):
    assert keys(writable_url, "create", "x", "--scope", "root").exit_code == 2
    keys(writable_url, "create", "dup")
    again = keys(writable_url, "create", "dup")
    assert again.exit_code == 2 and "exists already" in again.stderr
    assert keys(writable_url, "revoke", "nobody").exit_code == 2

"""The README's "Writing over HTTP" examples, run in order on a fresh seeded database with a write key:
each answers the status its comment shows."""

from __future__ import annotations

import shlex

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.main import create_app
from tests.conftest import ROOT

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## Writing over HTTP", 1)[1].split("\n## ", 1)[0]
ARTICLE = "Trade routes\n\nThe corridor will double trade, said Omar Haddad, an analyst from Jordan.\n"


def commands(section: str) -> list[str]:
    """The shell commands of the section's code block, continuation lines joined."""
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def request(line: str, key: str) -> tuple[str, str, dict[str, str], bytes | None, int]:
    """A curl line's method, path, headers, body and the status its comment promises."""
    command, status = line.rsplit("  # ", 1)
    words = iter(shlex.split(command.replace("$key", key)))
    method, headers, body, url = "GET", {}, None, ""
    for word in words:
        if word == "-X":
            method = next(words)
        elif word == "-H":
            name, value = next(words).split(":", 1)
            headers[name] = value.strip()
        elif word == "-d":
            body = next(words).encode()
        elif word == "--data-binary":
            body = ARTICLE.encode() if next(words) == "@article.txt" else None
        elif word.startswith("http"):
            url = word
    return method, url.removeprefix("http://127.0.0.1:8000"), headers, body, int(status)


def test_the_write_examples_answer_what_they_promise(writable_url):
    lines = commands(SECTION)
    assert lines[0].startswith("key=$(opinions keys create ")
    created = CliRunner().invoke(cli, [*shlex.split(lines[0].split("$(", 1)[1].split(" |")[0])[1:],
                                       "--database-url", writable_url])
    key = created.stdout.strip().splitlines()[-1]
    curls = [line for line in lines[1:] if line.startswith("curl ")]
    assert len(curls) == len(lines) - 1 >= 6
    with TestClient(create_app(writable_url)) as client:
        for line in curls:
            method, path, headers, body, status = request(line, key)
            answer = client.request(method, path, headers=headers, content=body)
            assert answer.status_code == status, (line, answer.text)
            if method == "GET":
                assert answer.json()["items"], line

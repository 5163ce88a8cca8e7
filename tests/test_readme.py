import json
import re
import shlex
from urllib.parse import urlencode

import pytest

from app.cli import app as cli
from app.main import create_app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    commands = [c.name or c.callback.__name__ for c in cli.registered_commands] + ["db upgrade"]
    assert all(f"opinions {name}" in README for name in commands)


def test_every_route_has_a_curl_example():
    spec = create_app("sqlite://").openapi()
    for path in spec["paths"]:
        pattern = re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
        pattern = re.sub(r"\{[^}]+\}", r"[^/?' ]+", pattern)
        assert re.search(r"curl[^\n]*127\.0\.0\.1:8000" + pattern + r"(?![/\w])", README), path


# Every curl example of "The API by example" answers what it promises on the seed: a 200 with
# something in it (a list with items, CSV rows, NDJSON lines), or exactly the JSON its comment shows.

API_SECTION = README.split("## The API by example", 1)[1].split("\n## ", 1)[0]
CURL_LINES = [line for line in API_SECTION.splitlines() if line.startswith("curl ")]


def curl_request(line: str) -> tuple[str, dict[str, str]]:
    """The path (with its query, `-d` data included) and the headers of a curl command line."""
    words = shlex.split(line.split(" > ")[0], comments=True)
    url, headers, params = "", {}, []
    options = iter(words[1:])
    for word in options:
        if word == "-H":
            name, value = next(options).split(":", 1)
            headers[name] = value.strip()
        elif word in ("-d", "--data-urlencode"):
            params.append(tuple(next(options).split("=", 1)))
        elif word in ("-o", "-w", "-D"):
            next(options)
        elif word.startswith("http"):
            url = word
    path = url.removeprefix("http://127.0.0.1:8000")
    if params:
        path += ("&" if "?" in path else "?") + urlencode(params)
    return path, headers


def comment_of(line: str) -> str:
    return line.rsplit("  # ", 1)[1].strip() if "  # " in line else ""


def test_the_api_examples_are_all_run_here():
    assert len(CURL_LINES) >= 25 and all("127.0.0.1:8000/" in line for line in CURL_LINES)
    line = """curl -s -G -H 'Accept: text/csv' 'http://127.0.0.1:8000/v1/x?a=1' --data-urlencode 'q="b c"'  # z"""
    assert curl_request(line) == ("/v1/x?a=1&q=%22b+c%22", {"Accept": "text/csv"})


@pytest.mark.parametrize("line", [line for line in CURL_LINES if "$" not in line])
def test_every_api_example_answers_what_it_promises_on_the_seed(client, line):
    path, headers = curl_request(line)
    answer = client.get(path, headers=headers)
    assert answer.status_code == 200, answer.text
    kind = answer.headers["content-type"]
    if kind.startswith("text/csv"):
        assert len(answer.text.splitlines()) > 1  # a header and rows
    elif kind.startswith("application/x-ndjson"):
        assert answer.text.splitlines()
    else:
        body = answer.json()
        items = body["items"] if isinstance(body, dict) and "items" in body else body
        assert items, "the example finds nothing on the seed"
        if comment_of(line).startswith("{"):
            assert body == json.loads(comment_of(line))


def test_the_conditional_request_example_gets_a_304(client):
    first = next(line for line in API_SECTION.splitlines() if line.startswith("etag=$(curl"))
    second = next(line for line in CURL_LINES if "If-None-Match: $etag" in line)
    etag = client.get(curl_request(first.removeprefix("etag=$(").split(" | ")[0])[0]).headers["etag"]
    path, _ = curl_request(second)
    answer = client.get(path, headers={"If-None-Match": etag})
    assert (answer.status_code, answer.content) == (304, b"")
    assert comment_of(second) == "304"

import re

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

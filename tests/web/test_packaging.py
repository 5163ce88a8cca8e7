"""The review pages' templates and stylesheet ship in the package (a non-editable install serves them too)."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from tests.conftest import ROOT


def test_every_template_and_stylesheet_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["app.web"]
    web = ROOT / "app" / "web"
    files = [p.relative_to(web).as_posix() for p in web.rglob("*") if p.suffix in (".html", ".css")]
    assert len(files) >= 7
    assert [f for f in files if not any(fnmatch(f, pattern) for pattern in patterns)] == []

"""The review pages in a real browser: headless Chromium at 1280 px loads each page from a running server
(`opinions serve` on the seed) with no console error, and every statement is visible, marked, and named."""

from __future__ import annotations

import httpx
import pytest

from tests.robustness.support import free_port, kill_group, start_opinions, wait_until_up
from tests.web.browser import CHROMIUM, Chromium

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "(apt-get install chromium; .ci/run installs it)")
WIDTH = 1280

# Each statement's marks as the browser lays them out: the first line box of each, whether it is shown
# and on top where it is drawn, its background (a tone, not transparent).
MARKS = """[...document.querySelectorAll('mark[data-statement]')].map(m => {
  m.scrollIntoView({block: 'center'});
  const box = m.getClientRects()[0], style = getComputedStyle(m);
  const hit = box && document.elementFromPoint(box.left + Math.min(4, box.width / 2), box.top + box.height / 2);
  return {statement: +m.dataset.statement, id: m.id, speaker: m.dataset.speaker, text: m.textContent,
          area: box ? box.width * box.height : 0, onTop: !!hit && m.contains(hit),
          shown: style.visibility === 'visible' && style.display !== 'none' && +style.opacity > 0,
          background: style.backgroundColor};
})"""
CARDS = """[...document.querySelectorAll('article.card')].map(c => {
  c.scrollIntoView({block: 'center'});
  const quote = c.querySelector('blockquote'), box = quote.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + 8, box.top + 8);
  return {href: c.querySelector('a[href*="#s"]').getAttribute('href'), area: box.width * box.height,
          onTop: !!hit && quote.contains(hit)};
})"""
WIDE = "document.documentElement.scrollWidth"


@pytest.fixture(scope="module")
def site(seeded_url):
    port = free_port()
    server = start_opinions("serve", "--port", str(port), url=seeded_url)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, server)
        yield base
    finally:
        kill_group(server)


@pytest.fixture(scope="module")
def browser():
    with Chromium(width=WIDTH) as chromium:
        yield chromium


def test_the_article_shows_every_statement_marked_and_named(site, browser):
    statements = httpx.get(f"{site}/v1/statements", params={"document": 1, "limit": 500}).json()["items"]
    browser.load(f"{site}/documents/1")
    assert browser.errors == []
    assert browser.evaluate("innerWidth") == WIDTH and browser.evaluate(WIDE) <= WIDTH  # no sideways scrolling
    marks = {m["statement"]: m for m in browser.evaluate(MARKS)}
    assert len(marks) == len(statements) == 34
    for s in statements:
        mark = marks[s["id"]]
        assert (mark["id"], mark["text"], mark["speaker"]) == (f"s{s['id']}", s["text"], s["expert"]["name"])
        assert mark["shown"] and mark["onTop"] and mark["area"] > 0, mark
        assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), mark
    assert len({m["background"] for m in marks.values()}) == 3  # a tone per speaker


@pytest.mark.parametrize(("page", "api"), [
    ("/experts/3?limit=500", {"expert": 3}),
    ("/?limit=500", {}),
    ("/?q=energy&limit=500", {"q": "energy"}),
])
def test_the_list_pages_show_every_statement(site, browser, page, api):
    expected = httpx.get(f"{site}/v1/statements", params={"limit": 500, **api}).json()["items"]
    browser.load(site + page)
    assert browser.errors == []
    assert browser.evaluate(WIDE) <= WIDTH
    cards = browser.evaluate(CARDS)
    assert sorted(c["href"] for c in cards) == sorted(f"/documents/{s['document_id']}#s{s['id']}" for s in expected)
    assert all(c["area"] > 0 and c["onTop"] for c in cards), cards


def test_a_link_to_a_statement_brings_it_into_view(site, browser):
    browser.load(f"{site}/documents/1#s30")
    top = browser.evaluate("document.getElementById('s30').getBoundingClientRect().top")
    assert 0 < top < browser.height / 2


def test_console_errors_are_caught(site, browser):
    """The check above can fail: an error logged, or a stylesheet missing, is reported."""
    page = f"<link rel=stylesheet href='{site}/static/missing.css'><script>console.error('x')</script>"
    browser.load(f"data:text/html,{page}")
    assert "x" in browser.errors and any("missing.css" in error for error in browser.errors)

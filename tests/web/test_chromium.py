"""The review pages in a real browser: headless Chromium at 1280 px loads each page from a running server
(`opinions serve` on the seed) with no console error, and every statement is visible, marked, and named."""

from __future__ import annotations

import httpx
import pytest

from app.db import get_engine
from app.ingest import pipeline
from tests.conftest import SEEDS
from tests.robustness.support import free_port, kill_group, start_opinions, wait_until_up
from tests.web.browser import CHROMIUM, Chromium
from tests.writes.conftest import make_key

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


@pytest.fixture(scope="module")
def review_site(databases, taxonomy):
    """A server on a database of its own (the test writes), and a write key for it."""
    url = databases.new()
    pipeline.ingest([SEEDS], engine=get_engine(url), taxonomy=taxonomy, workers=1)
    key = make_key(url, "page-reviewer", "write")
    port = free_port()
    server = start_opinions("serve", "--port", str(port), url=url)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, server)
        yield base, key
    finally:
        kill_group(server)
        get_engine(url).dispose()


BUTTONS = """[...document.querySelectorAll('form.review')].map(f => {
  const b = f.querySelector('button[value=rejected]'); b.scrollIntoView({block: 'center'});
  const box = b.getBoundingClientRect(), hit = document.elementFromPoint(box.left + 3, box.top + 3);
  return {action: f.getAttribute('action'), onTop: !!hit && b.contains(hit)};
})"""


def test_a_reviewer_gives_a_key_and_rejects_a_statement_with_its_button(review_site, browser):
    base, key = review_site
    browser.load(f"{base}/documents/1")
    assert browser.evaluate("document.querySelectorAll('form.review').length") == 0
    browser.evaluate(f"document.getElementById('review-key').value = {key!r}")
    browser.submit("form.key button")
    assert browser.errors == []
    marks = browser.evaluate("[...document.querySelectorAll('mark[data-statement]')].map(m => +m.dataset.statement)")
    buttons = browser.evaluate(BUTTONS)
    assert sorted(int(b["action"].split("/")[2]) for b in buttons) == sorted(set(marks))
    assert all(b["onTop"] for b in buttons)  # every button visible and clickable

    target = buttons[0]["action"].split("/")[2]
    browser.submit(f"form[action='/statements/{target}/review'] button[value=rejected]")
    assert browser.errors == []
    assert httpx.get(f"{base}/v1/statements/{target}").json()["status"] == "rejected"
    assert browser.evaluate(f"document.getElementById('s{target}')") is None
    browser.submit("form.key button")  # forget the key: the other tests' pages show no buttons

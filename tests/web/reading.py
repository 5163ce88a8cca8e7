"""What a review page shows, read back from its HTML with the standard library's parser."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "link", "input", "br", "img", "hr"}


@dataclass
class Mark:
    statement: int
    id: str | None  # the element's id: only a statement's first fragment has one
    speaker: str
    text: str = ""


@dataclass
class Page(HTMLParser):
    """Marks (with the text inside each), the text of each paragraph of the article (the speakers' name
    labels left out, as a reader skips them), underlined cues by paragraph, links, and the whole text."""

    marks: list[Mark] = field(default_factory=list)
    paragraphs: dict[int, str] = field(default_factory=dict)
    cues: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    links: list[str] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict, Mark | None]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in VOID:
            return
        mark = Mark(int(a["data-statement"]), a.get("id"), a["data-speaker"]) if tag == "mark" else None
        if mark:
            self.marks.append(mark)
        if tag == "p" and paragraph_number(a) is not None:
            self.paragraphs[paragraph_number(a)] = ""
        self.open.append((tag, a, mark))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes <{self.open[-1][0] if self.open else ''}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for _, _, mark in self.open:
            if mark:
                mark.text += data
        paragraph = next((paragraph_number(a) for t, a, _ in self.open if t == "p"), None)
        if paragraph is None or any("who" in (a.get("class") or "").split() for _, a, _ in self.open):
            return
        self.paragraphs[paragraph] += data
        if any(t == "u" for t, _, _ in self.open):
            self.cues[paragraph].append(data)


def paragraph_number(attrs: dict) -> int | None:
    """n for the article's paragraph `<p id="pn">`."""
    found = re.fullmatch(r"p(\d+)", attrs.get("id") or "")
    return int(found[1]) if found else None


def read_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert not page.open, f"unclosed: {[t for t, _, _ in page.open]}"
    return page

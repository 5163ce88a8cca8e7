"""The README's screenshots of the review pages: `python -m tests.web.screenshots` (needs Debian's chromium).

Serves the seed from a new SQLite file (`opinions serve` loads seeds/ into an empty database) and saves
docs/review-*.png, 1280 px wide, as Chromium draws them.
"""

from __future__ import annotations

import tempfile

from tests.conftest import ROOT
from tests.robustness.support import free_port, kill_group, start_opinions, wait_until_up
from tests.web.browser import Chromium

SHOTS = {  # file -> page (a fragment scrolls to a paragraph where speakers change)
    "review-document.png": "/documents/1#p12",
    "review-expert.png": "/experts/3",
    "review-search.png": "/?q=energy",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = start_opinions("serve", "--port", str(port), url=f"sqlite:///{folder}/seed.db")
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, server)
            with Chromium(width=1280, height=860) as browser:
                for name, page in SHOTS.items():
                    browser.load(base + page)
                    assert not browser.errors, browser.errors
                    browser.screenshot(ROOT / "docs" / name)
                    print(f"docs/{name}: {page}")
        finally:
            kill_group(server)


if __name__ == "__main__":
    main()

"""Helpers for the web tests (tests/web is on sys.path under pytest): a DB with every fixture
ingested, a real uvicorn server on a free loopback port, and an HTML landmark/label checker."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db
from minutebook.testing.fixtures import FIXTURES, fixture_files
from minutebook.testing.server import free_port, live_server  # noqa: F401 - re-exported for the tests

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM = os.environ.get("MINUTEBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def ingest_fixtures(url: str) -> None:
    """Every shared fixture into the database at `url`; all must go in."""
    engine = open_db(url)
    try:
        report = ingest_paths(engine, [FIXTURES], workers=2)
    finally:
        engine.dispose()
    failed = [o.reason for o in report.outcomes if o.status == "failed"]
    assert not failed, failed
    assert len(report.outcomes) == len(fixture_files())


class PageCheck(HTMLParser):
    """Collects landmarks, form controls and labels, inline handlers and inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.inline_handlers: list[str] = []
        self.inline_scripts = 0
        self.skip_link = False
        self.viewport = False
        self._in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        self.inline_handlers += [k for k in a if k.startswith("on")]
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append(a)
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"] or "")
        if tag == "a" and a.get("href") == "#main" and "skip-link" in (a.get("class") or ""):
            self.skip_link = True
        if tag == "meta" and a.get("name") == "viewport":
            self.viewport = True
        if tag == "script":
            self._in_script = a.get("type") or "text/javascript"
            if not a.get("src") and self._in_script != "application/json":
                self.inline_scripts += 1

    def unlabelled(self) -> list[str]:
        return [str(c.get("id") or c.get("name")) for c in self.controls
                if not (c.get("id") in self.labels or c.get("aria-label"))]


def check_page(html: str) -> PageCheck:
    p = PageCheck()
    p.feed(html)
    missing = {"header", "nav", "main", "footer"} - p.tags
    assert not missing, f"landmarks missing: {missing}"
    assert p.skip_link, "no skip link to #main"
    assert p.viewport, "no viewport meta"
    assert not p.unlabelled(), f"inputs without labels: {p.unlabelled()}"
    assert not p.inline_handlers, f"inline event handlers: {p.inline_handlers}"
    assert p.inline_scripts == 0, "inline script (the CSP forbids it)"
    return p

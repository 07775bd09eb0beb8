"""Helpers for the officer tests (no conftest): a DB with the Westminster pack, an officer
account, a signed-in TestClient and the CSRF token scraped from a page."""

from __future__ import annotations

import os
import re
from pathlib import Path

from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db, sessions
from minutebook.testing.fixtures import fixture_path
from minutebook.web.auth import create_user
from minutebook.testing.server import free_port, live_server  # noqa: F401 - re-exported for the tests

PACK = "westminster-ahpp-2017-02-01"
PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_db(tmp: Path) -> str:
    url = f"sqlite:///{tmp / 'officer.db'}"
    engine = open_db(url)
    report = ingest_paths(engine, [fixture_path(PACK)], workers=1)
    assert report.ok, report.to_json()
    with sessions(engine).begin() as s:
        create_user(s, "olive", PASSWORD, "officer")
    engine.dispose()
    return url


def csrf_of(html: str) -> str:
    m = CSRF.search(html)
    assert m, "no csrf_token on the page"
    return m.group(1)


def sign_in(client: object, name: str = "olive", password: str = PASSWORD) -> None:
    page = client.get("/sign-in")  # type: ignore[attr-defined]
    r = client.post("/sign-in", data={"name": name, "password": password,  # type: ignore[attr-defined]
                                      "csrf_token": csrf_of(page.text), "next": "/account"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text


CHROMIUM = os.environ.get("MINUTEBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]



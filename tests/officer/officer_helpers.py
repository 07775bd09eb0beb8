"""Helpers for the officer tests (no conftest): a DB with the Westminster pack, an officer
account, a signed-in TestClient and the CSRF token scraped from a page."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db, sessions
from minutebook.testing.fixtures import fixture_path
from minutebook.web.auth import create_user

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(db_url: str, timeout: float = 60.0) -> Iterator[str]:
    """`minutebook serve` on a free loopback port (a copy of the web tests' helper: no shared conftest)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "minutebook", "serve", "--db", db_url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError("server exited early")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not answer /healthz in time")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

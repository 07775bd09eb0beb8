"""`minutebook serve --workers N`: several server processes over one database."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db
from minutebook.testing.fixtures import fixture_path
from minutebook.testing.server import live_server


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.read()


def test_serve_with_two_workers_answers_pages_and_api(tmp_path: Path) -> None:
    db = tmp_path / "serve.db"
    engine = open_db(str(db))
    ingest_paths(engine, [fixture_path("westminster-ahpp-2017-02-01")], workers=1)
    engine.dispose()
    with live_server(str(db), workers=2) as base:
        urls = [f"{base}/", f"{base}/actions", f"{base}/api/v1/meetings", f"{base}/search?q=funding"] * 10
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(_get, urls))
    assert {status for status, _ in answers} == {200}
    meetings = json.loads(next(body for (_, body), u in zip(answers, urls) if u.endswith("/meetings")))
    assert meetings["total"] >= 1

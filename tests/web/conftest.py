"""Web test fixtures: one SQLite DB with every fixture ingested per session, its app and server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from web_helpers import ingest_fixtures, live_server


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'minutebook.db'}"
    ingest_fixtures(url)
    return url


@pytest.fixture(scope="session")
def client(web_db: str) -> Iterator["object"]:
    from fastapi.testclient import TestClient

    from minutebook.web.app import create_app

    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture(scope="session")
def server(web_db: str) -> Iterator[str]:
    with live_server(web_db) as base:
        yield base


@pytest.fixture(scope="session")
def screenshots() -> Path:
    from web_helpers import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

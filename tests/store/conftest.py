"""Store tests run on both backends: `db_url` is a SQLite file and a real PostgreSQL database.

PostgreSQL comes from minutebook.testing.postgres (a throwaway server from the installed
binaries, or MINUTEBOOK_TEST_PG). Missing binaries FAIL the PostgreSQL half with the reason;
MINUTEBOOK_SKIP_PG=1 skips it instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from minutebook.store.db import open_db
from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server


from store_helpers import FIXTURES, fixture_files, fixture_path, row_counts, snapshot  # noqa: F401


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    if os.environ.get("MINUTEBOOK_SKIP_PG") == "1":
        pytest.skip("MINUTEBOOK_SKIP_PG=1: PostgreSQL half of the store tests skipped")
    try:
        with postgres_server() as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is required for the store tests: {exc}", pytrace=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'minutebook.db'}"
        return
    server = request.getfixturevalue("pg_server")
    with fresh_database(server) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_db(db_url)
    yield eng
    eng.dispose()

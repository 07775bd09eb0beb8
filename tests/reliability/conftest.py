"""Reliability tests: bad input, crashes, concurrency, attacks and backups, on real components.

`db_url` is a SQLite file and a database on a throwaway PostgreSQL server (see
minutebook.testing.postgres); MINUTEBOOK_SKIP_PG=1 skips the PostgreSQL half.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    if os.environ.get("MINUTEBOOK_SKIP_PG") == "1":
        pytest.skip("MINUTEBOOK_SKIP_PG=1: PostgreSQL half skipped")
    try:
        with postgres_server() as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is required for the reliability tests: {exc}", pytrace=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'minutebook.db'}"
        return
    with fresh_database(request.getfixturevalue("pg_server")) as url:
        yield url

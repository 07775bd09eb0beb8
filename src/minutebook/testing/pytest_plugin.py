"""Pytest fixtures for running a test on both backends, shared by every test folder.

`db_url` is a SQLite file and a database on a throwaway PostgreSQL server
(`minutebook.testing.postgres`). Missing PostgreSQL binaries FAIL the PostgreSQL half with
the reason; MINUTEBOOK_SKIP_PG=1 skips it instead. Load with
`pytest_plugins = ["minutebook.testing.pytest_plugin"]` in the top-level conftest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server for this test session (one per xdist worker)."""
    if os.environ.get("MINUTEBOOK_SKIP_PG") == "1":
        pytest.skip("MINUTEBOOK_SKIP_PG=1: PostgreSQL half skipped")
    try:
        with postgres_server() as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is required for these tests: {exc}", pytrace=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database URL: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'minutebook.db'}"
        return
    with fresh_database(request.getfixturevalue("pg_server")) as url:
        yield url

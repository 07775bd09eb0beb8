"""Store tests run on both backends: `db_url` is a SQLite file and a real PostgreSQL database.

PostgreSQL comes from minutebook.testing.postgres (a throwaway server from the installed
binaries, or MINUTEBOOK_TEST_PG). Missing binaries FAIL the PostgreSQL half with the reason;
MINUTEBOOK_SKIP_PG=1 skips it instead.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, func, select

from minutebook.store import metadata
from minutebook.store.db import open_db
from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server


def _helpers() -> ModuleType:
    # ../conftest.py holds FIXTURES, fixture_files() and fixture_path(); load it under its own name
    spec = importlib.util.spec_from_file_location("minutebook_test_helpers", Path(__file__).parent.parent / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


helpers = _helpers()
FIXTURES: Path = helpers.FIXTURES
fixture_files = helpers.fixture_files
fixture_path = helpers.fixture_path


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


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables}


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for "the database is exactly as it was" checks."""
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key.columns))]
                for t in metadata.sorted_tables}

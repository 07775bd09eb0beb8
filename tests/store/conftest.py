"""Store tests run on both backends: `db_url` is a SQLite file and a real PostgreSQL database.

Both come from minutebook.testing.pytest_plugin (a throwaway PostgreSQL server from the
installed binaries, or MINUTEBOOK_TEST_PG). Missing binaries FAIL the PostgreSQL half with the
reason; MINUTEBOOK_SKIP_PG=1 skips it instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from minutebook.store.db import open_db
from store_helpers import FIXTURES, fixture_files, fixture_path, row_counts, snapshot  # noqa: F401


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_db(db_url)
    yield eng
    eng.dispose()

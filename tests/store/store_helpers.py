"""Helpers for the store tests (importable by name: tests/store is on sys.path under pytest)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from minutebook.store import metadata
from minutebook.testing.fixtures import FIXTURES, fixture_files, fixture_path  # noqa: F401


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables}


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for "the database is exactly as it was" checks."""
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key.columns))]
                for t in metadata.sorted_tables}

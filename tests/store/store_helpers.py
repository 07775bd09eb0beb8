"""Helpers for the store tests (importable by name: tests/store is on sys.path under pytest)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from sqlalchemy import Engine, func, select

from minutebook.store import metadata


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


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables}


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for "the database is exactly as it was" checks."""
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key.columns))]
                for t in metadata.sorted_tables}

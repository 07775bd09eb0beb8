"""Shared pytest fixtures. The paths to the real documents live in minutebook.testing.fixtures,
so test modules import them from there (not from this file, which pytest may load under
another conftest's module name)."""

from __future__ import annotations

from types import ModuleType

import pytest

from minutebook.testing.fixtures import FIXTURES, load_scorer

# pg_server and db_url (SQLite + a real PostgreSQL) for the store, web and reliability tests
pytest_plugins = ["minutebook.testing.pytest_plugin"]


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    return load_scorer()


def pytest_report_header(config: pytest.Config) -> str:
    return f"minutebook shared fixtures: {FIXTURES}"

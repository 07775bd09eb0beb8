"""The schema comes only from the migrations, and the migrations match the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import Engine, inspect

from minutebook.cli import cli
from minutebook.search.names import include_name
from minutebook.store import metadata
from minutebook.store.db import alembic_config, current_revision, open_db

SRC = Path(__file__).resolve().parents[2] / "src" / "minutebook"


def test_models_and_migrations_agree(engine: Engine) -> None:
    # what `alembic check` does: autogenerate against the upgraded database finds nothing to do
    with engine.connect() as conn:
        # the search index (FTS5 tables, tsvector columns) is made by migration 0002 outside the models
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True,
                                                                      "include_name": include_name}), metadata)
    assert diff == []


def test_upgrade_reaches_head_and_creates_every_table(engine: Engine) -> None:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert current_revision(engine) == head
    tables = set(inspect(engine).get_table_names())
    assert set(metadata.tables) <= tables
    assert "alembic_version" in tables


def test_opening_twice_is_a_no_op(db_url: str) -> None:
    for _ in range(2):
        eng = open_db(db_url)
        eng.dispose()


def test_no_create_all_anywhere() -> None:
    # the schema must be created ONLY by migrations
    for path in (SRC / "store").rglob("*.py"):
        assert "create_all(" not in path.read_text(), path


def test_db_upgrade_command(db_url: str) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0, result.output
    head = ScriptDirectory.from_config(alembic_config(open_db(db_url, migrate=False))).get_current_head()
    assert f"database at revision {head}" in result.output


def test_sqlite_pragmas(tmp_path: Path) -> None:
    eng = open_db(str(tmp_path / "p.db"))
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    eng.dispose()

"""full-text search index: FTS5 on SQLite, tsvector + GIN on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:00:00

SQLite: one external-content FTS5 table per searched table (passage, resolution, action),
kept current by triggers, so every write path (the importer, a re-ingest that deletes a
pack's rows, ON DELETE CASCADE, a manual UPDATE) keeps the index right without the importer
knowing. PostgreSQL: a STORED generated tsvector column per table with a GIN index; the
database maintains it on every insert/update.

Note for later migrations: an SQLite batch_alter_table on these tables copies and renames
the table, which drops its triggers; such a migration must re-run `_sqlite_up` for it.
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ("passage", "resolution", "action")
# porter: "meetings" finds "meeting" (PostgreSQL's 'english' config stems the same way);
# remove_diacritics 2: "cafe" finds "café"
TOKENIZE = "porter unicode61 remove_diacritics 2"


def _sqlite_up(table: str) -> None:
    fts = f"{table}_fts"
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='{table}', content_rowid='id', "
               f"tokenize='{TOKENIZE}')")
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END")
    # only a change of the text (or id) touches the index; other column updates are free
    op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF id, text ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); "
               f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END")
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # rows stored before this revision


def _sqlite_down(table: str) -> None:
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")


def _pg_up(table: str) -> None:
    # coalesce: never NULL, so `@@` is simply false for an empty text
    op.execute(f"ALTER TABLE {table} ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS "
               f"(to_tsvector('english'::regconfig, coalesce(text, ''))) STORED")
    op.execute(f"CREATE INDEX ix_{table}_search_tsv ON {table} USING gin (search_tsv)")


def _pg_down(table: str) -> None:
    op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_tsv")
    op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_tsv")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            _sqlite_up(table)
        elif dialect == "postgresql":
            _pg_up(table)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            _sqlite_down(table)
        elif dialect == "postgresql":
            _pg_down(table)

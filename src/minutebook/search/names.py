"""Names of the search-index objects the migrations create outside the SQLAlchemy models.

FTS5 virtual tables (and their shadow tables) on SQLite, and the generated tsvector columns
with their GIN indexes on PostgreSQL, cannot be declared portably in the models. Alembic's
autogenerate must not propose dropping them: `include_name` filters them out (used by
migrations/env.py and the models-vs-migrations test). No SQLAlchemy import: cheap to load.
"""

from __future__ import annotations

from typing import Any

INDEXED = ("passage", "resolution", "action")  # tables searched, each over its `text` column
TSV_COLUMN = "search_tsv"
FTS_SHADOWS = ("", "_data", "_idx", "_docsize", "_config", "_content")


def fts_table(table: str) -> str:
    return f"{table}_fts"


def tsv_index(table: str) -> str:
    return f"ix_{table}_{TSV_COLUMN}"


_TABLES = {fts_table(t) + s for t in INDEXED for s in FTS_SHADOWS}
_INDEXES = {tsv_index(t) for t in INDEXED}


def is_search_object(name: str | None, type_: str) -> bool:
    if name is None:
        return False
    if type_ == "table":
        return name in _TABLES
    if type_ == "column":
        return name == TSV_COLUMN
    if type_ == "index":
        return name in _INDEXES
    return False


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic `include_name` hook: everything except the search index objects."""
    return not is_search_object(name, type_)

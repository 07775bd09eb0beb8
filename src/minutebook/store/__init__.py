"""The store: a committee's records in a database (SQLAlchemy + Alembic), accumulating across packs."""

from minutebook.store import schema, schema_items  # noqa: F401 - register every table on Base.metadata
from minutebook.store.schema_base import Base

metadata = Base.metadata

__all__ = ["Base", "metadata"]

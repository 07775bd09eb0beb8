"""Declarative base, naming convention and the source-provenance mixin shared by all tables."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Integer, MetaData, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# fixed constraint names so autogenerate (and `alembic check`) agree across SQLite and PostgreSQL
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, object]: JSON, list[str]: JSON}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Sourced:
    """Every extracted row keeps where it was printed: line (text input) or page (PDF) and the text."""

    source_line: Mapped[int | None] = mapped_column(Integer)
    source_page: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)


class Stamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

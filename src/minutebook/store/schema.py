"""Core tables: councils, committees, meetings, packs, documents, people and passages.

Rows owned by one pack carry `pack_id` with ON DELETE CASCADE, so re-ingesting a pack with a
newer extractor replaces exactly that pack's rows; shared entities (meetings, people, actions,
work-programme items) are never deleted by an ingest.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from minutebook.store.schema_base import Base, Sourced, Stamped, utcnow

CASCADE = "CASCADE"


class Council(Stamped, Base):
    __tablename__ = "council"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)


class Committee(Stamped, Base):
    __tablename__ = "committee"
    __table_args__ = (UniqueConstraint("council_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int | None] = mapped_column(ForeignKey("council.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))


class Meeting(Stamped, Base):
    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("committee_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)


class Pack(Base):
    __tablename__ = "pack"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(10))
    pages: Mapped[int | None] = mapped_column(Integer)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(100))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    record: Mapped[dict[str, object]]


class Document(Base):
    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("pack.id", ondelete=CASCADE), index=True)
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)
    agenda_item: Mapped[str | None] = mapped_column(String(30))
    start_line: Mapped[int | None] = mapped_column(Integer)
    start_page: Mapped[int | None] = mapped_column(Integer)
    end_line: Mapped[int | None] = mapped_column(Integer)
    end_page: Mapped[int | None] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)


class Person(Stamped, Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    # people are matched within one council: a "J Smith" in Kent is not one in Westminster
    council_id: Mapped[int | None] = mapped_column(ForeignKey("council.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    first: Mapped[str | None] = mapped_column(String(100))
    last: Mapped[str] = mapped_column(String(200), index=True)


class PersonAlias(Stamped, Base):
    """A name as printed, tied to a person with the matcher's confidence; `confirmed` = a user said so."""

    __tablename__ = "person_alias"
    __table_args__ = (UniqueConstraint("council_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete=CASCADE), index=True)
    council_id: Mapped[int | None] = mapped_column(ForeignKey("council.id"))
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)


class Passage(Base):
    """A paragraph of printed text with its provenance; plain columns, for full-text search later."""

    __tablename__ = "passage"
    __table_args__ = (Index("ix_passage_committee_meeting", "committee_id", "meeting_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("pack.id", ondelete=CASCADE), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete=CASCADE), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"))
    kind: Mapped[str | None] = mapped_column(String(30))
    page: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


__all__ = ["Base", "Sourced", "Council", "Committee", "Meeting", "Pack", "Document", "Person", "PersonAlias",
           "Passage"]

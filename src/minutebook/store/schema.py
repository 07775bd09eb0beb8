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
    date: Mapped[dt.date] = mapped_column(Date, index=True)  # recent / upcoming lists, newest first


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



# --- the officer's side (migration 0003): accounts, audit trail, corrections, manual updates ---
# Officer edits never touch extracted rows in place: a status update is appended to
# `action_update`, a work-programme move to `wp_placement`, a fix to an extracted record to
# `correction` (re-applied by the importer), so re-ingesting a pack cannot lose them.


class AppUser(Base):
    """An account; "user" is a reserved word in PostgreSQL, hence app_user."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))  # officer / admin
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ApiToken(Base):
    """A bearer token for scripts; only its sha256 is stored, the token is shown once."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete=CASCADE), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class UserSession(Base):
    """A signed-in browser: server-side so sign-out really ends it; holds the CSRF token."""

    __tablename__ = "user_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete=CASCADE), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEvent(Base):
    """Who changed what, when, with the record before and after."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"), index=True)
    user_name: Mapped[str] = mapped_column(String(100))  # kept if the account goes
    verb: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, object] | None]
    after: Mapped[dict[str, object] | None]


class Correction(Base):
    """An officer's fix to one extracted record, keyed by what was extracted (not by row ids,
    which a re-ingest replaces): pack sha256 + section + record key."""

    __tablename__ = "correction"
    __table_args__ = (UniqueConstraint("pack_sha256", "section", "record_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_sha256: Mapped[str] = mapped_column(String(64), index=True)
    section: Mapped[str] = mapped_column(String(30))
    record_key: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, object]]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ActionUpdate(Base):
    """An officer's entry in an action's history (appended, never overwritten)."""

    __tablename__ = "action_update"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete=CASCADE), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str | None] = mapped_column(String(300))
    due: Mapped[dt.date | None] = mapped_column(Date)


class WorkProgrammePlacement(Base):
    """An officer's placing of a work-programme item in a round (added, moved or deferred);
    the latest placement wins over the item's latest printed round."""

    __tablename__ = "wp_placement"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("wp_item.id", ondelete=CASCADE), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20))  # added / moved / deferred
    round_label: Mapped[str | None] = mapped_column(String(200))
    round_date: Mapped[dt.date | None] = mapped_column(Date)
    objective: Mapped[str | None] = mapped_column(Text)
    represented_by: Mapped[list[str]]


__all__ = ["Base", "Sourced", "Council", "Committee", "Meeting", "Pack", "Document", "Person", "PersonAlias",
           "Passage", "AppUser", "ApiToken", "UserSession", "AuditEvent", "Correction",
           "ActionUpdate", "WorkProgrammePlacement"]

"""Tables for what a pack records: agenda, minutes and their parts, actions, work programme, KPIs.

Per-pack rows cascade with their pack. Actions and work-programme items are cross-pack
identities (linked by `minutebook.link`); their per-pack sightings are the status events.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from minutebook.store.schema_base import Base, Sourced, Stamped

CASCADE = "CASCADE"


def _pack_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("pack.id", ondelete=CASCADE), index=True)


class AgendaItem(Sourced, Base):
    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = _pack_fk()
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)
    part: Mapped[int | None] = mapped_column(Integer)
    pages: Mapped[str | None] = mapped_column(String(30))
    sub_items: Mapped[list[str]]


class Minutes(Sourced, Base):
    """Minutes printed in a pack, attached to the meeting they record (usually the previous one)."""

    __tablename__ = "minutes"
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = _pack_fk()
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(Text)
    chair: Mapped[str | None] = mapped_column(String(300))
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    ended_at: Mapped[str | None] = mapped_column(String(5))


class Attendance(Sourced, Base):
    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete=CASCADE), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # present / also_present / apology / substitute
    name: Mapped[str] = mapped_column(String(300))  # as printed


class Declaration(Sourced, Base):
    __tablename__ = "declaration"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete=CASCADE), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    member: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)


class MinuteItem(Sourced, Base):
    __tablename__ = "minute_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete=CASCADE), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)


class Resolution(Sourced, Base):
    __tablename__ = "resolution"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete=CASCADE), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    item: Mapped[str | None] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)


class Action(Sourced, Stamped, Base):
    """One action, however many packs report it; source = where it was first seen."""

    __tablename__ = "action"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)  # arose at
    item: Mapped[str | None] = mapped_column(String(30))
    item_title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    norm_text: Mapped[str] = mapped_column(Text)
    first_pack_id: Mapped[int | None] = mapped_column(ForeignKey("pack.id", ondelete="SET NULL"))


class ActionStatusEvent(Sourced, Base):
    """What one pack said about an action: its status text, reported at that pack's meeting."""

    __tablename__ = "action_status_event"
    # an action's latest report (tracker status, open/done filter) is one index seek, not a sort
    __table_args__ = (UniqueConstraint("action_id", "pack_id"), Index(None, "action_id", "reported_on", "id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete=CASCADE), index=True)
    pack_id: Mapped[int] = _pack_fk()
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)  # reported at
    reported_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)  # the action text as this pack printed it
    also_source_line: Mapped[int | None] = mapped_column(Integer)
    also_source_page: Mapped[int | None] = mapped_column(Integer)


class WorkProgrammeRound(Sourced, Base):
    __tablename__ = "wp_round"
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = _pack_fk()
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[dt.date | None] = mapped_column(Date)


class WorkProgrammeItem(Stamped, Base):
    """A topic on a committee's work programme, followed across rounds and packs."""

    __tablename__ = "wp_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    norm_title: Mapped[str] = mapped_column(Text)


class WorkProgrammeItemEvent(Sourced, Base):
    """One sighting of an item in a round of one pack: scheduled, moved, deferred or taken."""

    __tablename__ = "wp_item_event"
    __table_args__ = (UniqueConstraint("item_id", "round_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("wp_item.id", ondelete=CASCADE), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("wp_round.id", ondelete=CASCADE), index=True)
    pack_id: Mapped[int] = _pack_fk()
    status: Mapped[str] = mapped_column(String(20))
    round_date: Mapped[dt.date | None] = mapped_column(Date)
    round_label: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    objective: Mapped[str | None] = mapped_column(Text)
    represented_by: Mapped[list[str]]


class WorkProgrammePresenter(Base):
    """A person named in an item's "represented by" column (organisations are left as text)."""

    __tablename__ = "wp_presenter"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("wp_item_event.id", ondelete=CASCADE), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))


class KpiObservation(Sourced, Base):
    __tablename__ = "kpi_observation"
    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = _pack_fk()
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    period: Mapped[str | None] = mapped_column(String(50))
    area: Mapped[str | None] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(Text)
    last_year: Mapped[str | None] = mapped_column(String(100))
    target: Mapped[str | None] = mapped_column(String(100))
    actual: Mapped[str | None] = mapped_column(String(100))
    rag: Mapped[str | None] = mapped_column(String(30))
    direction: Mapped[str | None] = mapped_column(String(50))
    commentary: Mapped[str | None] = mapped_column(Text)

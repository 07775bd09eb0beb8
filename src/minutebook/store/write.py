"""Writers for each section of a pack record; all run inside the pack's one transaction.

The writer is the one process that stores every pack, so it is the ingest's bottleneck when
parsing runs in parallel: rows are written with Core statements, not ORM objects. Rows that
nothing else in the pack refers to (agenda items, attendance, status events...) are queued
and inserted with one executemany per table; a row whose id is needed (minutes, documents,
a new action) is inserted alone and its id read back. Rows go in in the order the record
lists them, so ids come out as they did with one ORM flush per row. Passages, by far the
most rows, go in with one COPY (PostgreSQL) or a few multi-row INSERTs (SQLite).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from minutebook.link.actions import ActionMatcher
from minutebook.link.people import PeopleIndex, looks_like_person
from minutebook.link.work_programme import ItemMatcher, sighting_status
from minutebook.store.parsed import ParsedPack
from minutebook.store.schema import Document, Meeting, Pack, Passage
from minutebook.store.schema_items import (
    Action, ActionStatusEvent, AgendaItem, Attendance, Declaration, KpiObservation, MinuteItem, Minutes,
    Resolution, WorkProgrammeItem, WorkProgrammeItemEvent, WorkProgrammePresenter, WorkProgrammeRound,
)

Rec = dict[str, Any]
ROLES = (("present", "present"), ("also_present", "also_present"), ("apologies", "apology"),
         ("substitutes", "substitute"))


def to_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def src(rec: Rec | None, key: str = "source") -> dict[str, Any]:
    s = (rec or {}).get(key) or {}
    return {"source_line": s.get("line"), "source_page": s.get("page"), "source_text": s.get("text")}


def insert_id(session: Session, table: Table, values: dict[str, Any]) -> int:
    """Insert one row (Core, column defaults applied) and return its id."""
    return int(session.execute(table.insert(), values).inserted_primary_key[0])


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all carry the same keys, in order, with one executemany."""
    if rows:
        session.execute(table.insert(), rows)


def insert_tuples(session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """`insert_rows` for many plain-typed rows (passages), with no per-row SQLAlchemy parameter
    processing: PostgreSQL takes them with one COPY, SQLite with multi-row INSERTs."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table.name, columns, rows)
    else:
        _insert_values(conn, table.name, columns, rows)


def _copy_rows(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    # COPY inside the pack's transaction: one statement for all the rows, against one
    # INSERT executed per row (its parse/bind/execute cost the server more than the row itself)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# SQLite's bound-variable limit: 32766 since 3.32, 999 before
_SQLITE_VARS = 32766 if sqlite3.sqlite_version_info >= (3, 32) else 999


def _insert_values(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    # Few statements of many rows each, not one statement per row: in a transaction that has
    # touched an FTS5 table, SQLite (3.40) flushes FTS5's pending terms to a new index segment
    # at the end of every statement (its statement savepoint), so an executemany of passages
    # wrote (and later merged) one segment per row. Same rows, same order, same ids.
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    one = f"({', '.join([mark] * len(columns))})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    step = max(1, _SQLITE_VARS // len(columns))
    for i in range(0, len(rows), step):
        part = rows[i:i + step]
        conn.exec_driver_sql(head + ", ".join([one] * len(part)), tuple(chain.from_iterable(part)))


PASSAGE_COLUMNS = ("pack_id", "document_id", "meeting_id", "committee_id", "kind", "page", "line", "text")


class WrittenMinutes(NamedTuple):
    id: int
    meeting_id: int | None
    source_line: int | None
    source_page: int | None


@dataclass
class Ctx:
    """Where this pack's rows go: its pack, committee and meeting, and the people index."""

    session: Session
    pack: Pack
    committee_id: int | None
    meeting_id: int | None
    meeting_date: dt.date | None
    people: PeopleIndex
    # the committee's meetings by date, as found or created in this transaction (meetings are only added)
    meetings: dict[dt.date, int] = field(default_factory=dict)

    def meeting(self, date: dt.date | None) -> int | None:
        """The committee's meeting on `date`, created the first time any pack mentions it."""
        if date is None or self.committee_id is None:
            return None
        found = self.meetings.get(date)
        if found is None:
            found = self.session.scalar(select(Meeting.id).where(Meeting.committee_id == self.committee_id,
                                                                 Meeting.date == date).limit(1))
            if found is None:
                found = insert_id(self.session, Meeting.__table__, {"committee_id": self.committee_id, "date": date})
            self.meetings[date] = found
        return found


def write_agenda(ctx: Ctx, record: Rec) -> None:
    insert_rows(ctx.session, AgendaItem.__table__, [
        {"pack_id": ctx.pack.id, "meeting_id": ctx.meeting_id, "number": item["number"], "title": item["title"],
         "part": item.get("part"), "pages": item.get("pages"), "sub_items": list(item.get("sub_items") or []),
         **src(item)}
        for item in record.get("agenda") or []])


def write_minutes(ctx: Ctx, record: Rec) -> list[WrittenMinutes]:
    """Minutes attach to the meeting they record (committee + their date), not the pack's meeting."""
    written = []
    attendance: list[dict[str, Any]] = []
    declarations: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    resolutions: list[dict[str, Any]] = []
    for m in record.get("minutes") or []:
        date = to_date(m.get("meeting_date"))
        meeting_id = ctx.meeting(date)
        chair = m.get("chair")
        source = src(m)
        minutes_id = insert_id(ctx.session, Minutes.__table__, {
            "pack_id": ctx.pack.id, "meeting_id": meeting_id, "meeting_date": date, "venue": m.get("venue"),
            "chair": chair, "chair_person_id": ctx.people.resolve(chair) if chair else None,
            "ended_at": m.get("ended_at"), **source})
        for field_name, role in ROLES:
            for name in m.get(field_name) or []:
                person_id = ctx.people.resolve(name)
                if person_id is not None:
                    attendance.append({"minutes_id": minutes_id, "meeting_id": meeting_id, "person_id": person_id,
                                       "role": role, "name": name, **source})
        for d in m.get("declarations") or []:
            declarations.append({"minutes_id": minutes_id, "meeting_id": meeting_id,
                                 "person_id": ctx.people.resolve(d["member"]), "member": d["member"],
                                 "kind": d.get("kind"), "text": d["text"], **src(d)})
        for it in m.get("items") or []:
            items.append({"minutes_id": minutes_id, "meeting_id": meeting_id, "number": it["number"],
                          "title": it["title"], **src(it)})
        for r in m.get("resolutions") or []:
            resolutions.append({"minutes_id": minutes_id, "meeting_id": meeting_id, "item": r.get("item"),
                                "text": r["text"], **src(r)})
        written.append(WrittenMinutes(minutes_id, meeting_id, source["source_line"], source["source_page"]))
    for table, rows in ((Attendance.__table__, attendance), (Declaration.__table__, declarations),
                        (MinuteItem.__table__, items), (Resolution.__table__, resolutions)):
        insert_rows(ctx.session, table, rows)
    return written


def write_actions(ctx: Ctx, record: Rec) -> None:
    """Each action links to the one it already is (see link.actions) and gets this pack's status."""
    matcher = ActionMatcher(ctx.session, ctx.committee_id)
    events = []
    for a in record.get("actions") or []:
        arose = ctx.meeting(to_date(a.get("meeting_date")))
        action_id, norm = matcher.find(arose, a["text"])
        if action_id is None:
            action_id = insert_id(ctx.session, Action.__table__, {
                "committee_id": ctx.committee_id, "meeting_id": arose, "item": a.get("item"),
                "item_title": a.get("item_title"), "text": a["text"], "norm_text": norm,
                "first_pack_id": ctx.pack.id, **src(a)})
            matcher.claim(action_id)
        also = a.get("also_source") or {}
        events.append({"action_id": action_id, "pack_id": ctx.pack.id, "meeting_id": ctx.meeting_id,
                       "reported_on": ctx.meeting_date, "status": a.get("status"), "text": a["text"],
                       "also_source_line": also.get("line"), "also_source_page": also.get("page"), **src(a)})
    insert_rows(ctx.session, ActionStatusEvent.__table__, events)


def write_work_programme(ctx: Ctx, record: Rec) -> None:
    matcher = ItemMatcher(ctx.session, ctx.committee_id, ctx.pack.id)
    presenters = []
    for position, rnd in enumerate(record.get("work_programme") or []):
        date = to_date(rnd.get("date"))
        round_id = insert_id(ctx.session, WorkProgrammeRound.__table__, {
            "pack_id": ctx.pack.id, "committee_id": ctx.committee_id, "meeting_id": ctx.meeting(date),
            "position": position, "label": rnd.get("label"), "date": date, **src(rnd)})
        for it in rnd.get("items") or []:
            item_id, norm = matcher.find(it["title"])
            last = matcher.last_event(item_id) if item_id is not None else None
            if item_id is None:
                item_id = insert_id(ctx.session, WorkProgrammeItem.__table__,
                                    {"committee_id": ctx.committee_id, "title": it["title"], "norm_title": norm})
                matcher.taken.add(item_id)
            represented_by = list(it.get("represented_by") or [])
            event_id = insert_id(ctx.session, WorkProgrammeItemEvent.__table__, {
                "item_id": item_id, "round_id": round_id, "pack_id": ctx.pack.id,
                "status": sighting_status(date, rnd.get("label"), ctx.meeting_date, last),
                "round_date": date, "round_label": rnd.get("label"), "title": it["title"],
                "objective": it.get("objective"), "represented_by": represented_by, **src(it)})
            for name in represented_by:
                person_id = ctx.people.resolve(name) if looks_like_person(name) else None
                if person_id is not None:
                    presenters.append({"event_id": event_id, "person_id": person_id, "name": name})
    insert_rows(ctx.session, WorkProgrammePresenter.__table__, presenters)


def write_kpis(ctx: Ctx, record: Rec) -> None:
    period = ctx.meeting_date.isoformat() if ctx.meeting_date else None
    insert_rows(ctx.session, KpiObservation.__table__, [
        {"pack_id": ctx.pack.id, "committee_id": ctx.committee_id, "meeting_id": ctx.meeting_id, "period": period,
         "area": k.get("area"), "indicator": k["indicator"], "last_year": k.get("last_year"),
         "target": k.get("target"), "actual": k.get("actual"), "rag": k.get("rag"),
         "direction": k.get("direction"), "commentary": k.get("commentary"), **src(k)}
        for k in record.get("kpis") or []])


def write_documents(ctx: Ctx, parsed: ParsedPack, minutes: list[WrittenMinutes]) -> None:
    """Documents, then every passage under the document it falls in (the last one starting before it)."""
    pdf = parsed.kind == "pdf"
    docs: list[dict[str, Any]] = []
    for position, d in enumerate(parsed.record.get("documents") or []):  # type: ignore[union-attr]
        start, end = d.get("source") or {}, d.get("end") or {}
        row = {"pack_id": ctx.pack.id, "file_sha256": parsed.sha256, "file_name": ctx.pack.file_name,
               "position": position, "kind": d["kind"], "title": d["title"], "agenda_item": d.get("agenda_item"),
               "start_line": start.get("line"), "start_page": start.get("page"), "end_line": end.get("line"),
               "end_page": end.get("page"), "pages": _span(start.get("page"), end.get("page")),
               "source_text": start.get("text")}
        row["id"] = insert_id(ctx.session, Document.__table__, row)
        docs.append(row)
    starts = [(d["start_page"] if pdf else d["start_line"]) or 0 for d in docs]
    # what each document gives its passages: (document id, kind, meeting id)
    given = [(d["id"], d["kind"], _minutes_meeting(d, minutes, pdf) or ctx.meeting_id) for d in docs]
    none = (None, None, ctx.meeting_id)
    pack_id, committee_id = ctx.pack.id, ctx.committee_id
    rows = []
    for p in parsed.passages:
        at = (p.page if pdf else p.line) or 0
        doc_id, kind, meeting_id = next((given[i] for i in range(len(docs) - 1, -1, -1) if starts[i] <= at), none)
        rows.append((pack_id, doc_id, meeting_id, committee_id, kind, p.page, p.line, p.text))
    insert_tuples(ctx.session, Passage.__table__, PASSAGE_COLUMNS, rows)


def _span(first: int | None, last: int | None) -> int | None:
    return last - first + 1 if first and last and last >= first else None


def _minutes_meeting(doc: dict[str, Any], minutes: list[WrittenMinutes], pdf: bool) -> int | None:
    """Passages of a minutes document belong to the meeting those minutes record."""
    if doc["kind"] != "minutes":
        return None
    lo = (doc["start_page"] if pdf else doc["start_line"]) or 0
    hi = (doc["end_page"] if pdf else doc["end_line"]) or 10**9
    for row in minutes:
        at = row.source_page if pdf else row.source_line
        if at is not None and lo <= at <= hi:
            return row.meeting_id
    return None

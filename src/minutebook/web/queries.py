"""Read-side queries for the web UI and the JSON API: councils, committees, meetings, minutes.

Functions return plain dicts (JSON-ready, also what the templates read) so the HTML pages and
the API show the same data. Actions, work programme and KPIs live in queries_items.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from minutebook.store.schema import Committee, Council, Document, Meeting, Pack, Person
from minutebook.store.schema_items import (
    Action, AgendaItem, Attendance, Declaration, KpiObservation, MinuteItem, Minutes, Resolution,
)

Row = dict[str, Any]


def source(row: Any, pack_id: int | None) -> Row:
    """Where a row was printed, with the pack it came from (the provenance link's target)."""
    return {"pack_id": pack_id, "page": row.source_page, "line": row.source_line, "text": row.source_text}


def window(s: Session, q: Select[Any], limit: int | None = None, offset: int = 0,
           count: bool = True) -> tuple[list[Any], int]:
    """The rows of one page of `q` (LIMIT/OFFSET in SQL) and how many rows `q` has in all: a COUNT
    only when the page cannot tell (it is full, or empty past the start); with `count` false the
    total is just what the page saw."""
    page = q.offset(offset) if offset else q
    rows = list(s.execute(page.limit(limit) if limit is not None else page))
    if not count or ((limit is None or len(rows) < limit) and (rows or not offset)):
        return rows, offset + len(rows)
    return rows, int(s.scalar(select(func.count()).select_from(q.order_by(None).subquery())) or 0)


def committee_labels(s: Session, ids: Iterable[int | None] | None = None) -> dict[int, Row]:
    """Committee names with their council's; only the `ids` given, if given."""
    q = select(Committee, Council.name).outerjoin(Council, Council.id == Committee.council_id)
    if ids is not None:
        wanted = [i for i in set(ids) if i is not None]
        if not wanted:
            return {}
        q = q.where(Committee.id.in_(wanted))
    return {c.id: {"id": c.id, "name": c.name, "council_id": c.council_id, "council": council}
            for c, council in s.execute(q)}


def committee_menu(s: Session) -> list[Row]:
    """Every committee for a filter menu, by council then name: no meeting statistics."""
    return sorted(committee_labels(s).values(), key=lambda r: ((r["council"] or "~"), r["name"]))


def list_councils(s: Session, limit: int | None = None, offset: int = 0) -> tuple[list[Row], int]:
    counts = select(Committee.council_id, func.count().label("n")).group_by(Committee.council_id).subquery()
    q = (select(Council.id, Council.name, func.coalesce(counts.c.n, 0))
         .outerjoin(counts, counts.c.council_id == Council.id).order_by(Council.name, Council.id))
    rows, total = window(s, q, limit, offset)
    return [{"id": i, "name": name, "committees": n} for i, name, n in rows], total


def list_committees(s: Session, council: int | None = None, limit: int | None = None,
                    offset: int = 0, only: int | None = None) -> tuple[list[Row], int]:
    """Committees by council then name (no council last), with their meeting count and last date."""
    stats = (select(Meeting.committee_id, func.count().label("n"), func.max(Meeting.date).label("last"))
             .group_by(Meeting.committee_id).subquery())
    q = (select(Committee, Council.name, func.coalesce(stats.c.n, 0), stats.c.last)
         .outerjoin(Council, Council.id == Committee.council_id).outerjoin(stats, stats.c.committee_id == Committee.id)
         .order_by(Council.name.is_(None), Council.name, Committee.name, Committee.id))
    if council is not None:
        q = q.where(Committee.council_id == council)
    if only is not None:
        q = q.where(Committee.id == only)
    rows, total = window(s, q, limit, offset)
    return [{"id": c.id, "name": c.name, "council_id": c.council_id, "council": cname, "meetings": n,
             "last_meeting": last} for c, cname, n, last in rows], total


def committee(s: Session, committee_id: int) -> Row | None:
    return committee_labels(s, [committee_id]).get(committee_id)


def _meeting_rows(s: Session, meetings: list[Meeting], packs: dict[int, int] | None = None) -> list[Row]:
    """Meeting rows with committee, council and pack count: read for these meetings only."""
    labels = committee_labels(s, (m.committee_id for m in meetings))
    ids = [m.id for m in meetings]
    if packs is None:
        packs = dict(s.execute(select(Pack.meeting_id, func.count()).where(Pack.meeting_id.in_(ids))
                               .group_by(Pack.meeting_id)).all()) if ids else {}
    out = []
    for m in meetings:
        c = labels.get(m.committee_id, {})
        out.append({"id": m.id, "date": m.date, "committee_id": m.committee_id, "committee": c.get("name"),
                    "council": c.get("council"), "packs": packs.get(m.id, 0)})
    return out


def list_meetings(s: Session, committee: int | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, newest_first: bool = True, limit: int | None = None,
                  offset: int = 0, after: dt.date | None = None, count: bool = True) -> tuple[list[Row], int]:
    """Meetings by date (newest first unless asked) and how many match (unless `count` is false:
    then the page's length); `after` is exclusive."""
    q = select(Meeting)
    if committee is not None:
        q = q.where(Meeting.committee_id == committee)
    if since is not None:
        q = q.where(Meeting.date >= since)
    if until is not None:
        q = q.where(Meeting.date <= until)
    if after is not None:
        q = q.where(Meeting.date > after)
    q = q.order_by(Meeting.date.desc() if newest_first else Meeting.date, Meeting.id)
    rows, total = window(s, q, limit, offset, count)
    return _meeting_rows(s, [m for (m,) in rows]), total


def meeting(s: Session, meeting_id: int) -> Row | None:
    m = s.get(Meeting, meeting_id)
    if m is None:
        return None
    # the pack's columns, not its stored record (a large JSON document the page never shows)
    packs = s.execute(select(*PACK_COLUMNS).where(Pack.meeting_id == m.id).order_by(Pack.id)).all()
    row = _meeting_rows(s, [m], {m.id: len(packs)})[0]
    row["pack_list"] = [pack_row(p) for p in packs]
    return row


PACK_COLUMNS = (Pack.id, Pack.file_name, Pack.kind, Pack.pages, Pack.committee_id, Pack.meeting_id, Pack.ingested_at)


def pack_row(p: Any) -> Row:
    return {"id": p.id, "file_name": p.file_name, "kind": p.kind, "pages": p.pages, "committee_id": p.committee_id,
            "meeting_id": p.meeting_id, "ingested_at": p.ingested_at}


def documents(s: Session, meeting: int | None = None, pack: int | None = None, limit: int | None = None,
              offset: int = 0, agenda_keys: list[tuple[int, str]] | None = None) -> tuple[list[Row], int]:
    q = select(Document, Pack.meeting_id).join(Pack, Pack.id == Document.pack_id)
    if meeting is not None:
        q = q.where(Pack.meeting_id == meeting)
    if pack is not None:
        q = q.where(Document.pack_id == pack)
    if agenda_keys is not None:
        q = q.where(Document.pack_id.in_({p for p, _ in agenda_keys}),
                    Document.agenda_item.in_({n for _, n in agenda_keys}))
    rows, total = window(s, q.order_by(Document.pack_id, Document.position), limit, offset)
    return [{"id": d.id, "pack_id": d.pack_id, "meeting_id": mid, "position": d.position, "kind": d.kind,
             "title": d.title, "agenda_item": d.agenda_item, "file_name": d.file_name,
             "start_page": d.start_page, "end_page": d.end_page, "start_line": d.start_line, "end_line": d.end_line,
             "pages": d.pages} for d, mid in rows], total


def agenda_items(s: Session, meeting: int | None = None, limit: int | None = None,
                 offset: int = 0) -> tuple[list[Row], int]:
    q = select(AgendaItem)
    if meeting is not None:
        q = q.where(AgendaItem.meeting_id == meeting)
    found, total = window(s, q.order_by(AgendaItem.pack_id, AgendaItem.id), limit, offset)
    rows = [a for (a,) in found]
    # an agenda item's documents: the pack's documents filed under the same item number,
    # read for this page's packs only
    docs: dict[tuple[int, str], list[Row]] = {}
    keys = [(a.pack_id, a.number) for a in rows]
    for d in documents(s, agenda_keys=keys)[0] if keys else []:
        if d["agenda_item"]:
            docs.setdefault((d["pack_id"], d["agenda_item"]), []).append(d)
    return [{"id": a.id, "pack_id": a.pack_id, "meeting_id": a.meeting_id, "number": a.number, "title": a.title,
             "part": a.part, "pages": a.pages, "sub_items": list(a.sub_items or []),
             "documents": docs.get((a.pack_id, a.number), []), "source": source(a, a.pack_id)} for a in rows], total


def minutes_list(s: Session, meeting: int | None = None, limit: int | None = None,
                 offset: int = 0) -> tuple[list[Row], int]:
    q = select(Minutes)
    if meeting is not None:
        q = q.where(Minutes.meeting_id == meeting)
    rows, total = window(s, q.order_by(Minutes.meeting_date, Minutes.id), limit, offset)
    return [minutes_summary(m) for (m,) in rows], total


def minutes_summary(m: Minutes) -> Row:
    return {"id": m.id, "pack_id": m.pack_id, "meeting_id": m.meeting_id, "meeting_date": m.meeting_date,
            "venue": m.venue, "chair": m.chair, "chair_person_id": m.chair_person_id, "ended_at": m.ended_at,
            "source": source(m, m.pack_id)}


def minutes_full(s: Session, minutes_id: int) -> Row | None:
    m = s.get(Minutes, minutes_id)
    if m is None:
        return None
    row = minutes_summary(m)
    row["attendance"] = [{"person_id": a.person_id, "name": a.name, "role": a.role}
                         for a in s.scalars(select(Attendance).where(Attendance.minutes_id == m.id).order_by(Attendance.id))]
    row["declarations"] = [{"id": d.id, "member": d.member, "person_id": d.person_id, "kind": d.kind, "text": d.text,
                            "source": source(d, m.pack_id)}
                           for d in s.scalars(select(Declaration).where(Declaration.minutes_id == m.id).order_by(Declaration.id))]
    row["items"] = [{"id": i.id, "number": i.number, "title": i.title, "source": source(i, m.pack_id)}
                    for i in s.scalars(select(MinuteItem).where(MinuteItem.minutes_id == m.id).order_by(MinuteItem.id))]
    row["resolutions"] = [{"id": r.id, "item": r.item, "text": r.text, "source": source(r, m.pack_id)}
                          for r in s.scalars(select(Resolution).where(Resolution.minutes_id == m.id).order_by(Resolution.id))]
    return row


def members(s: Session, committee_id: int) -> list[Row]:
    """Attendance record: for each person in the committee's minutes, meetings present / apologies."""
    q = (select(Attendance.person_id, Person.name, Attendance.role, func.count(func.distinct(Attendance.meeting_id)))
         .join(Person, Person.id == Attendance.person_id).join(Meeting, Meeting.id == Attendance.meeting_id)
         .where(Meeting.committee_id == committee_id).group_by(Attendance.person_id, Person.name, Attendance.role))
    people: dict[int, Row] = {}
    for pid, name, role, n in s.execute(q):
        p = people.setdefault(pid, {"person_id": pid, "name": name, "present": 0, "apology": 0, "also_present": 0,
                                    "substitute": 0})
        p[role] = p.get(role, 0) + n
    return sorted(people.values(), key=lambda p: (-p["present"], p["name"]))


def minuted_meetings(s: Session, committee_id: int) -> int:
    q = (select(func.count(func.distinct(Minutes.meeting_id))).join(Meeting, Meeting.id == Minutes.meeting_id)
         .where(Meeting.committee_id == committee_id))
    return int(s.scalar(q) or 0)


def counts_for_meeting(s: Session, meeting_id: int) -> Row:
    return {"actions": s.scalar(select(func.count()).select_from(Action).where(Action.meeting_id == meeting_id)),
            "kpis": s.scalar(select(func.count()).select_from(KpiObservation).where(KpiObservation.meeting_id == meeting_id))}


def pack(s: Session, pack_id: int) -> Pack | None:
    return s.get(Pack, pack_id)

"""Writers for each section of a pack record; all run inside the pack's one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
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


@dataclass
class Ctx:
    """Where this pack's rows go: its pack, committee and meeting, and the people index."""

    session: Session
    pack: Pack
    committee_id: int | None
    meeting_id: int | None
    meeting_date: dt.date | None
    people: PeopleIndex

    def meeting(self, date: dt.date | None) -> int | None:
        """The committee's meeting on `date`, created the first time any pack mentions it."""
        if date is None or self.committee_id is None:
            return None
        q = select(Meeting).where(Meeting.committee_id == self.committee_id, Meeting.date == date)
        found = self.session.scalars(q).first()
        if found is None:
            found = Meeting(committee_id=self.committee_id, date=date)
            self.session.add(found)
            self.session.flush()
        return found.id


def write_agenda(ctx: Ctx, record: Rec) -> None:
    for item in record.get("agenda") or []:
        ctx.session.add(AgendaItem(pack_id=ctx.pack.id, meeting_id=ctx.meeting_id, number=item["number"],
                                   title=item["title"], part=item.get("part"), pages=item.get("pages"),
                                   sub_items=list(item.get("sub_items") or []), **src(item)))


def write_minutes(ctx: Ctx, record: Rec) -> list[tuple[Minutes, Rec]]:
    """Minutes attach to the meeting they record (committee + their date), not the pack's meeting."""
    written = []
    for m in record.get("minutes") or []:
        date = to_date(m.get("meeting_date"))
        meeting_id = ctx.meeting(date)
        chair = m.get("chair")
        row = Minutes(pack_id=ctx.pack.id, meeting_id=meeting_id, meeting_date=date, venue=m.get("venue"),
                      chair=chair, chair_person_id=ctx.people.resolve(chair) if chair else None,
                      ended_at=m.get("ended_at"), **src(m))
        ctx.session.add(row)
        ctx.session.flush()
        for field_name, role in ROLES:
            for name in m.get(field_name) or []:
                person_id = ctx.people.resolve(name)
                if person_id is not None:
                    ctx.session.add(Attendance(minutes_id=row.id, meeting_id=meeting_id, person_id=person_id,
                                               role=role, name=name, **src(m)))
        for d in m.get("declarations") or []:
            ctx.session.add(Declaration(minutes_id=row.id, meeting_id=meeting_id,
                                        person_id=ctx.people.resolve(d["member"]), member=d["member"],
                                        kind=d.get("kind"), text=d["text"], **src(d)))
        for it in m.get("items") or []:
            ctx.session.add(MinuteItem(minutes_id=row.id, meeting_id=meeting_id, number=it["number"],
                                       title=it["title"], **src(it)))
        for r in m.get("resolutions") or []:
            ctx.session.add(Resolution(minutes_id=row.id, meeting_id=meeting_id, item=r.get("item"),
                                       text=r["text"], **src(r)))
        written.append((row, m))
    return written


def write_actions(ctx: Ctx, record: Rec) -> None:
    """Each action links to the one it already is (see link.actions) and gets this pack's status."""
    matcher = ActionMatcher(ctx.session, ctx.committee_id)
    for a in record.get("actions") or []:
        arose = ctx.meeting(to_date(a.get("meeting_date")))
        action, norm = matcher.find(arose, a["text"])
        if action is None:
            action = Action(committee_id=ctx.committee_id, meeting_id=arose, item=a.get("item"),
                            item_title=a.get("item_title"), text=a["text"], norm_text=norm,
                            first_pack_id=ctx.pack.id, **src(a))
            ctx.session.add(action)
            ctx.session.flush()
            matcher.claim(action)
        also = a.get("also_source") or {}
        ctx.session.add(ActionStatusEvent(action_id=action.id, pack_id=ctx.pack.id, meeting_id=ctx.meeting_id,
                                          reported_on=ctx.meeting_date, status=a.get("status"), text=a["text"],
                                          also_source_line=also.get("line"), also_source_page=also.get("page"),
                                          **src(a)))


def write_work_programme(ctx: Ctx, record: Rec) -> None:
    matcher = ItemMatcher(ctx.session, ctx.committee_id, ctx.pack.id)
    for position, rnd in enumerate(record.get("work_programme") or []):
        date = to_date(rnd.get("date"))
        row = WorkProgrammeRound(pack_id=ctx.pack.id, committee_id=ctx.committee_id, meeting_id=ctx.meeting(date),
                                 position=position, label=rnd.get("label"), date=date, **src(rnd))
        ctx.session.add(row)
        ctx.session.flush()
        for it in rnd.get("items") or []:
            item, norm = matcher.find(it["title"])
            last = matcher.last_event(item.id) if item is not None else None
            if item is None:
                item = WorkProgrammeItem(committee_id=ctx.committee_id, title=it["title"], norm_title=norm)
                ctx.session.add(item)
                ctx.session.flush()
                matcher.taken.add(item.id)
            event = WorkProgrammeItemEvent(
                item_id=item.id, round_id=row.id, pack_id=ctx.pack.id,
                status=sighting_status(date, rnd.get("label"), ctx.meeting_date, last),
                round_date=date, round_label=rnd.get("label"), title=it["title"], objective=it.get("objective"),
                represented_by=list(it.get("represented_by") or []), **src(it))
            ctx.session.add(event)
            ctx.session.flush()
            for name in event.represented_by:
                person_id = ctx.people.resolve(name) if looks_like_person(name) else None
                if person_id is not None:
                    ctx.session.add(WorkProgrammePresenter(event_id=event.id, person_id=person_id, name=name))


def write_kpis(ctx: Ctx, record: Rec) -> None:
    period = ctx.meeting_date.isoformat() if ctx.meeting_date else None
    for k in record.get("kpis") or []:
        ctx.session.add(KpiObservation(
            pack_id=ctx.pack.id, committee_id=ctx.committee_id, meeting_id=ctx.meeting_id, period=period,
            area=k.get("area"), indicator=k["indicator"], last_year=k.get("last_year"), target=k.get("target"),
            actual=k.get("actual"), rag=k.get("rag"), direction=k.get("direction"),
            commentary=k.get("commentary"), **src(k)))


def write_documents(ctx: Ctx, parsed: ParsedPack, minutes: list[tuple[Minutes, Rec]]) -> None:
    """Documents, then every passage under the document it falls in (the last one starting before it)."""
    docs: list[Document] = []
    for position, d in enumerate(parsed.record.get("documents") or []):  # type: ignore[union-attr]
        start, end = d.get("source") or {}, d.get("end") or {}
        docs.append(Document(
            pack_id=ctx.pack.id, file_sha256=parsed.sha256, file_name=ctx.pack.file_name, position=position,
            kind=d["kind"], title=d["title"], agenda_item=d.get("agenda_item"), start_line=start.get("line"),
            start_page=start.get("page"), end_line=end.get("line"), end_page=end.get("page"),
            pages=_span(start.get("page"), end.get("page")), source_text=start.get("text")))
    ctx.session.add_all(docs)
    ctx.session.flush()
    pdf = parsed.kind == "pdf"
    starts = [(d.start_page if pdf else d.start_line) or 0 for d in docs]
    doc_meeting = {d.id: _minutes_meeting(d, minutes, pdf) for d in docs}
    rows = []
    for p in parsed.passages:
        at = (p.page if pdf else p.line) or 0
        doc = next((docs[i] for i in range(len(docs) - 1, -1, -1) if starts[i] <= at), None)
        meeting_id = (doc_meeting.get(doc.id) if doc else None) or ctx.meeting_id
        rows.append({"pack_id": ctx.pack.id, "document_id": doc.id if doc else None, "meeting_id": meeting_id,
                     "committee_id": ctx.committee_id, "kind": doc.kind if doc else None,
                     "page": p.page, "line": p.line, "text": p.text})
    if rows:
        ctx.session.execute(Passage.__table__.insert(), rows)


def _span(first: int | None, last: int | None) -> int | None:
    return last - first + 1 if first and last and last >= first else None


def _minutes_meeting(doc: Document, minutes: list[tuple[Minutes, Rec]], pdf: bool) -> int | None:
    """Passages of a minutes document belong to the meeting those minutes record."""
    if doc.kind != "minutes":
        return None
    lo = (doc.start_page if pdf else doc.start_line) or 0
    hi = (doc.end_page if pdf else doc.end_line) or 10**9
    for row, _ in minutes:
        at = row.source_page if pdf else row.source_line
        if at is not None and lo <= at <= hi:
            return row.meeting_id
    return None

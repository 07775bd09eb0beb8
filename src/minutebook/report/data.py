"""The Work Programme and Action Tracker report as a typed model, built from the database.

Work programme: the rounds printed in the committee's latest pack up to the report's meeting
(the annual work programme is reprinted whole in each pack), with the officer's placements
laid over them (an added item joins its round; a moved or deferred item leaves its printed
round for the new one). Action tracker: the committee's actions that arose at meetings
before the report's meeting - this municipal year's, and older ones still open - grouped
by that meeting, each with its latest status (a pack's print or an officer's update,
whichever is later).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutebook.store.schema import ActionUpdate, Committee, Council, Meeting, Pack, WorkProgrammePlacement
from minutebook.store.schema_items import (
    Action, ActionStatusEvent, WorkProgrammeItem, WorkProgrammeItemEvent, WorkProgrammeRound,
)
from minutebook.web.queries_items import action_state

TITLE = "Work Programme and Action Tracker"


class ReportError(LookupError):
    """No such committee, or nothing to report."""


@dataclass(slots=True)
class ReportItem:
    title: str
    objective: str | None = None
    represented_by: list[str] = field(default_factory=list)
    item_id: int | None = None


@dataclass(slots=True)
class ReportRound:
    label: str | None
    date: dt.date | None
    items: list[ReportItem] = field(default_factory=list)


@dataclass(slots=True)
class TrackerAction:
    action_id: int
    item: str | None
    item_title: str | None
    text: str
    status: str | None


@dataclass(slots=True)
class TrackerGroup:
    meeting_date: dt.date
    actions: list[TrackerAction] = field(default_factory=list)


@dataclass(slots=True)
class WorkProgrammeReport:
    council: str | None
    committee: str
    committee_id: int
    meeting_date: dt.date
    municipal_year: str
    generated_on: dt.date
    rounds: list[ReportRound]
    tracker: list[TrackerGroup]
    title: str = TITLE


def municipal_year(day: dt.date) -> tuple[dt.date, str]:
    """English councils' municipal year runs from May (the annual meeting) to April."""
    start = day.year if day.month >= 5 else day.year - 1
    return dt.date(start, 5, 1), f"{start}/{(start + 1) % 100:02d}"


def find_committee(db: Session, name_or_id: str) -> Committee:
    """By id, exact name, or a unique case-insensitive part of the name."""
    if name_or_id.isascii() and name_or_id.isdecimal() and len(name_or_id) < 18 and (found := db.get(Committee, int(name_or_id))) is not None:
        return found
    exact = db.scalars(select(Committee).where(Committee.name == name_or_id)).all()
    if len(exact) == 1:
        return exact[0]
    like = db.scalars(select(Committee).where(func.lower(Committee.name).contains(name_or_id.lower()))).all()
    if len(like) == 1:
        return like[0]
    if not like:
        raise ReportError(f"no committee called {name_or_id!r}")
    raise ReportError(f"{name_or_id!r} names {len(like)} committees: " + "; ".join(c.name for c in like[:5]))


def build_report(db: Session, committee: Committee, meeting_date: dt.date,
                 today: dt.date | None = None) -> WorkProgrammeReport:
    council = db.get(Council, committee.council_id) if committee.council_id else None
    start, year = municipal_year(meeting_date)
    return WorkProgrammeReport(
        council=council.name if council else None, committee=committee.name, committee_id=committee.id,
        meeting_date=meeting_date, municipal_year=year, generated_on=today or dt.date.today(),
        rounds=work_programme(db, committee.id, meeting_date), tracker=tracker(db, committee.id, meeting_date, start))


def _latest_wp_pack(db: Session, committee_id: int, upto: dt.date) -> int | None:
    q = (select(Pack.id, Meeting.date).join(WorkProgrammeRound, WorkProgrammeRound.pack_id == Pack.id)
         .outerjoin(Meeting, Meeting.id == Pack.meeting_id).where(Pack.committee_id == committee_id).distinct())
    packs = [(pid, date) for pid, date in db.execute(q)]
    before = [p for p in packs if p[1] is not None and p[1] <= upto]
    pool = before or packs
    return max(pool, key=lambda p: (p[1] or dt.date.min, p[0]))[0] if pool else None


def _latest_placements(db: Session, committee_id: int) -> dict[int, WorkProgrammePlacement]:
    q = (select(WorkProgrammePlacement).join(WorkProgrammeItem, WorkProgrammeItem.id == WorkProgrammePlacement.item_id)
         .where(WorkProgrammeItem.committee_id == committee_id).order_by(WorkProgrammePlacement.id))
    return {p.item_id: p for p in db.scalars(q)}  # later ids overwrite: the latest wins


def work_programme(db: Session, committee_id: int, upto: dt.date) -> list[ReportRound]:
    rounds: list[ReportRound] = []
    pack_id = _latest_wp_pack(db, committee_id, upto)
    if pack_id is not None:
        for rnd in db.scalars(select(WorkProgrammeRound).where(WorkProgrammeRound.pack_id == pack_id)
                              .order_by(WorkProgrammeRound.position)):
            events = db.scalars(select(WorkProgrammeItemEvent).where(WorkProgrammeItemEvent.round_id == rnd.id)
                                .order_by(WorkProgrammeItemEvent.id))
            rounds.append(ReportRound(rnd.label, rnd.date, [
                ReportItem(e.title, e.objective, list(e.represented_by or []), e.item_id) for e in events]))
    for item_id, place in _latest_placements(db, committee_id).items():
        item = db.get(WorkProgrammeItem, item_id)
        assert item is not None
        for rnd in rounds:
            rnd.items = [i for i in rnd.items if i.item_id != item_id]
        _round_for(rounds, place.round_label, place.round_date).items.append(
            ReportItem(item.title, place.objective, list(place.represented_by or []), item_id))
    return [r for r in rounds if r.items]


def _round_for(rounds: list[ReportRound], label: str | None, date: dt.date | None) -> ReportRound:
    for rnd in rounds:
        if (date is not None and rnd.date == date) or (date is None and label and
                                                       (rnd.label or "").lower() == label.lower()):
            return rnd
    new = ReportRound(label, date)
    rounds.append(new)
    rounds.sort(key=lambda r: (r.date is None, r.date or dt.date.max))
    return new


def item_placement(db: Session, item: WorkProgrammeItem) -> dict[str, Any]:
    """Where an item stands now (its latest placement, else its latest printed round)."""
    place = db.scalars(select(WorkProgrammePlacement).where(WorkProgrammePlacement.item_id == item.id)
                       .order_by(WorkProgrammePlacement.id.desc())).first()
    if place is not None:
        return {"title": item.title, "round_label": place.round_label, "round_date": place.round_date,
                "objective": place.objective, "represented_by": list(place.represented_by or [])}
    event = db.scalars(select(WorkProgrammeItemEvent).where(WorkProgrammeItemEvent.item_id == item.id)
                       .order_by(WorkProgrammeItemEvent.round_date.desc(), WorkProgrammeItemEvent.id.desc())).first()
    if event is None:
        return {"title": item.title}
    return {"title": item.title, "round_label": event.round_label, "round_date": event.round_date,
            "objective": event.objective, "represented_by": list(event.represented_by or [])}


def latest_statuses(db: Session, action_ids: list[int]) -> dict[int, str | None]:
    """Latest status per action: the later of its last printed status and last officer update
    (same day: the officer's, as it was made after the pack was printed)."""
    best: dict[int, tuple[tuple[dt.date, int, int], str | None]] = {}
    events = db.execute(select(ActionStatusEvent.action_id, ActionStatusEvent.reported_on, ActionStatusEvent.id,
                               ActionStatusEvent.status).where(ActionStatusEvent.action_id.in_(action_ids)))
    for aid, on, eid, status in events:
        key = (on or dt.date.min, 0, eid)
        if aid not in best or key > best[aid][0]:
            best[aid] = (key, status)
    updates = db.execute(select(ActionUpdate.action_id, ActionUpdate.at, ActionUpdate.id, ActionUpdate.status)
                         .where(ActionUpdate.action_id.in_(action_ids)))
    for aid, at, uid, status in updates:
        key = (at.date(), 1, uid)
        if aid not in best or key > best[aid][0]:
            best[aid] = (key, status)
    return {aid: status for aid, (_, status) in best.items()}


def tracker(db: Session, committee_id: int, before: dt.date, year_start: dt.date) -> list[TrackerGroup]:
    rows = db.execute(select(Action, Meeting.date).join(Meeting, Meeting.id == Action.meeting_id)
                      .where(Action.committee_id == committee_id, Meeting.date < before)
                      .order_by(Meeting.date, Action.id)).all()
    statuses = latest_statuses(db, [a.id for a, _ in rows])
    groups: dict[dt.date, TrackerGroup] = {}
    for action, date in rows:
        status = statuses.get(action.id)
        if date < year_start and action_state(status) == "done":
            continue  # last year's finished business has left the tracker
        groups.setdefault(date, TrackerGroup(date)).actions.append(
            TrackerAction(action.id, action.item, action.item_title, action.text, status))
    return list(groups.values())

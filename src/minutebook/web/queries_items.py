"""Read-side queries for what runs across meetings: actions, the work programme and KPIs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutebook.store.schema import ActionUpdate, AppUser, Meeting, Pack
from minutebook.store.schema_items import (
    Action, ActionStatusEvent, KpiObservation, WorkProgrammeItem, WorkProgrammeItemEvent, WorkProgrammeRound,
)
from minutebook.web.queries import committee_labels, source

Row = dict[str, Any]
State = Literal["open", "done"]

# A tracker status that says the work happened. Packs print free text ("Completed.", "Briefing
# sent to Members on ...", "This meeting has now taken place."), so this is a reading, not a field;
# anything else (no status, "On track", "Due in February", "Deferred ...") counts as open.
_DONE = re.compile(r"\b(complete[d]?|done|closed|discharged|taken place|sent|circulated|distributed|received|"
                   r"submitted|covered|included)\b", re.I)


def action_state(status: str | None) -> State:
    return "done" if status and _DONE.search(status) else "open"


def actions(s: Session, committee: int | None = None, meeting: int | None = None, state: State | None = None,
            text: str | None = None, action_id: int | None = None) -> list[Row]:
    """Actions with their status history (oldest report first) and current state.

    `meeting` matches the meeting an action arose at or any meeting that reported on it.
    """
    q = select(Action)
    if committee is not None:
        q = q.where(Action.committee_id == committee)
    if action_id is not None:
        q = q.where(Action.id == action_id)
    if text:
        q = q.where(Action.text.ilike(f"%{_like_escape(text)}%", escape="\\"))
    found = list(s.scalars(q.order_by(Action.id)))
    ids = [a.id for a in found]
    dates = {m.id: m.date for m in s.scalars(select(Meeting))}
    files = {p.id: p.file_name for p in s.scalars(select(Pack))}
    history: dict[int, list[Row]] = {}
    if ids:
        eq = (select(ActionStatusEvent).where(ActionStatusEvent.action_id.in_(ids))
              .order_by(ActionStatusEvent.reported_on, ActionStatusEvent.id))
        for e in s.scalars(eq):
            history.setdefault(e.action_id, []).append({
                "id": e.id, "status": e.status, "state": action_state(e.status), "reported_on": e.reported_on,
                "meeting_id": e.meeting_id, "pack_id": e.pack_id, "pack": files.get(e.pack_id), "text": e.text,
                "source": source(e, e.pack_id), "origin": "pack", "by": None})
        _add_officer_updates(s, ids, history)
    labels = committee_labels(s)
    out = []
    for a in found:
        hist = history.get(a.id, [])
        status = hist[-1]["status"] if hist else None
        current = hist[-1]["state"] if hist else action_state(None)
        row = {"id": a.id, "committee_id": a.committee_id,
               "committee": labels.get(a.committee_id, {}).get("name") if a.committee_id else None,
               "meeting_id": a.meeting_id, "meeting_date": dates.get(a.meeting_id) if a.meeting_id else None,
               "item": a.item, "item_title": a.item_title, "text": a.text, "status": status,
               "state": current, "history": hist, "source": source(a, a.first_pack_id)}
        if meeting is not None and a.meeting_id != meeting and all(h["meeting_id"] != meeting for h in hist):
            continue
        if state is not None and row["state"] != state:
            continue
        out.append(row)
    return out


def _add_officer_updates(s: Session, ids: list[int], history: dict[int, list[Row]]) -> None:
    """Officers' status updates join the printed history in date order; on the same day the
    officer's comes after the pack's (it was made after the pack was printed). A closed update
    makes the action done whatever its wording."""
    names = {u.id: u.name for u in s.scalars(select(AppUser))}
    touched: set[int] = set()
    for u in s.scalars(select(ActionUpdate).where(ActionUpdate.action_id.in_(ids)).order_by(ActionUpdate.id)):
        history.setdefault(u.action_id, []).append({
            "id": u.id, "status": u.status, "state": "done" if u.closed else action_state(u.status),
            "reported_on": u.at.date(), "meeting_id": None, "pack_id": None, "pack": None,
            "text": u.evidence or u.note, "source": None, "origin": "officer", "by": names.get(u.user_id)})
        touched.add(u.action_id)
    for action_id in touched:
        history[action_id].sort(key=lambda h: (h["reported_on"] or dt.date.min, h["origin"] == "officer", h["id"]))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def work_programme(s: Session, committee: int | None = None) -> list[Row]:
    """Per committee: its rounds in date order, each with the items seen in it and their status."""
    rq = select(WorkProgrammeRound)
    if committee is not None:
        rq = rq.where(WorkProgrammeRound.committee_id == committee)
    rounds = list(s.scalars(rq))
    events: dict[int, list[Row]] = {}
    if rounds:
        eq = (select(WorkProgrammeItemEvent, WorkProgrammeItem.title)
              .join(WorkProgrammeItem, WorkProgrammeItem.id == WorkProgrammeItemEvent.item_id)
              .where(WorkProgrammeItemEvent.round_id.in_([r.id for r in rounds]))
              .order_by(WorkProgrammeItemEvent.id))
        for e, item_title in s.execute(eq):
            events.setdefault(e.round_id, []).append({
                "item_id": e.item_id, "item_title": item_title, "title": e.title, "status": e.status,
                "objective": e.objective, "represented_by": list(e.represented_by or []),
                "source": source(e, e.pack_id)})
    labels = committee_labels(s)
    by_committee: dict[int | None, Row] = {}
    for r in sorted(rounds, key=lambda r: (r.date is None, r.date or r.position, r.pack_id, r.position)):
        c = by_committee.setdefault(r.committee_id, {
            "committee_id": r.committee_id,
            "committee": labels.get(r.committee_id, {}).get("name") if r.committee_id else None, "rounds": []})
        c["rounds"].append({"id": r.id, "pack_id": r.pack_id, "meeting_id": r.meeting_id, "label": r.label,
                            "date": r.date, "items": events.get(r.id, []), "source": source(r, r.pack_id)})
    return list(by_committee.values())


_NUMBER = re.compile(r"\(?-?\d[\d,]*(?:\.\d+)?\)?")


def kpi_number(value: str | None) -> float | None:
    """A printed KPI value as a number for charting: the percentage if one is printed, else the
    first number; accounting brackets "(1,116)" are negative. None when nothing numeric is there."""
    if not value:
        return None
    pct = re.search(r"(-?\d[\d,]*(?:\.\d+)?)\s*%", value)
    m = pct or _NUMBER.search(value)
    if m is None:
        return None
    raw = m.group(1) if pct else m.group(0)
    negative = raw.startswith("(") and raw.endswith(")")
    try:
        number = float(raw.strip("()").replace(",", ""))
    except ValueError:
        return None
    return -number if negative else number


def kpis(s: Session, committee: int | None = None, indicator_id: int | None = None,
         meeting: int | None = None) -> list[Row]:
    """Indicators (committee + name), each with its observations in period order.

    An indicator's stable id is the id of its first observation.
    """
    q = select(KpiObservation)
    if committee is not None:
        q = q.where(KpiObservation.committee_id == committee)
    dates = {m.id: m.date for m in s.scalars(select(Meeting))}
    labels = committee_labels(s)
    groups: dict[tuple[int | None, str], Row] = {}
    for o in s.scalars(q.order_by(KpiObservation.id)):
        key = (o.committee_id, o.indicator.strip())
        g = groups.setdefault(key, {
            "id": o.id, "committee_id": o.committee_id, "indicator": o.indicator.strip(), "area": o.area,
            "committee": labels.get(o.committee_id, {}).get("name") if o.committee_id else None, "observations": []})
        g["observations"].append({
            "id": o.id, "pack_id": o.pack_id, "meeting_id": o.meeting_id,
            "meeting_date": dates.get(o.meeting_id) if o.meeting_id else None, "period": o.period,
            "last_year": o.last_year, "target": o.target, "actual": o.actual,
            "target_value": kpi_number(o.target), "actual_value": kpi_number(o.actual), "rag": o.rag,
            "direction": o.direction, "commentary": o.commentary, "source": source(o, o.pack_id)})
    out = []
    for g in groups.values():
        g["observations"].sort(key=lambda o: (o["period"] or "", o["id"]))
        latest = g["observations"][-1]
        g.update(latest_actual=latest["actual"], latest_target=latest["target"], rag=latest["rag"],
                 direction=latest["direction"])
        if indicator_id is not None and g["id"] != indicator_id:
            continue
        if meeting is not None and all(o["meeting_id"] != meeting for o in g["observations"]):
            continue
        out.append(g)
    return out


def rag_class(rag: str | None) -> str:
    """CSS class for a printed RAG rating ("Green (based on profile)" is green)."""
    r = (rag or "").lower()
    for colour in ("red", "amber", "green"):
        if colour in r:
            return colour
    return "none"

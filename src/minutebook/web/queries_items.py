"""Read-side queries for what runs across meetings: actions, the work programme and KPIs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from minutebook.store.schema import ActionUpdate, AppUser, Committee, Meeting, Pack
from minutebook.store.schema_items import (
    Action, ActionStatusEvent, KpiObservation, WorkProgrammeItem, WorkProgrammeItemEvent, WorkProgrammeRound,
)
from minutebook.web.queries import committee_labels, source, window

Row = dict[str, Any]
State = Literal["open", "done"]

# A tracker status that says the work happened. Packs print free text ("Completed.", "Briefing
# sent to Members on ...", "This meeting has now taken place."), so this is a reading, not a field;
# anything else (no status, "On track", "Due in February", "Deferred ...") counts as open.
_DONE_WORDS = (r"(complete[d]?|done|closed|discharged|taken place|sent|circulated|distributed|received|"
               r"submitted|covered|included)")
_DONE = re.compile(rf"\b{_DONE_WORDS}\b", re.I)
_PG_DONE = rf"\y{_DONE_WORDS}\y"  # the same reading in PostgreSQL's regex dialect (\y: word boundary)


def action_state(status: str | None) -> State:
    return "done" if status and _DONE.search(status) else "open"


def _action_where(committee: int | None, meeting: int | None, text: str | None,
                  action_id: int | None) -> list[ColumnElement[bool]]:
    """WHERE terms of an action list. An action is "at" a meeting if it arose there or a pack
    of that meeting reported on it (an IN subquery on the status events' meeting index)."""
    where: list[ColumnElement[bool]] = []
    if committee is not None:
        where.append(Action.committee_id == committee)
    if action_id is not None:
        where.append(Action.id == action_id)
    if meeting is not None:
        reported = select(ActionStatusEvent.action_id).where(ActionStatusEvent.meeting_id == meeting)
        where.append(or_(Action.meeting_id == meeting, Action.id.in_(reported)))
    if text:
        # a substring scan: no index helps "%word%" (full-text search is /search's job)
        where.append(Action.text.ilike(f"%{_like_escape(text)}%", escape="\\"))
    return where


def actions(s: Session, committee: int | None = None, meeting: int | None = None, state: State | None = None,
            text: str | None = None, action_id: int | None = None) -> list[Row]:
    """Every matching action with its status history (oldest report first) and current state.

    For sets bounded by nature (one action, one meeting); lists use actions_page.
    """
    return actions_page(s, committee, meeting, state, text, action_id=action_id)[0]


def actions_page(s: Session, committee: int | None = None, meeting: int | None = None, state: State | None = None,
                 text: str | None = None, limit: int | None = None, offset: int = 0,
                 action_id: int | None = None) -> tuple[list[Row], int]:
    """One page of matching actions (in id order) and how many match in all.

    Filters, order and paging run in SQL, the `state` reading too (state_where) on SQLite and
    PostgreSQL; then full rows are read for the page alone.
    """
    where = _action_where(committee, meeting, text, action_id)
    in_state = state_where(s, where, state) if state is not None else None
    if in_state is not None:
        where.append(in_state)
    if state is None or in_state is not None:
        q = select(Action.id).where(*where).order_by(Action.id).offset(offset)
        ids = list(s.scalars(q.limit(limit) if limit is not None else q))
        # a COUNT only when the page cannot tell (as in queries.window)
        known = (limit is None or len(ids) < limit) and (ids or not offset)
        total = offset + len(ids) if known else int(s.scalar(select(func.count()).select_from(Action).where(*where)) or 0)
    else:
        matching = ids_in_state(s, where, state)
        total = len(matching)
        ids = matching[offset:offset + limit if limit is not None else None]
    return _action_rows(s, ids), total


def _done_flag(text: str | None) -> int:
    return 1 if text and _DONE.search(text) else 0


def _newest(column: Any) -> Any:
    """`column` of the action's newest printed status event (correlated: an index seek per action)."""
    E = ActionStatusEvent
    return (select(column).where(E.action_id == Action.id).order_by(E.reported_on.desc().nulls_last(), E.id.desc())
            .limit(1).correlate(Action).scalar_subquery())


def _officer_latest(s: Session, candidates: Any) -> dict[int, tuple[dt.date, int, str, bool]]:
    """Each candidate's newest officer update: (day, id, status, closed)."""
    officer: dict[int, tuple[dt.date, int, str, bool]] = {}
    for aid, uid, at, status, closed in s.execute(
            select(ActionUpdate.action_id, ActionUpdate.id, ActionUpdate.at, ActionUpdate.status, ActionUpdate.closed)
            .where(ActionUpdate.action_id.in_(candidates))):
        entry = (at.date(), uid, status, closed)
        if aid not in officer or entry[:2] > officer[aid][:2]:
            officer[aid] = entry
    return officer


def state_where(s: Session, where: list[ColumnElement[bool]], state: State) -> ColumnElement[bool] | None:
    """The state filter as a WHERE term, so COUNT and LIMIT/OFFSET stay in SQL: the regex runs in
    the database (a Python function registered on the SQLite connection; PostgreSQL's ~*).
    Actions an officer updated (few) are read in Python and enter as an id list.
    None on another database: the caller filters in Python (ids_in_state)."""
    dialect = s.get_bind().dialect.name
    status = func.coalesce(_newest(ActionStatusEvent.status), "")
    if dialect == "sqlite":
        s.connection().connection.driver_connection.create_function(  # type: ignore[union-attr]
            "minutebook_done", 1, _done_flag, deterministic=True)
        done = func.minutebook_done(status) == 1
    elif dialect == "postgresql":
        done = status.regexp_match(_PG_DONE, flags="i")
    else:
        return None
    printed = done if state == "done" else ~done
    touched = select(ActionUpdate.action_id)
    return or_(and_(Action.id.not_in(touched), printed), Action.id.in_(_officer_ids_in_state(s, where, state)))


def _officer_ids_in_state(s: Session, where: list[ColumnElement[bool]], state: State) -> list[int]:
    """Of the candidates an officer updated, those whose merged latest entry reads `state`."""
    officer = _officer_latest(s, select(Action.id).where(*where))
    if not officer:
        return []
    printed = s.execute(select(Action.id, _newest(ActionStatusEvent.status), _newest(ActionStatusEvent.reported_on))
                        .where(Action.id.in_(officer))).all()
    return [aid for aid, status, on in printed if _merged_state(officer.get(aid), status, on) == state]


def _merged_state(officer: tuple[dt.date, int, str, bool] | None, status: str | None, on: dt.date | None) -> State:
    """The latest entry's state: the officer's update wins over a printed status of its day or before."""
    if officer is not None and officer[0] >= (on or dt.date.min):
        return "done" if officer[3] else action_state(officer[2])
    return action_state(status)


def ids_in_state(s: Session, where: list[ColumnElement[bool]], state: State) -> list[int]:
    """Ids (in order) of the actions matching `where` whose latest history entry reads `state`,
    the regex applied in Python: the fallback of state_where, O(candidates) narrow rows."""
    officer = _officer_latest(s, select(Action.id).where(*where))
    printed = s.execute(select(Action.id, _newest(ActionStatusEvent.status)).where(*where).order_by(Action.id)).all()
    # the printed date matters only against an officer's update: read for those actions alone
    dated = dict(s.execute(select(Action.id, _newest(ActionStatusEvent.reported_on))
                           .where(Action.id.in_(officer))).all()) if officer else {}
    return [aid for aid, status in printed if _merged_state(officer.get(aid), status, dated.get(aid)) == state]


def _action_rows(s: Session, ids: list[int]) -> list[Row]:
    """Full rows of these actions, in id order; only the meetings, packs, committees and users
    they reference are read."""
    if not ids:
        return []
    found = list(s.scalars(select(Action).where(Action.id.in_(ids)).order_by(Action.id)))
    events = list(s.scalars(select(ActionStatusEvent).where(ActionStatusEvent.action_id.in_(ids))
                            .order_by(ActionStatusEvent.reported_on.nulls_first(), ActionStatusEvent.id)))
    dates = _lookup(s, Meeting.id, Meeting.date, {a.meeting_id for a in found})
    files = _lookup(s, Pack.id, Pack.file_name, {e.pack_id for e in events})
    names = _lookup(s, Committee.id, Committee.name, {a.committee_id for a in found})
    history: dict[int, list[Row]] = {}
    for e in events:
        history.setdefault(e.action_id, []).append({
            "id": e.id, "status": e.status, "state": action_state(e.status), "reported_on": e.reported_on,
            "meeting_id": e.meeting_id, "pack_id": e.pack_id, "pack": files.get(e.pack_id), "text": e.text,
            "source": source(e, e.pack_id), "origin": "pack", "by": None})
    _add_officer_updates(s, ids, history)
    out = []
    for a in found:
        hist = history.get(a.id, [])
        out.append({"id": a.id, "committee_id": a.committee_id,
                    "committee": names.get(a.committee_id) if a.committee_id else None,
                    "meeting_id": a.meeting_id, "meeting_date": dates.get(a.meeting_id) if a.meeting_id else None,
                    "item": a.item, "item_title": a.item_title, "text": a.text,
                    "status": hist[-1]["status"] if hist else None,
                    "state": hist[-1]["state"] if hist else action_state(None), "history": hist,
                    "source": source(a, a.first_pack_id)})
    return out


def _lookup(s: Session, key: Any, value: Any, ids: set[int | None]) -> dict[Any, Any]:
    """{key: value} for just these ids (one IN query; none when nothing is referenced)."""
    wanted = [i for i in ids if i is not None]
    return dict(s.execute(select(key, value).where(key.in_(wanted))).all()) if wanted else {}


def _add_officer_updates(s: Session, ids: list[int], history: dict[int, list[Row]]) -> None:
    """Officers' status updates join the printed history in date order; on the same day the
    officer's comes after the pack's (it was made after the pack was printed). A closed update
    makes the action done whatever its wording."""
    updates = list(s.scalars(select(ActionUpdate).where(ActionUpdate.action_id.in_(ids)).order_by(ActionUpdate.id)))
    names = _lookup(s, AppUser.id, AppUser.name, {u.user_id for u in updates})
    touched: set[int] = set()
    for u in updates:
        history.setdefault(u.action_id, []).append({
            "id": u.id, "status": u.status, "state": "done" if u.closed else action_state(u.status),
            "reported_on": u.at.date(), "meeting_id": None, "pack_id": None, "pack": None,
            "text": u.evidence or u.note, "source": None, "origin": "officer", "by": names.get(u.user_id)})
        touched.add(u.action_id)
    for action_id in touched:
        history[action_id].sort(key=lambda h: (h["reported_on"] or dt.date.min, h["origin"] == "officer", h["id"]))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _round_order(r: Any) -> tuple[Any, ...]:
    return (r.date is None, r.date or r.position, r.pack_id, r.position)


def work_programme_page(s: Session, limit: int | None = None, offset: int = 0) -> tuple[list[Row], int]:
    """One page of every committee's programme (committees in order of their first round) and
    how many committees have one. The order is read from narrow (committee, date, position)
    rows of every round; only the page's committees have rounds and items read."""
    R = WorkProgrammeRound
    order: dict[int | None, None] = {}
    for r in sorted(s.execute(select(R.committee_id, R.date, R.position, R.pack_id)), key=_round_order):
        order.setdefault(r.committee_id, None)
    wanted = list(order)[offset:offset + limit if limit is not None else None]
    return (work_programme(s, committees=wanted) if wanted else []), len(order)


def work_programme(s: Session, committee: int | None = None, committees: list[int | None] | None = None) -> list[Row]:
    """Per committee: its rounds in date order, each with the items seen in it and their status."""
    rq = select(WorkProgrammeRound)
    if committee is not None:
        rq = rq.where(WorkProgrammeRound.committee_id == committee)
    if committees is not None:
        ids = [c for c in committees if c is not None]
        rq = rq.where(or_(WorkProgrammeRound.committee_id.in_(ids),
                          WorkProgrammeRound.committee_id.is_(None) if None in committees else false()))
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
    labels = committee_labels(s, (r.committee_id for r in rounds))
    by_committee: dict[int | None, Row] = {}
    for r in sorted(rounds, key=_round_order):
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
    return kpis_page(s, committee, indicator_id, meeting)[0]


def kpis_page(s: Session, committee: int | None = None, indicator_id: int | None = None,
              meeting: int | None = None, limit: int | None = None, offset: int = 0) -> tuple[list[Row], int]:
    """One page of indicators (in first-observation order) and how many match.

    Grouping, filters and paging run in SQL on (committee, trimmed name); then only the page's
    indicators have their observations, meetings and committees read.
    """
    K = KpiObservation
    name = func.trim(K.indicator)
    groups = select(func.min(K.id).label("kid"), K.committee_id, name.label("name")).group_by(K.committee_id, name)
    if committee is not None:
        groups = groups.where(K.committee_id == committee)
    having = []
    if indicator_id is not None:
        # only the rows of that observation's (committee, name): the committee index, not a scan
        first = aliased(K)
        groups = groups.where(
            K.committee_id.is_not_distinct_from(select(first.committee_id).where(first.id == indicator_id)
                                                .scalar_subquery()),
            name == select(func.trim(first.indicator)).where(first.id == indicator_id).scalar_subquery())
        having.append(func.min(K.id) == indicator_id)
    if meeting is not None:
        # an indicator presented at the meeting: any of its observations is from there; the
        # meeting's own observations narrow the rows read to its committees and names
        there = aliased(K)
        at = select(there.committee_id).where(there.meeting_id == meeting)
        groups = groups.where(or_(K.committee_id.in_(at), K.committee_id.is_(None)),
                              name.in_(select(func.trim(there.indicator)).where(there.meeting_id == meeting)))
        having.append(func.max(case((K.meeting_id == meeting, 1), else_=0)) == 1)
    groups = groups.having(*having) if having else groups
    page, total = window(s, groups.order_by(func.min(K.id)), limit, offset)
    if not page:
        return [], total
    keys = {(c, n): kid for kid, c, n in page}
    by_committee: dict[int | None, list[str]] = {}
    for c, n in keys:
        by_committee.setdefault(c, []).append(n)
    match = [and_(K.committee_id.is_(None) if c is None else K.committee_id == c, name.in_(ns))
             for c, ns in by_committee.items()]
    obs = s.scalars(select(K).where(or_(*match)).order_by(K.id))
    found = [o for o in obs if (o.committee_id, o.indicator.strip()) in keys]
    dates = _lookup(s, Meeting.id, Meeting.date, {o.meeting_id for o in found})
    names = _lookup(s, Committee.id, Committee.name, {o.committee_id for o in found})
    out: dict[int, Row] = {kid: {} for kid, _, _ in page}  # page order
    for o in found:
        kid = keys[(o.committee_id, o.indicator.strip())]
        g = out[kid]
        if not g:
            g.update({"id": o.id, "committee_id": o.committee_id, "indicator": o.indicator.strip(), "area": o.area,
                      "committee": names.get(o.committee_id) if o.committee_id else None, "observations": []})
        g["observations"].append({
            "id": o.id, "pack_id": o.pack_id, "meeting_id": o.meeting_id,
            "meeting_date": dates.get(o.meeting_id) if o.meeting_id else None, "period": o.period,
            "last_year": o.last_year, "target": o.target, "actual": o.actual,
            "target_value": kpi_number(o.target), "actual_value": kpi_number(o.actual), "rag": o.rag,
            "direction": o.direction, "commentary": o.commentary, "source": source(o, o.pack_id)})
    rows = [g for g in out.values() if g]
    for g in rows:
        g["observations"].sort(key=lambda o: (o["period"] or "", o["id"]))
        latest = g["observations"][-1]
        g.update(latest_actual=latest["actual"], latest_target=latest["target"], rag=latest["rag"],
                 direction=latest["direction"])
    return rows, total


def rag_class(rag: str | None) -> str:
    """CSS class for a printed RAG rating ("Green (based on profile)" is green)."""
    r = (rag or "").lower()
    for colour in ("red", "amber", "green"):
        if colour in r:
            return colour
    return "none"

"""HTML pages: server-rendered, readable without JavaScript; htmx only swaps filter results in place."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from minutebook.web import queries as Q
from minutebook.web import queries_items as QI
from minutebook.web.app import get_session, render
from minutebook.web.charts import kpi_chart_spec

DB = Annotated[Session, Depends(get_session)]
router = APIRouter(include_in_schema=False)


def _blank_none(value: str | None) -> str | None:
    """HTML forms send "" for "any"; treat it as not given."""
    return value if value not in (None, "") else None


def _int_or_none(value: str | None, name: str) -> int | None:
    value = _blank_none(value)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a number") from None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: DB) -> HTMLResponse:
    today = dt.date.today()
    meetings = Q.list_meetings(db)
    return render(request, "home.html", {
        "committees": Q.list_committees(db), "councils": Q.list_councils(db),
        "recent": [m for m in meetings if m["date"] <= today][:10],
        "upcoming": sorted((m for m in meetings if m["date"] > today), key=lambda m: m["date"])[:10]})


@router.get("/committees/{committee_id}", response_class=HTMLResponse)
def committee(request: Request, committee_id: int, db: DB) -> HTMLResponse:
    c = Q.committee(db, committee_id)
    if c is None:
        raise HTTPException(404, f"committee {committee_id} not found")
    return render(request, "committee.html", {
        "committee": c, "meetings": Q.list_meetings(db, committee=committee_id),
        "members": Q.members(db, committee_id), "minuted": Q.minuted_meetings(db, committee_id),
        "open_actions": QI.actions(db, committee=committee_id, state="open"),
        "work_programme": QI.work_programme(db, committee_id), "kpis": QI.kpis(db, committee_id)})


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting(request: Request, meeting_id: int, db: DB) -> HTMLResponse:
    m = Q.meeting(db, meeting_id)
    if m is None:
        raise HTTPException(404, f"meeting {meeting_id} not found")
    minutes = [Q.minutes_full(db, x["id"]) for x in Q.minutes_list(db, meeting=meeting_id)]
    raised = QI.actions(db, meeting=meeting_id)
    return render(request, "meeting.html", {
        "meeting": m, "agenda": Q.agenda_items(db, meeting=meeting_id), "documents": Q.documents(db, meeting=meeting_id),
        "minutes": minutes, "actions": raised, "kpis": QI.kpis(db, meeting=meeting_id)})


@router.get("/actions", response_class=HTMLResponse)
def tracker(request: Request, db: DB, committee: str | None = None, meeting: str | None = None,
            status: str | None = None, q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    state: Literal["open", "done"] | None = None
    if _blank_none(status) is not None:
        if status not in ("open", "done"):
            raise HTTPException(422, "status must be open or done")
        state = status  # type: ignore[assignment]
    cid, mid = _int_or_none(committee, "committee"), _int_or_none(meeting, "meeting")
    rows = QI.actions(db, cid, mid, state, _blank_none(q))
    meetings = Q.list_meetings(db, committee=cid) if cid else Q.list_meetings(db)
    return render(request, "actions.html", {
        "actions": rows, "committees": Q.list_committees(db), "meetings": meetings,
        "filters": {"committee": cid, "meeting": mid, "status": state, "q": _blank_none(q) or ""}})


@router.get("/actions/{action_id}", response_class=HTMLResponse)
def action(request: Request, action_id: int, db: DB) -> HTMLResponse:
    rows = QI.actions(db, action_id=action_id)
    if not rows:
        raise HTTPException(404, f"action {action_id} not found")
    return render(request, "action.html", {"action": rows[0]})


@router.get("/work-programme", response_class=HTMLResponse)
def work_programme(request: Request, db: DB, committee: str | None = None) -> HTMLResponse:
    cid = _int_or_none(committee, "committee")
    return render(request, "work_programme.html", {
        "programmes": QI.work_programme(db, cid), "committees": Q.list_committees(db), "committee_id": cid})


@router.get("/kpis", response_class=HTMLResponse)
def kpi_list(request: Request, db: DB, committee: str | None = None) -> HTMLResponse:
    cid = _int_or_none(committee, "committee")
    return render(request, "kpis.html", {"kpis": QI.kpis(db, cid), "committees": Q.list_committees(db),
                                         "committee_id": cid})


@router.get("/kpis/{kpi_id}", response_class=HTMLResponse)
def kpi(request: Request, kpi_id: int, db: DB) -> HTMLResponse:
    rows = QI.kpis(db, indicator_id=kpi_id)
    if not rows:
        raise HTTPException(404, f"indicator {kpi_id} not found")
    return render(request, "kpi.html", {"kpi": rows[0], "spec": kpi_chart_spec(rows[0])})



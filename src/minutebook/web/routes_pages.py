"""HTML pages: server-rendered, readable without JavaScript; htmx only swaps filter results in place."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

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


PAGE_SIZE = 50  # tracker rows, KPIs and committees per HTML page
HOME_LIST = 10  # meetings in each home-page list
HOME_COMMITTEES = 30
WP_PAGE = 10  # committees' programmes per work-programme page (each is a timeline)
MEETING_MENU = 200  # tracker's meeting menu when no committee is chosen
PageNo = Annotated[int, Query(ge=1, le=10**9, description="page number, from 1")]


def pager(request: Request, page: int, total: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Page links of an HTML list: the same URL and filters with another page number."""
    pages = max(1, -(-total // size))

    def at(n: int) -> str:
        query = {k: v for k, v in request.query_params.items() if k != "page"} | ({"page": str(n)} if n > 1 else {})
        return request.url.path + ("?" + urlencode(query) if query else "")

    return {"page": page, "pages": pages, "total": total, "first": (page - 1) * size + 1 if total else 0,
            "last": min(total, page * size), "prev": at(page - 1) if page > 1 else None,
            "next": at(page + 1) if page < pages else None}


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
    committees, n_committees = Q.list_committees(db, limit=HOME_COMMITTEES)
    return render(request, "home.html", {
        "committees": committees, "committees_total": n_committees,
        "recent": Q.list_meetings(db, until=today, limit=HOME_LIST, count=False)[0],
        "upcoming": Q.list_meetings(db, after=today, newest_first=False, limit=HOME_LIST, count=False)[0]})


@router.get("/committees", response_class=HTMLResponse)
def committees(request: Request, db: DB, page: PageNo = 1) -> HTMLResponse:
    rows, total = Q.list_committees(db, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "committees.html", {"committees": rows, "pager": pager(request, page, total)})


@router.get("/committees/{committee_id}", response_class=HTMLResponse)
def committee(request: Request, committee_id: int, db: DB) -> HTMLResponse:
    c = Q.committee(db, committee_id)
    if c is None:
        raise HTTPException(404, f"committee {committee_id} not found")
    open_actions, n_open = QI.actions_page(db, committee=committee_id, state="open", limit=PAGE_SIZE)
    return render(request, "committee.html", {
        "committee": c, "meetings": Q.list_meetings(db, committee=committee_id)[0],
        "members": Q.members(db, committee_id), "minuted": Q.minuted_meetings(db, committee_id),
        "open_actions": open_actions, "open_total": n_open,
        "work_programme": QI.work_programme(db, committee_id),
        "kpi_total": QI.kpis_page(db, committee_id, limit=0)[1]})


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting(request: Request, meeting_id: int, db: DB) -> HTMLResponse:
    m = Q.meeting(db, meeting_id)
    if m is None:
        raise HTTPException(404, f"meeting {meeting_id} not found")
    minutes = [Q.minutes_full(db, x["id"]) for x in Q.minutes_list(db, meeting=meeting_id)[0]]
    raised = QI.actions(db, meeting=meeting_id)
    return render(request, "meeting.html", {
        "meeting": m, "agenda": Q.agenda_items(db, meeting=meeting_id)[0],
        "documents": Q.documents(db, meeting=meeting_id)[0],
        "minutes": minutes, "actions": raised, "kpis": QI.kpis(db, meeting=meeting_id)})


@router.get("/actions", response_class=HTMLResponse)
def tracker(request: Request, db: DB, committee: str | None = None, meeting: str | None = None,
            status: str | None = None, q: Annotated[str | None, Query(max_length=200)] = None,
            page: PageNo = 1) -> HTMLResponse:
    state: Literal["open", "done"] | None = None
    if _blank_none(status) is not None:
        if status not in ("open", "done"):
            raise HTTPException(422, "status must be open or done")
        state = status  # type: ignore[assignment]
    cid, mid = _int_or_none(committee, "committee"), _int_or_none(meeting, "meeting")
    rows, total = QI.actions_page(db, cid, mid, state, _blank_none(q), PAGE_SIZE, (page - 1) * PAGE_SIZE)
    # the meeting menu: a committee's meetings, or else the latest ones (every meeting of every
    # council would be tens of thousands of options), plus the one filtered on
    meetings = Q.list_meetings(db, committee=cid, limit=None if cid else MEETING_MENU, count=False)[0]
    if mid is not None and all(m["id"] != mid for m in meetings):
        chosen = Q.meeting(db, mid)
        meetings += [chosen] if chosen else []
    return render(request, "actions.html", {
        "actions": rows, "pager": pager(request, page, total), "committees": Q.committee_menu(db),
        "meetings": meetings,
        "filters": {"committee": cid, "meeting": mid, "status": state, "q": _blank_none(q) or ""}})


@router.get("/actions/{action_id}", response_class=HTMLResponse)
def action(request: Request, action_id: int, db: DB) -> HTMLResponse:
    rows = QI.actions(db, action_id=action_id)
    if not rows:
        raise HTTPException(404, f"action {action_id} not found")
    return render(request, "action.html", {"action": rows[0]})


@router.get("/work-programme", response_class=HTMLResponse)
def work_programme(request: Request, db: DB, committee: str | None = None, page: PageNo = 1) -> HTMLResponse:
    cid = _int_or_none(committee, "committee")
    if cid is None:
        rows, total = QI.work_programme_page(db, WP_PAGE, (page - 1) * WP_PAGE)
    else:
        rows = QI.work_programme(db, cid)
        total = len(rows)
    return render(request, "work_programme.html", {
        "programmes": rows, "pager": pager(request, page, total, WP_PAGE), "committees": Q.committee_menu(db),
        "committee_id": cid})


@router.get("/kpis", response_class=HTMLResponse)
def kpi_list(request: Request, db: DB, committee: str | None = None, page: PageNo = 1) -> HTMLResponse:
    cid = _int_or_none(committee, "committee")
    rows, total = QI.kpis_page(db, cid, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "kpis.html", {"kpis": rows, "pager": pager(request, page, total),
                                         "committees": Q.committee_menu(db), "committee_id": cid})


@router.get("/kpis/{kpi_id}", response_class=HTMLResponse)
def kpi(request: Request, kpi_id: int, db: DB) -> HTMLResponse:
    rows = QI.kpis(db, indicator_id=kpi_id)
    if not rows:
        raise HTTPException(404, f"indicator {kpi_id} not found")
    return render(request, "kpi.html", {"kpi": rows[0], "spec": kpi_chart_spec(rows[0])})



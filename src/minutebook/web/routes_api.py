"""JSON API under /api/v1: list endpoints are paged (limit/offset, total, next/prev URLs).

Ids are the database row ids, stable across re-ingests of other packs. Errors are
{"error": {"status", "message"}} with the matching HTTP status (see app.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from sqlalchemy.orm import Session

from minutebook.web import queries as Q
from minutebook.web import queries_items as QI
from minutebook.web import schemas as S
from minutebook.web.app import get_session
from minutebook.web.search_adapter import SearchUnavailable, hit_dict, run_search

T = TypeVar("T")
DB = Annotated[Session, Depends(get_session)]
Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
# Ids and offsets reach SQL: a number past 64 bits cannot be bound (SQLite raises OverflowError,
# a 500), so the API refuses it as a 422 like any other invalid parameter.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
Offset = Annotated[int, Query(ge=0, le=INT64_MAX, description="rows to skip")]
RowId = Annotated[int, Path(ge=INT64_MIN, le=INT64_MAX)]
IdFilter = Annotated[int | None, Query(ge=INT64_MIN, le=INT64_MAX)]
ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": S.Error}, 422: {"model": S.Error}}

router = APIRouter(tags=["records"], responses=ERRORS)


def page_links(request: Request, total: int, limit: int, offset: int) -> dict[str, str | None]:
    def at(o: int) -> str:
        return str(request.url.include_query_params(limit=limit, offset=o))

    return {"next": at(offset + limit) if offset + limit < total else None,
            "prev": at(max(0, offset - limit)) if offset > 0 else None}


def paged(request: Request, found: tuple[list[Any], int], limit: int, offset: int) -> dict[str, Any]:
    """A page the query already cut with LIMIT/OFFSET, with the total it counted."""
    rows, total = found
    return {"items": rows, "total": total, "limit": limit, "offset": offset,
            **page_links(request, total, limit, offset)}


def found(row: T | None, what: str, ident: int) -> T:
    if row is None:
        raise HTTPException(404, f"{what} {ident} not found")
    return row


@router.get("/councils", response_model=S.Page[S.Council])
def councils(request: Request, db: DB, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return paged(request, Q.list_councils(db, limit, offset), limit, offset)


@router.get("/committees", response_model=S.Page[S.Committee])
def committees(request: Request, db: DB, council: IdFilter = None, limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:
    return paged(request, Q.list_committees(db, council, limit, offset), limit, offset)


@router.get("/committees/{committee_id}", response_model=S.Committee)
def committee(committee_id: RowId, db: DB) -> dict[str, Any]:
    rows = Q.list_committees(db, only=committee_id)[0]
    return found(rows[0] if rows else None, "committee", committee_id)


@router.get("/meetings", response_model=S.Page[S.Meeting])
def meetings(request: Request, db: DB, committee: IdFilter = None, since: dt.date | None = None,
             until: dt.date | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return paged(request, Q.list_meetings(db, committee, since, until, limit=limit, offset=offset), limit, offset)


@router.get("/meetings/{meeting_id}", response_model=S.MeetingDetail)
def meeting(meeting_id: RowId, db: DB) -> dict[str, Any]:
    row = found(Q.meeting(db, meeting_id), "meeting", meeting_id)
    row["agenda"] = Q.agenda_items(db, meeting=meeting_id)[0]
    row["documents"] = Q.documents(db, meeting=meeting_id)[0]
    row["minutes"] = [Q.minutes_full(db, m["id"]) for m in Q.minutes_list(db, meeting=meeting_id)[0]]
    return row


@router.get("/documents", response_model=S.Page[S.Document])
def documents(request: Request, db: DB, meeting: IdFilter = None, pack: IdFilter = None, limit: Limit = 50,
              offset: Offset = 0) -> dict[str, Any]:
    return paged(request, Q.documents(db, meeting, pack, limit, offset), limit, offset)


@router.get("/agenda-items", response_model=S.Page[S.AgendaItem])
def agenda_items(request: Request, db: DB, meeting: IdFilter = None, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    return paged(request, Q.agenda_items(db, meeting, limit, offset), limit, offset)


@router.get("/minutes", response_model=S.Page[S.MinutesSummary])
def minutes(request: Request, db: DB, meeting: IdFilter = None, limit: Limit = 50,
            offset: Offset = 0) -> dict[str, Any]:
    return paged(request, Q.minutes_list(db, meeting, limit, offset), limit, offset)


@router.get("/minutes/{minutes_id}", response_model=S.MinutesDetail)
def minutes_one(minutes_id: RowId, db: DB) -> dict[str, Any]:
    return found(Q.minutes_full(db, minutes_id), "minutes", minutes_id)


@router.get("/actions", response_model=S.Page[S.Action])
def actions(request: Request, db: DB, committee: IdFilter = None, meeting: IdFilter = None,
            status: Literal["open", "done"] | None = None, q: str | None = Query(None, max_length=200),
            limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return paged(request, QI.actions_page(db, committee, meeting, status, q, limit, offset), limit, offset)


@router.get("/actions/{action_id}", response_model=S.Action)
def action(action_id: RowId, db: DB) -> dict[str, Any]:
    rows = QI.actions(db, action_id=action_id)
    return found(rows[0] if rows else None, "action", action_id)


@router.get("/work-programme", response_model=S.Page[S.WorkProgramme])
def work_programme(request: Request, db: DB, committee: IdFilter = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict[str, Any]:
    """Committees' programmes (rounds with their items), committees in order of first round."""
    if committee is not None:  # one committee: its programme, or none
        rows = QI.work_programme(db, committee)
        return paged(request, (rows[offset:offset + limit], len(rows)), limit, offset)
    return paged(request, QI.work_programme_page(db, limit, offset), limit, offset)


@router.get("/kpis", response_model=S.Page[S.Kpi])
def kpis(request: Request, db: DB, committee: IdFilter = None, meeting: IdFilter = None, limit: Limit = 50,
         offset: Offset = 0) -> dict[str, Any]:
    return paged(request, QI.kpis_page(db, committee, meeting=meeting, limit=limit, offset=offset), limit, offset)


@router.get("/kpis/{kpi_id}", response_model=S.Kpi)
def kpi(kpi_id: RowId, db: DB) -> dict[str, Any]:
    rows = QI.kpis(db, indicator_id=kpi_id)
    return found(rows[0] if rows else None, "indicator", kpi_id)


@router.get("/search", response_model=S.SearchPage, responses={503: {"model": S.Error}})
def search(request: Request, db: DB, q: str = Query(..., min_length=1, max_length=500),
           committee: str | None = None, kind: str | None = None, year: Annotated[int | None, Query(ge=1, le=9999)] = None,
           since: dt.date | None = None, limit: Annotated[int, Query(ge=1, le=100)] = 20,
           offset: Offset = 0) -> dict[str, Any]:
    try:
        result = run_search(db, q, committee=committee, since=since, kind=kind, year=year, limit=limit,
                            offset=offset)
    except SearchUnavailable as exc:
        raise HTTPException(503, str(exc)) from exc
    return {"query": result.query, "items": [hit_dict(h) for h in result.hits], "total": result.total,
            "limit": limit, "offset": offset, **page_links(request, result.total, limit, offset),
            "facets": {k: [{"value": f.value, "count": f.count} for f in v] for k, v in result.facets.items()},
            "total_is_estimate": result.total_is_estimate, "facets_are_partial": result.facets_are_partial}

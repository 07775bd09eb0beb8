"""The officer's HTML forms: update/close/correct an action, add an action, place work-programme
items, and the report button. GET pages redirect anonymous readers to sign in; every POST
needs an officer and the session's CSRF token, else 401/403. Successful posts redirect
(post/redirect/get) to the page showing the change in its history."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from minutebook.store.schema import ActionUpdate, AuditEvent, Committee, Meeting, Pack
from minutebook.store.schema_items import Action, ActionStatusEvent, WorkProgrammeItem
from minutebook.web import routes_edit_ops as ops
from minutebook.web.app import get_session, render
from minutebook.web.auth import MaybeOfficer, Officer, csrf_ok

DB = Annotated[Session, Depends(get_session)]
F = Annotated[str, Form()]
router = APIRouter(include_in_schema=False)


def _writer(officer: Officer | None, csrf_token: str) -> Officer:
    if officer is None:
        raise HTTPException(401, "sign in as an officer to change records")
    if not csrf_ok(officer, csrf_token):
        raise HTTPException(403, "missing or wrong form token; reload the page and try again")
    return officer


def _date(value: str, name: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ops.EditError(f"{name} must be a date (YYYY-MM-DD)") from None


def history(db: Session, entity: str, entity_id: int) -> list[AuditEvent]:
    return list(db.scalars(select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
                           .order_by(AuditEvent.id.desc())))


def _action_context(db: Session, action_id: int) -> dict[str, Any]:
    action = db.get(Action, action_id)
    if action is None:
        raise HTTPException(404, f"action {action_id} not found")
    meeting = db.get(Meeting, action.meeting_id) if action.meeting_id else None
    sightings = db.execute(select(ActionStatusEvent, Pack.file_name).join(Pack, Pack.id == ActionStatusEvent.pack_id)
                           .where(ActionStatusEvent.action_id == action_id).order_by(ActionStatusEvent.id)).all()
    updates = db.scalars(select(ActionUpdate).where(ActionUpdate.action_id == action_id).order_by(ActionUpdate.id))
    return {"action": action, "meeting": meeting, "sightings": sightings, "updates": list(updates),
            "audit": history(db, "action", action_id)}


@router.get("/actions/{action_id}/changes", response_class=HTMLResponse)
def action_changes(request: Request, action_id: int, db: DB) -> Response:
    """The officer updates and audit trail, public: included in the action page."""
    return render(request, "edit_history.html", _action_context(db, action_id))


@router.get("/actions/{action_id}/edit", response_class=HTMLResponse)
def edit_action(request: Request, action_id: int, db: DB, officer: MaybeOfficer) -> Response:
    if officer is None:
        return RedirectResponse(f"/sign-in?next=/actions/{action_id}/edit", status_code=303)
    return render(request, "edit_action.html", {**_action_context(db, action_id), "csrf": officer.csrf,
                                                "officer": officer, "error": None})


def _action_post(request: Request, db: Session, action_id: int, officer: Officer, do: Any) -> Response:
    try:
        do()
        db.commit()
    except ops.EditError as exc:
        db.rollback()
        if exc.status == 404:
            raise HTTPException(404, str(exc)) from None
        return render(request, "edit_action.html", {**_action_context(db, action_id), "csrf": officer.csrf,
                                                    "officer": officer, "error": str(exc)}, status=422)
    return RedirectResponse(f"/actions/{action_id}/edit#history", status_code=303)


@router.post("/actions/{action_id}/status")
def post_status(request: Request, action_id: int, db: DB, officer: MaybeOfficer, csrf_token: F = "",
                status: F = "", note: F = "", owner: F = "", due: F = "") -> Response:
    who = _writer(officer, csrf_token)
    return _action_post(request, db, action_id, who, lambda: ops.update_status(
        db, who, action_id, status, note, owner or None, _date(due, "due date")))


@router.post("/actions/{action_id}/close")
def post_close(request: Request, action_id: int, db: DB, officer: MaybeOfficer, csrf_token: F = "",
               evidence: F = "") -> Response:
    who = _writer(officer, csrf_token)
    return _action_post(request, db, action_id, who, lambda: ops.close_action(db, who, action_id, evidence))


@router.post("/actions/{action_id}/correct")
def post_correct(request: Request, action_id: int, db: DB, officer: MaybeOfficer, csrf_token: F = "",
                 event_id: F = "", text: F = "", status: F = "", item: F = "", item_title: F = "") -> Response:
    who = _writer(officer, csrf_token)
    fields = {"text": text, "status": status, "item": item, "item_title": item_title}
    return _action_post(request, db, action_id, who, lambda: ops.correct_action_sighting(
        db, who, int(event_id) if event_id.isascii() and event_id.isdecimal() and len(event_id) < 18 else 0, fields))


def _committee(db: Session, committee_id: int) -> Committee:
    c = db.get(Committee, committee_id)
    if c is None:
        raise HTTPException(404, f"committee {committee_id} not found")
    return c


def _new_action_page(request: Request, db: Session, c: Committee, officer: Officer, error: str | None,
                     status: int = 200) -> Response:
    meetings = db.scalars(select(Meeting).where(Meeting.committee_id == c.id).order_by(Meeting.date.desc())).all()
    return render(request, "edit_new_action.html", {"committee": c, "meetings": meetings, "csrf": officer.csrf,
                                                   "error": error}, status=status)


@router.get("/committees/{committee_id}/actions/new", response_class=HTMLResponse)
def new_action_form(request: Request, committee_id: int, db: DB, officer: MaybeOfficer) -> Response:
    if officer is None:
        return RedirectResponse(f"/sign-in?next=/committees/{committee_id}/actions/new", status_code=303)
    return _new_action_page(request, db, _committee(db, committee_id), officer, None)


@router.post("/committees/{committee_id}/actions/new")
def new_action(request: Request, committee_id: int, db: DB, officer: MaybeOfficer, csrf_token: F = "",
               meeting_id: F = "", item: F = "", item_title: F = "", text: F = "", owner: F = "",
               due: F = "") -> Response:
    who = _writer(officer, csrf_token)
    c = _committee(db, committee_id)
    try:
        meeting = db.get(Meeting, int(meeting_id)) if meeting_id.isascii() and meeting_id.isdecimal() and len(meeting_id) < 18 else None
        if meeting is None or meeting.committee_id != c.id:
            raise ops.EditError("choose one of this committee's meetings")
        action = ops.add_action(db, who, meeting.id, text, item, item_title, owner, _date(due, "due date"))
        db.commit()
    except ops.EditError as exc:
        db.rollback()
        return _new_action_page(request, db, c, who, str(exc), 422)
    return RedirectResponse(f"/actions/{action.id}/edit", status_code=303)


def _wp_page(request: Request, db: Session, c: Committee, officer: Officer, error: str | None,
             status: int = 200) -> Response:
    from minutebook.report.data import work_programme  # noqa: PLC0415

    rounds = work_programme(db, c.id, dt.date.max)
    items = [it for r in rounds for it in r.items if it.item_id]
    audit = list(db.scalars(select(AuditEvent).where(AuditEvent.entity == "wp_item", AuditEvent.entity_id.in_(
        [i.item_id for i in items])).order_by(AuditEvent.id.desc()).limit(50))) if items else []
    return render(request, "edit_work_programme.html", {"committee": c, "rounds": rounds, "csrf": officer.csrf,
                                                       "error": error, "audit": audit}, status=status)


@router.get("/committees/{committee_id}/work-programme/edit", response_class=HTMLResponse)
def wp_edit(request: Request, committee_id: int, db: DB, officer: MaybeOfficer) -> Response:
    if officer is None:
        return RedirectResponse(f"/sign-in?next=/committees/{committee_id}/work-programme/edit", status_code=303)
    return _wp_page(request, db, _committee(db, committee_id), officer, None)


@router.post("/committees/{committee_id}/work-programme/items")
def wp_add(request: Request, committee_id: int, db: DB, officer: MaybeOfficer, csrf_token: F = "", title: F = "",
           round_label: F = "", round_date: F = "", objective: F = "", represented_by: F = "") -> Response:
    who = _writer(officer, csrf_token)
    c = _committee(db, committee_id)
    try:
        ops.add_wp_item(db, who, c.id, title, round_label, _date(round_date, "round date"), objective,
                        represented_by.splitlines())
        db.commit()
    except ops.EditError as exc:
        db.rollback()
        return _wp_page(request, db, c, who, str(exc), 422)
    return RedirectResponse(f"/committees/{c.id}/work-programme/edit", status_code=303)


@router.post("/wp-items/{item_id}/place")
def wp_place(request: Request, item_id: int, db: DB, officer: MaybeOfficer, csrf_token: F = "",
             status: F = "moved", round_label: F = "", round_date: F = "") -> Response:
    who = _writer(officer, csrf_token)
    item = db.get(WorkProgrammeItem, item_id)
    if item is None or item.committee_id is None:
        raise HTTPException(404, f"work programme item {item_id} not found")
    c = _committee(db, item.committee_id)
    try:
        ops.place_wp_item(db, who, item_id, status, round_label, _date(round_date, "round date"))
        db.commit()
    except ops.EditError as exc:
        db.rollback()
        return _wp_page(request, db, c, who, str(exc), 422)
    return RedirectResponse(f"/committees/{c.id}/work-programme/edit", status_code=303)


@router.get("/committees/{committee_id}/report")
def report_download(committee_id: int, db: DB, meeting: str = "", format: str = "docx") -> Response:  # noqa: A002
    """The Work Programme and Action Tracker for one meeting (public: it is a read)."""
    from minutebook.report.render import MEDIA_TYPES, render_report  # noqa: PLC0415

    c = _committee(db, committee_id)
    if format not in MEDIA_TYPES:
        raise HTTPException(422, "format must be docx, pdf or html")
    try:
        day = dt.date.fromisoformat(meeting)
    except ValueError:
        raise HTTPException(422, "meeting must be a date (YYYY-MM-DD)") from None
    tmp = Path(tempfile.mkdtemp(prefix="mb-report-"))
    out = render_report(db, str(c.id), day, format, tmp / f"work-programme-{day}.{format}")
    return FileResponse(out, media_type=MEDIA_TYPES[format], filename=out.name,
                        background=BackgroundTask(_cleanup, tmp))


def _cleanup(folder: Path) -> None:
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()

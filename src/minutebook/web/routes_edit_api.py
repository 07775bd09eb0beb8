"""JSON write endpoints for scripts: `Authorization: Bearer TOKEN` (see `minutebook user token`),
or the browser session plus an X-CSRF-Token header. Anonymous calls get 401."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from minutebook.store.schema import AuditEvent
from minutebook.web import routes_edit_ops as ops
from minutebook.web import schemas as S
from minutebook.web.app import get_session
from minutebook.web.auth import Writer
from minutebook.web.routes_api import INT64_MAX, RowId

DB = Annotated[Session, Depends(get_session)]
# ids reach SQL: past 64 bits SQLite cannot bind them (a 500), so they are refused as 422
Id = Annotated[int, Field(ge=1, le=INT64_MAX)]
Index = Annotated[int, Field(ge=0, le=100_000)]
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": S.Error} for code in (401, 403, 404, 422)}
router = APIRouter(tags=["officer"], responses=ERRORS)


class NewAction(BaseModel):
    meeting_id: Id
    text: str = Field(min_length=1, max_length=5000)
    item: str | None = None
    item_title: str | None = None
    owner: str | None = None
    due: dt.date | None = None


class StatusUpdate(BaseModel):
    status: str = Field(min_length=1, max_length=2000)
    note: str | None = None
    owner: str | None = None
    due: dt.date | None = None


class Close(BaseModel):
    evidence: str = Field(min_length=1, max_length=5000)


class NewItem(BaseModel):
    committee_id: Id
    title: str = Field(min_length=1, max_length=500)
    round_label: str | None = None
    round_date: dt.date | None = None
    objective: str | None = None
    represented_by: list[str] = []


class Placement(BaseModel):
    status: str = Field(pattern="^(moved|deferred)$")
    round_label: str | None = None
    round_date: dt.date | None = None


class ActionCorrection(BaseModel):
    event_id: Id
    text: str | None = None
    status: str | None = None
    item: str | None = None
    item_title: str | None = None


class WpCorrection(BaseModel):
    pack_id: Id
    round_index: Index
    item_index: Index
    title: str | None = None
    objective: str | None = None
    represented_by: list[str] | None = None


def _run(db: Session, do: Any) -> Any:
    try:
        out = do()
        db.commit()
        return out
    except ops.EditError as exc:
        db.rollback()
        raise HTTPException(exc.status, str(exc)) from None


@router.post("/actions", status_code=201)
def api_add_action(body: NewAction, db: DB, who: Writer) -> dict[str, Any]:
    a = _run(db, lambda: ops.add_action(db, who, body.meeting_id, body.text, body.item, body.item_title,
                                        body.owner, body.due))
    return {"id": a.id, "url": f"/actions/{a.id}"}


@router.post("/actions/{action_id}/updates", status_code=201)
def api_status(action_id: RowId, body: StatusUpdate, db: DB, who: Writer) -> dict[str, Any]:
    u = _run(db, lambda: ops.update_status(db, who, action_id, body.status, body.note, body.owner, body.due))
    return {"id": u.id, "action_id": action_id, "status": u.status}


@router.post("/actions/{action_id}/close", status_code=201)
def api_close(action_id: RowId, body: Close, db: DB, who: Writer) -> dict[str, Any]:
    u = _run(db, lambda: ops.close_action(db, who, action_id, body.evidence))
    return {"id": u.id, "action_id": action_id, "status": u.status, "closed": True}


@router.post("/wp-items", status_code=201)
def api_add_item(body: NewItem, db: DB, who: Writer) -> dict[str, Any]:
    it = _run(db, lambda: ops.add_wp_item(db, who, body.committee_id, body.title, body.round_label,
                                          body.round_date, body.objective, body.represented_by))
    return {"id": it.id}


@router.post("/wp-items/{item_id}/placements", status_code=201)
def api_place(item_id: RowId, body: Placement, db: DB, who: Writer) -> dict[str, Any]:
    p = _run(db, lambda: ops.place_wp_item(db, who, item_id, body.status, body.round_label, body.round_date))
    return {"id": p.id, "item_id": item_id, "status": p.status}


@router.post("/corrections/actions", status_code=201)
def api_correct_action(body: ActionCorrection, db: DB, who: Writer) -> dict[str, Any]:
    fields = body.model_dump(exclude={"event_id"}, exclude_none=True)
    c = _run(db, lambda: ops.correct_action_sighting(db, who, body.event_id, fields))
    return {"id": c.id, "record_key": c.record_key, "fields": c.fields}


@router.post("/corrections/work-programme", status_code=201)
def api_correct_wp(body: WpCorrection, db: DB, who: Writer) -> dict[str, Any]:
    fields = body.model_dump(exclude={"pack_id", "round_index", "item_index"}, exclude_none=True)
    c = _run(db, lambda: ops.correct_wp_entry(db, who, body.pack_id, body.round_index, body.item_index, fields))
    return {"id": c.id, "record_key": c.record_key, "fields": c.fields}


@router.get("/audit")
def api_audit(db: DB, entity: Annotated[str, Query(max_length=30)],
              entity_id: Annotated[int, Query(ge=1, le=INT64_MAX)]) -> list[dict[str, Any]]:
    """The audit trail of one record (public, like every read)."""
    rows = db.scalars(select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
                      .order_by(AuditEvent.id))
    return [{"at": e.at.isoformat(), "user": e.user_name, "verb": e.verb, "before": e.before, "after": e.after}
            for e in rows]

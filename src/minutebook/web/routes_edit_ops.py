"""The officer's edits as plain functions over a session, shared by the web forms and the API.

Each function validates, writes, and appends one AuditEvent (who, when, before, after) in the
caller's transaction. Nothing here overwrites history: status updates are appended
(action_update), moves are appended (wp_placement), and a correction of an extracted record
is stored by the record's stable key and re-applied to the pack's rows (store.ingest).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutebook.link.normalise import norm_text
from minutebook.store import ingest
from minutebook.store.schema import ActionUpdate, AuditEvent, Correction, Meeting, Pack, WorkProgrammePlacement
from minutebook.store.schema_items import Action, ActionStatusEvent, WorkProgrammeItem
from minutebook.web.auth import Officer

ACTION_FIELDS = ("text", "status", "item", "item_title")
WP_FIELDS = ("title", "objective", "represented_by")


class EditError(ValueError):
    """A bad edit (unknown record, empty text...): shown to the officer, status 422 / 404."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def audit(db: Session, who: Officer, verb: str, entity: str, entity_id: int | None,
          before: dict[str, Any] | None, after: dict[str, Any] | None) -> AuditEvent:
    row = AuditEvent(user_id=who.id, user_name=who.name, verb=verb, entity=entity, entity_id=entity_id,
                     before=_jsonable(before), after=_jsonable(after))
    db.add(row)
    return row


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in value.items()}


def _text(value: str | None, name: str, required: bool = False, limit: int = 5000) -> str | None:
    value = (value or "").strip()
    if required and not value:
        raise EditError(f"{name} is required")
    if len(value) > limit:
        raise EditError(f"{name} is longer than {limit} characters")
    return value or None


def _action(db: Session, action_id: int) -> Action:
    action = db.get(Action, action_id)
    if action is None:
        raise EditError(f"action {action_id} not found", 404)
    return action


def _action_state(db: Session, action: Action) -> dict[str, Any]:
    latest = db.scalars(select(ActionUpdate).where(ActionUpdate.action_id == action.id)
                        .order_by(ActionUpdate.id.desc())).first()
    return {"text": action.text, "item": action.item, "item_title": action.item_title,
            "status": latest.status if latest else None, "closed": latest.closed if latest else False}


def add_action(db: Session, who: Officer, meeting_id: int, text: str | None, item: str | None = None,
               item_title: str | None = None, owner: str | None = None, due: dt.date | None = None) -> Action:
    meeting = db.get(Meeting, meeting_id)
    if meeting is None:
        raise EditError(f"meeting {meeting_id} not found", 404)
    body = _text(text, "action text", required=True)
    action = Action(committee_id=meeting.committee_id, meeting_id=meeting.id, item=_text(item, "item", limit=30),
                    item_title=_text(item_title, "item title"), text=body, norm_text=norm_text(body or ""))
    db.add(action)
    db.flush()
    # the first history entry also keeps an officer-added action alive across re-ingests (ingest._prune)
    db.add(ActionUpdate(action_id=action.id, user_id=who.id, status="Open", owner=_text(owner, "owner", limit=300),
                        due=due, note="Added by an officer"))
    audit(db, who, "add", "action", action.id, None,
          {"meeting": meeting.date, "item": action.item, "text": body, "owner": owner, "due": due})
    return action


def update_status(db: Session, who: Officer, action_id: int, status: str | None, note: str | None = None,
                  owner: str | None = None, due: dt.date | None = None) -> ActionUpdate:
    action = _action(db, action_id)
    before = _action_state(db, action)
    row = ActionUpdate(action_id=action.id, user_id=who.id, status=_text(status, "status", required=True, limit=2000),
                       note=_text(note, "note"), owner=_text(owner, "owner", limit=300), due=due)
    db.add(row)
    db.flush()
    audit(db, who, "status", "action", action.id, before, {**before, "status": row.status, "note": row.note})
    return row


def close_action(db: Session, who: Officer, action_id: int, evidence: str | None) -> ActionUpdate:
    action = _action(db, action_id)
    before = _action_state(db, action)
    if before["closed"]:
        raise EditError("the action is already closed")
    row = ActionUpdate(action_id=action.id, user_id=who.id, status="Completed",
                       evidence=_text(evidence, "evidence", required=True), closed=True)
    db.add(row)
    db.flush()
    audit(db, who, "close", "action", action.id, before,
          {**before, "status": "Completed", "closed": True, "evidence": row.evidence})
    return row


def add_wp_item(db: Session, who: Officer, committee_id: int, title: str | None, round_label: str | None,
                round_date: dt.date | None, objective: str | None = None,
                represented_by: list[str] | None = None) -> WorkProgrammeItem:
    body = _text(title, "title", required=True, limit=500) or ""
    item = WorkProgrammeItem(committee_id=committee_id, title=body, norm_title=norm_text(body))
    db.add(item)
    db.flush()
    place = _placement(item.id, who, "added", round_label, round_date, objective, represented_by)
    db.add(place)
    audit(db, who, "add", "wp_item", item.id, None, _place_dict(place, body))
    return item


def place_wp_item(db: Session, who: Officer, item_id: int, status: str, round_label: str | None,
                  round_date: dt.date | None, objective: str | None = None,
                  represented_by: list[str] | None = None) -> WorkProgrammePlacement:
    """Move or defer an item to another round; objective/presenters carry over when not given."""
    if status not in ("moved", "deferred"):
        raise EditError("status must be moved or deferred")
    item = db.get(WorkProgrammeItem, item_id)
    if item is None:
        raise EditError(f"work programme item {item_id} not found", 404)
    from minutebook.report.data import item_placement  # noqa: PLC0415 - report imports web-free store code only

    now = item_placement(db, item)
    place = _placement(item.id, who, status, round_label, round_date,
                       objective if objective is not None else now.get("objective"),
                       represented_by if represented_by is not None else now.get("represented_by"))
    db.add(place)
    db.flush()
    audit(db, who, status, "wp_item", item.id, now, _place_dict(place, item.title))
    return place


def _placement(item_id: int, who: Officer, status: str, label: str | None, date: dt.date | None,
               objective: str | None, represented_by: list[str] | None) -> WorkProgrammePlacement:
    label = _text(label, "round", limit=200)
    if label is None and date is None:
        raise EditError("give the round's name or date")
    people = [p.strip() for p in (represented_by or []) if p and p.strip()]
    return WorkProgrammePlacement(item_id=item_id, user_id=who.id, status=status, round_label=label,
                                  round_date=date, objective=_text(objective, "objective"), represented_by=people)


def _place_dict(p: WorkProgrammePlacement, title: str) -> dict[str, Any]:
    return {"title": title, "round_label": p.round_label, "round_date": p.round_date, "objective": p.objective,
            "represented_by": list(p.represented_by or [])}


def correct_action_sighting(db: Session, who: Officer, event_id: int, fields: dict[str, Any]) -> Correction:
    """Correct what one pack printed about an action (its text, status, item, item title)."""
    event = db.get(ActionStatusEvent, event_id)
    if event is None:
        raise EditError(f"status event {event_id} not found", 404)
    pack = db.get(Pack, event.pack_id)
    assert pack is not None
    entry = ingest.find_entry(pack.record, "actions", event.text, db, pack.sha256)
    if entry is None:
        raise EditError("the record this row came from is not in its pack any more", 404)
    clean = {k: _text(v, k, required=k == "text") for k, v in fields.items() if k in ACTION_FIELDS}
    action = db.get(Action, event.action_id)
    if action is not None and action.first_pack_id == pack.id:
        # the action is named by its first printing: keep it the same row when its text is fixed
        for k in ("text", "item", "item_title"):
            if k in clean:
                setattr(action, k, clean[k])
        action.norm_text = norm_text(action.text)
    return _correct(db, who, pack, "actions", entry, clean, "action", event.action_id)


def _correct(db: Session, who: Officer, pack: Pack, section: str, entry: dict[str, Any],
             clean: dict[str, Any], entity: str, entity_id: int | None) -> Correction:
    if not clean:
        raise EditError("nothing to correct")
    key = ingest.record_key(section, entry)
    row = db.scalars(select(Correction).where(Correction.pack_sha256 == pack.sha256, Correction.section == section,
                                              Correction.record_key == key)).first()
    before = {k: entry.get(k) for k in clean}
    if row is None:
        row = Correction(pack_sha256=pack.sha256, section=section, record_key=key, fields={}, user_id=who.id)
        db.add(row)
    else:
        before.update({k: v for k, v in row.fields.items() if k in clean})
    row.fields = {**row.fields, **clean}
    row.user_id = who.id
    db.flush()
    ingest.rewrite_corrected(db, pack)
    audit(db, who, "correct", entity, entity_id, {"pack": pack.file_name, **before}, {"pack": pack.file_name, **clean})
    return row


def correct_wp_entry(db: Session, who: Officer, pack_id: int, round_index: int, item_index: int,
                     fields: dict[str, Any]) -> Correction:
    """Correct one extracted work-programme item (title, objective, represented by)."""
    pack = db.get(Pack, pack_id)
    if pack is None:
        raise EditError(f"pack {pack_id} not found", 404)
    try:
        rnd = (pack.record.get("work_programme") or [])[round_index]  # type: ignore[index]
        item = rnd["items"][item_index]
    except (IndexError, KeyError, TypeError):
        raise EditError("no such work programme entry in that pack", 404) from None
    entry = {**item, "_round": rnd}
    clean: dict[str, Any] = {k: _text(v, k, required=k == "title") for k, v in fields.items()
                             if k in WP_FIELDS and k != "represented_by"}
    if "represented_by" in fields:
        clean["represented_by"] = [p.strip() for p in fields["represented_by"] or [] if p and p.strip()]
    return _correct(db, who, pack, "work_programme", entry, clean, "wp_item", None)

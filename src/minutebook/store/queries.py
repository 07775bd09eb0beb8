"""Read-side queries shared by the CLI and export."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from minutebook.store.schema import Committee, Meeting, Pack, Person, PersonAlias
from minutebook.store.schema_items import Action, ActionStatusEvent


def list_people(engine: Engine) -> list[dict[str, object]]:
    with Session(engine) as s:
        aliases: dict[int, list[dict[str, object]]] = {}
        for a in s.scalars(select(PersonAlias).order_by(PersonAlias.id)):
            aliases.setdefault(a.person_id, []).append(
                {"alias": a.alias, "confidence": a.confidence, "confirmed": a.confirmed})
        return [{"id": p.id, "name": p.name, "aliases": aliases.get(p.id, [])}
                for p in s.scalars(select(Person).order_by(Person.last, Person.id))]


def linked_actions(engine: Engine) -> list[dict[str, object]]:
    """Every action with the meeting it arose at and its status history, oldest report first."""
    with Session(engine) as s:
        meetings = {m.id: m.date.isoformat() for m in s.scalars(select(Meeting))}
        committees = {c.id: c.name for c in s.scalars(select(Committee))}
        files = {p.id: p.file_name for p in s.scalars(select(Pack))}
        history: dict[int, list[dict[str, object]]] = {}
        q = select(ActionStatusEvent).order_by(ActionStatusEvent.reported_on, ActionStatusEvent.id)
        for e in s.scalars(q):
            history.setdefault(e.action_id, []).append({
                "status": e.status, "reported_at": meetings.get(e.meeting_id) if e.meeting_id else None,
                "pack": files.get(e.pack_id), "source": {"line": e.source_line, "page": e.source_page}})
        return [{"id": a.id, "committee": committees.get(a.committee_id) if a.committee_id else None,
                 "meeting_date": meetings.get(a.meeting_id) if a.meeting_id else None, "item": a.item,
                 "item_title": a.item_title, "text": a.text, "status_history": history.get(a.id, [])}
                for a in s.scalars(select(Action).order_by(Action.id))]

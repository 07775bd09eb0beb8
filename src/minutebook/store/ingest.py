"""The importer: pack records (+ passages) into the database, one transaction per pack.

Idempotent, openstates-style: a pack is keyed by its file's sha256. The same file with the
same extractor version is "unchanged" and touches nothing; with another extractor version
its own rows are replaced ("updated"); a new file is "inserted". A pack that fails rolls
back alone and the batch goes on. Shared entities (meetings, people, actions, work-programme
items) are only ever added to.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any
from pathlib import Path

from sqlalchemy import Engine, delete, exists, select
from sqlalchemy.orm import Session

from minutebook.link.normalise import norm_text
from minutebook.link.people import PeopleIndex, looks_like_person
from minutebook.store.db import sessions
from minutebook.store.parsed import Failed, ParsedPack
from minutebook.store.schema import (
    ActionUpdate, Committee, Correction, Council, Document, Pack, Passage, WorkProgrammePlacement,
)
from minutebook.store.schema_base import utcnow
from minutebook.store.schema_items import (
    Action, ActionStatusEvent, AgendaItem, Attendance, Declaration, KpiObservation, MinuteItem, Minutes,
    Resolution, WorkProgrammeItem, WorkProgrammeItemEvent, WorkProgrammePresenter, WorkProgrammeRound,
)
from minutebook.store.write import (
    ROLES, Ctx, insert_id, to_date, write_actions, write_agenda, write_documents, write_kpis, write_minutes,
    write_work_programme,
)

STATUSES = ("inserted", "updated", "unchanged", "failed")


@dataclass(slots=True)
class Outcome:
    path: str
    status: str  # one of STATUSES
    reason: str | None = None
    pages: int | None = None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0

    def to_json(self) -> dict[str, object]:
        return {"counts": {s: self.count(s) for s in STATUSES}, "files": [asdict(o) for o in self.outcomes]}


def known_versions(engine: Engine, shas: Iterable[str]) -> dict[str, str]:
    """sha256 -> extractor version of the packs already stored, to skip parsing unchanged files."""
    wanted = list(set(shas))
    found: dict[str, str] = {}
    with Session(engine) as s:
        for i in range(0, len(wanted), 500):
            rows = s.execute(select(Pack.sha256, Pack.extractor_version).where(Pack.sha256.in_(wanted[i:i + 500])))
            found.update({sha: ver for sha, ver in rows})
    return found


def ingest(engine: Engine, items: Iterable[ParsedPack | Failed]) -> Report:
    """Write each parsed pack in its own transaction; failures are reported, never raised."""
    report = Report()
    for item in items:
        report.outcomes.append(ingest_one(engine, item))
    return report


def ingest_one(engine: Engine, item: ParsedPack | Failed) -> Outcome:
    if isinstance(item, Failed):
        return Outcome(item.path, "failed", item.reason, item.pages)
    try:
        with sessions(engine).begin() as session:
            status = _write_pack(session, item)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back; the batch goes on
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return Outcome(item.path, "failed", f"could not be stored ({type(exc).__name__}: {first[:200]})",
                       item.pages)
    return Outcome(item.path, status, None, item.pages)


def _write_pack(session: Session, parsed: ParsedPack) -> str:
    pack = session.scalars(select(Pack).where(Pack.sha256 == parsed.sha256)).first()
    if pack is not None and pack.extractor_version == parsed.extractor_version:
        return "unchanged"
    status = "inserted" if pack is None else "updated"
    # pack.record keeps the extraction as read (corrections are keyed by it); rows get the corrected one
    record = apply_corrections(session, parsed.sha256, parsed.record)
    council_id = _council(session, record.get("council"))  # type: ignore[arg-type]
    committee_id = _committee(session, council_id, record.get("committee"))  # type: ignore[arg-type]
    if pack is None:
        pack = Pack(sha256=parsed.sha256)
        session.add(pack)
    else:
        _clear(session, pack.id)
        pack.updated_at = utcnow()
    pack.path, pack.file_name = parsed.path, Path(parsed.path).name
    pack.kind, pack.pages, pack.committee_id = parsed.kind, parsed.pages, committee_id
    pack.extractor_version, pack.record = parsed.extractor_version, parsed.record
    session.flush()
    ctx = Ctx(session=session, pack=pack, committee_id=committee_id, meeting_id=None,
              meeting_date=to_date(record.get("meeting_date")), people=PeopleIndex(session, council_id))
    ctx.meeting_id = pack.meeting_id = ctx.meeting(ctx.meeting_date)
    ctx.people.prefetch(printed_names(record))
    write_agenda(ctx, record)
    minutes = write_minutes(ctx, record)
    write_actions(ctx, record)
    write_work_programme(ctx, record)
    write_kpis(ctx, record)
    write_documents(ctx, parsed, minutes)
    if status == "updated":
        _prune(session)
    return status


def _council(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    found = session.scalar(select(Council.id).where(Council.name == name).limit(1))
    return found if found is not None else insert_id(session, Council.__table__, {"name": name})


def _committee(session: Session, council_id: int | None, name: str | None) -> int:
    # a pack whose committee is not printed still needs one to hang its meeting on
    name = name or "(committee not given)"
    q = select(Committee.id).where(Committee.name == name,
                                   Committee.council_id.is_(None) if council_id is None
                                   else Committee.council_id == council_id)
    found = session.scalar(q.limit(1))
    return found if found is not None else insert_id(session, Committee.__table__,
                                                     {"council_id": council_id, "name": name})


def printed_names(record: dict[str, Any]) -> list[str]:
    """Every name the pack prints that `PeopleIndex.resolve` will look up (to fetch their aliases at once)."""
    names: list[str] = []
    for m in record.get("minutes") or []:
        names += [m["chair"]] if m.get("chair") else []
        for field_name, _ in ROLES:
            names += m.get(field_name) or []
        names += [d["member"] for d in m.get("declarations") or []]
    for rnd in record.get("work_programme") or []:
        for it in rnd.get("items") or []:
            names += [n for n in it.get("represented_by") or [] if looks_like_person(n)]
    return names


def _clear(session: Session, pack_id: int) -> None:
    """Remove one pack's own rows before writing its new extraction (explicit: no reliance on CASCADE)."""
    minutes_ids = select(Minutes.id).where(Minutes.pack_id == pack_id)
    event_ids = select(WorkProgrammeItemEvent.id).where(WorkProgrammeItemEvent.pack_id == pack_id)
    session.execute(delete(Passage).where(Passage.pack_id == pack_id))
    session.execute(delete(Document).where(Document.pack_id == pack_id))
    session.execute(delete(AgendaItem).where(AgendaItem.pack_id == pack_id))
    for model in (Attendance, Declaration, MinuteItem, Resolution):
        session.execute(delete(model).where(model.minutes_id.in_(minutes_ids)))
    session.execute(delete(Minutes).where(Minutes.pack_id == pack_id))
    session.execute(delete(ActionStatusEvent).where(ActionStatusEvent.pack_id == pack_id))
    session.execute(delete(WorkProgrammePresenter).where(WorkProgrammePresenter.event_id.in_(event_ids)))
    session.execute(delete(WorkProgrammeItemEvent).where(WorkProgrammeItemEvent.pack_id == pack_id))
    session.execute(delete(WorkProgrammeRound).where(WorkProgrammeRound.pack_id == pack_id))
    session.execute(delete(KpiObservation).where(KpiObservation.pack_id == pack_id))
    session.flush()


def _prune(session: Session) -> None:
    """Actions/items whose only sightings were the replaced extraction have no evidence left."""
    # officer entries (an added action's history, an added item's placement) are evidence too
    session.execute(delete(Action).where(~exists().where(ActionStatusEvent.action_id == Action.id),
                                         ~exists().where(ActionUpdate.action_id == Action.id)))
    session.execute(delete(WorkProgrammeItem).where(
        ~exists().where(WorkProgrammeItemEvent.item_id == WorkProgrammeItem.id),
        ~exists().where(WorkProgrammePlacement.item_id == WorkProgrammeItem.id)))


# --- corrections: an officer's fix to an extracted record, kept over re-ingests ---------------


def record_key(section: str, entry: dict[str, Any]) -> str:
    """The stable identity of an extracted record within its pack: what was printed, not a row id."""
    if section == "actions":
        return f"{entry.get('meeting_date') or ''}|{entry.get('item') or ''}|{norm_text(entry.get('text') or '')}"
    rnd = entry.get("_round") or {}
    return f"{rnd.get('label') or ''}|{rnd.get('date') or ''}|{norm_text(entry.get('title') or '')}"


def apply_corrections(session: Session, sha256: str, record: dict[str, Any]) -> dict[str, Any]:
    """`record` with this pack's stored corrections laid over the records they name."""
    rows = session.scalars(select(Correction).where(Correction.pack_sha256 == sha256)).all()
    if not rows:
        return record
    fixes = {(c.section, c.record_key): c.fields for c in rows}
    out = copy.deepcopy(record)
    for entry in out.get("actions") or []:
        entry.update(fixes.get(("actions", record_key("actions", entry)), {}))
    for rnd in out.get("work_programme") or []:
        for item in rnd.get("items") or []:
            item.update(fixes.get(("work_programme", record_key("work_programme", {**item, "_round": rnd})), {}))
    return out


def find_entry(record: dict[str, Any], section: str, text: str, session: Session, sha256: str) -> dict[str, Any] | None:
    """The extracted action whose (possibly corrected) text a stored row carries."""
    corrected = apply_corrections(session, sha256, record).get(section) or []
    original = record.get(section) or []
    for want in (lambda t: t == text, lambda t: norm_text(t) == norm_text(text)):
        for i, entry in enumerate(corrected):
            if want(entry.get("text") or ""):
                return original[i]  # type: ignore[no-any-return]
    return None


def rewrite_corrected(session: Session, pack: Pack) -> None:
    """Re-write one pack's actions and work programme after a correction, as a re-ingest would."""
    event_ids = select(WorkProgrammeItemEvent.id).where(WorkProgrammeItemEvent.pack_id == pack.id)
    session.execute(delete(ActionStatusEvent).where(ActionStatusEvent.pack_id == pack.id))
    session.execute(delete(WorkProgrammePresenter).where(WorkProgrammePresenter.event_id.in_(event_ids)))
    session.execute(delete(WorkProgrammeItemEvent).where(WorkProgrammeItemEvent.pack_id == pack.id))
    session.execute(delete(WorkProgrammeRound).where(WorkProgrammeRound.pack_id == pack.id))
    session.flush()
    record = apply_corrections(session, pack.sha256, pack.record)
    council_id = session.scalar(select(Committee.council_id).where(Committee.id == pack.committee_id))
    ctx = Ctx(session=session, pack=pack, committee_id=pack.committee_id, meeting_id=pack.meeting_id,
              meeting_date=to_date(record.get("meeting_date")), people=PeopleIndex(session, council_id))
    write_actions(ctx, record)
    write_work_programme(ctx, record)
    session.flush()
    _prune(session)



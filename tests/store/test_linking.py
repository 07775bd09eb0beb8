"""Linking across packs: one action with a status history, minutes attached to their meeting,
work-programme items followed from round to round."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from minutebook.store.batch import ingest_paths
from minutebook.store.schema import Meeting, Pack
from minutebook.store.schema_items import (
    Action, ActionStatusEvent, Attendance, Minutes, WorkProgrammeItem, WorkProgrammeItemEvent,
)

from store_helpers import fixture_path
from store_packs import WESTMINSTER, later_westminster_pack


def _two_packs(engine: Engine, tmp_path: Path) -> None:
    first = fixture_path(WESTMINSTER)
    second = later_westminster_pack(first, tmp_path)
    report = ingest_paths(engine, [first, second])
    assert [o.status for o in report.outcomes] == ["inserted", "inserted"], report.outcomes


def test_one_action_two_status_events(engine: Engine, tmp_path: Path) -> None:
    _two_packs(engine, tmp_path)
    with Session(engine) as s:
        action = s.scalars(select(Action).where(Action.text.like("The potential role of Scrutiny%"))).one()
        events = s.scalars(select(ActionStatusEvent).where(ActionStatusEvent.action_id == action.id)
                           .order_by(ActionStatusEvent.reported_on)).all()
        assert [e.status for e in events] == ["Main item on February Agenda", "Discussed at the February meeting"]
        assert [e.reported_on for e in events] == [dt.date(2017, 2, 1), dt.date(2017, 3, 22)]
        assert all(e.source_line for e in events)  # provenance kept on every event
        arose = s.get(Meeting, action.meeting_id)
        assert arose is not None and arose.date == dt.date(2016, 11, 23)
        # every action of the first pack is the same action in the second: 45 actions, 2 events each
        n_actions = s.scalar(select(func.count()).select_from(Action))
        n_events = s.scalar(select(func.count()).select_from(ActionStatusEvent))
        assert n_actions == 45 and n_events == 90


def test_minutes_attach_to_the_meeting_they_record(engine: Engine, tmp_path: Path) -> None:
    _two_packs(engine, tmp_path)
    with Session(engine) as s:
        packs = {p.file_name: p for p in s.scalars(select(Pack))}
        for pack in packs.values():
            minutes = s.scalars(select(Minutes).where(Minutes.pack_id == pack.id)).one()
            recorded = s.get(Meeting, minutes.meeting_id)
            assert recorded is not None and recorded.date == dt.date(2016, 11, 23)
            assert minutes.meeting_id != pack.meeting_id
        # both prints of the November minutes land on one meeting; attendance is kept per print
        assert s.scalar(select(func.count(func.distinct(Minutes.meeting_id)))) == 1
        assert s.scalar(select(func.count()).select_from(Attendance)) > 0


def test_work_programme_items_keep_their_history(engine: Engine, tmp_path: Path) -> None:
    _two_packs(engine, tmp_path)
    with Session(engine) as s:
        items = s.scalars(select(WorkProgrammeItem)).all()
        assert items
        for item in items:
            events = s.scalars(select(WorkProgrammeItemEvent).where(WorkProgrammeItemEvent.item_id == item.id)
                               .order_by(WorkProgrammeItemEvent.id)).all()
            assert len(events) == 2, item.title
        # round four (1 February 2017) was ahead of the first pack's meeting-day... and past for the second
        q = select(WorkProgrammeItemEvent.status).where(WorkProgrammeItemEvent.round_date == dt.date(2017, 2, 1))
        statuses = s.scalars(q.order_by(WorkProgrammeItemEvent.id)).all()
        assert statuses and set(statuses) == {"scheduled", "taken"}

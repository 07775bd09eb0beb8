"""A work-programme item followed across rounds and packs, with a status per sighting.

Status of a sighting, against the item's last sighting in an earlier pack:
  taken     - the round's date is before the pack's meeting (the round has been held);
  scheduled - first sighting, or the same round as before;
  deferred  - now in a later round than before;
  moved     - now in an earlier round, or a different round of the same date.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from minutebook.link.normalise import norm_text
from minutebook.store.schema_items import WorkProgrammeItem, WorkProgrammeItemEvent

ITEM_MATCH = 90.0


class LastSighting(Protocol):
    round_date: dt.date | None
    round_label: str | None


def sighting_status(round_date: dt.date | None, round_label: str | None, meeting: dt.date | None,
                    last: LastSighting | None) -> str:
    if round_date and meeting and round_date < meeting:
        return "taken"
    if last is None:
        return "scheduled"
    if round_date and last.round_date and round_date != last.round_date:
        return "deferred" if round_date > last.round_date else "moved"
    if (round_label or "") != (last.round_label or ""):
        return "moved"
    return "scheduled"


class ItemMatcher:
    def __init__(self, session: Session, committee_id: int | None, pack_id: int) -> None:
        self.session = session
        self.committee_id = committee_id
        self.pack_id = pack_id
        self.taken: set[int] = set()
        # (id, norm_title) of the committee's items, read once per pack: an item this pack
        # adds is taken at once, so it can never be matched again anyway
        self.known: list[tuple[int, str]] | None = None

    def _items(self) -> list[tuple[int, str]]:
        if self.known is None:
            q = select(WorkProgrammeItem.id, WorkProgrammeItem.norm_title).where(
                WorkProgrammeItem.committee_id.is_(None) if self.committee_id is None
                else WorkProgrammeItem.committee_id == self.committee_id)
            self.known = [(i, t) for i, t in self.session.execute(q.order_by(WorkProgrammeItem.id))]
        return self.known

    def find(self, title: str) -> tuple[int | None, str]:
        """The id of the stored item `title` is (None: a new one), and the normalised title."""
        norm = norm_text(title)
        best: tuple[int | None, float] = (None, 0.0)
        for item_id, item_norm in self._items():
            if item_id in self.taken:
                continue
            score = 100.0 if item_norm == norm else fuzz.ratio(item_norm, norm)
            if score >= ITEM_MATCH and score > best[1]:
                best = (item_id, score)
        if best[0] is not None:
            self.taken.add(best[0])
        return best[0], norm

    def last_event(self, item_id: int) -> LastSighting | None:
        """The item's latest sighting in another pack (by round date, then id)."""
        q = (select(WorkProgrammeItemEvent.round_date, WorkProgrammeItemEvent.round_label)
             .where(WorkProgrammeItemEvent.item_id == item_id, WorkProgrammeItemEvent.pack_id != self.pack_id)
             .order_by(WorkProgrammeItemEvent.id.desc()).limit(1))
        return self.session.execute(q).first()  # type: ignore[return-value]

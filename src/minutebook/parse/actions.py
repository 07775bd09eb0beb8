"""The `actions` section: every action the pack records, once.

Actions come from the action tracker (with a status) and from the list of actions
arising after the minutes (without one). An action printed in both is one action: the
tracker's record is kept (its status is the news) and the list's place becomes
`also_source`. Text input is read by `actions_text`, PDF input by `actions_pdf`.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rapidfuzz import fuzz

from minutebook.models import Action
from minutebook.parse.actions_pdf import pdf_actions
from minutebook.parse.actions_text import arising_actions, tracker_actions
from minutebook.parse.base import Context

SAME_ACTION = 0.85


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def merge(actions: list[Action]) -> list[Action]:
    """One record per action: a later copy (same meeting, near-identical text) folds into the
    earlier tracker record, or replaces an earlier status-less one."""
    kept: list[Action] = []
    by_meeting: dict[str | None, list[int]] = {}  # only actions of one meeting can be twins
    for action in actions:
        text = _norm(action.text)
        slots = by_meeting.setdefault(action.meeting_date, [])
        twin = next((i for i in slots if fuzz.ratio(_norm(kept[i].text), text) / 100 >= SAME_ACTION), None)
        if twin is None:
            slots.append(len(kept))
            kept.append(action)
            continue
        other = kept[twin]
        first, second = (other, action) if other.status is not None or action.status is None else (action, other)
        kept[twin] = first.model_copy(update={"also_source": second.source,
                                              "item_title": first.item_title or second.item_title})
    return kept


class ActionsParser:
    name: ClassVar[str] = "actions"

    def parse(self, ctx: Context) -> None:
        pack = ctx.pack
        if pack.kind == "pdf":
            found = pdf_actions(pack, ctx)
        else:
            known = [(m.source.line - 1, m.meeting_date) for m in ctx.record.minutes
                     if m.source and m.source.line and m.meeting_date]
            segs = ctx.segments_of("action_tracker", "actions")
            spans = [(s.start, s.end) for s in segs] or [(0, len(pack.lines))]
            found = []
            for start, stop in spans:
                found += tracker_actions(pack, start, stop)
                found += arising_actions(pack, start, stop, known)
        ctx.record.actions = merge(found)

"""One action across packs: "arising" in pack N and in the trackers of packs N+1, N+2...

An action is identified by committee + the meeting it arose at + its text. Trackers re-type
and trim the text, so the text is compared normalised with rapidfuzz; the best match over
ACTION_MATCH wins, and one stored action takes at most one action of a pack.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from minutebook.link.normalise import norm_text
from minutebook.store.schema_items import Action

ACTION_MATCH = 88.0


def similarity(a: str, b: str) -> float:
    # token_set_ratio forgives a tracker that drops or adds a clause; ratio guards against
    # a short text matching any longer one that contains its words
    return min(fuzz.token_set_ratio(a, b), fuzz.ratio(a, b) + 15)


class ActionMatcher:
    """Finds the stored action a pack's action is, within one committee, during one ingest."""

    def __init__(self, session: Session, committee_id: int | None) -> None:
        self.session = session
        self.committee_id = committee_id
        self.taken: set[int] = set()  # actions already matched by this pack
        # (id, norm_text) of the committee's actions per meeting, read once per meeting per pack:
        # an action this pack adds is claimed at once, so it can never be matched again anyway
        self.known: dict[int | None, list[tuple[int, str]]] = {}

    def _actions(self, meeting_id: int | None) -> list[tuple[int, str]]:
        found = self.known.get(meeting_id)
        if found is None:
            q = select(Action.id, Action.norm_text).where(
                Action.committee_id.is_(None) if self.committee_id is None else Action.committee_id == self.committee_id,
                Action.meeting_id.is_(None) if meeting_id is None else Action.meeting_id == meeting_id)
            found = self.known[meeting_id] = [(i, t) for i, t in self.session.execute(q.order_by(Action.id))]
        return found

    def find(self, meeting_id: int | None, text: str) -> tuple[int | None, str]:
        """The id of the stored action `text` is (None: a new one), and the normalised text."""
        norm = norm_text(text)
        best: tuple[int | None, float] = (None, 0.0)
        for action_id, action_norm in self._actions(meeting_id):
            if action_id in self.taken:
                continue
            score = 100.0 if action_norm == norm else similarity(action_norm, norm)
            if score >= ACTION_MATCH and score > best[1]:
                best = (action_id, score)
        if best[0] is not None:
            self.taken.add(best[0])
        return best[0], norm

    def claim(self, action_id: int) -> None:
        self.taken.add(action_id)

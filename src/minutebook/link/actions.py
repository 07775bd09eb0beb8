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

    def find(self, meeting_id: int | None, text: str) -> tuple[Action | None, str]:
        norm = norm_text(text)
        q = select(Action).where(Action.committee_id.is_(None) if self.committee_id is None
                                 else Action.committee_id == self.committee_id)
        q = q.where(Action.meeting_id.is_(None) if meeting_id is None else Action.meeting_id == meeting_id)
        best: tuple[Action | None, float] = (None, 0.0)
        for action in self.session.scalars(q):
            if action.id in self.taken:
                continue
            score = 100.0 if action.norm_text == norm else similarity(action.norm_text, norm)
            if score >= ACTION_MATCH and score > best[1]:
                best = (action, score)
        if best[0] is not None:
            self.taken.add(best[0].id)
        return best[0], norm

    def claim(self, action: Action) -> None:
        self.taken.add(action.id)

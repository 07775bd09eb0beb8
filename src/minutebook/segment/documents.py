"""Split a pack into documents: agenda, minutes, actions arising, briefings, reports,
appendices, the work programme report and the action tracker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import Document, DocumentKind
from minutebook.read import Pack


@dataclass(slots=True)
class Segment:
    """One document of a pack: lines [start, end) of `Pack.lines`."""

    kind: DocumentKind
    title: str
    start: int
    end: int
    agenda_item: str | None = None

    def to_document(self, pack: Pack) -> Document:
        first = pack.lines[self.start]
        last = pack.lines[max(self.start, self.end - 1)]
        return Document(
            kind=self.kind,
            title=self.title,
            agenda_item=self.agenda_item,
            source=pack.source(first),
            end=pack.source(last, with_text=False),
        )


_MINUTES = re.compile(r"\bminutes\b", re.IGNORECASE)


def segment(pack: Pack) -> list[Segment]:
    """The documents of `pack`, in order. (First version: the pack is one document.)"""
    head = " ".join(line.text for line in pack.lines[:15])
    kind: DocumentKind = "minutes" if _MINUTES.search(head) else "agenda"
    return [Segment(kind=kind, title=kind.title(), start=0, end=len(pack.lines))]

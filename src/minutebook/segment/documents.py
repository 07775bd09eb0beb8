"""Split a pack into documents: agenda, minutes, actions arising, briefings, reports,
appendices, the work programme report and the action tracker.

The segments cover the whole pack, in order, without overlap. Finding where documents
begin lives in `boundaries`, what they are in `starts`, which agenda item they belong to
in `assign`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import AgendaItem, Document, DocumentKind
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


def segment(pack: Pack) -> list[Segment]:
    """The documents of `pack`, in order."""
    from minutebook.segment.boundaries import Start, head_texts, pdf_starts, text_starts
    from minutebook.segment.furniture import furniture

    if not pack.lines:
        return []
    skip = furniture(pack)
    try:
        starts = pdf_starts(pack, skip) if pack.kind == "pdf" else text_starts(pack, skip)
    except (ValueError, IndexError, KeyError):  # odd layouts: the pack stays one document
        starts = [Start(0, "other", "Document")]
    starts = [s for k, s in enumerate(starts) if k == 0 or s.index > starts[k - 1].index]
    segments = [
        Segment(kind=s.kind, title=s.title[:200], start=s.index,
                end=starts[k + 1].index if k + 1 < len(starts) else len(pack.lines))
        for k, s in enumerate(starts)
    ]
    attached = [s.attached for s in starts]
    _name_appendices(pack, segments, attached, skip)
    items = agenda_items(pack, segments, skip)
    heads = [" ".join(head_texts(pack, s.start, skip, 12)) for s in segments]
    from minutebook.segment.assign import assign_items, printed_pages

    printed = printed_pages(pack, skip, (s.start for s in segments))
    numbers = assign_items(pack, segments, attached, heads, items, printed)
    for seg, number in zip(segments, numbers):
        seg.agenda_item = number
    return segments


def agenda_items(pack: Pack, segments: list[Segment], skip: set[int]) -> list[AgendaItem]:
    """The items of the pack's first agenda document (empty when it has none)."""
    from minutebook.parse.agenda_items import parse_agenda_lines

    for seg in segments:
        if seg.kind == "agenda":
            lines = pack.lines[seg.start : seg.end]
            local = {i - seg.start for i in skip if seg.start <= i < seg.end}
            return parse_agenda_lines(pack, lines, local)
    return []


_LISTED = re.compile(r"^(?:appendix|annex)\s+([A-Z0-9]{1,3})\b\s*[-–:.]?\s*(.*)$", re.IGNORECASE)


def _name_appendices(pack: Pack, segments: list[Segment], attached: list[bool], skip: set[int]) -> None:
    """Give appendices the title their report lists for them ("Appendix 2 - Action
    Tracker"), and the kind that title implies."""
    listed: list[tuple[str, str]] = []
    used = 0
    for seg, is_attached in zip(segments, attached):
        if not is_attached or seg.kind not in ("appendix", "action_tracker"):
            if seg.kind in ("report", "briefing", "work_programme", "minutes"):
                listed = []
                for line in pack.lines[seg.start : seg.end]:
                    m = _LISTED.match(line.text)
                    if m and m.group(2) and len(line.text) < 100:
                        listed.append((m.group(1).upper(), line.text))
                used = 0
            continue
        m = _LISTED.match(seg.title)
        title = None
        if m and not m.group(2):
            title = next((t for label, t in listed if label == m.group(1).upper()), None)
        elif not m and used < len(listed):
            title = listed[used][1]
        if title is None:
            continue
        used += 1
        seg.title = title
        if re.search(r"\baction (tracker|log)\b", title, re.IGNORECASE):
            seg.kind = "action_tracker"

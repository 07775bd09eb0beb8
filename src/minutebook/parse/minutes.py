"""The minutes parser: every set of minutes printed in a pack becomes one `Minutes` record.

Where the segmenter marked documents of kind "minutes" they are searched; otherwise the
whole pack is (`find_minutes_starts`), so a single minutes PDF and a full agenda pack both
work. Each set of minutes is read top to bottom in one pass: the opening (date, venue,
attendance), then item headings, decisions and declarations.
"""

from __future__ import annotations

import re
from typing import ClassVar

from minutebook.models import Declaration, MinuteItem, Minutes, Resolution
from minutebook.parse.base import Context
from minutebook.parse.minutes_attendance import apologies_in, parse_attendance
from minutebook.parse.minutes_declarations import declarations
from minutebook.parse.minutes_find import find_minutes_starts, is_heading, is_present_label, signature_end
from minutebook.parse.minutes_items import ItemState, ended_at, heading_at
from minutebook.parse.minutes_resolutions import decision_at
from minutebook.parse.minutes_text import BodyLine, base_indent, body, furniture
from minutebook.read import Line, Pack

__all__ = ["MinutesParser", "find_minutes_starts", "minutes_blocks"]

_INTEREST_ITEM = re.compile(r"\binterests?\b", re.IGNORECASE)


def minutes_blocks(pack: Pack, ranges: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """[start, end) line ranges of the sets of minutes in `pack`, within `ranges` (the
    segmenter's minutes documents) or the whole pack."""
    lines = pack.lines
    trusted = ranges is not None
    ranges = ranges if ranges is not None else [(0, len(lines))]
    blocks: list[tuple[int, int]] = []
    for lo, hi in ranges:
        starts = [lo + s for s in find_minutes_starts(lines[lo:hi])]
        if not starts and trusted and _opens_like_minutes(lines[lo:hi]):
            starts = [lo]
        if not starts and not trusted and _opens_like_minutes(lines[lo:hi], near=30):
            starts = [lo]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else hi
            blocks.append((start, signature_end(lines, start, end)))
    return blocks


def _opens_like_minutes(lines: list[Line], near: int = 40) -> bool:
    # a document without a minutes heading is read as minutes when a "Present:" list opens it
    texts = [line.text for line in lines if line.text][:near]
    return any(is_present_label(t) for t in texts) or any(is_heading(t) for t in texts[:5])


class MinutesParser:
    name: ClassVar[str] = "minutes"

    def parse(self, ctx: Context) -> None:
        pack = ctx.pack
        segments = ctx.segments_of("minutes")
        ranges = [(s.start, s.end) for s in segments] if segments else None
        skip = furniture(pack)
        for start, end in minutes_blocks(pack, ranges):
            record = read_minutes(pack, start, end, skip)
            if record is not None:
                ctx.record.minutes.append(record)


def _above_heading(pack: Pack, start: int) -> str:
    """The lines above a minutes heading on its PDF page ("CORPORATE PARENTING PANEL – 10th December 2024")."""
    if pack.kind != "pdf":
        return ""
    page = pack.lines[start].page
    texts = [line.text for line in pack.lines[max(0, start - 4) : start] if line.page == page]
    return " ".join(texts)


def read_minutes(pack: Pack, start: int, end: int, skip: set[int]) -> Minutes | None:
    """One set of minutes from lines [start, end) of the pack."""
    lines = body(pack, start, end, skip)
    if not lines:
        return None
    att = parse_attendance(lines, _above_heading(pack, start))
    state = ItemState(pdf=pack.kind == "pdf", base=base_indent(lines))
    record = Minutes(
        meeting_date=att.meeting_date,
        venue=att.venue,
        chair=att.chair,
        present=att.present,
        also_present=att.also_present,
        apologies=list(att.apologies),
        source=pack.source(pack.lines[start]),
    )
    current: str | None = None
    interest_item = False
    paragraphs: list[tuple[list[BodyLine], bool]] = []
    para: list[BodyLine] = []
    boundary = att.end
    i = att.end
    while i < len(lines):
        b = lines[i]
        heading = heading_at(lines, i, state)
        if heading:
            record.items.append(MinuteItem(number=heading.number, title=heading.title, source=pack.source(heading.first.line)))
            current = heading.number
            paragraphs.append((para, interest_item))
            interest_item = bool(_INTEREST_ITEM.search(heading.title))
            para = []
            i = boundary = heading.next
            continue
        para_start = max([boundary] + [k for k in range(boundary, i) if lines[k].brk])
        decision = decision_at(lines, i, state, para_start)
        if decision:
            record.resolutions.append(Resolution(item=current, text=decision.text, source=pack.source(decision.first.line)))
            paragraphs.append((para, interest_item))
            para = []
            i = boundary = decision.next
            continue
        if b.brk and para:
            paragraphs.append((para, interest_item))
            para = []
        para.append(b)
        for name in apologies_in(b.text + " " + (lines[i + 1].text if i + 1 < len(lines) else "")):
            if name not in record.apologies and name not in record.present:
                record.apologies.append(name)
        i += 1
    paragraphs.append((para, interest_item))
    # the opening lines may carry a summary of declarations ("Disclosure of pecuniary interest: ...")
    paragraphs.insert(0, (lines[: att.end], False))
    record.declarations = [
        Declaration(member=d.member, kind=d.kind, text=d.text, source=pack.source(d.first.line))
        for d in declarations(paragraphs)
    ]
    record.ended_at = ended_at(lines)
    return record

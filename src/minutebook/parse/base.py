"""The one small interface every section parser implements.

A parser reads the pack's lines (and the documents the segmenter found) and fills its own
section(s) of the record. Parsers run in `PARSERS` order, so a later one may read what an
earlier one wrote (the header parser, last, infers the meeting from the minutes and agenda).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from minutebook.models import PackRecord
from minutebook.read import Line, Pack
from minutebook.segment.documents import Segment


@dataclass
class Context:
    """What a parser sees: the pack, its documents, and the record being filled."""

    pack: Pack
    segments: list[Segment]
    record: PackRecord = field(default_factory=PackRecord)

    def lines_of(self, segment: Segment) -> list[Line]:
        return self.pack.lines[segment.start : segment.end]

    def segments_of(self, *kinds: str) -> list[Segment]:
        return [s for s in self.segments if s.kind in kinds]


class SectionParser(Protocol):
    """Fills one or more sections of the pack record from a `Context`."""

    name: ClassVar[str]

    def parse(self, ctx: Context) -> None: ...

"""The `work_programme` section: one entry per meeting round with its items, plus the
"other events & task groups" table as its own entry. Text input: `work_programme_text`;
PDF input: `work_programme_pdf`.
"""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context
from minutebook.parse.work_programme_pdf import pdf_rounds
from minutebook.parse.work_programme_text import other_events, text_rounds


class WorkProgrammeParser:
    name: ClassVar[str] = "work_programme"

    def parse(self, ctx: Context) -> None:
        pack = ctx.pack
        segs = ctx.segments_of("work_programme", "appendix")
        spans = [(s.start, s.end) for s in segs]
        if pack.kind == "pdf":
            ctx.record.work_programme = pdf_rounds(pack, ctx)
            return
        found = []
        for start, stop in spans or [(0, len(pack.lines))]:
            found += text_rounds(pack, start, stop)
            found += other_events(pack, start, stop)
        if not found and spans:
            found = text_rounds(pack, 0, len(pack.lines)) + other_events(pack, 0, len(pack.lines))
        ctx.record.work_programme = found

"""The `kpis` section: indicator / last year / target / actual / RAG / direction of travel,
with the area heading it sits under and its commentary kept apart from the values.
Text input: `kpis_text`; PDF input: `kpis_pdf`.
"""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context
from minutebook.parse.kpis_pdf import pdf_kpis
from minutebook.parse.kpis_text import text_kpis


class KPIParser:
    name: ClassVar[str] = "kpis"

    def parse(self, ctx: Context) -> None:
        pack = ctx.pack
        if pack.kind == "pdf":
            ctx.record.kpis = pdf_kpis(pack, ctx)
            return
        found = []
        for seg in ctx.segments_of("appendix", "report", "briefing"):
            found += text_kpis(pack, seg.start, seg.end)
        if not found:
            found = text_kpis(pack, 0, len(pack.lines))
        ctx.record.kpis = found

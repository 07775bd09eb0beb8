"""The agenda parser: the numbered items of the pack's agenda (front sheet)."""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.agenda_items import parse_agenda_lines
from minutebook.parse.base import Context
from minutebook.segment.furniture import furniture


class AgendaParser:
    name: ClassVar[str] = "agenda"

    def parse(self, ctx: Context) -> None:
        agendas = ctx.segments_of("agenda")
        if not agendas:
            return
        skip = furniture(ctx.pack)
        seen: set[tuple[str, str]] = set()
        for seg in agendas:
            lines = ctx.lines_of(seg)
            local = {i - seg.start for i in skip if seg.start <= i < seg.end}
            for item in parse_agenda_lines(ctx.pack, lines, local):
                # a supplementary agenda repeating an item is one item
                key = (item.number, item.title.lower())
                if key not in seen:
                    seen.add(key)
                    ctx.record.agenda.append(item)

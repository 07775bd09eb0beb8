"""The agenda parser."""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context


class AgendaParser:
    name: ClassVar[str] = "agenda"

    def parse(self, ctx: Context) -> None:
        return None

"""The header parser."""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context


class HeaderParser:
    name: ClassVar[str] = "header"

    def parse(self, ctx: Context) -> None:
        return None

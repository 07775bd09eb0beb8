"""The minutes parser."""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context


class MinutesParser:
    name: ClassVar[str] = "minutes"

    def parse(self, ctx: Context) -> None:
        return None

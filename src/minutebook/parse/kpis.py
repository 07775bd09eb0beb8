"""The `kpis` section (filled below)."""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context


class KPIParser:
    name: ClassVar[str] = "kpis"

    def parse(self, ctx: Context) -> None:
        return None

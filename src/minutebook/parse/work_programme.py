"""The `work_programme` section (filled below)."""

from __future__ import annotations

from typing import ClassVar

from minutebook.parse.base import Context


class WorkProgrammeParser:
    name: ClassVar[str] = "work_programme"

    def parse(self, ctx: Context) -> None:
        return None

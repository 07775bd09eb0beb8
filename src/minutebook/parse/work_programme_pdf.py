"""Work programme rounds from a PDF (filled below)."""

from __future__ import annotations

from minutebook.models import WorkProgrammeRound
from minutebook.read import Pack


def pdf_rounds(pack: Pack) -> list[WorkProgrammeRound]:
    return []

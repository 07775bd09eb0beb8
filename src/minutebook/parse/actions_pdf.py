"""Actions from a PDF action table (placeholder, filled below)."""

from __future__ import annotations

from minutebook.models import Action
from minutebook.parse.base import Context
from minutebook.read import Pack


def pdf_actions(pack: Pack, ctx: Context) -> list[Action]:
    return []

"""KPI tables from a PDF (filled below)."""

from __future__ import annotations

from minutebook.models import KPI
from minutebook.read import Pack


def pdf_kpis(pack: Pack) -> list[KPI]:
    return []

"""The PDF: WeasyPrint renders the HTML version (needs pango at run time)."""

from __future__ import annotations

from pathlib import Path

from minutebook.report.data import WorkProgrammeReport
from minutebook.report.html import render_html


def write_pdf(report: WorkProgrammeReport, out: Path) -> Path:
    from weasyprint import HTML  # noqa: PLC0415 - heavy import (pango, fonts), only when a PDF is asked for

    HTML(string=render_html(report), base_url=str(out.parent)).write_pdf(out)
    return out

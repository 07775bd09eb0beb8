"""One entry point for the CLI and the web button: committee + meeting + format -> file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from minutebook.report.data import build_report, find_committee

MEDIA_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def render_report(db: Session, committee: str, meeting: dt.date, fmt: str, out: Path,
                  template: Path | None = None) -> Path:
    report = build_report(db, find_committee(db, committee), meeting)
    if fmt == "pdf":
        from minutebook.report.pdf import write_pdf  # noqa: PLC0415

        return write_pdf(report, out)
    if fmt == "docx":
        from minutebook.report.docx import write_docx  # noqa: PLC0415

        return write_docx(report, out, template)
    from minutebook.report.html import write_html  # noqa: PLC0415

    return write_html(report, out)

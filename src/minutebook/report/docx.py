"""The DOCX: docxtpl fills the Word template shipped at report/templates/work_programme.docx
(made by scripts/make_docx_template.py). A council may point MINUTEBOOK_DOCX_TEMPLATE (or
`template=`) at its own .docx; the context below is the whole contract with that template."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from minutebook.report.data import WorkProgrammeReport
from minutebook.report.html import TEMPLATES, long_date, round_heading

DEFAULT_TEMPLATE = TEMPLATES / "work_programme.docx"


def context(report: WorkProgrammeReport) -> dict[str, Any]:
    """Plain strings only: a template author should not need to know our types."""
    return {
        "title": report.title, "council": report.council or "", "committee": report.committee,
        "meeting_date": long_date(report.meeting_date), "municipal_year": report.municipal_year,
        "generated_on": long_date(report.generated_on),
        "rounds": [{"heading": round_heading(r.label, r.date), "label": r.label or "", "date": long_date(r.date),
                    "entries": [{"title": i.title, "objective": i.objective or "",
                               "represented_by": "\n".join(i.represented_by)} for i in r.items]}
                   for r in report.rounds],
        "tracker": [{"meeting_date": long_date(g.meeting_date),
                     "actions": [{"item": a.item or "", "item_title": a.item_title or "", "text": a.text,
                                  "status": a.status or ""} for a in g.actions]}
                    for g in report.tracker],
    }


def write_docx(report: WorkProgrammeReport, out: Path, template: Path | None = None) -> Path:
    from docxtpl import DocxTemplate  # noqa: PLC0415 - only when a DOCX is asked for

    chosen = template or Path(os.environ.get("MINUTEBOOK_DOCX_TEMPLATE") or DEFAULT_TEMPLATE)
    doc = DocxTemplate(str(chosen))
    doc.render(context(report), autoescape=True)  # pack text may hold &, < and >
    doc.save(str(out))
    return out

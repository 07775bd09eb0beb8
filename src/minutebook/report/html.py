"""The report as one self-contained HTML page (also the source of the PDF).

Laid out the way council packs print it, which is also what the extractor reads back:
a cover section; the annual work programme with one ruled header row per round
("Round Four (1 February 2017) | Reasons & objective | Represented by") and one ruled row per
item; the action tracker with each meeting's date printed alone above a ruled
"Agenda Item | Action | Status" table, the item heading in bold at the top of the action cell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from minutebook.report.data import WorkProgrammeReport

TEMPLATES = Path(__file__).resolve().parent / "templates"


def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def round_heading(label: str | None, day: dt.date | None) -> str:
    if label and day:
        return f"{label} ({long_date(day)})"
    return label or long_date(day) or "Round"


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["long_date"] = long_date
    env.globals["round_heading"] = round_heading
    return env


def render_html(report: WorkProgrammeReport) -> str:
    return _env().get_template("work_programme.html").render(r=report)


def write_html(report: WorkProgrammeReport, out: Path) -> Path:
    out.write_text(render_html(report), encoding="utf-8")
    return out

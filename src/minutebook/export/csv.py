"""One section of a pack record as CSV, for spreadsheets: one row per action, per
work-programme item (with its round's label and date), or per KPI.

`cli.py` is to offer this as `extract FILE --format csv --section actions|work_programme|kpis`.
"""

from __future__ import annotations

import csv
import io

from minutebook.models import PackRecord

SECTIONS = ("actions", "work_programme", "kpis")

COLUMNS: dict[str, list[str]] = {
    "actions": ["meeting_date", "item", "item_title", "text", "status", "page", "line"],
    "work_programme": ["round_label", "round_date", "title", "objective", "represented_by", "page", "line"],
    "kpis": ["area", "indicator", "last_year", "target", "actual", "rag", "direction", "commentary", "page", "line"],
}


def _where(source: object) -> dict[str, object]:
    return {"page": getattr(source, "page", None), "line": getattr(source, "line", None)}


def section_rows(record: PackRecord, section: str) -> list[dict[str, object]]:
    if section == "actions":
        return [{"meeting_date": a.meeting_date, "item": a.item, "item_title": a.item_title, "text": a.text,
                 "status": a.status, **_where(a.source)} for a in record.actions]
    if section == "work_programme":
        return [{"round_label": r.label, "round_date": r.date, "title": i.title, "objective": i.objective,
                 "represented_by": "; ".join(i.represented_by), **_where(i.source or r.source)}
                for r in record.work_programme for i in r.items]
    if section == "kpis":
        return [{"area": k.area, "indicator": k.indicator, "last_year": k.last_year, "target": k.target,
                 "actual": k.actual, "rag": k.rag, "direction": k.direction, "commentary": k.commentary,
                 **_where(k.source)} for k in record.kpis]
    raise ValueError(f"no CSV for section {section!r}: choose one of {', '.join(SECTIONS)}")


def section_csv(record: PackRecord, section: str) -> str:
    """The section as CSV text with a header row; empty fields for nulls."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS.get(section, []), lineterminator="\n")
    rows = section_rows(record, section)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return out.getvalue()

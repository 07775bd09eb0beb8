"""A short human-readable overview of a pack record (`extract --format summary`)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from minutebook.models import PackRecord

SECTIONS = ("agenda", "minutes", "actions", "work_programme", "kpis", "documents")


def render_summary(record: PackRecord) -> Group:
    head = Text()
    head.append(f"{record.file or 'pack'}", style="bold")
    head.append(f"  ({record.pages} pages)\n" if record.pages else "\n")
    head.append(f"{record.council or '?'} - {record.committee or '?'}\n")
    head.append(f"meeting {record.meeting_date or '?'}, published {record.published or '?'}")
    counts = Table(title="sections", show_header=True)
    counts.add_column("section")
    counts.add_column("records", justify="right")
    for name in SECTIONS:
        counts.add_row(name, str(len(getattr(record, name))))
    for m in record.minutes:
        counts.add_row(f"  minutes {m.meeting_date or '?'}",
                       f"{len(m.present)} present, {len(m.items)} items, {len(m.resolutions)} resolved")
    docs = Table(title="documents", show_header=True)
    for col in ("kind", "title", "item", "starts"):
        docs.add_column(col)
    for d in record.documents:
        where = ""
        if d.source:
            where = f"page {d.source.page}" if d.source.page else f"line {d.source.line}"
        docs.add_row(d.kind, d.title[:70], d.agenda_item or "", where)
    return Group(head, counts, docs)

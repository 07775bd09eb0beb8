"""Actions from a ruled PDF action table ("matters arising", "action log", "action tracker").

Signals:
- the table: a ruled table whose header row names an action column ("Action", "Action to be
  Taken", "Decision") and a status/owner/date column; read only on pages of the pack's
  action segments whose lines carry those header words;
- columns by header words: the action text is the action-named column with the longest
  body text; the item is a column of short numbers (ref/no/action); the meeting date is a
  date-named column whose cells parse as dates; status is the status/progress column;
- the item title: bold lines opening the action cell (a heading over the action), ended by
  a non-bold line, a blank gap, or a bold lead-in line like "The CEO to:";
- with no date column, the meeting date is a date printed alone just above the table (one
  table per meeting under its date, as text trackers print it); the same table continued on
  the next page (its header repeated, no date above) keeps that date;
- header rows repeated on the next page are dropped; a row with no item and no date
  continues the action above (a row split across a page break).
"""

from __future__ import annotations

import re

from minutebook.models import Action, Source
from minutebook.parse.base import Context
from minutebook.read import Pack
from minutebook.tables.locate import find_column, is_repeat_header, tables_on
from minutebook.tables.ruled import CellLine, TableRow
from minutebook.tables.pdfpage import read_layout
from minutebook.tables.textcells import date_only, join_lines
from minutebook.text.dates import parse_date

HEADER_WORDS = re.compile(r"(?i)\baction|decision")
ACTION_COL = re.compile(r"(?i)\b(action|decision|task|description)")
OTHER_COL = re.compile(r"(?i)\b(status|progress|update|owner|by whom|responsib|lead|date|due|deadline)")
STATUS_COL = re.compile(r"(?i)\b(status|progress|update|comment|outcome|position)")
DATE_COL = re.compile(r"(?i)\b(date|meeting|entered|raised)")
ITEM_VALUE = re.compile(r"^(?:[A-Z]{0,3}\d+(?:\.\d+)*[a-z]?)\.?$")
LEAD_IN = re.compile(r"^[\w&/.'’ -]{1,30}\bto:$")  # "The CEO to:", "EMT to:" introduce the body
HEADING_GAP = 40.0  # points: a date further above the table heads something else
NUMERIC_DATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")


def _title_split(lines: list[CellLine]) -> tuple[str | None, str]:
    """(item title, action text) from the printed lines of an action cell."""
    title: list[str] = []
    pitch = 0.0
    if len(lines) > 1:
        gaps = sorted(b.top - a.top for a, b in zip(lines, lines[1:]))
        pitch = gaps[len(gaps) // 2]
    i = 0
    while i < len(lines) and lines[i].bold and len(title) < 3:
        line = lines[i]
        if title and (LEAD_IN.match(line.text) or line.top - lines[i - 1].top > pitch * 1.4):
            break
        title.append(line.text)
        i += 1
        if line.text.endswith(":"):
            break
    if not title or i >= len(lines):
        return None, join_lines([ln.text for ln in lines])
    return join_lines(title).rstrip(":").strip() or None, join_lines([ln.text for ln in lines[i:]])


def _columns(header: TableRow, body: list[TableRow]) -> dict[str, int] | None:
    if find_column(header, ACTION_COL) is None or find_column(header, OTHER_COL) is None:
        return None
    n = len(header.cells)

    def values(i: int) -> list[str]:
        return [r.cells[i].text for r in body if i < len(r.cells) and r.cells[i].text]

    action_cols = [i for i in range(n) if ACTION_COL.search(header.cells[i].text)]
    text = max(action_cols, key=lambda i: sum(len(v) for v in values(i)))
    cols = {"text": text}
    for i in range(n):
        vals = values(i)
        if i == text or not vals:
            continue
        if "item" not in cols and all(ITEM_VALUE.match(v) for v in vals):
            cols["item"] = i
        elif "date" not in cols and DATE_COL.search(header.cells[i].text) and all(parse_date(v) for v in vals):
            cols["date"] = i
    status = [i for i in range(n) if i != text and STATUS_COL.search(header.cells[i].text)]
    if status:
        cols["status"] = status[-1]
    return cols


def _date(text: str) -> str | None:
    # numeric dates in tables are day-first (d/m/yy), as parse_date reads them
    return parse_date(text) if text else None


def _heading_date(pack: Pack, page: int, top: float) -> str | None:
    """The date printed alone on the line just above a table starting at `top`."""
    layout = read_layout(pack.path, page)
    if layout is None:
        return None
    above = [w for w in layout.words if top - HEADING_GAP <= w.bottom <= top + 1]
    if not above:
        return None
    last = max(w.top for w in above)
    text = " ".join(w.text for w in sorted((w for w in above if abs(w.top - last) < 2), key=lambda w: w.x0))
    return parse_date(text) if date_only(text) else None


def pdf_actions(pack: Pack, ctx: Context) -> list[Action]:
    segs = ctx.segments_of("action_tracker", "actions")
    out: list[Action] = []
    last: tuple[int, list[str], str | None] = (0, [], None)  # page, header texts, heading date
    for table in tables_on(pack, segs, HEADER_WORDS):
        header, body = table.header, table.rows[1:]
        cols = _columns(header, [r for r in body if not is_repeat_header(r, header)])
        if cols is None:
            continue
        heading = None if "date" in cols else _heading_date(pack, table.page, header.top)
        if heading is None and "date" not in cols and last[0] == table.page - 1 and last[1] == header.texts():
            heading = last[2]
        last = (table.page, header.texts(), heading)
        for row in body:
            if is_repeat_header(row, header) or len(row.cells) != len(header.cells):
                continue
            cell = row.cells[cols["text"]]
            if not cell.lines:
                continue
            item = row.cells[cols["item"]].text if "item" in cols else None
            when = _date(row.cells[cols["date"]].text) if "date" in cols else heading
            status = row.cells[cols["status"]].text if "status" in cols else None
            if out and not item and not when and out[-1].source and out[-1].source.page == table.page - 1:
                # the rest of a row broken across the page
                prev = out[-1]
                out[-1] = prev.model_copy(update={
                    "text": join_lines([prev.text, cell.text]),
                    "status": join_lines([prev.status or "", status or ""]) or None})
                continue
            title, text = _title_split(cell.lines)
            if not text:
                continue
            out.append(Action(meeting_date=when, item=item or None, item_title=title, text=text,
                              status=status or None, source=Source(page=table.page, text=cell.lines[0].text)))
    return out

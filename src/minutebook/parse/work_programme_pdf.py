"""Work programme rounds from a ruled PDF workplan table.

Signals:
- the table: ruled tables on the pages of the pack's work-programme segments;
- a round: a row whose first cell is a label carrying a date ("BOARD MEETING 24 APRIL 2019")
  while no other cell holds a date (they hold the column names) - the header row repeated
  per meeting; a first cell that is nothing but a date (a print date) opens no round;
- items: the title column is the first column; a ruled band may hold several items when
  the body rows are shaded rather than ruled, so the band is cut into printed lines (words
  sharing a top across all cells); a line with text in the title column only is a wrapped
  title and joins the next line; an item closes at the line holding its key-column cell
  (the column filled on most item lines, e.g. the meeting date: it sits on the last line).
Objective and presenters are read only when the round's header row names those columns
("Reasons & objective", "Represented by") and each item is a ruled row of its own: then a
row is an item, its cells the title, the objective and one presenter per printed line.
Other workplans' columns name officers and committee dates, not what `represented_by` means.
"""

from __future__ import annotations

import re

from minutebook.models import WorkProgrammeItem, WorkProgrammeRound
from minutebook.parse.base import Context
from minutebook.read import Pack
from minutebook.models import Source
from minutebook.tables.locate import candidate_pages
from minutebook.tables.pdfpage import PageLayout, Word, read_layout
from minutebook.tables.ruled import TableCell, TableRow, cell_lines, page_tables
from minutebook.tables.textcells import date_only, join_lines
from minutebook.text.dates import find_dates, parse_date

ANY_TEXT = re.compile(r"\S")
OBJECTIVE_COL = re.compile(r"(?i)\b(objective|reasons?|purpose)\b")
BULLET = re.compile(r"^\s*[\u2022\u25aa\u25cf\u00b7]\s*")
PRESENTER_COL = re.compile(r"(?i)\brepresented\b")
LINE_TOLERANCE = 2.0  # points: words whose tops differ less are on one printed line


def _round_label(row: TableRow) -> tuple[str, str] | None:
    """(label, ISO date) when `row` opens a meeting round."""
    texts = row.texts()
    if not texts or not texts[0] or date_only(texts[0]):
        return None
    when = parse_date(texts[0]) if find_dates(texts[0]) else None
    if when is None or any(find_dates(t) for t in texts[1:]):
        return None
    return texts[0], when


def _band_items(row: TableRow) -> list[str]:
    """The item titles of one ruled band: its printed lines, wrapped titles joined."""
    lines: list[tuple[float, dict[int, str]]] = []
    for col, cell in enumerate(row.cells):
        for ln in cell.lines:
            for top, cols in lines:
                if abs(top - ln.top) <= LINE_TOLERANCE:
                    cols[col] = ln.text
                    break
            else:
                lines.append((ln.top, {col: ln.text}))
    lines.sort(key=lambda pair: pair[0])
    titled = [cols for _, cols in lines if 0 in cols]
    counts: dict[int, int] = {}
    for cols in titled:
        for col in cols:
            if col:
                counts[col] = counts.get(col, 0) + 1
    # the key column: filled on most item lines (e.g. the meeting date); a cell there sits on
    # an item's last line and closes it, while other cells may start on a wrapped line
    key = max(counts, key=lambda c: (counts[c], c)) if counts else None
    titles: list[list[str]] = []
    closed = True
    for cols in titled:
        if titles and not closed:
            titles[-1].append(cols[0])
        else:
            titles.append([cols[0]])
        closed = key is None or key in cols
    return [join_lines(t) for t in titles]


def _region_row(layout: PageLayout, heading: TableRow, top: float, bottom: float) -> TableRow:
    """The words between two round headings, put in the heading's columns: the body of a
    round may be shaded rather than ruled, so its rows are not bands of their own."""
    cells = [TableCell(c.x0, c.x1) for c in heading.cells]
    buckets: list[list[Word]] = [[] for _ in cells]
    for w in layout.words:
        cy, cx = (w.top + w.bottom) / 2, (w.x0 + w.x1) / 2
        if top <= cy < bottom:
            for i, c in enumerate(cells):
                if c.x0 <= cx < c.x1:
                    buckets[i].append(w)
                    break
    for c, ws in zip(cells, buckets):
        c.lines = cell_lines(ws)
    return TableRow(top, bottom, cells, layout.page)


def _entries(cell: TableCell) -> list[str]:
    """One presenter per printed entry: a wider gap than the line pitch separates entries,
    while a name wrapped onto the next line sits at the pitch and joins it."""
    lines = [ln for ln in cell.lines if ln.text.strip()]
    if not lines:
        return []
    if any(BULLET.match(ln.text) for ln in lines):
        # a bulleted list: each bullet opens an entry, lines without one continue it
        parts: list[list[str]] = []
        for ln in lines:
            if BULLET.match(ln.text) or not parts:
                parts.append([BULLET.sub("", ln.text).strip()])
            else:
                parts[-1].append(ln.text.strip())
        return [join_lines(p) for p in parts if join_lines(p)]
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:])]
    pitch = min(gaps) if gaps else 0.0
    spaced = bool(gaps) and max(gaps) > pitch * 1.25
    out: list[list[str]] = [[lines[0].text.strip()]]
    for gap, ln in zip(gaps, lines[1:]):
        if spaced and gap <= pitch * 1.25:
            out[-1].append(ln.text.strip())
        else:
            out.append([ln.text.strip()])
    return [join_lines(parts) for parts in out]


def _ruled_items(heading: TableRow, rows: list[TableRow], bottom: float,
                 page: int) -> list[WorkProgrammeItem] | None:
    """Items as ruled rows under a header naming objective and presenter columns, else None."""
    names = heading.texts()
    obj = next((i for i, t in enumerate(names) if i and OBJECTIVE_COL.search(t)), None)
    who = next((i for i, t in enumerate(names) if i and PRESENTER_COL.search(t)), None)
    if obj is None or who is None:
        return None
    body = [r for r in rows if r.top >= heading.bottom - LINE_TOLERANCE and r.bottom <= bottom + LINE_TOLERANCE
            and r is not heading and len(r.cells) == len(heading.cells)
            and r.texts()[1:] != names[1:]]  # another (undated) section's header row is no item
    if not body:
        return None
    items = []
    for r in body:
        title = join_lines([ln.text for ln in r.cells[0].lines])
        if not title:
            continue
        objective = join_lines([ln.text for ln in r.cells[obj].lines]) or None
        people = _entries(r.cells[who])
        items.append(WorkProgrammeItem(title=title, objective=objective, represented_by=people,
                                       source=Source(page=page, text=title[:200])))
    return items


def pdf_rounds(pack: Pack, ctx: Context) -> list[WorkProgrammeRound]:
    if pack.kind != "pdf":
        return []
    segs = ctx.segments_of("work_programme")
    rounds: list[WorkProgrammeRound] = []
    for page in candidate_pages(pack, segs, ANY_TEXT):
        layout = read_layout(pack.path, page)
        if layout is None:
            continue
        tables = page_tables(layout)
        headings = [(row, _round_label(row)) for t in tables for row in t.rows]
        opened = [(row, found) for row, found in headings if found]
        body_rows = [row for t in tables for row in t.rows]
        own_bottom = {id(row): t.rows[-1].bottom for t in tables for row in t.rows}
        if not opened:
            continue
        table_bottom = max(r.bottom for r in layout.hrules)
        for i, (row, (label, when)) in enumerate(opened):
            bottom = opened[i + 1][0].top if i + 1 < len(opened) else table_bottom
            source = Source(page=page, text=label)
            # ruled items stay within the heading's own table (an undated section may follow it)
            items = _ruled_items(row, body_rows, min(bottom, own_bottom[id(row)]), page)
            if items is None:
                items = [WorkProgrammeItem(title=t, source=Source(page=page, text=t[:200]))
                         for t in _band_items(_region_row(layout, row, row.bottom, bottom))]
            rounds.append(WorkProgrammeRound(label=label, date=when, items=items, source=source))
    # a round's heading repeated at the top of the next page continues that round
    merged: list[WorkProgrammeRound] = []
    for r in rounds:
        prev = merged[-1] if merged else None
        if (prev and prev.label == r.label and prev.date == r.date and prev.source and r.source
                and r.source.page == (prev.source.page or 0) + 1 or False):
            prev.items.extend(r.items)
        else:
            merged.append(r)
    return [r for r in merged if r.items]

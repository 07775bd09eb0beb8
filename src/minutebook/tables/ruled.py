"""Tables drawn with ruling lines: rows between horizontal rules, cells between vertical ones.

Signals: horizontal rules cut the page into bands; the vertical rules that cross a band's
middle are that row's cell borders (so a nested sub-table or a merged cell shows as a row
whose borders differ from the header's); words go to the cell holding their centre, and a
cell keeps its printed lines (words grouped by their top) with a bold flag per line.
Consecutive ruled bands with at least two cells form one table; a band with no vertical
rules ends it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minutebook.tables.pdfpage import PageLayout, Word, read_layout
from minutebook.tables.textcells import join_lines

SNAP = 2.5  # points: rules this close are the same rule
MIN_ROW = 5.0  # points: thinner bands are double rules, not rows


@dataclass(slots=True)
class CellLine:
    text: str
    bold: bool
    top: float


@dataclass(slots=True)
class TableCell:
    x0: float
    x1: float
    lines: list[CellLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines])


@dataclass(slots=True)
class TableRow:
    top: float
    bottom: float
    cells: list[TableCell]
    page: int

    @property
    def borders(self) -> list[float]:
        return [self.cells[0].x0] + [c.x1 for c in self.cells] if self.cells else []

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Table:
    page: int
    rows: list[TableRow]

    @property
    def header(self) -> TableRow:
        return self.rows[0]


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def cell_lines(words: list[Word]) -> list[CellLine]:
    """Words of one cell as printed lines, top to bottom, left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(w.top - lines[-1][0].top) <= max(2.0, (w.bottom - w.top) * 0.4):
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for ln in lines:
        ln.sort(key=lambda w: w.x0)
        bold = all(w.bold for w in ln)  # a heading line is bold throughout; "Schedule **X**" is not
        out.append(CellLine(" ".join(w.text for w in ln), bold, ln[0].top))
    return out


def page_tables(layout: PageLayout) -> list[Table]:
    """Every ruled table on a page."""
    hr = [r for r in layout.hrules]
    vr = [r for r in layout.vrules]
    if len(vr) < 2 or len(hr) < 2:
        return []
    ys = _snap([(r.top + r.bottom) / 2 for r in hr])
    tables: list[Table] = []
    current: list[TableRow] = []
    for y0, y1 in zip(ys, ys[1:]):
        if y1 - y0 < MIN_ROW:
            continue
        mid = (y0 + y1) / 2
        xs = _snap([(r.x0 + r.x1) / 2 for r in vr if r.top - SNAP <= mid <= r.bottom + SNAP])
        # a band only counts as a row when horizontal rules close it over its width
        if len(xs) < 3:
            if current:
                tables.append(Table(layout.page, current))
                current = []
            continue
        cells = [TableCell(a, b) for a, b in zip(xs, xs[1:]) if b - a > SNAP]
        if current and abs(current[-1].bottom - y0) > SNAP:
            tables.append(Table(layout.page, current))
            current = []
        words_by_cell: list[list[Word]] = [[] for _ in cells]
        for w in layout.words:
            cy, cx = (w.top + w.bottom) / 2, (w.x0 + w.x1) / 2
            if not y0 <= cy < y1:
                continue
            for i, c in enumerate(cells):
                if c.x0 <= cx < c.x1:
                    words_by_cell[i].append(w)
                    break
        for c, ws in zip(cells, words_by_cell):
            c.lines = cell_lines(ws)
        current.append(TableRow(y0, y1, cells, layout.page))
    if current:
        tables.append(Table(layout.page, current))
    # a table is at least a header and one row with text
    return [t for t in tables if len(t.rows) >= 2 and any(c.lines for r in t.rows[1:] for c in r.cells)]


def pack_tables(path: str, pages: list[int]) -> list[Table]:
    """Ruled tables on the given pages, in page order."""
    out: list[Table] = []
    for page in pages:
        layout = read_layout(path, page)
        if layout is not None:
            out += page_tables(layout)
    return out

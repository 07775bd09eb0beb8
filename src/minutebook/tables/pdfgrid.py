"""Tables of a PDF from the runs of text on its lines (`Line.cells`, with x-positions).

Columns are inferred from where runs start: a column is an x-position at which many
runs of the table's body begin (borderless tables have nothing else). A run that spans
two columns (the reader joins runs closer than its gap) is split at the column start,
with characters placed proportionally along the run and the cut moved to a space.
Rows are banded on a key column: a row starts at each line with text in that column,
and every line down to the next such line belongs to it (multi-line cells).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minutebook.read import Cell, Line

TOLERANCE = 6.0  # points either side of a column start that still count as that column


def infer_columns(lines: list[Line], min_support: int = 2, tolerance: float = TOLERANCE) -> list[float]:
    """Column starts: x-positions (clustered within `tolerance`) where >= `min_support` runs begin."""
    xs = sorted(c.x0 for line in lines for c in line.cells)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= min_support]


def split_cell(cell: Cell, starts: list[float], tolerance: float = TOLERANCE) -> list[Cell]:
    """Cut a run that crosses column starts into one piece per column."""
    cuts = [s for s in starts if cell.x0 + tolerance < s < cell.x1 - tolerance]
    if not cuts or len(cell.text) < 2:
        return [cell]
    width = (cell.x1 - cell.x0) / len(cell.text)
    pieces: list[Cell] = []
    text, x0, offset = cell.text, cell.x0, 0
    for cut in cuts:
        at = int(round((cut - cell.x0) / width))
        # move the cut to the nearest space, so words are not split
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        if not spaces:
            break
        local = min(spaces, key=lambda i: abs(offset + i - at))
        head, text = text[:local].strip(), text[local + 1 :]
        if head:
            pieces.append(Cell(x0, cell.x0 + (offset + local) * width, head))
        offset += local + 1
        x0 = cell.x0 + offset * width
    if text.strip():
        pieces.append(Cell(x0, cell.x1, text.strip()))
    return pieces


def column_of(x0: float, starts: list[float], tolerance: float = TOLERANCE) -> int:
    index = 0
    for i, s in enumerate(starts):
        if x0 >= s - tolerance:
            index = i
    return index


def line_columns(line: Line, starts: list[float]) -> dict[int, list[str]]:
    """The text of one line per column index."""
    out: dict[int, list[str]] = {}
    for cell in line.cells:
        for piece in split_cell(cell, starts):
            out.setdefault(column_of(piece.x0, starts), []).append(piece.text)
    return out


@dataclass(slots=True)
class GridRow:
    """One row: its lines, and per column the text of each of its lines (multi-line cells)."""

    lines: list[Line] = field(default_factory=list)
    cells: dict[int, list[str]] = field(default_factory=dict)

    def text(self, column: int) -> str:
        from minutebook.tables.textcells import join_lines

        return join_lines(self.cells.get(column, []))


@dataclass(slots=True)
class Grid:
    starts: list[float]
    rows: list[GridRow]


def grid_from_lines(lines: list[Line], starts: list[float], key: int = 0) -> Grid:
    """Band `lines` into rows on the key column: a row opens at each line with text there."""
    rows: list[GridRow] = []
    for line in lines:
        cols = line_columns(line, starts)
        if key in cols or not rows:
            rows.append(GridRow())
        row = rows[-1]
        row.lines.append(line)
        for index, texts in cols.items():
            row.cells.setdefault(index, []).append(" ".join(texts))
    return Grid(starts=starts, rows=rows)

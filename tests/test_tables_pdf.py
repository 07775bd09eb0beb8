"""The PDF grid layer: column inference from run starts, runs split at column starts, row bands."""

from __future__ import annotations

from minutebook.read import Cell, Line
from minutebook.tables.pdfgrid import grid_from_lines, infer_columns, split_cell


def _line(n: int, *cells: tuple[float, float, str]) -> Line:
    return Line(text=" ".join(c[2] for c in cells), number=n, page=1, cells=[Cell(*c) for c in cells])


def test_columns_inferred_from_run_starts_and_rows_banded_on_key_column():
    lines = [
        _line(1, (91, 95, "1"), (170, 296, "Equity and Cultural"), (454, 511, "As part of MRB")),
        _line(2, (171, 308, "MRB will host a Workshop"), (454, 500, "Chair report")),
        _line(3, (91, 95, "2"), (170, 296, "Schedule Consumer"), (454, 498, "Deferred")),
    ]
    starts = infer_columns(lines, min_support=2)
    assert starts == [91, 170, 454]
    grid = grid_from_lines(lines, starts, key=0)
    assert len(grid.rows) == 2
    assert grid.rows[0].text(1) == "Equity and Cultural MRB will host a Workshop"
    assert grid.rows[0].text(2) == "As part of MRB Chair report"


def test_run_spanning_two_columns_is_split_at_a_space():
    cell = Cell(115, 243, "Date Entered Action to be Taken")
    pieces = split_cell(cell, [115, 170])
    assert [p.text for p in pieces] == ["Date Entered", "Action to be Taken"]

"""Finding the ruled tables a section parser should read, cheaply.

Reading a page's words and rules costs far more than the pack reader's lines, so a page is
read only when it lies in one of the parser's segments AND one of its lines carries the
header words that the parser's tables are named by (signal: header vocabulary).
Header cells are matched to columns by the words printed in them (signal: header row).
"""

from __future__ import annotations

import re

from minutebook.read import Pack
from minutebook.segment.documents import Segment
from minutebook.tables.ruled import Table, TableRow, pack_tables

MAX_PAGES = 40  # a parser reads at most this many candidate pages, keeping the cost bounded


def candidate_pages(pack: Pack, segments: list[Segment], header: re.Pattern[str]) -> list[int]:
    pages: list[int] = []
    for seg in segments:
        for line in pack.lines[seg.start : seg.end]:
            if line.page is not None and line.page not in pages and header.search(line.text):
                pages.append(line.page)
    return sorted(pages)[:MAX_PAGES]


def tables_on(pack: Pack, segments: list[Segment], header: re.Pattern[str]) -> list[Table]:
    if pack.kind != "pdf":
        return []
    return pack_tables(pack.path, candidate_pages(pack, segments, header))


def find_column(row: TableRow, pattern: re.Pattern[str], skip: tuple[int, ...] = ()) -> int | None:
    """Index of the first cell of `row` whose text matches `pattern`."""
    for i, cell in enumerate(row.cells):
        if i not in skip and pattern.search(cell.text):
            return i
    return None


def same_borders(a: TableRow, b: TableRow, tolerance: float = 3.0) -> bool:
    """Rows drawn on the same column rules (a nested table or merged cells are not)."""
    xa, xb = a.borders, b.borders
    return len(xa) == len(xb) and all(abs(p - q) <= tolerance for p, q in zip(xa, xb))


def is_repeat_header(row: TableRow, header: TableRow) -> bool:
    """A header row printed again at the top of the next page."""
    return row.texts() == header.texts()

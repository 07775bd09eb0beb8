"""Read a PDF pack into lines through pypdfium2's text segments.

Measured on a 95-page pack: pypdfium2 text segments with their boxes run at hundreds of
pages a second, pdfplumber at ~14, so pdfplumber stays off this path (the table layer may
call it on the few pages that need it). Each text segment ("rect") is a run of characters
on one baseline; segments whose vertical centres fall within one another's boxes make one
line, ordered left to right, and the runs are kept as `Cell`s for table reconstruction.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium

from minutebook.errors import InputError
from minutebook.read.lines import Cell, Line, clean

# a gap wider than this many points between two runs on a line reads as a column break
COLUMN_GAP = 12.0


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise InputError(path, "is not a PDF (no %PDF header)", "give a PDF or a UTF-8 text file")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError(path, "is an encrypted PDF", "give an unencrypted copy (e.g. qpdf --decrypt)") from exc
        raise InputError(path, "is a damaged or truncated PDF", "download it again") from exc


def _page_lines(page: pdfium.PdfPage) -> Iterator[tuple[float, float, list[Cell]]]:
    """(top, height, cells) for each line of one page, top to bottom."""
    textpage = page.get_textpage()
    try:
        runs: list[tuple[float, float, float, float, str]] = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top)
            if text.strip():
                runs.append((left, bottom, right, top, text))
    finally:
        textpage.close()
    # group by vertical overlap: top of page first
    runs.sort(key=lambda r: (-(r[1] + r[3]) / 2, r[0]))
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for run in runs:
        centre = (run[1] + run[3]) / 2
        if rows:
            row = rows[-1]
            lo = min(r[1] for r in row)
            hi = max(r[3] for r in row)
            row_centre = (lo + hi) / 2
            if lo <= centre <= hi or run[1] <= row_centre <= run[3]:
                row.append(run)
                continue
        rows.append([run])
    for row in rows:
        row.sort(key=lambda r: r[0])
        cells: list[Cell] = []
        spaced = True
        for left, _bottom, right, _top, raw in row:
            text = clean(raw.replace("\r", " ").replace("\n", " "))
            if cells and left - cells[-1].x1 < COLUMN_GAP:
                # runs that touch ("29" + superscript "th", "Hubs" + ".") join without a space
                glue = " " if spaced or raw[:1].isspace() or left - cells[-1].x1 > 1.0 else ""
                cells[-1] = Cell(cells[-1].x0, max(right, cells[-1].x1), f"{cells[-1].text}{glue}{text}")
            else:
                cells.append(Cell(left, right, text))
            spaced = raw[-1:].isspace()
        top = max(r[3] for r in row)
        height = max(r[3] - r[1] for r in row)
        yield top, height, cells


def read_pdf(data: bytes, path: str) -> tuple[list[Line], int, float | None]:
    """Lines of every page, with page numbers; raises InputError for unreadable PDFs."""
    document = _open(data, path)
    lines: list[Line] = []
    width: float | None = None
    try:
        count = len(document)
        if count == 0:
            raise InputError(path, "is a PDF with no pages", "download it again")
        for index in range(count):
            page = document[index]
            try:
                page_width, page_height = page.get_size()
                width = width or page_width
                first = True
                for top, height, cells in _page_lines(page):
                    text = clean(" ".join(c.text for c in cells))
                    if not text:
                        continue
                    lines.append(
                        Line(
                            text=text,
                            number=len(lines) + 1,
                            page=index + 1,
                            indent=round(cells[0].x0, 1),
                            top=round(page_height - top, 1),
                            size=round(height, 1),
                            page_start=first,
                            cells=cells,
                        )
                    )
                    first = False
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise InputError(path, "is a damaged PDF (a page could not be read)", "download it again") from exc
    finally:
        document.close()
    if not lines:
        raise InputError(path, "has no text layer (a scanned PDF?)", "run OCR on it first, e.g. ocrmypdf")
    return lines, count, width

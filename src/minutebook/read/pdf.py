"""Read a PDF pack into lines through pypdfium2's text segments.

Measured on a 95-page pack: pypdfium2 text segments with their boxes run at hundreds of
pages a second, pdfplumber at ~14, so pdfplumber stays off this path (the table layer may
call it on the few pages that need it). Each text segment ("rect") is a run of characters
on one baseline; segments whose vertical centres fall within one another's boxes make one
line, ordered left to right, and the runs are kept as `Cell`s for table reconstruction.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from minutebook.errors import InputError
from minutebook.read.lines import Line
from minutebook.read.pdf_page import page_lines

# pdfium keeps what it parses for a page (fonts, glyph caches, object streams) in the
# document until the document is closed, so memory and per-page time grew with the page
# count (a 800-page pack: 2.6x the memory and 12x the time of a 200-page one). Reopening the
# document from the same file every this many pages keeps both flat; reopening costs ~1 ms.
REOPEN_EVERY = 50


def _open(source: bytes | Path, path: str) -> pdfium.PdfDocument:
    """The document from bytes, or from a file that pdfium then reads as it needs (so a big
    pack's bytes are never all held in memory)."""
    head = source[:1024] if isinstance(source, bytes) else _head(source, path)
    if not head.startswith(b"%PDF") and b"%PDF" not in head:
        raise InputError(path, "is not a PDF: it has no %PDF header", "give a PDF or a UTF-8 text file")
    try:
        return pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError(path, "is an encrypted PDF", "give an unencrypted copy, e.g. from qpdf --decrypt") from exc
        raise InputError(path, "is a damaged or truncated PDF", "download it again") from exc


def _head(file: Path, path: str) -> bytes:
    try:
        with file.open("rb") as f:
            return f.read(1024)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "check its permissions") from exc


def read_pdf(source: bytes | Path, path: str) -> tuple[list[Line], int, float | None]:
    """Lines of every page, with page numbers; raises InputError for unreadable PDFs.

    `source` is the PDF's bytes or its file; `path` is the name errors give."""
    document = _open(source, path)
    lines: list[Line] = []
    width: float | None = None
    try:
        count = len(document)
        if count == 0:
            raise InputError(path, "is a PDF with no pages", "download it again")
        for index in range(count):
            if index and index % REOPEN_EVERY == 0:
                document.close()
                document = _open(source, path)
            page = document[index]
            try:
                page_width, page_height = page.get_size()
                width = width or page_width
                first = True
                for top, height, cells in page_lines(page):
                    text = " ".join(c.text for c in cells)  # cells are clean and not empty: so is this
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
        raise InputError(path, "has no text layer, so is probably a scan", "run OCR on it first, e.g. ocrmypdf")
    return lines, count, width

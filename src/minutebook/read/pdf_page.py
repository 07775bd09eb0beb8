"""One PDF page's printed lines: pdfium's text segments ("runs") grouped into rows and
joined into cells (see read/pdf.py for the reader that walks the pages)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutebook.read.lines import Cell, clean
from minutebook.read.pdf_runs import Box, helper_runs, segment_texts

# a gap wider than this many points between two runs on a line reads as a column break
COLUMN_GAP = 12.0

Run = tuple[float, float, float, float, str]  # left, bottom, right, top, text

# pdfium reports a hyphen that ends a printed line as U+0002; it is a real hyphen ("father-\ninclusive")
_PDFIUM_HYPHEN = "\x02"
_CLOSERS = ".,;:!?)]}"


def _vertical(run: Run) -> bool:
    """A run of several characters taller than it is wide: text set sideways."""
    return len(run[4].strip()) > 2 and run[3] - run[1] > 2 * (run[2] - run[0])


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Group runs into printed lines, top of page first.

    The tallest runs found the rows and smaller ones join the row they overlap most, so a
    superscript ("26" + raised "th") or a low comma joins its line instead of making a line
    of its own, whichever way the reading order happens to list them.

    Rows are indexed by vertical band so a run is only compared with the rows it could
    overlap: comparing with every row made a page quadratic in its lines (the reader's
    largest cost). A tie in overlap goes to the row made first, as when every row was tried
    in creation order; so the candidates may come in any order, and a row that spans two of
    the run's bands is simply tried twice.
    """
    rows: list[list[Run]] = []
    founders: list[tuple[float, float, float]] = []  # each row's founding run: bottom, top, height
    bands: dict[int, list[int]] = {}  # band -> indexes of the rows whose founding run spans it
    empty: list[int] = []
    for run in sorted(runs, key=_founding_order):
        best, best_share = -1, 0.4
        bottom, top = run[1], run[3]
        height = top - bottom
        low, high = int(bottom // _BAND), int(top // _BAND)  # the bands, inlined: this loop is hot
        for band in range(low, high + 1):
            for index in bands.get(band, empty):
                # vertical overlap with the row's founding run, as a share of the shorter one's height
                f_bottom, f_top, f_height = founders[index]
                shortest = height if height < f_height else f_height
                if shortest <= 0:
                    continue  # share 0.0: never above the 0.4 floor
                share = ((top if top < f_top else f_top) - (bottom if bottom > f_bottom else f_bottom)) / shortest
                if share > best_share or (share == best_share and 0 <= index < best):
                    best, best_share = index, share
        if best < 0:
            rows.append([run])
            founders.append((bottom, top, height))
            if not _vertical(run):  # rotated margin text must not swallow the lines it spans
                for band in range(low, high + 1):
                    bands.setdefault(band, []).append(len(rows) - 1)
        else:
            rows[best].append(run)
    rows.sort(key=lambda row: -(row[0][1] + row[0][3]) / 2)
    return rows


_BAND = 8.0  # points per band of the row index; any positive overlap shares a band


def _founding_order(run: Run) -> tuple[float, float, float]:
    """Tallest first, then top of page first, then left first."""
    return -(run[3] - run[1]), -run[3], run[0]


def _spaced(before: str, after: str, gap: float, em: float) -> bool:
    """Whether a word space separates two runs `gap` points apart on one line.

    Runs that touch ("gender" + "-" + "based", "Ch" + "ief", "26" + superscript "th") join:
    a word space is at least ~0.2 em. After a closing mark a narrower gap is a space too,
    since "(m)" + "In" and "22." + "Adjournment" are never one word.
    """
    if gap > 0.2 * em:
        return True
    return bool(before) and before[-1] in _CLOSERS and after[:1].isalnum() and gap > 0.05 * em


def _run_text(raw: str) -> str:
    """A run's text, clean: pdfium's line breaks as spaces, its line-end hyphen as "-"."""
    text = raw.replace("\r", " ").replace("\n", " ").replace(_PDFIUM_HYPHEN, "-")
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # what clean() gives when no run of spaces is left to collapse
    return clean(text)


def _cells(row: list[Run]) -> list[Cell]:
    """The runs of one line, left to right, joined into cells at column gaps."""
    if len(row) == 1:  # most lines are one run
        left, _, right, _, raw = row[0]
        text = _run_text(raw)
        return [Cell(left, right, text)] if text else []
    row = sorted(row, key=_left)
    # the open cell is kept in locals and made a Cell when a column gap closes it
    cells: list[Cell] = []
    x0 = x1 = 0.0
    before: str | None = None  # the open cell's text; None before the first run
    spaced = True
    previous_height = 0.0
    for left, bottom, right, top, raw in row:
        text = _run_text(raw)
        height = top - bottom
        if before is not None and left - x1 < COLUMN_GAP:
            em = height if height > previous_height else previous_height  # a run's height is about one em
            glue = " " if spaced or raw[:1].isspace() or _spaced(before, text, left - x1, em) else ""
            # both sides are clean, so joining them is clean(before + glue + text) without a regex
            before = f"{before}{glue}{text}" if before and text else before or text
            x1 = right if right > x1 else x1
        else:
            if before:
                cells.append(Cell(x0, x1, before))
            x0, x1, before = left, right, text
        spaced = raw[-1:].isspace()
        previous_height = height
    if before:
        cells.append(Cell(x0, x1, before))
    return cells


def _left(run: Run) -> float:
    return run[0]


class _RunReader:
    """Text segments of one text page with their text, through pypdfium2's raw API.

    The text of a segment is pdfium's own text inside its box (FPDFText_GetBoundedText), as
    `PdfTextPage.get_text_bounded` gives it. Asking pdfium for every segment scans the whole
    page each time, so `segment_texts` slices the page text instead and asks pdfium only for
    the segments another character could overlap (see read/pdf_runs.py). When it asks, one
    call writes into one reused buffer; the helper is used only when the text could be longer.
    """

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.textpage = textpage
        self.size = 0  # the buffer is made when pdfium is first asked: most pages never ask
        self.buffer = (ctypes.c_ushort * 0)()
        self.box = [ctypes.c_double() for _ in range(4)]

    def runs(self) -> list[Run]:
        fast = helper_runs(self.textpage)
        if fast is not None:
            boxes, spans = fast
            texts = segment_texts(self.textpage, boxes, lambda b: self.text(*b), spans)
            return [(*b, text) for b, text in zip(boxes, texts) if text.strip()]
        textpage, box = self.textpage, self.box
        left, top, right, bottom = box
        refs = [ctypes.byref(b) for b in box]
        boxes: list[Box] = []
        handle = textpage.raw
        for i in range(textpage.count_rects()):
            if not pdfium_c.FPDFText_GetRect(handle, i, *refs):  # left, top, right, bottom
                raise pdfium.PdfiumError(f"failed to get text segment {i}")
            boxes.append((left.value, bottom.value, right.value, top.value))
        texts = segment_texts(textpage, boxes, lambda b: self.text(*b))
        return [(*b, text) for b, text in zip(boxes, texts) if text.strip()]

    def text(self, left: float, bottom: float, right: float, top: float) -> str:
        if not self.size:
            self.size = 3 * self.textpage.count_chars() + 64  # text in a box: its chars plus spaces and line breaks
            self.buffer = (ctypes.c_ushort * self.size)()
        count = pdfium_c.FPDFText_GetBoundedText(self.textpage, left, top, right, bottom, self.buffer, self.size)
        if count <= 0:
            return ""
        if count >= self.size:  # possibly cut short: ask the helper, which sizes its own buffer
            return self.textpage.get_text_bounded(left, bottom, right, top)
        if self.buffer[count - 1] == 0:  # pdfium counts the terminating NUL when the buffer holds it
            count -= 1
        return ctypes.string_at(self.buffer, 2 * count).decode("utf-16-le", errors="ignore")


def page_lines(page: pdfium.PdfPage) -> Iterator[tuple[float, float, list[Cell]]]:
    """(top, height, cells) for each line of one page, top to bottom."""
    textpage = page.get_textpage()
    try:
        runs = _RunReader(textpage).runs()
    finally:
        textpage.close()
    for row in _rows(runs):
        cells = _cells(row)
        if not cells:
            continue
        if len(row) == 1:
            yield row[0][3], row[0][3] - row[0][1], cells
        else:
            yield max(r[3] for r in row), max(r[3] - r[1] for r in row), cells

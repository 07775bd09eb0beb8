"""Words and ruling lines of one PDF page, read with pypdfium2 for table reconstruction.

The pack reader joins runs into lines for every page; tables need more: each word's box
(so a run crossing a column rule can be cut at the rule), whether it is bold (headings
inside a cell), and the ruling lines that draw the grid. This is read only for the few
pages that the table parsers ask for, so its cost stays off the common path.

Signals used:
- word boxes: pdfium's per-character boxes, words broken at spaces, line ends and gaps;
- bold: the font NAME ("Arial-BoldMT", "Calibri-Bold"), the font weight, or the text drawn
  with fill+stroke (Word's fake bold: same font, render mode 2) - any one of them;
- rules: path objects (recursing into form XObjects with their matrices) that are thin in
  one direction; a thin filled rectangle is a rule too.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from minutebook.read.pdf_runs import PageRuns, helper_loose_boxes, helper_runs, helper_words, page_text

RULE_THICKNESS = 2.5  # points: a path thinner than this in one direction is a rule
MIN_RULE = 5.0  # points: shorter marks are glyph parts or dots, not rules
# pdfium keeps what it parsed for each loaded page until the document closes (see REOPEN_EVERY
# in read/pdf.py); the table layer's document lives as long as its layout cache, so it is
# reopened sooner than the reader's: on a 2,000-page pack 20 took ~13 MB off the peak against
# 50, and no fixture reads more than 8 table pages, so they never pay the reopen (~1 ms).
REOPEN_EVERY = 20
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(slots=True)
class Word:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    bold: bool = False


@dataclass(slots=True)
class Rule:
    """A ruling line in top-down page coordinates (y grows down the page, as `Line.top`)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def vertical(self) -> bool:
        return (self.bottom - self.top) > (self.x1 - self.x0)


@dataclass(slots=True)
class PageLayout:
    page: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    @property
    def vrules(self) -> list[Rule]:
        return [r for r in self.rules if r.vertical]

    @property
    def hrules(self) -> list[Rule]:
        return [r for r in self.rules if not r.vertical]


def _rules(pdfium, raw, page, height: float) -> list[Rule]:  # noqa: ANN001 - pdfium handles
    """Thin path objects as rules, with form XObject matrices applied (their objects report
    bounds in the form's own space). Raw pdfium calls: `page.get_objects` wraps every object
    of the page (text included) in a Python object only for its type to be read."""
    out: list[Rule] = []
    bounds = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in bounds]

    def walk(form, matrix) -> None:  # noqa: ANN001
        if form is None:
            parent, count, get = page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject
        else:
            parent, count, get = form, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject
        n = count(parent)
        if n < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                fs_matrix = raw.FS_MATRIX()
                if not raw.FPDFPageObj_GetMatrix(obj, fs_matrix):
                    raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
                own = pdfium.PdfMatrix.from_raw(fs_matrix)
                walk(obj, own.multiply(matrix) if matrix is not None else own)
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            if not raw.FPDFPageObj_GetBounds(obj, *refs):
                raise pdfium.PdfiumError("Failed to locate pageobject.")
            l, b, r, t = (v.value for v in bounds)
            if matrix is not None:
                l, b, r, t = matrix.on_rect(l, b, r, t)
            w, h = r - l, t - b
            if (w <= RULE_THICKNESS and h >= MIN_RULE) or (h <= RULE_THICKNESS and w >= MIN_RULE):
                out.append(Rule(l, height - t, r, height - b))

    walk(None, None)
    return out


class _Chars:
    """Per-character reads for `_words`, each one raw pdfium call into reused buffers.

    The words loop visits every character of a page; pypdfium2's helpers cost several calls
    and allocations per character (`get_text_range(i, 1)` alone makes four), which made this
    layer slower than reading the whole pack. The results are the same values: a char's text
    is the page text at its text index (what `get_text_range(i, 1)` returns), "" for the chars
    pdfium leaves out of the text. When the page text has one unit per character (nearly
    always) the text index is the character index, so no call is needed for it.
    """

    def __init__(self, raw, textpage) -> None:  # noqa: ANN001 - pdfium handles
        self.raw, self.textpage = raw, textpage
        self.count = textpage.count_chars()
        self.box = raw.FS_RECTF()
        self.box_ref = ctypes.byref(self.box)
        self.aligned = page_text(textpage, self.count)  # one unit per character index, or None
        self.text = self.aligned if self.aligned is not None else self._page_text()

    def _page_text(self) -> str | None:
        """The page's text, one unit per text index; None when that would not hold (non-BMP)."""
        size = 2 * self.count + 2
        buffer = (ctypes.c_ushort * size)()
        written = self.raw.FPDFText_GetText(self.textpage, 0, self.count, buffer) if self.count else 0
        units = list(buffer[: max(written - 1, 0)])  # minus the terminating NUL
        if any(0xD800 <= u <= 0xDFFF for u in units):
            return None  # surrogate pairs would shift text indexes: take the per-char helper
        return "".join(map(chr, units))

    def texts(self) -> str | list[str]:
        """Each character's text, indexable by character index."""
        if self.aligned is not None:
            return self.aligned
        return [self.char(i) for i in range(self.count)]

    def char(self, i: int) -> str:
        if self.text is None:
            return self.textpage.get_text_range(i, 1)
        t = self.raw.FPDFText_GetTextIndexFromCharIndex(self.textpage, i)
        return self.text[t] if 0 <= t < len(self.text) else ""

    def objects(self) -> list[int | None]:
        """The text object of each character, looked up once per text segment: a segment is a
        run of one object's characters (read/pdf_runs.py finds the runs). None for the chars
        outside every run (spaces and line breaks, mostly): those are looked up one by one."""
        out: list[int | None] = [None] * self.count
        fast = helper_runs(self.textpage)  # the C helper's runs (read/_runs.c), when built
        if fast is not None:
            runs: list[tuple[int, int]] | None = fast[1]
        else:
            boxes = [self.textpage.get_rect(i) for i in range(self.textpage.count_rects())]
            runs = PageRuns(self.textpage, measure_spaces=False).runs(boxes) if boxes else None
        for first, last in runs or ():
            out[first : last + 1] = [_handle(self.raw.FPDFText_GetTextObject(self.textpage, first))] * (last - first + 1)
        return out


def _handle(obj) -> int:  # noqa: ANN001 - a pdfium object pointer
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _char_bold(raw, textpage, i: int, buf, flags, modes: dict[int, int]) -> bool:  # noqa: ANN001
    raw.FPDFText_GetFontInfo(textpage, i, buf, 128, ctypes.byref(flags))
    name = buf.value.decode("latin-1", "replace")
    bold = bool(_BOLD_NAME.search(name)) or raw.FPDFText_GetFontWeight(textpage, i) >= 600
    if not bold:
        obj = raw.FPDFText_GetTextObject(textpage, i)
        key = _handle(obj)
        if key not in modes:
            modes[key] = raw.FPDFTextObj_GetTextRenderMode(obj) if key else 0
        bold = modes[key] == raw.FPDF_TEXTRENDERMODE_FILL_STROKE
    return bold


def _words(raw, page, textpage) -> list[Word]:  # noqa: ANN001
    """Characters joined into words: a word breaks at a space, a gap over 2.5 pt, a jump of
    the top over 3 pt or a step back left; it is bold when most of its characters are. The
    loop runs per character, so it keeps its state in locals and calls pdfium once per char."""
    chars = _Chars(raw, textpage)
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    height = page.get_height()
    modes: dict[int, int] = {}
    # bold reads the char's font and text object, so it is the same for every char of one text
    # object: look it up once per object (chars without an object are looked up one by one)
    bold_of: dict[int, bool] = {}
    if chars.aligned is not None:
        fast = helper_words(textpage, chars.aligned, height)
        if fast is not None:
            return _helper_words(fast, chars.aligned, lambda i: _char_bold(raw, textpage.raw, i, buf, flags, modes))
    objects, texts = chars.objects(), chars.texts()
    handle, loose_box, box, box_ref = textpage.raw, raw.FPDFText_GetLooseCharBox, chars.box, chars.box_ref
    boxes = helper_loose_boxes(textpage)  # all at once from the C helper, when built
    words: list[Word] = []
    text: list[str] = []  # the current word's characters
    x0 = x1 = low = high = left = right = top = 0.0  # its extent; the previous character's
    bolds = 0

    def flush() -> None:
        if text:
            words.append(Word(x0, x1, low, high, "".join(text), bolds * 2 > len(text)))
            text.clear()

    for i in range(chars.count):
        ch = texts[i]
        if not ch or ch.isspace() or ch in "\ufffe\x02":
            flush()
            continue
        if boxes is not None and boxes[4 * i] == boxes[4 * i]:  # not NaN: pdfium gave the box
            l, t, r, b = boxes[4 * i : 4 * i + 4]
        elif loose_box(handle, i, box_ref):
            l, b, r, t = box.left, box.bottom, box.right, box.top
        else:
            l, b, r, t = textpage.get_charbox(i, loose=True)  # raises pypdfium2's error, as before
        obj = objects[i]
        if obj is None:
            obj = _handle(raw.FPDFText_GetTextObject(handle, i))
        bold = bold_of.get(obj) if obj else None
        if bold is None:
            bold = _char_bold(raw, handle, i, buf, flags, modes)
            if obj:
                bold_of[obj] = bold
        char_top, char_bottom = height - t, height - b
        if text and (l - right > 2.5 or abs(char_top - top) > 3 or l < left - 1):
            flush()
        if text:
            x0, x1, low, high = min(x0, l), max(x1, r), min(low, char_top), max(high, char_bottom)
        else:
            x0, x1, low, high, bolds = l, r, char_top, char_bottom, 0
        text.append(ch)
        bolds += bold
        left, right, top = l, r, char_top
    flush()
    return words


def _helper_words(found: list[tuple], text: str, char_bold: Callable[[int], bool]) -> list[Word]:  # type: ignore[type-arg]
    """`_words` from the C helper's words (read/_runs.c runs the same loop over the chars):
    bold is still read here, once per text object, as the loop above reads it."""
    bold_of: dict[int, bool] = {}
    words: list[Word] = []
    for x0, x1, low, high, first, last, groups in found:
        bolds = 0
        for obj, count, start in groups:
            if not obj:  # a char without an object: read one by one, as above
                bolds += sum(char_bold(i) for i in range(start, start + count))
                continue
            bold = bold_of.get(obj)
            if bold is None:
                bold = bold_of[obj] = char_bold(start)
            bolds += bold * count
        words.append(Word(x0, x1, low, high, text[first : last + 1], bolds * 2 > last - first + 1))
    return words


class _OpenDocument:
    """The last PDF the table layer opened, kept open: parsers ask for its pages one at a
    time, and opening the file again for each page cost as much as reading the page."""

    def __init__(self) -> None:
        self.key: tuple[str, int, int] | None = None
        self.pdf = None
        self.pages = 0  # pages loaded from the open document
        self.lock = threading.Lock()

    def get(self, pdfium, path: str):  # noqa: ANN001, ANN201
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)  # a file rewritten in place is opened afresh
        # pdfium keeps what it parsed for every page it loaded until the document closes (see
        # read/pdf.py): reopened after REOPEN_EVERY pages, a big pack's table pages stay flat
        if key != self.key or self.pages >= REOPEN_EVERY:
            self.close()
            self.pdf, self.key = pdfium.PdfDocument(path), key
        self.pages += 1
        return self.pdf

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
        self.pdf, self.key, self.pages = None, None, 0


_DOCUMENT = _OpenDocument()
atexit.register(_DOCUMENT.close)  # pypdfium2 warns about documents still open at exit


@lru_cache(maxsize=64)
def read_layout(path: str, page_number: int) -> PageLayout | None:
    """The words and rules of page `page_number` (1-based); None when it cannot be read."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - pypdfium2 is the reader's own dependency
        return None
    with _DOCUMENT.lock:
        try:
            pdf = _DOCUMENT.get(pdfium, path)
            if not 1 <= page_number <= len(pdf):
                return None
            page = pdf[page_number - 1]
            textpage = page.get_textpage()
            width, height = page.get_size()
            layout = PageLayout(page_number, width, height, _words(raw, page, textpage), _rules(pdfium, raw, page, height))
            textpage.close()
            page.close()
            return layout
        except Exception:  # noqa: BLE001 - a damaged page gives no table, never an error
            _DOCUMENT.close()
            return None


def release() -> None:
    """Close the kept document and drop the cached layouts: called when an extraction ends,
    so nothing of one pack (an open pdfium document, up to 64 pages of words) outlives it."""
    with _DOCUMENT.lock:
        _DOCUMENT.close()
    read_layout.cache_clear()


def has_rules(path: str, page_number: int, minimum: int = 4) -> bool:
    layout = read_layout(path, page_number)
    return layout is not None and len(layout.vrules) >= minimum and len(layout.hrules) >= 2

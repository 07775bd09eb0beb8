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
from dataclasses import dataclass, field
from functools import lru_cache

RULE_THICKNESS = 2.5  # points: a path thinner than this in one direction is a rule
MIN_RULE = 5.0  # points: shorter marks are glyph parts or dots, not rules
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
    bounds in the form's own space)."""
    out: list[Rule] = []

    def walk(form, matrix) -> None:  # noqa: ANN001
        for obj in page.get_objects(max_depth=0, form=form) if form is not None else page.get_objects(max_depth=0):
            if obj.type == raw.FPDF_PAGEOBJ_FORM:
                walk(obj, obj.get_matrix().multiply(matrix) if matrix is not None else obj.get_matrix())
                continue
            if obj.type != raw.FPDF_PAGEOBJ_PATH:
                continue
            l, b, r, t = obj.get_bounds()
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
    pdfium leaves out of the text.
    """

    def __init__(self, raw, textpage) -> None:  # noqa: ANN001 - pdfium handles
        self.raw, self.textpage = raw, textpage
        self.count = textpage.count_chars()
        self.box = raw.FS_RECTF()
        self.box_ref = ctypes.byref(self.box)
        self.text = self._page_text()

    def _page_text(self) -> str | None:
        """The page's text, one unit per text index; None when that would not hold (non-BMP)."""
        size = 2 * self.count + 2
        buffer = (ctypes.c_ushort * size)()
        written = self.raw.FPDFText_GetText(self.textpage, 0, self.count, buffer) if self.count else 0
        units = list(buffer[: max(written - 1, 0)])  # minus the terminating NUL
        if any(0xD800 <= u <= 0xDFFF for u in units):
            return None  # surrogate pairs would shift text indexes: take the per-char helper
        return "".join(map(chr, units))

    def char(self, i: int) -> str:
        if self.text is None:
            return self.textpage.get_text_range(i, 1)
        t = self.raw.FPDFText_GetTextIndexFromCharIndex(self.textpage, i)
        return self.text[t] if 0 <= t < len(self.text) else ""

    def loose_box(self, i: int) -> tuple[float, float, float, float]:
        if not self.raw.FPDFText_GetLooseCharBox(self.textpage, i, self.box_ref):
            return self.textpage.get_charbox(i, loose=True)  # raises pypdfium2's error, as before
        b = self.box
        return b.left, b.bottom, b.right, b.top


def _char_bold(raw, textpage, i: int, buf, flags, modes: dict[int, int]) -> bool:  # noqa: ANN001
    raw.FPDFText_GetFontInfo(textpage, i, buf, 128, ctypes.byref(flags))
    name = buf.value.decode("latin-1", "replace")
    bold = bool(_BOLD_NAME.search(name)) or raw.FPDFText_GetFontWeight(textpage, i) >= 600
    if not bold:
        obj = raw.FPDFText_GetTextObject(textpage, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        if key not in modes:
            modes[key] = raw.FPDFTextObj_GetTextRenderMode(obj) if key else 0
        bold = modes[key] == raw.FPDF_TEXTRENDERMODE_FILL_STROKE
    return bold


def _words(raw, page, textpage) -> list[Word]:  # noqa: ANN001
    chars = _Chars(raw, textpage)
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    height = page.get_height()
    modes: dict[int, int] = {}
    # bold reads the char's font and text object, so it is the same for every char of one text
    # object: look it up once per object (chars without an object are looked up one by one)
    bold_of: dict[int, bool] = {}
    words: list[Word] = []
    cur: list[tuple[str, float, float, float, float, bool]] = []

    def flush() -> None:
        if cur:
            text = "".join(c[0] for c in cur)
            bold = sum(1 for c in cur if c[5]) * 2 > len(cur)
            words.append(Word(min(c[1] for c in cur), max(c[2] for c in cur),
                              min(c[3] for c in cur), max(c[4] for c in cur), text, bold))
            cur.clear()

    for i in range(chars.count):
        ch = chars.char(i)
        if not ch or ch.isspace() or ch in "\ufffe\x02":
            flush()
            continue
        l, b, r, t = chars.loose_box(i)
        top, bottom = height - t, height - b
        if cur and (l - cur[-1][2] > 2.5 or abs(top - cur[-1][3]) > 3 or l < cur[-1][1] - 1):
            flush()
        obj = ctypes.cast(raw.FPDFText_GetTextObject(textpage, i), ctypes.c_void_p).value or 0
        bold = bold_of.get(obj) if obj else None
        if bold is None:
            bold = _char_bold(raw, textpage, i, buf, flags, modes)
            if obj:
                bold_of[obj] = bold
        cur.append((ch, l, r, top, bottom, bold))
    flush()
    return words


class _OpenDocument:
    """The last PDF the table layer opened, kept open: parsers ask for its pages one at a
    time, and opening the file again for each page cost as much as reading the page."""

    def __init__(self) -> None:
        self.key: tuple[str, int, int] | None = None
        self.pdf = None
        self.lock = threading.Lock()

    def get(self, pdfium, path: str):  # noqa: ANN001, ANN201
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)  # a file rewritten in place is opened afresh
        if key != self.key:
            self.close()
            self.pdf, self.key = pdfium.PdfDocument(path), key
        return self.pdf

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
        self.pdf, self.key = None, None


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

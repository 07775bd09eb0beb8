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

import ctypes
import re
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


def _words(raw, page, textpage) -> list[Word]:  # noqa: ANN001
    count = textpage.count_chars()
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    height = page.get_height()
    modes: dict[int, int] = {}
    words: list[Word] = []
    cur: list[tuple[str, float, float, float, float, bool]] = []

    def flush() -> None:
        if cur:
            text = "".join(c[0] for c in cur)
            bold = sum(1 for c in cur if c[5]) * 2 > len(cur)
            words.append(Word(min(c[1] for c in cur), max(c[2] for c in cur),
                              min(c[3] for c in cur), max(c[4] for c in cur), text, bold))
            cur.clear()

    for i in range(count):
        ch = textpage.get_text_range(i, 1)
        if not ch or ch.isspace() or ch in "\ufffe\x02":
            flush()
            continue
        l, b, r, t = textpage.get_charbox(i, loose=True)
        top, bottom = height - t, height - b
        if cur and (l - cur[-1][2] > 2.5 or abs(top - cur[-1][3]) > 3 or l < cur[-1][1] - 1):
            flush()
        raw.FPDFText_GetFontInfo(textpage, i, buf, 128, ctypes.byref(flags))
        name = buf.value.decode("latin-1", "replace")
        bold = bool(_BOLD_NAME.search(name)) or raw.FPDFText_GetFontWeight(textpage, i) >= 600
        if not bold:
            obj = raw.FPDFText_GetTextObject(textpage, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            if key not in modes:
                modes[key] = raw.FPDFTextObj_GetTextRenderMode(obj) if key else 0
            bold = modes[key] == raw.FPDF_TEXTRENDERMODE_FILL_STROKE
        cur.append((ch, l, r, top, bottom, bold))
    flush()
    return words


@lru_cache(maxsize=16)
def read_layout(path: str, page_number: int) -> PageLayout | None:
    """The words and rules of page `page_number` (1-based); None when it cannot be read."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - pypdfium2 is the reader's own dependency
        return None
    try:
        pdf = pdfium.PdfDocument(path)
        try:
            if not 1 <= page_number <= len(pdf):
                return None
            page = pdf[page_number - 1]
            textpage = page.get_textpage()
            width, height = page.get_size()
            layout = PageLayout(page_number, width, height, _words(raw, page, textpage), _rules(pdfium, raw, page, height))
            textpage.close()
            page.close()
            return layout
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - a damaged page gives no table, never an error
        return None


def has_rules(path: str, page_number: int, minimum: int = 4) -> bool:
    layout = read_layout(path, page_number)
    return layout is not None and len(layout.vrules) >= minimum and len(layout.hrules) >= 2

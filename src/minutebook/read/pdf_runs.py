"""Where each of pdfium's text segments lies in its page's characters, found without a call
per character or per segment over the whole page.

pdfium's text segments (`FPDFText_CountRects`/`GetRect`) are the runs of a page's characters
(in pdfium's character order) that belong to one text object; generated characters (the
spaces and line breaks pdfium inserts) and characters with an empty box (width or height
under 0.01 pt: a space glyph below 10 pt, say) are skipped and start no run. Asking pdfium
for the text inside each segment's box (`FPDFText_GetBoundedText`) scans every character of
the page per segment: quadratic per page, the reader's largest cost.

Instead: the page text is read once (one UTF-16 unit per character when the page has no
characters left out of its text), split at pdfium's generated line breaks (a line break is
only ever generated between two text objects, so no run crosses one), and the runs of each
line are found by counting segments over prefixes of the line (`FPDFText_CountRects(start,
count)` is cheap for a short range) and bisecting where the count goes up, trying word starts
first. A segment's text is then a slice of the page text: `GetBoundedText`'s text when no
other character's box overlaps the segment's box, and where one does, the segment's own
characters without the ones pdfium would take in from the overlapping run (its duplicates
"PaPacific", "T Tom" were wrong text).

Taken as given (pdfium's own rules, checked on every fixture page by tests/test_read_runs.py):
characters other than spaces have a box, so the runs' edges are spaces or visible
characters; the spaces inside a run lie within its box. Where either fails, the slice is
the segment's own characters, without those pdfium would have taken in from elsewhere.
"""

from __future__ import annotations

import bisect
import ctypes
import struct
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top
Span = tuple[int, int]  # first, last character index of a segment


def _load_helper() -> Any:
    """The C helper (read/_runs.c), given pypdfium2's pdfium functions; None where it was not
    built (no C compiler at install): the Python paths give the same results, more slowly."""
    try:
        from minutebook.read import _runs  # type: ignore[attr-defined]
    except ImportError:
        return None
    functions = (pdfium_c.FPDFText_CountChars, pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetCharBox,
                 pdfium_c.FPDFText_GetTextObject, pdfium_c.FPDFText_CountRects, pdfium_c.FPDFText_GetRect,
                 pdfium_c.FPDFText_GetLooseCharBox)
    _runs.init(*(ctypes.cast(f, ctypes.c_void_p).value for f in functions))
    return _runs


helper = _load_helper()


def _address(textpage: object) -> int:
    return ctypes.cast(getattr(textpage, "raw", textpage), ctypes.c_void_p).value or 0


def helper_runs(textpage: object) -> tuple[list[Box], list[Span]] | None:
    """Every segment's box and character range from the C helper in one call, or None when
    the helper is missing or its runs differ from pdfium's segments (it checks every box)."""
    if helper is None:
        return None
    found = helper.page_runs(_address(textpage))
    if found is None:
        return None
    return [r[:4] for r in found], [(r[4], r[5]) for r in found]


def helper_words(textpage: object, text: str, height: float) -> list[tuple[Any, ...]] | None:
    """The table layer's words from the C helper: (x0, x1, top, bottom, first, last, groups)
    each, groups being (text object, count, first char) stretches; None without the helper."""
    if helper is None:
        return None
    return helper.words(_address(textpage), text, height)  # type: ignore[no-any-return]


def helper_loose_boxes(textpage: object) -> list[float] | None:
    """Every character's loose box (FPDFText_GetLooseCharBox) from the C helper in one call,
    flat: left, top, right, bottom of character i at 4i..4i+3 (NaN where pdfium failed)."""
    if helper is None:
        return None
    return memoryview(helper.loose_boxes(_address(textpage))).cast("f").tolist()

_FLOAT = struct.Struct("f")
_EPSILON = _FLOAT.unpack(_FLOAT.pack(0.01))[0]  # pdfium's kSizeEpsilon, a float


def page_text(textpage: object, count: int) -> str | None:
    """The page's text with one unit per character index, or None when that would not hold
    (characters pdfium leaves out of the text, or non-BMP characters as surrogate pairs)."""
    if count <= 0:
        return None
    buffer = (ctypes.c_ushort * (count + 1))()
    if pdfium_c.FPDFText_GetText(textpage, 0, count, buffer) - 1 != count:
        return None  # some characters are not in the text: its indexes are not char indexes
    try:
        text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le")
    except UnicodeDecodeError:  # a lone surrogate
        return None
    return text if len(text) == count else None  # a surrogate pair made one character


class PageRuns:
    """The character ranges of one text page's segments (see the module docstring)."""

    def __init__(self, textpage: object, measure_spaces: bool = True) -> None:
        """`measure_spaces=False` takes every space after a run as skipped without asking for
        its box: enough to know which object each character belongs to (the table layer)."""
        self.textpage = getattr(textpage, "raw", textpage)  # the raw handle: no wrapper per call
        self.measure_spaces = measure_spaces
        self.count = pdfium_c.FPDFText_CountChars(textpage)
        self.text = page_text(textpage, self.count)
        self._box = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(b) for b in self._box]

    def runs(self, boxes: list[Box]) -> list[tuple[int, int]] | None:
        """(first, last) character index of each segment (`boxes`, in pdfium's order), or
        None when the page text is not aligned or the runs found are not one per box."""
        text = self.text
        if text is None:
            return None
        out: list[tuple[int, int]] = []
        start = 0
        while start < self.count:
            end = text.find("\r\n", start)
            end = self.count if end < 0 else end
            if end > start and not self._line(start, end, boxes, out):
                return None
            start = end + 2
        return out if len(out) == len(boxes) else None

    def _line(self, a: int, b: int, boxes: list[Box], out: list[tuple[int, int]]) -> bool:
        """Append the runs of the line [a, b) to `out`; False when they cannot be matched."""
        starts: list[int] = []
        total = pdfium_c.FPDFText_CountRects(self.textpage, a, b - a)
        if total > 1:
            line = boxes[len(out) : len(out) + total]
            if len(line) < total:
                return False  # more segments than pdfium listed for the page
            self._find_starts(a, b, total, line, starts)
        first = self._skip_spaces(a, b, 1, measure=True)  # a line of spaces may hold a run
        if first is None:
            return True  # only spaces: no run
        bounds = [first, *starts, b]
        for i in range(len(bounds) - 1):
            last = self._skip_spaces(bounds[i + 1] - 1, bounds[i] - 1, -1, self.measure_spaces)
            out.append((bounds[i], bounds[i] if last is None else last))
        return True

    def _find_starts(self, a: int, b: int, total: int, line: list[Box], starts: list[int]) -> None:
        """The first characters of runs 1.. of the line [a, b).

        Q(x), pdfium's segment count over [a, x), goes up by one at x + 1 where a run starts
        at x. An interval (lo, hi) with Q(lo) < Q(hi) holds the start of run Q(lo); it is
        split where that run should start, judged from the widths of the boxes before it
        (characters are about evenly spread over the boxes, with one space between two) and
        moved to the nearest word start; a right guess costs two counts (x and x + 1), a near
        miss is walked, a far one halved.
        """
        text, textpage, count = self.text, self.textpage, pdfium_c.FPDFText_CountRects
        assert text is not None
        words, x = [], text.find(" ", a, b - 1)
        while x >= 0:
            words.append(x + 1)
            x = text.find(" ", x + 1, b - 1)
        widths = [box[2] - box[0] for box in line]
        spread = (b - a - total + 1) / (sum(widths) or 1.0)
        guesses, before = [], 0.0
        for i, width in enumerate(widths):
            guesses.append(_nearest(words, a + i + round(before * spread)))
            before += width
        stack = [(a + 1, b, 1, total)]
        while stack:
            lo, hi, qlo, qhi = stack.pop()
            if qlo == qhi:
                continue
            if hi - lo == 1:
                starts.append(lo)
                continue
            guess = guesses[qlo] if qlo < total else -1
            if lo < guess < hi:
                mid = guess
            elif lo - 3 <= guess <= lo:
                mid = lo + 1
            elif hi <= guess <= hi + 3:
                mid = hi - 1
            else:
                mid = _nearest(words, (lo + hi) // 2)
                mid = mid if lo < mid < hi else (lo + hi) // 2
            qmid = count(textpage, a, mid - a)
            stack.append((mid, hi, qmid, qhi))
            stack.append((lo, mid, qlo, qmid))
        starts.sort()

    def _skip_spaces(self, start: int, stop: int, step: int, measure: bool) -> int | None:
        """The first character from `start` towards `stop` that is not a skipped space (one
        pdfium leaves out of segments)."""
        text = self.text
        assert text is not None
        box = self._box
        for x in range(start, stop, step):
            if text[x] != " ":
                return x
            if not measure:
                continue
            pdfium_c.FPDFText_GetCharBox(self.textpage, x, *self._refs)  # left, right, bottom, top
            left, right, bottom, top = box[0].value, box[1].value, box[2].value, box[3].value
            if _wide(right - left) and _wide(top - bottom):
                return x  # a space with a box: part of its segment
        return None


def _wide(size: float) -> bool:
    """pdfium's `size >= kSizeEpsilon`, computed in floats (only near the edge does it matter)."""
    if abs(size - _EPSILON) > 1e-6:
        return size > _EPSILON
    return _FLOAT.unpack(_FLOAT.pack(size))[0] >= _EPSILON


def _nearest(words: list[int], x: int) -> int:
    """The word start nearest x (x itself when none is within 3 characters)."""
    i = bisect.bisect_left(words, x)
    best = x
    for w in words[max(i - 1, 0) : i + 1]:
        if abs(w - x) <= 3 and (best == x or abs(w - x) < abs(best - x)):
            best = w
    return best


def segment_texts(textpage: object, boxes: list[Box], bounded: Callable[[Box], str],
                  spans: list[Span] | None = None) -> list[str]:
    """The text of each segment (`boxes` in pdfium's order): its own characters, as
    `bounded(box)` (pdfium's text inside the box) gives them; `bounded` is asked only where
    the page text cannot be sliced. `spans` are the segments' character ranges when the
    caller already has them (the C helper); else they are found here.

    Where another segment's box overlaps this one's (kerned or tightly set runs: "Pa" +
    "Pacific", "T" + "Tom"), pdfium's text inside the box takes in the other's characters
    too and printed "PaPacific", "Mayor T Tom Piper"; the slice holds each character once.
    """
    finder = PageRuns(textpage)
    textpage = finder.textpage
    runs = spans if spans is not None and finder.text is not None else finder.runs(boxes)
    if runs is None:
        return [bounded(box) for box in boxes]
    text = finder.text
    assert text is not None
    out: list[str] = []
    for box, (first, last) in zip(boxes, runs):
        piece = text[first : last + 1]
        if "  " in piece:
            out.append(bounded(box))
            continue
        if "\ufffe" in piece:  # a line-end hyphen (U+0002 in the bounded text) or a char without unicode
            piece = "".join(_unicode(textpage, first + j) if ch == "\ufffe" else ch for j, ch in enumerate(piece))
        if last + 1 < len(text) and text[last + 1] == " ":
            piece += " "  # pdfium adds the space that follows a segment's last character
        out.append(piece)
    return out


def _unicode(textpage: object, index: int) -> str:
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    return chr(code) if code else ""

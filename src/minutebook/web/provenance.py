"""The original pack behind a record: page images and text lines, with a fallback to stored passages.

A pack row keeps the path it was ingested from. When that file is still there (same SHA-256)
we show it; when it moved or changed we fall back to the passages stored at ingest, so a
provenance link always shows something true to what was extracted.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
import threading
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutebook.store.schema import Pack, Passage

# pdfium is not thread-safe and the app serves from a thread pool: one call at a time
PDFIUM_LOCK = threading.Lock()
WINDOW_BEFORE, WINDOW_AFTER = 15, 45


@dataclass(slots=True)
class ShownLine:
    number: int | None
    text: str
    marked: bool = False


@functools.lru_cache(maxsize=256)
def _sha256(path: str, mtime_ns: int, size: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def original_available(pack: Pack) -> bool:
    try:
        st = os.stat(pack.path)
        return _sha256(pack.path, st.st_mtime_ns, st.st_size) == pack.sha256
    except OSError:
        return False


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def mark(lines: list[ShownLine], hl: str | None, line: int | None) -> list[ShownLine]:
    """Mark the highlighted passage: the source line itself, and lines that are part of `hl`."""
    target = _norm(hl or "")
    head = target[:60]
    for ln in lines:
        n = _norm(ln.text)
        if line is not None and ln.number == line:
            ln.marked = True
        elif target and len(n) >= 6 and (n in target or (len(head) >= 6 and head in n)):
            ln.marked = True
    return lines


def text_window(pack: Pack, session: Session, line: int | None, page: int | None) -> tuple[list[ShownLine], bool]:
    """Lines around `line` from the text file, or from stored passages when the file is gone."""
    if original_available(pack):
        with open(pack.path, encoding="utf-8", errors="replace") as f:
            all_lines = f.read().splitlines()
        centre = line or _first_line_of_page(session, pack.id, page) or 1
        lo, hi = max(1, centre - WINDOW_BEFORE), min(len(all_lines), centre + WINDOW_AFTER)
        return [ShownLine(i, all_lines[i - 1]) for i in range(lo, hi + 1)], True
    return _passage_lines(session, pack.id, line, page), False


def pdf_page_lines(pack: Pack, session: Session, page: int) -> tuple[list[ShownLine], bool]:
    """The page's text lines as pdfium reads them, or the stored passages of that page."""
    if original_available(pack):
        import pypdfium2 as pdfium  # noqa: PLC0415 - only the provenance page needs it

        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(pack.path)
            try:
                if not 1 <= page <= len(pdf):
                    return [], True
                textpage = pdf[page - 1].get_textpage()
                text = textpage.get_text_range()
            finally:
                pdf.close()
        return [ShownLine(None, t) for t in text.splitlines() if t.strip()], True
    return _passage_lines(session, pack.id, None, page), False


def render_page_png(pack: Pack, page: int, scale: float) -> bytes | None:
    """The page as a PNG image; None when the file is gone or the page does not exist."""
    if pack.kind != "pdf" or not original_available(pack):
        return None
    st = os.stat(pack.path)
    return _render(pack.path, st.st_mtime_ns, page, scale)


@functools.lru_cache(maxsize=64)
def _render(path: str, mtime_ns: int, page: int, scale: float) -> bytes | None:
    import pypdfium2 as pdfium  # noqa: PLC0415

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            if not 1 <= page <= len(pdf):
                return None
            image = pdf[page - 1].render(scale=scale).to_pil()
        finally:
            pdf.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _first_line_of_page(session: Session, pack_id: int, page: int | None) -> int | None:
    if page is None:
        return None
    q = select(Passage.line).where(Passage.pack_id == pack_id, Passage.page == page).order_by(Passage.line).limit(1)
    return session.scalar(q)


def _passage_lines(session: Session, pack_id: int, line: int | None, page: int | None) -> list[ShownLine]:
    q = select(Passage).where(Passage.pack_id == pack_id)
    if page is not None:
        q = q.where(Passage.page == page)
    elif line is not None:
        q = q.where(Passage.line >= line - WINDOW_BEFORE, Passage.line <= line + WINDOW_AFTER)
    else:
        q = q.limit(40)
    out: list[ShownLine] = []
    for p in session.scalars(q.order_by(Passage.line, Passage.id)):
        # a passage is a paragraph; its first line number is all that was stored
        for i, t in enumerate(p.text.splitlines() or [p.text]):
            out.append(ShownLine(p.line + i if p.line is not None and "\n" in p.text else (p.line if i == 0 else None), t))
    return out

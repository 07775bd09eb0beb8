"""Read a text dump of a pack (.txt / .md) into lines."""

from __future__ import annotations

import re

from minutebook.errors import InputError
from minutebook.read.lines import Line, clean

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_PAGE_FOOTER = re.compile(r"^\s*Page\s+(\d+)(\s+of\s+\d+)?\s*$", re.IGNORECASE)


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.

    Refuses binary junk: NUL bytes or a high share of control characters mean the file is
    not text, whatever its name says.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"is not valid UTF-16 text ({exc.reason})", "save it as UTF-8") from exc
    if b"\x00" in data[:65536]:
        raise InputError(path, "is binary, not text", "give a PDF or a UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 200):
            raise InputError(path, "is not UTF-8 or Windows-1252 text", "save it as UTF-8")
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100 + 2:
        raise InputError(path, "is binary, not text", "give a PDF or a UTF-8 text file")
    return text


def read_text(data: bytes, path: str) -> list[Line]:
    """Lines of a text dump. Form feeds and "Page N" footers mark page breaks where present."""
    text = decode(data, path)
    if not text.strip():
        raise InputError(path, "is empty", "give a pack with text in it")
    lines: list[Line] = []
    page = 1
    has_breaks = "\f" in text
    new_page = True
    for number, raw in enumerate(text.splitlines(), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            new_page = True
            raw = raw.replace("\f", "")
        stripped = raw.rstrip()
        indent = len(stripped) - len(stripped.lstrip(" "))
        line = Line(
            text=clean(raw),
            number=number,
            page=page if has_breaks else None,
            indent=float(indent),
            page_start=new_page and bool(stripped.strip()),
        )
        if line.text:
            new_page = False
        lines.append(line)
        if _PAGE_FOOTER.match(raw):
            # a "Page N" footer ends a page even where the dump lost its form feeds
            new_page = True
    return lines

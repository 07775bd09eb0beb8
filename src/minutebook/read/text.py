"""Read a text dump of a pack (.txt / .md) into lines."""

from __future__ import annotations

import re

from minutebook.errors import InputError
from minutebook.read.lines import Line, clean

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# control characters and separators that are not line breaks here; they print as a space
_STRAY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x85\u2028\u2029]")
_PAGE_FOOTER = re.compile(r"^\s*Page\s+(\d+)(\s+of\s+\d+)?\s*$", re.IGNORECASE)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM (some Windows exports): NULs in every other byte of ASCII text."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


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
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
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


def _file_lines(text: str) -> list[str]:
    """The file's lines as an editor or `grep -n` counts them.

    Not str.splitlines(): it also breaks at form feeds, vertical tabs, U+2028 and friends,
    which would shift every later line number away from the file's own.
    """
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start another
    return lines


def read_text(data: bytes, path: str) -> list[Line]:
    """Lines of a text dump. Form feeds and "Page N" footers mark page breaks where present."""
    text = decode(data, path)
    if not text.strip():
        raise InputError(path, "is empty", "give a pack with text in it")
    lines: list[Line] = []
    page = 1
    has_breaks = "\f" in text
    new_page = True
    for number, raw in enumerate(_file_lines(text), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            new_page = True
            raw = raw.replace("\f", "")
        raw = _STRAY.sub(" ", raw)
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
    if not any(line.text for line in lines):
        # only invisible characters (zero-width spaces, control marks): nothing to read
        raise InputError(path, "has no visible text", "give a pack with text in it")
    return lines

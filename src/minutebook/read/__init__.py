"""Stage 1 of the pipeline: a file on disk becomes a `Pack` of numbered lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

from minutebook.errors import InputError
from minutebook.read.lines import Cell, Line, Pack, clean
from minutebook.read.pdf import read_pdf
from minutebook.read.text import read_text

TEXT_SUFFIXES = {".txt", ".md", ".text"}

__all__ = ["Cell", "Line", "Pack", "clean", "read_bytes", "read_pack"]


def read_pack(path: str | Path) -> Pack:
    """Read a pack from a PDF or text file; every failure is an InputError naming the file."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file", "check the path")
    if p.is_dir():
        raise InputError(name, "is a directory, not a pack file", "give a .pdf or .txt file inside it")
    if not p.is_file():
        # a FIFO or device would block or read as nothing; only regular files are packs
        raise InputError(name, "is not a regular file", "give a .pdf or .txt file")
    try:
        if _is_pdf(p, name):
            return _read_pdf_file(p, name)
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})", "check its permissions") from exc
    return read_bytes(data, name)


def _is_pdf(p: Path, name: str) -> bool:
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    with p.open("rb") as f:
        return f.read(5) == b"%PDF-"


def _read_pdf_file(p: Path, name: str) -> Pack:
    """A PDF read from its file: hashed in chunks and read page by page by pdfium, so the
    pack's bytes are never all in memory (a 2,000-page pack is ~50 MB)."""
    with p.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
        f.seek(0)
        if not f.read(1 << 16).strip() and not f.read(1).strip():
            raise InputError(name, "is empty", "give a pack with text in it")
    lines, pages, width = read_pdf(p, name)
    return Pack(path=name, kind="pdf", lines=lines, pages=pages, sha256=digest, page_width=width)


def read_bytes(data: bytes, name: str) -> Pack:
    """Read a pack from bytes; `name` decides the format by suffix and appears in errors."""
    if not data.strip():
        raise InputError(name, "is empty", "give a pack with text in it")
    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf" or (suffix not in TEXT_SUFFIXES and data[:5] == b"%PDF-"):
        lines, pages, width = read_pdf(data, name)
        return Pack(path=name, kind="pdf", lines=lines, pages=pages, sha256=digest, page_width=width)
    try:
        lines = read_text(data, name)
    except InputError as exc:
        if suffix and suffix not in TEXT_SUFFIXES and exc.problem.startswith("is binary"):
            # "report.docx: is binary" hides the real problem: the format is not one we read
            raise InputError(name, f"is a {suffix} file, neither a PDF nor text", "save it as PDF or text") from exc
        raise
    pages = max((line.page or 0) for line in lines) or None
    return Pack(path=name, kind="text", lines=lines, pages=pages, sha256=digest)

"""Fuzz targets shared by the atheris harness and the hypothesis fallback.

Each target takes raw bytes and must either return or raise a MinutebookError; any other
exception is a bug (it would reach a user as "internal error"). The corpus builder in
minutebook.testing.badinput supplies the seeds.
"""

from __future__ import annotations

from collections.abc import Callable

from minutebook.errors import MinutebookError
from minutebook.extract import extract_pack
from minutebook.parse import PARSERS, Context
from minutebook.read import read_bytes
from minutebook.segment import segment


def text_reader(data: bytes) -> None:
    try:
        read_bytes(data, "fuzz.txt")
    except MinutebookError:
        pass


def pdf_reader(data: bytes) -> None:
    # the PDF reader (pdfium + our line builder and table layer) on arbitrary bytes
    try:
        read_bytes(data, "fuzz.pdf")
    except MinutebookError:
        pass


def parsers(data: bytes) -> None:
    """Text through the segmenter and each section parser directly (no catch-all around them)."""
    try:
        pack = read_bytes(data, "fuzz.txt")
    except MinutebookError:
        return
    if not any(line.text for line in pack.lines):
        return
    ctx = Context(pack=pack, segments=segment(pack))
    for parser in PARSERS:
        parser.parse(ctx)


def pipeline(data: bytes) -> None:
    try:
        extract_pack(read_bytes(data, "fuzz.txt"))
    except MinutebookError:
        pass


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": text_reader, "pdf": pdf_reader, "parsers": parsers, "pipeline": pipeline,
}


def seeds(target: str) -> list[bytes]:
    from minutebook.testing import badinput  # noqa: PLC0415

    light = [c.make() for c in badinput.CASES if not c.heavy and c.name != "encrypted-pdf"]
    text = [badinput.TEXT.encode(), "\n".join(badinput.agenda_lines(30)).encode()]
    text += ["\n".join(p).encode() for p in badinput.sample_pack_pages()]
    if target == "pdf":
        return [badinput.sample_pdf()] + [s for s in light if s.startswith(b"%PDF")]
    return text + light

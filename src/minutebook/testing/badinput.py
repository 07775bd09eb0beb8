"""A corpus of bad and awkward input, generated on the spot (no binaries from elsewhere).

The reliability tests and the fuzz harness share it: tests check that every case gives a
record or one clear error line, and the fuzzer starts from these bytes as seeds. PDFs are
written by a tiny writer here (real PDF syntax with a correct xref), so nothing depends on
the shared fixtures; pikepdf (a test dependency) is only needed for the encrypted case.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# What a case must give: an error line whose problem starts with one of these, or a record.
OK = "ok"


@dataclass(frozen=True)
class BadCase:
    name: str
    file_name: str
    make: Callable[[], bytes]
    # problem prefixes the error line may start with after "error: FILE: "; OK = must extract
    expect: tuple[str, ...]
    heavy: bool = False  # seconds to read: skipped by the fuzz seeds, run once by the tests


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: Iterable[Iterable[str]], catalog_extra: str = "", resources_extra: str = "") -> bytes:
    """A valid PDF: one Helvetica text line per string, top to bottom, on A4 pages.

    `catalog_extra` / `resources_extra` are raw PDF syntax appended to the catalog and to each
    page's resources (used for the deeply nested object case).
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids: list[int] = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 790 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252", errors="replace")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page = add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                   f"/Resources << /Font << /F1 {font} 0 R >> {resources_extra} >> >>".encode())
        kids.append(page)
    objects[tree - 1] = (f"<< /Type /Pages /Count {len(kids)} /Kids [" + " ".join(f"{k} 0 R" for k in kids)
                         + "] >>").encode()
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R {catalog_extra} >>".encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def agenda_lines(items: int, start: int = 1) -> list[str]:
    return [f"{n}. Report on item {n} (Pages {n} - {n + 1})" for n in range(start, start + items)]


def sample_pack_pages() -> list[list[str]]:
    """Two pages shaped like a council agenda, enough for the parsers to find sections."""
    return [
        ["Borough Council", "Cabinet", "AGENDA", "Date: Wednesday 1st February 2017", "Time: 6.30 pm",
         "Venue: Council Chamber, Town Hall", "1. Apologies for absence", "2. Declarations of interest",
         "3. Minutes of the previous meeting", "4. Budget monitoring report", "5. Work programme"],
        ["MINUTES", "Minutes of the meeting held on 23 November 2016", "Present: Councillor Jane Smith (Chair)",
         "Apologies: Councillor A. Brown", "1. Minutes", "RESOLVED - That the minutes be agreed.",
         "The meeting ended at 9.10 pm"],
    ]


def sample_pdf() -> bytes:
    return pdf_bytes(sample_pack_pages())


def _truncated() -> bytes:
    data = sample_pdf()
    return data[: len(data) // 2]


def _corrupt() -> bytes:
    # the objects keep their place but their bytes are noise: the xref points at garbage
    data = bytearray(sample_pdf())
    rng = random.Random(9)
    for i in range(20, len(data) - 40):
        if rng.random() < 0.5:
            data[i] = rng.randrange(256)
    return bytes(data)


def _encrypted() -> bytes:
    import io

    import pikepdf  # noqa: PLC0415 - a test dependency, only this case needs it

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(sample_pdf())) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner-pw", user="user-pw", R=6))
    return out.getvalue()


def _no_text_layer() -> bytes:
    # pages with drawing but no text objects: what a scan without OCR looks like to pdfium
    return pdf_bytes([[] for _ in range(3)])


def _deeply_nested(depth: int = 20_000) -> bytes:
    nest = "[" * depth + "]" * depth
    dicts = "<< /A " * depth + "1" + " >>" * depth
    return pdf_bytes(sample_pack_pages(), catalog_extra=f"/Nest {nest}", resources_extra=f"/Deep {dicts}")


def _long_pdf(pages: int = 2000) -> bytes:
    per_page = [f"Page {n}: report on the budget, item {n}" for n in range(1, 4)]
    return pdf_bytes([["Cabinet", "AGENDA"] + agenda_lines(5, 1)] + [per_page for _ in range(pages - 1)])


def _many_items(items: int = 10_000) -> bytes:
    head = ["Borough Council", "Cabinet", "AGENDA", "Date: Wednesday 1st February 2017", ""]
    return "\n".join(head + agenda_lines(items)).encode()


TEXT = ("Minutes of the Adults Committee\nHeld on 23 November 2016 at City Hall - Caf\u00e9 Room\n"
        "Present: Councillor Zo\u00eb Bront\u00eb\n1. Apologies\nRESOLVED - That the report be noted.\n")

CASES: list[BadCase] = [
    BadCase("truncated-pdf", "truncated.pdf", _truncated, ("is a damaged or truncated PDF", OK)),
    BadCase("corrupt-pdf", "corrupt.pdf", _corrupt, ("is a damaged or truncated PDF", "is not a PDF")),
    BadCase("encrypted-pdf", "encrypted.pdf", _encrypted, ("is an encrypted PDF",)),
    BadCase("no-text-layer", "scanned.pdf", _no_text_layer, ("has no text layer",)),
    BadCase("empty-pdf", "empty.pdf", lambda: b"", ("is empty",)),
    BadCase("empty-txt", "empty.txt", lambda: b"", ("is empty",)),
    BadCase("junk-pdf", "junk.pdf", lambda: random.Random(1).randbytes(8192), ("is not a PDF",)),
    BadCase("junk-after-header", "fake.pdf", lambda: b"%PDF-1.7\n" + random.Random(3).randbytes(8192),
            ("is a damaged or truncated PDF",)),
    BadCase("latin-1", "latin1.txt", lambda: TEXT.encode("latin-1"), (OK,)),
    BadCase("utf-16", "utf16.txt", lambda: TEXT.encode("utf-16"), (OK,)),
    BadCase("deeply-nested", "nested.pdf", _deeply_nested, ("is a damaged or truncated PDF", OK)),
    BadCase("2000-pages", "long.pdf", _long_pdf, (OK,), heavy=True),
    BadCase("10000-items", "items.txt", _many_items, (OK,), heavy=True),
]


def build(folder: Path, include_heavy: bool = True) -> dict[str, Path]:
    """Write every case into `folder`; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for case in CASES:
        if case.heavy and not include_heavy:
            continue
        path = folder / case.file_name
        path.write_bytes(case.make())
        out[case.name] = path
    return out


def case(name: str) -> BadCase:
    return next(c for c in CASES if c.name == name)

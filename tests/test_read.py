"""The readers on every real fixture and on PDFs and text files made here.

Line numbers and pages are provenance: every record a parser makes cites them, so they are
checked against an independent count (pypdfium2's page count, the file's own lines).
"""

from __future__ import annotations

import codecs
import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from minutebook.testing.fixtures import fixture_files, fixture_path
from minutebook.errors import InputError
from minutebook.read import Pack, clean, read_bytes, read_pack

PDFS = [p for p in fixture_files() if p.suffix == ".pdf"]
TEXTS = [p for p in fixture_files() if p.suffix == ".txt"]


def test_there_are_fixtures_of_both_kinds() -> None:
    assert PDFS and TEXTS


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_every_fixture_reads(path: Path) -> None:
    pack = read_pack(path)
    assert isinstance(pack, Pack)
    assert pack.kind == ("pdf" if path.suffix == ".pdf" else "text")
    assert sum(1 for line in pack.lines if line.text) > 10
    assert [line.number for line in pack.lines] == list(range(1, len(pack.lines) + 1))
    assert pack.sha256 and len(pack.sha256) == 64
    for line in pack.lines:
        assert line.text == clean(line.text)
        assert "\x02" not in line.text  # pdfium's line-end hyphen marker never leaks


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_pdf_lines_carry_their_pages(path: Path) -> None:
    pack = read_pack(path)
    count = len(pdfium.PdfDocument(str(path)))
    assert pack.pages == count
    pages = [line.page for line in pack.lines]
    assert all(page is not None and 1 <= page <= count for page in pages)
    assert pages == sorted(pages)  # pages run in order through the pack
    starts = [line.page for line in pack.lines if line.page_start]
    assert starts == sorted(set(pages))  # exactly one first line on each page with text
    for line in pack.lines:
        assert line.cells and " ".join(c.text for c in line.cells) == line.text
        assert all(a.x1 <= b.x0 for a, b in zip(line.cells, line.cells[1:]))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_text_line_numbers_are_file_line_numbers(path: Path) -> None:
    pack = read_pack(path)
    raw = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    assert len(pack.lines) == len(raw) - (raw[-1] == "")
    for line in pack.lines:
        assert line.text == clean(raw[line.number - 1].replace("\f", ""))


Item = tuple[float | str, float, str, float]


def make_pdf(tmp_path: Path, pages: list[list[Item]]) -> Path:
    """A real PDF with text objects (x, y, text, size) on each page, in Helvetica.

    x "+G" places an object G points after the right edge of the one before it.
    """
    document = pdfium.PdfDocument.new()
    for items in pages:
        page = document.new_page(595, 842)
        right = 0.0
        for x, y, text, size in items:
            obj = _text_object(document, text, size)
            left = right + float(x[1:]) if isinstance(x, str) else x
            obj.transform(pdfium.PdfMatrix().translate(left, y))
            page.insert_obj(obj)
            right = obj.get_bounds()[2]
        page.gen_content()
    out = tmp_path / "made.pdf"
    document.save(out)
    return out


def _text_object(document: pdfium.PdfDocument, text: str, size: float) -> pdfium.PdfObject:
    """A text object in a standard font, through pdfium's own C API (no other PDF writer)."""
    handle = raw.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(size))
    encoded = (text + "\x00").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    assert raw.FPDFText_SetText(handle, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
    return pdfium.PdfObject(handle, pdf=document)


def test_made_pdf_lines_pages_and_order(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path,
        [
            [(72, 760, "Agenda", 14), (72, 700, "1. Apologies", 11), (72, 680, "2. Minutes", 11)],
            [],  # a blank page in the middle keeps the numbering of those after it
            [(72, 760, "Minutes of the meeting", 12), (300, 760, "Page 3", 12)],
        ],
    )
    pack = read_pack(path)
    assert pack.pages == 3
    assert [(line.page, line.number, line.text) for line in pack.lines] == [
        (1, 1, "Agenda"),
        (1, 2, "1. Apologies"),
        (1, 3, "2. Minutes"),
        (3, 4, "Minutes of the meeting Page 3"),
    ]
    assert [len(line.cells) for line in pack.lines][-1] == 2  # a wide gap is a column break
    assert pack.lines[1].indent == pytest.approx(72, abs=2)  # the glyph side-bearing


def test_superscript_joins_its_line_without_a_space(tmp_path: Path) -> None:
    # "26" + raised small "th" + " November": the raised run must not become a line of its own
    path = make_pdf(tmp_path, [[(72, 700, "Held on 26", 11), ("+0.3", 704, "th", 6), ("+0.3", 700, " November 2024", 11)]])
    pack = read_pack(path)
    assert [line.text for line in pack.lines] == ["Held on 26th November 2024"]


def test_touching_runs_join_and_spaced_runs_do_not(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path,
        [[(72, 700, "gender", 11), ("+0", 700, "-", 11), ("+0", 700, "based", 11), (72, 680, "(m)", 11), ("+1.6", 680, "In May", 11)]],
    )
    texts = [line.text for line in read_pack(path).lines]
    assert texts == ["gender-based", "(m) In May"]


def test_fixture_line_end_hyphens_are_kept() -> None:
    # pdfium reports these as U+0002; SCHEMA joins "father-\ninclusive" keeping the hyphen
    pack = read_pack(fixture_path("kent-cabinet-2025-01-30-minutes"))
    ends = [line.text for line in pack.lines if line.text.endswith("father-")]
    assert len(ends) == 2


def test_fixture_split_words_join() -> None:
    # this PDF sets words in pieces a point apart; the old absolute 1 pt rule split them
    texts = " ".join(line.text for line in read_pack(fixture_path("nipissing-council-2023-12-19-minutes")).lines)
    assert "gender-based violence" in texts and "gender- based" not in texts
    assert "and livestreamed to the Township" in texts


def test_fixture_superscript_ordinals_join() -> None:
    texts = [line.text for line in read_pack(fixture_path("kent-cabinet-2025-01-30-minutes")).lines]
    assert any("On 3rd December" in t for t in texts)
    assert any("22nd January" in t for t in texts)
    assert "th" not in texts and "nd" not in texts


# ---- text decoding ----------------------------------------------------------------------


TEXT = "Minutes of the Committee\nCafé £5 – Councillor Zoë Brontë\n\nItem 2\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),  # no BOM
        lambda t: t.encode("utf-16-be"),  # no BOM
        lambda t: t.replace("–", "-").encode("latin-1"),
        lambda t: t.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "latin1", "cp1252"],
)
def test_text_decoding(encode: object) -> None:
    data = encode(TEXT)  # type: ignore[operator]
    pack = read_bytes(data, "pack.txt")
    texts = [line.text for line in pack.lines]
    assert texts[0] == "Minutes of the Committee"
    assert texts[1].startswith("Café £5 ") and texts[1].endswith("Zoë Brontë")
    assert [line.number for line in pack.lines] == [1, 2, 3, 4]
    assert pack.lines[2].blank


def test_text_pages_from_form_feeds_and_indent() -> None:
    pack = read_bytes(b"Agenda\n   1. Apologies\n\fMinutes\nPage 2\n", "pack.txt")
    assert [(line.page, line.number) for line in pack.lines] == [(1, 1), (1, 2), (2, 3), (2, 4)]
    assert pack.lines[1].indent == 3.0
    assert [line.page_start for line in pack.lines] == [True, False, True, False]
    assert pack.pages == 2


def test_text_line_numbers_ignore_other_separators() -> None:
    # str.splitlines() would break at \v, \x1c and U+2028 and shift every later number
    pack = read_bytes("one\vstill one\u2028x\r\ntwo\rthree\n\nfive".encode(), "pack.txt")
    assert [(line.number, line.text) for line in pack.lines] == [
        (1, "one still one x"), (2, "two"), (3, "three"), (4, ""), (5, "five"),
    ]


def test_text_without_page_breaks_has_no_pages() -> None:
    pack = read_bytes(b"Agenda\nItem 1\n", "pack.txt")
    assert pack.pages is None and all(line.page is None for line in pack.lines)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b"  \n\t\r\n", "is empty"),
        ("\u200b\u200b\n".encode(), "has no visible text"),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00", "is binary"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08 plus a little text", "is binary"),
    ],
)
def test_text_refusals(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(data, "pack.txt")
    assert info.value.problem.startswith(problem)
    assert info.value.path == "pack.txt"


def test_unknown_binary_format_is_named() -> None:
    with pytest.raises(InputError, match=r"is a \.docx file"):
        read_bytes(b"PK\x03\x04\x00\x00binary", "report.docx")


def test_pdf_magic_wins_over_unknown_suffix() -> None:
    data = fixture_path("kent-cabinet-2025-01-30-agenda").read_bytes()
    assert read_bytes(data, "download").kind == "pdf"

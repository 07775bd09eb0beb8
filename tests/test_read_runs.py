"""The reader's segment texts (read/pdf_runs.py) against pdfium's own text in each box.

The reader slices the page text instead of asking pdfium for the text inside every segment's
box (which scans the whole page per segment); on every page of every fixture the two must
agree exactly, and the slices must serve nearly every segment (else nothing got faster).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from minutebook.read.pdf_runs import PageRuns, page_text, segment_texts
from minutebook.testing.fixtures import fixture_files

PDFS = [p for p in fixture_files() if p.suffix == ".pdf"]


def _segments(textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float]]:
    return [textpage.get_rect(i) for i in range(textpage.count_rects())]  # left, bottom, right, top


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_segment_texts_are_pdfiums_bounded_texts_without_overlap_duplicates(path: Path) -> None:
    """Each segment's text is pdfium's text inside its box, or, where another run's box
    overlaps it and pdfium takes in that run's characters too, a part of it: never more."""
    document = pdfium.PdfDocument(str(path))
    asked = segments = same = 0
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            boxes = _segments(textpage)
            want = [textpage.get_text_bounded(*box) for box in boxes]
            if boxes:  # every page with text is read by the fast path
                assert PageRuns(textpage).runs(boxes) is not None, f"page {index + 1}"

            def bounded(box: tuple[float, float, float, float]) -> str:
                nonlocal asked
                asked += 1
                return textpage.get_text_bounded(*box)

            got = segment_texts(textpage, boxes, bounded)
            for k, (mine, theirs) in enumerate(zip(got, want, strict=True)):
                assert mine.strip() in theirs, f"page {index + 1} segment {k}: {mine!r} not in {theirs!r}"
                same += mine == theirs
            segments += len(boxes)
            textpage.close()
            page.close()
    finally:
        document.close()
    assert asked <= 0.01 * segments  # pdfium is asked only for runs with double spaces
    assert same >= 0.97 * segments  # overlapping runs are the exception


def test_page_text_is_none_without_text() -> None:
    document = pdfium.PdfDocument.new()
    page = document.new_page(200, 200)
    textpage = page.get_textpage()
    assert page_text(textpage, 0) is None
    assert segment_texts(textpage, [], lambda box: "unused") == []
    textpage.close()
    page.close()
    document.close()


@pytest.mark.parametrize(
    "items",
    [
        [(72, 700, "P", 11), ("+-1.5", 700, "erformance", 11)],  # kerned into the next object
        [(72, 700, "Held on 26", 11), ("+0.3", 704, "th", 6), ("+-0.5", 700, " November", 11)],
        [(72, 700, "Budget ", 11), ("+0", 700, "2024", 11), (72, 697, "struck over", 11)],  # overlapping lines
        [(72, 700, "left", 11), (300, 700, "right", 11), (72, 688, "next line", 11)],
    ],
)
def test_made_pages_give_each_character_once(tmp_path: Path, items: list) -> None:
    """Kerned, raised and overlapping runs: every drawn character exactly once, each
    segment's text within pdfium's text for its box (which takes in overlapping runs twice)."""
    from test_read import make_pdf  # the PDF maker of the reader's tests

    document = pdfium.PdfDocument(str(make_pdf(tmp_path, [items])))
    textpage = document[0].get_textpage()
    boxes = _segments(textpage)
    texts = segment_texts(textpage, boxes, lambda box: textpage.get_text_bounded(*box))
    # pdfium orders characters by position, not always as drawn: compare the characters
    assert sorted("".join(texts).replace(" ", "")) == sorted("".join(item[2] for item in items).replace(" ", ""))
    for text, box in zip(texts, boxes, strict=True):
        assert text.strip() in textpage.get_text_bounded(*box)
    textpage.close()
    document.close()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_table_layer_objects_per_run_are_pdfiums_per_char(path: Path) -> None:
    # the table layer asks for a text object once per segment run (for bold): every
    # character it assigns must have that object in pdfium's own per-character answer
    import pypdfium2.raw as raw

    from minutebook.tables.pdfpage import _Chars, _handle

    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            chars = _Chars(raw, textpage)
            objects = chars.objects()
            texts = chars.texts()
            visible = [i for i in range(chars.count) if not texts[i].isspace()]
            assert sum(objects[i] is None for i in visible) <= 0.02 * len(visible)  # the runs were found
            for i in visible:
                obj = objects[i]
                if obj is not None:
                    assert obj == _handle(raw.FPDFText_GetTextObject(textpage, i)), f"page {index + 1} char {i}"
            textpage.close()
    finally:
        document.close()


def _compiler() -> bool:
    import shutil
    import sysconfig

    return shutil.which("cc") is not None and Path(sysconfig.get_paths()["include"], "Python.h").exists()


def test_c_helper_is_built_where_a_compiler_is() -> None:
    # the helper is optional (the build goes on without a compiler), so a silent build failure
    # would only show as a slower reader: fail instead where it could have been built
    from minutebook.read import pdf_runs

    if not _compiler():
        pytest.skip("no C compiler or Python headers here: the reader takes its Python path")
    assert pdf_runs.helper is not None


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_c_helper_gives_the_python_runs_and_boxes(path: Path) -> None:
    """read/_runs.c walks the characters as pdfium's segmenter does; on every fixture page its
    segments, character ranges and loose character boxes are exactly the Python path's."""
    import pypdfium2.raw as raw

    from minutebook.read import pdf_runs

    if pdf_runs.helper is None:
        pytest.skip("the C helper was not built")
    document = pdfium.PdfDocument(str(path))
    box = raw.FS_RECTF()
    try:
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            boxes = _segments(textpage)
            fast = pdf_runs.helper_runs(textpage)
            assert fast is not None, f"page {index + 1}: the helper's runs differ from pdfium's segments"
            assert fast[0] == boxes
            assert fast[1] == (PageRuns(textpage).runs(boxes) if boxes else [])
            loose = pdf_runs.helper_loose_boxes(textpage)
            assert loose is not None
            for i in range(textpage.count_chars()):
                assert raw.FPDFText_GetLooseCharBox(textpage, i, box)
                assert loose[4 * i : 4 * i + 4] == [box.left, box.top, box.right, box.bottom]
            textpage.close()
    finally:
        document.close()


def test_reader_and_table_layer_give_the_same_without_the_c_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python path (a machine without a C compiler) reads every fixture page to the
    same lines and the same table layouts."""
    from minutebook.read import pdf_runs
    from minutebook.read.pdf_page import page_lines
    from minutebook.tables.pdfpage import read_layout, release

    def read_all() -> list[object]:
        out: list[object] = []
        for path in PDFS:
            document = pdfium.PdfDocument(str(path))
            for index in range(len(document)):
                page = document[index]
                out.append([(top, height, [(c.x0, c.x1, c.text) for c in cells]) for top, height, cells in page_lines(page)])
                page.close()
                out.append(read_layout(str(path), index + 1))
            document.close()
            release()
        return out

    if pdf_runs.helper is None:
        pytest.skip("the C helper was not built: only the Python path is here")
    fast = read_all()
    monkeypatch.setattr(pdf_runs, "helper", None)
    assert read_all() == fast

"""Properties over arbitrary input: the pipeline answers with a result or a MinutebookError.

Nothing else may escape: an IndexError from a parser on an odd line would reach a user as a
traceback. Text is built from council-document phrases as well as random characters, so the
parsers see input shaped enough to get past their first checks.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.errors import InputError, MinutebookError
from minutebook.extract import extract_pack
from minutebook.models import PackRecord
from minutebook.read import Cell, Line, Pack, read_bytes

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PHRASES = [
    "AGENDA", "MINUTES", "Minutes of the meeting held on 23 November 2016", "Present:", "Apologies:",
    "Also present:", "Councillor Jane Smith (Chair)", "Cllr A. Brown, Cllr B. Green", "RESOLVED:",
    "RESOLVED - That the report be noted.", "1. Apologies", "2. Declarations of Interest", "3.1 Minutes",
    "Item 4", "4", "(a)", "Part 1", "Page 3", "Pages 1 - 8", "Action Tracker", "Work Programme",
    "Round Four - 1 February 2017", "Status: Completed", "Red", "Amber", "Green", "Improving", "87%",
    "The meeting ended at 9.10 pm", "Date: Wednesday 1st February 2017", "Time: 6.30 pm",
    "Venue: Rooms 6 & 7, 17th Floor, City Hall", "City of Westminster", "Cabinet", "Appendix A",
    "Declarations of interest", "Matters arising", "Jan Prendergast declared a non-prejudicial interest",
    "KPI", "Target", "Actual", "Last year", "Direction of travel", "", "   ", "\t1.\tTitle\t12",
]

line_text = st.one_of(st.sampled_from(PHRASES), st.text(max_size=80), st.from_regex(r"\d{1,2}(\.\d)? [A-Z][a-z]+", fullmatch=True))
text_lines = st.lists(line_text, min_size=1, max_size=60)

_STRAY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


@SETTINGS
@given(st.binary(max_size=4096))
def test_read_bytes_any_bytes_gives_a_pack_or_input_error(data: bytes) -> None:
    try:
        pack = read_bytes(data, "x.txt")
    except InputError as error:
        assert error.path == "x.txt" and "\n" not in error.line()
        return
    assert isinstance(pack, Pack) and pack.kind == "text"
    assert [line.number for line in pack.lines] == list(range(1, len(pack.lines) + 1))
    assert any(line.text for line in pack.lines)
    assert not any(_STRAY.search(line.text) for line in pack.lines)


@SETTINGS
@given(st.binary(max_size=2048))
def test_read_bytes_any_bytes_as_pdf_gives_a_pack_or_input_error(data: bytes) -> None:
    try:
        read_bytes(b"%PDF-1.4\n" + data, "x.pdf")
    except InputError:
        pass


def _check(pack: Pack) -> None:
    try:
        record = extract_pack(pack)
    except MinutebookError as error:
        assert "\n" not in error.line()
        return
    assert isinstance(record, PackRecord)
    PackRecord.model_validate(record.to_json_dict())  # the JSON it prints reads back under the schema


@SETTINGS
@given(text_lines)
def test_extract_pack_on_any_text_gives_a_record_or_minutebook_error(lines: list[str]) -> None:
    try:
        pack = read_bytes("\n".join(lines).encode("utf-8"), "x.txt")
    except InputError:
        return
    _check(pack)


@SETTINGS
@given(st.lists(st.tuples(line_text, st.integers(1, 4), st.floats(20, 500)), min_size=1, max_size=60))
def test_extract_pack_on_any_pdf_lines_gives_a_record_or_minutebook_error(rows: list[tuple[str, int, float]]) -> None:
    # a PDF-kind pack as the reader makes it: pages in order, cells covering each line's text
    rows = sorted(rows, key=lambda r: r[1])
    lines = []
    for number, (text, page, x) in enumerate(rows, start=1):
        text = " ".join(text.split())
        cells = [Cell(x, x + 5 * len(text), text)] if text else []
        first = number == 1 or rows[number - 2][1] != page
        lines.append(Line(text=text, number=number, page=page, indent=x, top=100.0, size=11.0, page_start=first, cells=cells))
    _check(Pack(path="x.pdf", kind="pdf", lines=lines, pages=max(r[1] for r in rows), sha256="0" * 64))

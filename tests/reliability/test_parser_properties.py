"""Every parser, on its own, over arbitrary text: a result or a MinutebookError, in linear time.

tests/test_properties.py checks the whole pipeline (where a catch-all turns a parser bug into a
ParseError); here each section parser runs bare, so an IndexError inside one fails the test
instead of hiding as a "please report it" line. The timing test feeds pathological line
shapes (long runs with no delimiter, unclosed brackets, repeated keywords) at two sizes and
requires the time to grow about linearly: fuzzing found a regex that took 87 s on 50 KB.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.errors import InputError, MinutebookError
from minutebook.extract import extract_pack
from minutebook.models import PackRecord
from minutebook.parse import PARSERS, Context
from minutebook.read import read_bytes
from minutebook.segment import segment

PHRASES = ["AGENDA", "MINUTES", "Minutes of the meeting held on 23 November 2016 at the Town Hall", "Present:",
           "Apologies:", "Councillor Jane Smith (Chair)", "Cllr A. Brown in the Chair", "RESOLVED -",
           "1. Apologies", "2.1 Declarations of Interest", "Action Tracker", "Work Programme", "Status: Open",
           "Red", "Amber", "Green", "87%", "KPI", "Target", "Actual", "Direction of travel", "Round Four",
           "Date: Wednesday 1st February 2017", "Time: 6.30 pm", "The meeting ended at 9.10 pm", "(", ")", "[",
           "Pages 1 - 8", "Item 4", "declared an interest", "Officer: Head of Finance", "\t", "|", "", " "]
line = st.one_of(st.sampled_from(PHRASES), st.text(max_size=120),
                 st.lists(st.sampled_from(PHRASES), max_size=8).map(" ".join))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(line, min_size=1, max_size=80))
def test_each_parser_alone_gives_a_result_or_a_minutebook_error(lines: list[str]) -> None:
    try:
        pack = read_bytes("\n".join(lines).encode(), "x.txt")
    except InputError:
        return
    ctx = Context(pack=pack, segments=segment(pack))
    for parser in PARSERS:  # in pipeline order: the header parser reads what the others found
        try:
            parser.parse(ctx)
        except MinutebookError as error:
            assert "\n" not in error.line()
            return
    PackRecord.model_validate(ctx.record.model_dump())


SHAPES = {
    "no-delimiters": lambda n: "Present: " + "a" * n,
    "open-brackets": lambda n: "Present: " + "(" * n,
    "nested-brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "words-no-paren": lambda n: "Present: " + "Councillor Smith " * (n // 17),
    "chair-no-paren": lambda n: "Minutes\nPresent: " + "Jane Smith " * (n // 11) + "in the",
    "keywords": lambda n: " ".join(["RESOLVED Present: Apologies: 1. (Chair)"] * (n // 40)),
    "numbers": lambda n: "1." * (n // 2),
    "dates": lambda n: "23 November 2016 " * (n // 17),
    "many-lines": lambda n: "\n".join(["1. Item (Pages 1 - 2)"] * (n // 22)),
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        try:
            extract_pack(read_bytes(text.encode(), "x.txt"))
        except MinutebookError:
            pass
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_parsing_time_grows_linearly(shape: str) -> None:
    small, large = 8_000, 32_000  # 4x the text: linear is ~4x the time, quadratic ~16x
    t_small, t_large = _seconds(SHAPES[shape](small)), _seconds(SHAPES[shape](large))
    assert t_large < 10, f"{shape}: {t_large:.2f}s for {large} characters"
    if t_large > 0.5:  # below that, timer noise (a loaded CI machine) and fixed costs dominate the ratio
        assert t_large / max(t_small, 1e-3) < 9, f"{shape}: {t_small:.3f}s -> {t_large:.3f}s for 4x the text"

"""The segmenter on the real fixtures: documents in order, covering the pack, right kinds."""

from __future__ import annotations

from functools import lru_cache
from typing import get_args

import pytest

from minutebook.testing.fixtures import fixture_files, fixture_path
from minutebook.models import DocumentKind
from minutebook.read import read_bytes, read_pack
from minutebook.segment import Segment, segment


@lru_cache(maxsize=None)
def docs(name: str) -> list[Segment]:
    return segment(read_pack(fixture_path(name)))


def starts(name: str) -> list[tuple[str, int, str | None]]:
    pack = read_pack(fixture_path(name))
    out = []
    for s in docs(name):
        line = pack.lines[s.start]
        out.append((s.kind, line.page if pack.kind == "pdf" else line.number, s.agenda_item))
    return out


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.stem)
def test_segments_cover_the_pack_in_order(path) -> None:
    pack = read_pack(path)
    segs = segment(pack)
    assert segs and segs[0].start == 0 and segs[-1].end == len(pack.lines)
    for a, b in zip(segs, segs[1:]):
        assert a.end == b.start and a.start < a.end
    assert all(s.kind in get_args(DocumentKind) for s in segs)


def test_westminster_documents() -> None:
    got = starts("westminster-ahpp-2017-02-01")
    kinds = [k for k, _, _ in got]
    assert kinds == ["agenda", "minutes", "actions", "briefing", "briefing", "appendix", "report",
                     "appendix", "work_programme", "appendix", "action_tracker"]
    assert [i for _, _, i in got] == [None, "3", "3", "4", "4", "4", "6", "6", "7", "7", "7"]


def test_hawkesbay_documents_follow_running_header() -> None:
    got = starts("hawkesbay-dhb-2019-04-24")
    assert len(got) == 19
    assert got[2][:2] == ("minutes", 7) and got[3][:2] == ("action_tracker", 15)
    assert [i for _, _, i in got[1:]] == [str(n) for n in range(2, 20)]


@pytest.mark.parametrize(("name", "kind"), [
    ("kent-cabinet-2025-01-30-minutes", "minutes"),
    ("nipissing-council-2023-12-19-minutes", "minutes"),
    ("kent-cpp-2024-12-10-minutes", "minutes"),
    ("kent-cabinet-2025-01-30-agenda", "agenda"),
    ("la-metro-emc-2017-06-15-agenda", "agenda"),
    ("nipissing-council-2023-12-19-agenda", "agenda"),
    ("gloucester-cabinet-2025-12-10-report", "report"),
])
def test_single_document_packs(name: str, kind: str) -> None:
    assert [s.kind for s in docs(name)] == [kind]


def test_page_footer_line_does_not_start_document() -> None:
    # "Page 82" printed just above a cover sheet once opened a second work programme document
    got = starts("westminster-ahpp-2017-02-01")
    assert [line for kind, line, _ in got if kind == "work_programme"] == [4507]


def test_title_page_judged_on_its_own_page() -> None:
    # a one-page verbal item was read together with the next report's cover and called a report
    got = {page: kind for kind, page, _ in starts("hawkesbay-dhb-2019-04-24")}
    assert got[19] == "other" and got[43] == "other" and got[21] == "report"


def test_work_programme_sentence_is_not_a_heading() -> None:
    # "RESOLVED that the work programme was noted." at a page top is minutes text, not a document
    assert len(docs("kent-cpp-2024-12-10-minutes")) == 1


@pytest.mark.parametrize("data", [b"x", b"\n\n 1. \n Appendix\n", b"Date:\nReport of:\n" * 50])
def test_odd_text_never_raises(data: bytes) -> None:
    pack = read_bytes(data, "odd.txt")
    segs = segment(pack)
    assert segs[-1].end == len(pack.lines)

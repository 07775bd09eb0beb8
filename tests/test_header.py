"""The header parser on the real fixtures."""

from __future__ import annotations

from functools import lru_cache

import pytest

from minutebook.testing.fixtures import fixture_path
from minutebook.extract import extract
from minutebook.models import PackRecord


@lru_cache(maxsize=None)
def record(name: str) -> PackRecord:
    return extract(fixture_path(name))


def head(name: str) -> tuple[str | None, ...]:
    r = record(name)
    return r.council, r.committee, r.meeting_date, r.published


@pytest.mark.parametrize(("name", "expected"), [
    ("westminster-ahpp-2017-02-01", ("City of Westminster",
                                     "Adults, Health & Public Protection Policy & Scrutiny Committee",
                                     "2017-02-01", "2017-01-24")),
    ("kent-cabinet-2025-01-30-minutes", ("Kent County Council", "Cabinet", "2025-01-30", None)),
    ("la-metro-emc-2017-06-15-agenda", ("Los Angeles County Metropolitan Transportation Authority",
                                        "Executive Management Committee", "2017-06-15", "2017-06-13")),
    ("nipissing-council-2023-12-19-minutes", ("Township of Nipissing", "Council", "2023-12-19", None)),
    ("gloucester-cabinet-2025-12-10-report", (None, "Cabinet", "2025-12-10", None)),
    ("kent-cpp-2024-12-10-minutes", (None, "Corporate Parenting Panel", "2024-12-10", None)),
])
def test_header_fields(name: str, expected: tuple[str | None, ...]) -> None:
    assert head(name) == expected


def test_committee_single_word_line() -> None:
    # "CABINET" alone on the front sheet was missed: the pattern needed a word before the body
    assert head("kent-cabinet-2025-01-30-agenda") == (None, "Cabinet", "2025-01-30", "2025-01-22")
    assert head("kent-cabinet-2025-03-13-reports-pack")[1] == "Cabinet"


def test_council_not_from_title_phrase() -> None:
    # "WITH NAPIER CITY COUNCIL" on a presentation's title page is not the pack's council
    assert record("hawkesbay-dhb-2019-04-24").council is None


def test_published_only_after_last_item() -> None:
    # the meeting date next to "Chief Executive Officer" on the front sheet is not a signature date
    r = record("hawkesbay-dhb-2019-04-24")
    assert (r.committee, r.meeting_date, r.published) == ("Board", "2019-04-24", None)

"""The agenda parser on the real fixtures."""

from __future__ import annotations

from functools import lru_cache

from minutebook.testing.fixtures import fixture_path
from minutebook.extract import extract
from minutebook.models import PackRecord


@lru_cache(maxsize=None)
def record(name: str) -> PackRecord:
    return extract(fixture_path(name))


def items(name: str) -> dict[str, object]:
    return {a.number: a for a in record(name).agenda}


def test_westminster_items_pages_and_sub_items() -> None:
    got = items("westminster-ahpp-2017-02-01")
    assert list(got) == [str(n) for n in range(1, 10)]
    assert got["6"].title == "MOPAC FUNDING & PROPOSALS FOR METROPOLITAN POLICE BASIC COMMAND UNIT CHANGES"
    assert got["6"].pages == "31-82"
    assert got["1"].sub_items == ["1. To note any changes to the membership.", "2. Appointment of Chairman."]
    assert got["5"].sub_items[0] == "I) TASK GROUPS" and len(got["5"].sub_items) == 4
    assert len(got["8"].sub_items) == 3


def test_minutes_title_with_pages_marker_is_an_item() -> None:
    # "3. MINUTES (Pages 1 - 8)": the marker's lower case made the title look mixed-case
    got = items("westminster-ahpp-2017-02-01")
    assert got["3"].title == "MINUTES" and got["3"].pages == "1-8"


def test_kent_wrapped_titles_and_page_ranges() -> None:
    got = items("kent-cabinet-2025-01-30-agenda")
    assert got["9"].pages == "461-610"
    assert got["9"].title == "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"
    assert got["6"].title.endswith("and Treasury Management Strategy")


def test_legistar_items_file_numbers_and_closed_session() -> None:
    got = items("la-metro-emc-2017-06-15-agenda")
    assert list(got) == ["33", "43", "35", "36", "38", "44", "45", "46", "37", "47"]
    assert got["35"].title == "LEASE OF METRO PROPERTY FOR CROSSROADS SCHOOL FOR ARTS & SCIENCES"
    assert got["44"].sub_items[0] == "APPROVE:" and len(got["44"].sub_items) == 8  # across a page break
    assert got["45"].sub_items[1].endswith("Market-Based Compliance Mechanisms SUPPORT")
    assert got["47"].part == 2 and got["37"].part == 1


def test_running_header_not_in_item_title() -> None:
    # the next page's running header was read as the wrapped end of item 9's title
    got = items("hawkesbay-dhb-2019-04-24")
    assert got["9"].title == "Board Health & Safety Champion’s Update – Board Safety Champion"


def test_wrapped_title_stops_at_item_pitch() -> None:
    # "Meeting concludes" below the last row is not part of item 25's title
    got = items("hawkesbay-dhb-2019-04-24")
    assert got["25"].title == "Finance Risk and Audit Committee – Chair, Dan Druzianic"


def test_hawkesbay_parts_and_untitled_item() -> None:
    got = items("hawkesbay-dhb-2019-04-24")
    assert len(got) == 25
    assert got["19"].title == "Recommendation to Exclude the Public" and got["19"].part == 1
    assert all(got[str(n)].part == 2 for n in range(20, 26))


def test_minutes_only_pack_has_no_agenda() -> None:
    assert record("kent-cabinet-2025-01-30-minutes").agenda == []


def test_wrapped_bracket_number_is_not_a_sub_point() -> None:
    # "(10) years of relevant experience; and" wrapped under point F was split off as a point
    subs = items("la-metro-emc-2017-06-15-agenda")["44"].sub_items
    assert subs[6].endswith("a minimum of ten (10) years of relevant experience; and")
    assert not any(s.startswith("(10)") for s in subs)


def test_running_footer_inside_item_is_skipped() -> None:
    # the page footer and next page's header (just below 50pt from the top) cut item 44 short
    assert len(items("la-metro-emc-2017-06-15-agenda")["44"].sub_items) == 8

"""The minutes parser on the real fixtures: where minutes are found, what each set holds,
and one regression test per bug fixed while building it."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from minutebook.testing.fixtures import GOLD, fixture_path, load_scorer
from minutebook.extract import extract
from minutebook.models import Minutes
from minutebook.parse.minutes import find_minutes_starts, minutes_blocks, read_minutes
from minutebook.parse.minutes_text import furniture
from minutebook.read import read_bytes, read_pack

SECTIONS = ("minutes", "attendance", "declarations", "minute_items", "resolutions")
FLOORS = {
    "westminster-ahpp-2017-02-01": 0.97,
    "kent-cabinet-2025-01-30-minutes": 0.97,
    "nipissing-council-2023-12-19-minutes": 0.9,
    "hawkesbay-dhb-2019-04-24": 0.9,
}


@lru_cache(maxsize=None)
def _scores(name: str) -> dict[str, dict[str, float]]:
    record = extract(fixture_path(name)).to_json_dict()
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return {k: t.row() for k, t in load_scorer().score(record, gold).items() if t.gold}


@pytest.mark.parametrize("name", sorted(FLOORS))
@pytest.mark.parametrize("section", SECTIONS)
def test_minutes_sections_score(name: str, section: str) -> None:
    row = _scores(name).get(section)
    if row is None:
        pytest.skip(f"no {section} in the gold for {name}")
    assert row["f1"] >= FLOORS[name], row


@lru_cache(maxsize=None)
def _fallback(name: str) -> list[Minutes]:
    """Minutes read without the segmenter: the parser finds the blocks itself."""
    pack = read_pack(fixture_path(name))
    skip = furniture(pack)
    return [m for a, b in minutes_blocks(pack) if (m := read_minutes(pack, a, b, skip))]


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("westminster-ahpp-2017-02-01", 1),
        ("kent-cabinet-2025-01-30-minutes", 1),
        ("kent-cpp-2024-12-10-minutes", 1),
        ("nipissing-council-2023-12-19-minutes", 1),
        ("hawkesbay-dhb-2019-04-24", 1),
        ("kent-cabinet-2025-01-30-agenda", 0),
        ("kent-cabinet-2025-03-13-reports-pack", 0),
        ("nipissing-council-2023-12-19-agenda", 0),
        ("la-metro-emc-2017-06-15-agenda", 0),
        ("gloucester-cabinet-2025-12-10-report", 0),
    ],
)
def test_minutes_found_without_segmenter(name: str, count: int) -> None:
    assert len(_fallback(name)) == count


def test_find_minutes_starts_westminster_skips_agenda_line() -> None:
    pack = read_pack(fixture_path("westminster-ahpp-2017-02-01"))
    starts = find_minutes_starts(pack.lines)
    assert [pack.lines[i].number for i in starts] == [130]  # "DRAFT MINUTES", not agenda item 3


def test_find_minutes_starts_ignores_running_header_and_numbered_item() -> None:
    # "Board Meeting ... - Minutes of Previous Meeting" heads every page; "86. Minutes of the Meeting held on"
    # is an item inside minutes: neither opens a set of minutes
    hb = read_pack(fixture_path("hawkesbay-dhb-2019-04-24"))
    assert [hb.lines[i].page for i in find_minutes_starts(hb.lines)] == [7]
    kent = read_pack(fixture_path("kent-cabinet-2025-01-30-minutes"))
    assert len(find_minutes_starts(kent.lines)) == 1


def test_kent_cpp_unnumbered_items_take_item_ref_and_date_above_heading() -> None:
    m = _fallback("kent-cpp-2024-12-10-minutes")[0]
    assert m.meeting_date == "2024-12-10"
    assert [i.number for i in m.items] == [str(n) for n in range(1, 11)]
    assert m.items[0].title == "Apologies and Substitutes"
    assert m.chair == "Shellina Prendergast"
    assert "Sue Chandler" in m.also_present
    assert m.apologies == ["Dylan Jeffrey", "Rory Love", "Stephen Gray", "Nancy Sayer"]
    assert all(r.item for r in m.resolutions)


def test_closer_word_inside_resolution_does_not_end_it() -> None:
    # "3.1 RESOLVED: That the Minutes ... be" / "approved." - "approved." continues the text
    m = _fallback("westminster-ahpp-2017-02-01")[0]
    assert m.resolutions[0].text.endswith("be approved.")


def test_it_was_agreed_is_not_a_resolution() -> None:
    m = _fallback("westminster-ahpp-2017-02-01")[0]
    assert [r.item for r in m.resolutions] == ["3"]


def test_declaration_under_interest_item_without_word_interest() -> None:
    m = _fallback("westminster-ahpp-2017-02-01")[0]
    texts = [(d.member, d.kind) for d in m.declarations]
    assert ("Jan Prendergast", None) in texts
    assert ("Barrie Taylor", "non-prejudicial") in texts


def test_item_ref_does_not_reach_across_a_heading() -> None:
    # "No declarations of interest were received" above "86. Minutes ..." / "(Item 3)" is no heading
    m = _fallback("kent-cabinet-2025-01-30-minutes")[0]
    assert [i.number for i in m.items] == [str(n) for n in range(84, 93)]


def test_apology_heading_over_sentence_gives_names_only() -> None:
    m = _fallback("hawkesbay-dhb-2019-04-24")[0]
    assert m.apologies == ["Ana Apatu"]


def test_split_year_is_mended_in_resolution_text() -> None:
    m = _fallback("hawkesbay-dhb-2019-04-24")[0]
    assert "27 February 2019" in m.resolutions[0].text


def test_nipissing_motions_and_declaration() -> None:
    m = _fallback("nipissing-council-2023-12-19-minutes")[0]
    assert len(m.resolutions) == 21 and all(r.item is None for r in m.resolutions)
    assert not any("Carried" in r.text for r in m.resolutions)
    assert m.resolutions[3].text.startswith("the Council of the Township")  # after "BE IT RESOLVED that"
    assert [(d.member, d.kind) for d in m.declarations] == [("Shelly Foote", "pecuniary")]
    assert m.ended_at == "19:44"
    assert m.chair is None


@pytest.mark.parametrize(
    "text",
    [
        "MINUTES\nPresent:\n",
        "MINUTES of a meeting held on 1 January 2020\nPresent: \n1. \n2.\nRESOLVED:\n",
        "Minutes of the Board held on\nPresent: Cllr\n(Item 1)\n(Item 2)\nMoved:\nCarried\n" * 3,
        "MINUTES\nPRESENT: " + "Mr A B, " * 500 + "\nRESOLVED that\n" + "x\n" * 50,
    ],
)
def test_odd_minutes_never_raise(text: str) -> None:
    pack = read_bytes(text.encode(), "odd.txt")
    for a, b in minutes_blocks(pack):
        read_minutes(pack, a, b, furniture(pack))

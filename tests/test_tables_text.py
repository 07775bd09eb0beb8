"""The table layer and the three tabular parsers on the Westminster text dump (columns interleaved)."""

from __future__ import annotations

import json

import pytest
from minutebook.testing.fixtures import GOLD, fixture_path

from minutebook.extract import extract
from minutebook.read import Line
from minutebook.tables.textcells import chunks, date_only, join_lines

NAME = "westminster-ahpp-2017-02-01"


@pytest.fixture(scope="module")
def record():
    return extract(fixture_path(NAME)).to_json_dict()


@pytest.fixture(scope="module")
def scores(record, scorer):
    gold = json.loads((GOLD / f"{NAME}.json").read_text(encoding="utf-8"))
    return {k: t.row() for k, t in scorer.score(record, gold).items()}


@pytest.mark.parametrize("section", ["actions", "work_programme", "work_programme_items", "kpis"])
def test_westminster_quality_bar(scores, section):
    assert scores[section]["f1"] >= 0.95
    assert scores[section]["strict_f1"] >= 0.85


def test_chunks_split_at_blank_and_indented_lines():
    lines = [Line("Completed.", 1), Line("that the Commission", 2, indent=1.0), Line("", 3), Line("Next", 4)]
    parts = chunks(lines)
    assert [c.text for c in parts] == ["Completed.", "that the Commission", "Next"]
    assert parts[1].indented and parts[2].gap == 1


def test_join_lines_joins_compound_split_at_hyphen():
    assert join_lines(["Interim Tri-", "Borough Director"]) == "Interim Tri-Borough Director"
    assert join_lines(["Better Care Fund-", "requested as a briefing"]) == "Better Care Fund- requested as a briefing"


def test_date_only_lines():
    assert date_only("21st September 2016")
    assert date_only("19.4.16")
    assert not date_only("Briefing sent on 14 June 2016.")


def test_status_date_inside_cell_does_not_end_row(record):
    # regression: "Distributed to committee" / "22.9.16" - a date line ends a row only above a header
    statuses = {a["status"] for a in record["actions"]}
    assert "Distributed to committee 22.9.16" in statuses


def test_group_date_not_taken_into_last_status(record):
    # regression: the date heading the next tracker table was glued to the status above it
    assert not any(a["status"] and a["status"].endswith("2016") for a in record["actions"])


def test_arising_action_merged_with_tracker(record):
    arising = [a for a in record["actions"] if a.get("also_source")]
    assert arising and all(a["status"] for a in arising)
    assert all(a["meeting_date"] == "2016-11-23" for a in arising)


def test_multi_part_action_stays_one_with_joined_status(record):
    action = next(a for a in record["actions"] if a["text"].startswith("Agreed that the Committee would"))
    assert "(iv) Ask the Director" in action["text"]
    assert action["status"].count(" / ") == 2


def test_kpi_indicator_wrapping_onto_number_line(record):
    # regression: "65 years and over" was read as the row's first value
    kpi = next(k for k in record["kpis"] if "nursing care" in k["indicator"])
    assert kpi["indicator"].endswith("65 years and over")
    assert (kpi["target"], kpi["actual"]) == ("53", "17")


def test_kpi_commentary_kept_out_of_values(record):
    kpi = record["kpis"][0]
    assert kpi["commentary"].startswith("Reason for underperformance")
    assert kpi["direction"] == "Improving"


def test_work_programme_names_and_other_events(record):
    rounds = {r["label"]: r for r in record["work_programme"]}
    other = next(r for r in record["work_programme"] if r["date"] is None)
    assert [i["title"] for i in other["items"]][:2] == ["Safer Westminster Partnership", "NHS Provider Complaints"]
    first = next(iter(rounds.values()))
    assert first["items"][0]["represented_by"] == ["Imperial", "Chris Neill", "Anne Elgeti"]


def _wp_row(*texts: str) -> list[Line]:
    return [Line(text=t.strip(), number=i + 1, indent=len(t) - len(t.lstrip())) for i, t in enumerate(texts)]


def test_work_programme_objective_without_purpose_sentence_opens_at_gap():
    from minutebook.parse.work_programme_text import _item

    item = _item(_wp_row("2. Review of parking", "enforcement", "", "Annual check under the", "",
                         "statutory duty", "", " Jane Smith"))
    assert (item.title, item.objective, item.represented_by) == (
        "Review of parking enforcement", "Annual check under the statutory duty", ["Jane Smith"])
    # a gap mid-phrase ("Fund-", "for") continues the title
    item = _item(_wp_row("1. Care Fund-", "", "requested as a briefing", "", "Review after the", "", "budget"))
    assert (item.title, item.objective) == ("Care Fund- requested as a briefing", "Review after the budget")


def test_work_programme_purpose_sentence_wins_over_gap():
    from minutebook.parse.work_programme_text import _item

    item = _item(_wp_row("4. Review of Licensing", "", "Policy -tbc", "", "To receive a further report"))
    assert (item.title, item.objective) == ("Review of Licensing Policy -tbc", "To receive a further report")

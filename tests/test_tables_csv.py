"""CSV export of the table sections (export/csv.py)."""

from __future__ import annotations

import csv
import io

import pytest
from minutebook.testing.fixtures import fixture_path

from minutebook.export.csv import section_csv
from minutebook.extract import extract
from minutebook.models import PackRecord, WorkProgrammeItem, WorkProgrammeRound


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_work_programme_rows_carry_round_and_joined_presenters() -> None:
    record = PackRecord(work_programme=[WorkProgrammeRound(label="Round Four", date="2017-02-01", items=[
        WorkProgrammeItem(title="MOPAC Funding", objective="Funding", represented_by=["Stuart Love", "Sara Sutton"])])])
    (row,) = _rows(section_csv(record, "work_programme"))
    assert row["round_label"] == "Round Four" and row["round_date"] == "2017-02-01"
    assert row["represented_by"] == "Stuart Love; Sara Sutton"


def test_empty_section_is_header_only() -> None:
    assert section_csv(PackRecord(), "kpis").splitlines() == [
        "area,indicator,last_year,target,actual,rag,direction,commentary,page,line"]


def test_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError):
        section_csv(PackRecord(), "minutes")


def test_hawkesbay_sections_as_csv() -> None:
    record = extract(fixture_path("hawkesbay-dhb-2019-04-24"))
    actions = _rows(section_csv(record, "actions"))
    assert len(actions) == 8 and actions[0]["meeting_date"] == "2018-09-29" and actions[0]["page"] == "15"
    assert len(_rows(section_csv(record, "work_programme"))) == 35
    kpis = _rows(section_csv(record, "kpis"))
    assert kpis[0]["indicator"] == "Shorter stays in ED" and kpis[0]["direction"] == "Declining"
    assert kpis[0]["line"] == ""  # PDF input has pages, not lines

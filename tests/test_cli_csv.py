"""`extract --format csv --section ...`: what an officer pastes into a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from minutebook.cli import cli
from minutebook.testing.fixtures import fixture_path

WESTMINSTER = "westminster-ahpp-2017-02-01"


@pytest.mark.parametrize(("section", "first_column", "at_least"),
                         [("actions", "meeting_date", 40), ("work_programme", "round_label", 20), ("kpis", "area", 10)])
def test_csv_section_has_header_and_rows(section: str, first_column: str, at_least: int) -> None:
    result = CliRunner().invoke(cli, ["extract", str(fixture_path(WESTMINSTER)), "--format", "csv", "--section", section])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) >= at_least
    assert list(rows[0])[0] == first_column
    assert all(row["line"] for row in rows), "every row carries its provenance"


def test_csv_without_section_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["extract", str(fixture_path(WESTMINSTER)), "--format", "csv"])
    assert result.exit_code == 2
    assert "--section" in result.output


def test_section_without_csv_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["extract", str(fixture_path(WESTMINSTER)), "--section", "kpis"])
    assert result.exit_code == 2

"""The store commands: help with examples, ingest summary and exit codes, export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from minutebook.cli import cli
from store_helpers import fixture_path

STORE_COMMANDS = [["ingest"], ["db"], ["db", "upgrade"], ["people"], ["people", "list"], ["people", "merge"],
                  ["export"]]


@pytest.mark.parametrize("path", STORE_COMMANDS, ids=" ".join)
def test_help_has_an_example(path: list[str]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_ingest_json_summary_and_exit_codes(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    good = str(fixture_path("westminster-ahpp-2017-02-01"))
    result = runner.invoke(cli, ["ingest", good, "--db", db_url, "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"] == {"inserted": 1, "updated": 0, "unchanged": 0, "failed": 0}
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = runner.invoke(cli, ["ingest", good, str(bad), "--db", db_url, "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["counts"]["unchanged"] == 1 and summary["counts"]["failed"] == 1
    assert "is empty" in summary["files"][1]["reason"]


def test_export_json_and_csv(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(fixture_path("westminster-ahpp-2017-02-01")), "--db", db_url,
                               "--quiet"]).exit_code == 0
    out = tmp_path / "open.json"
    assert runner.invoke(cli, ["export", "--format", "json", str(out), "--db", db_url]).exit_code == 0
    data = json.loads(out.read_text())
    assert data["packs"][0]["record"]["committee"]
    assert data["actions"] and all(a["status_history"] for a in data["actions"])
    folder = tmp_path / "csv"
    assert runner.invoke(cli, ["export", "--format", "csv", str(folder), "--db", db_url]).exit_code == 0
    with (folder / "action.csv").open(newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(data["actions"])
    assert (folder / "action_status_event.csv").exists() and (folder / "passage.csv").exists()


def test_every_command_registered() -> None:
    assert isinstance(cli, click.Group)
    assert {"ingest", "db", "people", "export"} <= set(cli.commands)

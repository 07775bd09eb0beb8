"""`minutebook search` on a real fixture, both backends: rich output and --json."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import Engine

from minutebook.cli import cli
from minutebook.store.batch import ingest_paths
from store_helpers import fixture_path


def test_search_command(engine: Engine, db_url: str) -> None:
    report = ingest_paths(engine, [fixture_path("westminster-ahpp-2017-02-01")])
    assert report.ok
    out = CliRunner().invoke(cli, ["search", "social care", "--db", db_url, "--limit", "3", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["total"] >= 3 and len(data["hits"]) == 3
    hit = data["hits"][0]
    assert "<mark>" in hit["snippet"] and hit["committee"].startswith("Adults, Health")
    assert hit["line"] and hit["meeting_date"] == "2017-02-01" or hit["kind"] != "passage"
    assert {f["value"] for f in data["facets"]["kind"]} <= {"passage", "resolution", "action"}
    out = CliRunner().invoke(cli, ["search", "social care", "--db", db_url, "--limit", "2", "--kind", "passage"])
    assert out.exit_code == 0, out.output
    assert "hits for 'social care'" in out.output and "line " in out.output and "[passage]" in out.output
    out = CliRunner().invoke(cli, ["search", '"(( OR', "--db", db_url])
    assert out.exit_code == 0, out.output
    out = CliRunner().invoke(cli, ["search", "x", "--db", db_url, "--since", "not-a-date"])
    assert out.exit_code == 2 and "not a date" in out.output

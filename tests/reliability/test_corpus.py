"""The generated bad-input corpus (minutebook.testing.badinput) through the real CLI and store.

Single file: one line naming the file and the problem, exit 2, nothing on stdout.
Batch: a 'failed' row per bad file, the good files stored, and the database otherwise
exactly as it was, including a file that vanishes after the batch has listed it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db
from minutebook.store.ingest import Outcome
from minutebook.testing import badinput
from minutebook.testing.badinput import CASES, OK
from minutebook.testing.fixtures import fixture_path

from reliability_helpers import minutebook, row_counts, snapshot

GOOD = "westminster-ahpp-2017-02-01"
BAD = [c for c in CASES if OK not in c.expect]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return badinput.build(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_alone_gives_a_record_or_one_line(corpus: dict[str, Path], case: badinput.BadCase) -> None:
    path = corpus[case.name]
    started = time.monotonic()
    result = minutebook("extract", path, "--format", "summary", timeout=120)
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert OK in case.expect, f"{case.name} should have failed"
        assert result.stderr == ""
    else:
        assert result.returncode == 2, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"error: {path}: "), lines[0]
        problem = lines[0].removeprefix(f"error: {path}: ")
        assert any(problem.startswith(p) for p in case.expect if p != OK), lines[0]
        assert result.stdout == ""
    assert elapsed < 60, f"{case.name} took {elapsed:.1f}s"


def test_large_inputs_are_read_whole(corpus: dict[str, Path]) -> None:
    long = json.loads(minutebook("extract", corpus["2000-pages"]).stdout)
    assert long["pages"] == 2000
    items = json.loads(minutebook("extract", corpus["10000-items"]).stdout)
    # numbers past 999 read as years or page numbers to the agenda parser, by design: no crash, no junk
    assert len(items["agenda"]) >= 999


def test_batch_records_failures_and_goes_on(corpus: dict[str, Path], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'mb.db'}"
    good = fixture_path(GOOD)
    result = minutebook("ingest", *(corpus[c.name] for c in BAD), good, "--db", db, "--json", "-j", "2")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    by_file = {Path(f["path"]).name: f for f in report["files"]}
    assert by_file[good.name]["status"] == "inserted"
    for case in BAD:
        row = by_file[case.file_name]
        assert row["status"] == "failed" and case.file_name in row["reason"], row
    assert report["counts"]["failed"] == len(BAD)
    # the table form (no --json): one error line per bad file on stderr, and the good file unchanged
    again = minutebook("ingest", *(corpus[c.name] for c in BAD), good, "--db", db, "-j", "2")
    assert again.returncode == 1
    errors = again.stderr.splitlines()
    assert len(errors) == len(BAD) and all(e.startswith("error: ") for e in errors), again.stderr
    assert "Traceback" not in again.stderr
    assert f"{len(BAD)} failed" in again.stdout and "1 unchanged" in again.stdout


def test_bad_files_leave_the_database_exactly_as_it_was(corpus: dict[str, Path], db_url: str) -> None:
    engine = open_db(db_url)
    assert minutebook("ingest", fixture_path(GOOD), "--db", db_url, "-q", "-j", "1").returncode == 0
    before = snapshot(engine)
    result = minutebook("ingest", *(corpus[c.name] for c in BAD), "--db", db_url, "--json", "-j", "2")
    assert result.returncode == 1
    assert json.loads(result.stdout)["counts"]["failed"] == len(BAD)
    assert snapshot(engine) == before
    engine.dispose()


def test_a_file_that_vanishes_mid_batch_is_a_failed_row(tmp_path: Path) -> None:
    # real files, a real in-process batch: the third file is deleted once the first is stored,
    # after the batch listed and hashed it but before any worker reads it
    files = []
    for i in range(4):
        f = tmp_path / f"pack{i}.txt"
        f.write_text(badinput.TEXT.replace("Adults", f"Adults {i}"), encoding="utf-8")
        files.append(f)
    engine = open_db(f"sqlite:///{tmp_path / 'mb.db'}")

    def vanish(outcome: Outcome) -> None:
        if outcome.path == str(files[0]):
            files[2].unlink()

    report = ingest_paths(engine, files, workers=1, progress=vanish)
    statuses = [(Path(o.path).name, o.status) for o in report.outcomes]
    assert statuses == [("pack0.txt", "inserted"), ("pack1.txt", "inserted"), ("pack2.txt", "failed"),
                        ("pack3.txt", "inserted")]
    assert "no such file" in (report.outcomes[2].reason or "")
    assert row_counts(engine)["pack"] == 3
    engine.dispose()

"""The importer: idempotent per file, one transaction per pack, failures isolated."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import Engine

import minutebook.store.ingest as ingest_mod
from minutebook.store.batch import ingest_paths, parse_file
from minutebook.store.ingest import ingest_one
from minutebook.store.parsed import ParsedPack
from store_helpers import FIXTURES, fixture_files, fixture_path, row_counts, snapshot


def test_every_fixture_twice_second_run_unchanged(engine: Engine) -> None:
    files = fixture_files()
    assert files, f"no fixtures in {FIXTURES}"
    first = ingest_paths(engine, [FIXTURES], workers=2)  # through the process pool
    assert first.ok, [o for o in first.outcomes if o.status == "failed"]
    assert first.count("inserted") == len(files)
    counts = row_counts(engine)
    assert counts["pack"] == len(files) and counts["passage"] > 0 and counts["action"] > 0
    rows = snapshot(engine)
    second = ingest_paths(engine, files, workers=1)
    assert [o.status for o in second.outcomes] == ["unchanged"] * len(files)
    assert row_counts(engine) == counts
    assert snapshot(engine) == rows


def test_unchanged_even_when_parsed_again(engine: Engine) -> None:
    parsed = parse_file(str(fixture_path("westminster-ahpp-2017-02-01")))
    assert isinstance(parsed, ParsedPack)
    assert ingest_one(engine, parsed).status == "inserted"
    rows = snapshot(engine)
    assert ingest_one(engine, parsed).status == "unchanged"
    assert snapshot(engine) == rows


def test_new_extractor_version_updates_and_loses_nothing(engine: Engine) -> None:
    parsed = parse_file(str(fixture_path("westminster-ahpp-2017-02-01")))
    assert isinstance(parsed, ParsedPack)
    ingest_one(engine, parsed)
    counts = row_counts(engine)
    newer = dataclasses.replace(parsed, extractor_version=parsed.extractor_version + "-next")
    assert ingest_one(engine, newer).status == "updated"
    assert row_counts(engine) == counts  # replaced in place: same rows, people and actions kept


def test_unreadable_file_fails_and_batch_goes_on(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    good = fixture_path("kent-cpp-2024-12-10-minutes")
    rows = snapshot(engine)
    report = ingest_paths(engine, [bad, empty, tmp_path / "missing.pdf"])
    assert [o.status for o in report.outcomes] == ["failed"] * 3
    assert all(o.reason for o in report.outcomes)
    assert snapshot(engine) == rows
    report = ingest_paths(engine, [bad, good])
    assert [o.status for o in report.outcomes] == ["failed", "inserted"]


def test_failure_while_writing_rolls_back_that_pack_only(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fixture_path("kent-cabinet-2025-01-30-minutes")
    boom = fixture_path("westminster-ahpp-2017-02-01")
    later = fixture_path("nipissing-council-2023-12-19-minutes")
    assert ingest_paths(engine, [first]).ok
    rows = snapshot(engine)
    real = ingest_mod.write_kpis

    def failing(ctx, record):  # type: ignore[no-untyped-def]
        real(ctx, record)  # half the pack is written when it fails
        if record.get("kpis"):
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest_mod, "write_kpis", failing)
    report = ingest_paths(engine, [boom])
    assert [o.status for o in report.outcomes] == ["failed"]
    assert "disk on fire" in (report.outcomes[0].reason or "")
    assert snapshot(engine) == rows  # exactly as it was
    report = ingest_paths(engine, [boom, later])
    assert [o.status for o in report.outcomes] == ["failed", "inserted"]
    monkeypatch.setattr(ingest_mod, "write_kpis", real)
    assert [o.status for o in ingest_paths(engine, [boom]).outcomes] == ["inserted"]


def test_globs_and_folders(engine: Engine) -> None:
    report = ingest_paths(engine, [str(FIXTURES / "kent-*minutes.pdf"), FIXTURES / "kent-cpp-2024-12-10-minutes.pdf"])
    assert sorted(Path(o.path).name for o in report.outcomes) == [
        "kent-cabinet-2025-01-30-minutes.pdf", "kent-cpp-2024-12-10-minutes.pdf"]

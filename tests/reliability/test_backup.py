"""`minutebook backup DEST` / `minutebook restore SRC`: restore into a fresh database and compare."""

from __future__ import annotations

from pathlib import Path

from minutebook.store.db import open_db
from minutebook.testing.fixtures import fixture_path

from reliability_helpers import minutebook, row_counts, snapshot

PACKS = ["westminster-ahpp-2017-02-01", "kent-cabinet-2025-01-30-minutes"]


def test_backup_then_restore_gives_the_same_rows(db_url: str, tmp_path: Path) -> None:
    ingested = minutebook("ingest", *(fixture_path(p) for p in PACKS), "--db", db_url, "-q", "-j", "1")
    assert ingested.returncode == 0, ingested.stderr
    engine = open_db(db_url)
    before = snapshot(engine)
    assert row_counts(engine)["pack"] == len(PACKS)

    dest = tmp_path / ("backup.db" if db_url.startswith("sqlite") else "backup.pgdump")
    made = minutebook("backup", dest, "--db", db_url)
    assert made.returncode == 0, made.stderr
    assert dest.stat().st_size > 0 and not list(tmp_path.glob(".*.tmp"))

    # damage the live database, then restore: every row comes back exactly
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM passage")
    assert snapshot(engine) != before
    engine.dispose()
    restored = minutebook("restore", dest, "--db", db_url)
    assert restored.returncode == 0, restored.stderr
    engine = open_db(db_url)
    assert snapshot(engine) == before
    # and the search index came back with it
    found = minutebook("search", "minutes", "--db", db_url, "--json")
    assert found.returncode == 0, found.stderr
    engine.dispose()


def test_restore_into_a_new_sqlite_file(tmp_path: Path) -> None:
    src = f"sqlite:///{tmp_path / 'a.db'}"
    assert minutebook("ingest", fixture_path(PACKS[0]), "--db", src, "-q", "-j", "1").returncode == 0
    assert minutebook("backup", tmp_path / "b.db", "--db", src).returncode == 0
    other = f"sqlite:///{tmp_path / 'new' / 'c.db'}"
    assert minutebook("restore", tmp_path / "b.db", "--db", other).returncode == 0
    a, c = open_db(src), open_db(other)
    assert snapshot(a) == snapshot(c)
    a.dispose(), c.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = minutebook("restore", junk, "--db", db)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: {junk}: is not a SQLite backup "
                                          "(restore a pg_dump archive into PostgreSQL)"]
    missing = minutebook("restore", tmp_path / "nope.db", "--db", db)
    assert missing.returncode == 2 and "no such backup file" in missing.stderr

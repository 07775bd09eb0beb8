"""Crash safety: `minutebook ingest` killed with SIGKILL at random points of a batch.

After each kill the SQLite file passes `PRAGMA integrity_check` and `foreign_key_check`,
every stored pack is whole (its rows match a clean run's rows for the same file), and a
final rerun completes the batch with exactly the clean run's row counts. SIGKILL goes to
the whole process group, so the parsing pool dies with the writer.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

from minutebook.store import metadata
from minutebook.testing.fixtures import fixture_files

from reliability_helpers import ingest_killed, minutebook

ROUNDS = int(os.environ.get("MINUTEBOOK_CRASH_ROUNDS", "5"))
OWNED = [t.name for t in metadata.sorted_tables if "pack_id" in t.columns]


def pack_rows(db: Path) -> dict[str, dict[str, int]]:
    """sha256 -> {table: rows of that pack}: a pack's own rows, to compare with a clean run."""
    with sqlite3.connect(db) as conn:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        out: dict[str, dict[str, int]] = {sha: {} for (sha,) in conn.execute("SELECT sha256 FROM pack")}
        for table in OWNED:
            if table not in present:
                continue
            for sha, n in conn.execute(f"SELECT p.sha256, count(*) FROM {table} t JOIN pack p ON p.id = t.pack_id "
                                       "GROUP BY p.sha256"):
                out[sha][table] = n
    return out


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%'") if not _fts_shadow(r[0])]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _fts_shadow(name: str) -> bool:
    # FTS5's own storage tables: their row counts depend on segment merges, not on content
    return "_fts_" in name


def check_sound(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fts = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")]
        for table in fts:
            # raises sqlite3.DatabaseError if the search index and its rows disagree
            conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")


def test_sigkill_at_random_points_loses_nothing(tmp_path: Path) -> None:
    batch = tmp_path / "packs"
    batch.mkdir()
    for f in fixture_files():
        (batch / f.name).symlink_to(f)
    clean_db = tmp_path / "clean.db"
    started = time.monotonic()
    assert minutebook("ingest", batch, "--db", clean_db, "-q", "-j", "2").returncode == 0
    clean_time = time.monotonic() - started
    clean = pack_rows(clean_db)

    db = tmp_path / "killed.db"
    rng = random.Random(int(os.environ.get("MINUTEBOOK_CRASH_SEED", "9")))
    kills = 0
    for _ in range(ROUNDS):
        # start-up takes ~1 s; kill anywhere from during the migrations to near the end
        kills += ingest_killed(batch, db, rng.uniform(0.2, clean_time))
        if not db.exists():
            continue
        check_sound(db)
        for sha, rows in pack_rows(db).items():
            assert rows == clean[sha], f"pack {sha[:12]} is partial after SIGKILL: {rows} vs {clean[sha]}"
    assert kills >= 1

    rerun = minutebook("ingest", batch, "--db", db, "-q", "-j", "2")
    assert rerun.returncode == 0, rerun.stderr
    check_sound(db)
    assert pack_rows(db) == clean
    assert counts(db) == counts(clean_db)

"""Crash safety on PostgreSQL: `minutebook ingest` killed with SIGKILL at random points.

The SQLite twin is test_crash.py. Here the writer's connection dies with the process, so
the server must roll back the open pack: after each kill every stored pack is whole (its
rows match a clean run's rows for the same file), no transaction is left open on the
server, and a rerun completes the batch with exactly the clean run's row counts.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from minutebook.store import metadata
from minutebook.testing.fixtures import fixture_files
from minutebook.testing.postgres import fresh_database

from reliability_helpers import ingest_killed, minutebook, row_counts

ROUNDS = int(os.environ.get("MINUTEBOOK_CRASH_ROUNDS", "4"))
OWNED = [t.name for t in metadata.sorted_tables if "pack_id" in t.columns]


def pack_rows(url: str) -> dict[str, dict[str, int]]:
    """sha256 -> {table: rows of that pack}, read through SQLAlchemy."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            present = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                          .scalars())
            if "pack" not in present:
                return {}
            out: dict[str, dict[str, int]] = {sha: {} for sha in conn.execute(text("SELECT sha256 FROM pack")).scalars()}
            for table in OWNED:
                if table not in present:
                    continue
                q = text(f'SELECT p.sha256, count(*) FROM "{table}" t JOIN pack p ON p.id = t.pack_id GROUP BY p.sha256')
                for sha, n in conn.execute(q):
                    out[sha][table] = n
            return out
    finally:
        engine.dispose()


def open_transactions(url: str) -> int:
    """Sessions other than ours still inside a transaction on this database."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            q = text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL")
            return int(conn.execute(q).scalar_one())
    finally:
        engine.dispose()


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        return row_counts(engine)
    finally:
        engine.dispose()


def _wait_for_rollback(url: str, seconds: float = 10.0) -> None:
    # the server notices the dead client's socket and rolls back its transaction
    deadline = time.monotonic() + seconds
    while open_transactions(url) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert open_transactions(url) == 0, "a killed writer's transaction is still open on the server"


def test_sigkill_at_random_points_loses_nothing_on_postgresql(tmp_path: Path, pg_server: str) -> None:
    batch = tmp_path / "packs"
    batch.mkdir()
    for f in fixture_files():
        (batch / f.name).symlink_to(f)
    with fresh_database(pg_server) as clean_url, fresh_database(pg_server) as url:
        started = time.monotonic()
        done = minutebook("ingest", batch, "--db", clean_url, "-q", "-j", "2")
        assert done.returncode == 0, done.stderr
        clean_time = time.monotonic() - started
        clean = pack_rows(clean_url)

        rng = random.Random(int(os.environ.get("MINUTEBOOK_CRASH_SEED", "11")))
        kills = 0
        for _ in range(ROUNDS):
            # kill before ~3/4 of a clean run's time: a killed run is never much faster than the clean one
            kills += ingest_killed(batch, url, rng.uniform(0.2, 0.75 * clean_time))
            _wait_for_rollback(url)
            for sha, rows in pack_rows(url).items():
                assert rows == clean[sha], f"pack {sha[:12]} is partial after SIGKILL: {rows} vs {clean[sha]}"
        if kills == 0:
            pytest.fail("no run was killed: the batch finished before every kill point")

        rerun = minutebook("ingest", batch, "--db", url, "-q", "-j", "2")
        assert rerun.returncode == 0, rerun.stderr
        assert pack_rows(url) == clean
        assert _counts(url) == _counts(clean_url)

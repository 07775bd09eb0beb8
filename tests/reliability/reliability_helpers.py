"""Helpers for the reliability tests (tests/reliability is on sys.path under pytest)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select

from minutebook.store import metadata


def minutebook(*args: str | Path, timeout: float = 300, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "minutebook", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def tables(engine: Engine) -> list[object]:
    # only the tables the migrations made: the models may be ahead while a migration is in progress
    present = set(inspect(engine).get_table_names())
    return [t for t in metadata.sorted_tables if t.name in present]


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()  # type: ignore[attr-defined]
                for t in tables(engine)}


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: "the database is exactly as it was" checks."""
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key.columns))]  # type: ignore[attr-defined]
                for t in tables(engine)}


def ingest_killed(batch: Path, db: str | Path, delay: float) -> bool:
    """Start `minutebook ingest batch --db db -j 2` and SIGKILL its whole process group after
    `delay` seconds (the parsing pool dies with the writer); True when it was still running."""
    import signal
    import time

    proc = subprocess.Popen([sys.executable, "-m", "minutebook", "ingest", str(batch), "--db", str(db), "-q", "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return killed

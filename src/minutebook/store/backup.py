"""Backups of the store: SQLite's online backup API, pg_dump/pg_restore for PostgreSQL.

Both are safe while the web server reads and `ingest` writes: SQLite's backup copies a
consistent snapshot page by page (it restarts if a writer changes pages mid-copy), and
pg_dump reads in one repeatable-read transaction. A backup is written to DEST.tmp and
renamed, so a killed backup never leaves a file that looks whole.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from minutebook.store.db import StoreError, open_db, resolve_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
PG_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")


def _sqlite_path(url: str) -> str | None:
    parsed = make_url(url)
    return parsed.database if parsed.get_backend_name() == "sqlite" else None


def _libpq_url(url: str) -> str:
    # pg_dump speaks libpq: no "+psycopg" driver suffix
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next((f"{d}/{name}" for d in PG_DIRS if os.access(f"{d}/{name}", os.X_OK)), None)
    if found is None:
        raise StoreError(None, f"{name} not found on PATH or in {', '.join(PG_DIRS)}",
                         "install the PostgreSQL client tools (apt-get install postgresql-client)")
    return found


def _run(cmd: list[str], what: str) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = (result.stderr or result.stdout).strip().splitlines()
        raise StoreError(None, f"{what} failed ({Path(cmd[0]).name} exit {result.returncode}: "
                         f"{last[-1] if last else 'no message'})")


def backup(db_url: str | None, dest: Path) -> Path:
    """Write a consistent copy of the database to `dest` (a SQLite file or a pg_dump archive)."""
    url = resolve_url(db_url)
    open_db(url).dispose()  # a clear one-line error now if the database cannot be opened
    tmp = dest.with_name(f".{dest.name}.tmp")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp.unlink(missing_ok=True)
    try:
        path = _sqlite_path(url)
        if path is not None:
            with sqlite3.connect(path) as src, sqlite3.connect(tmp) as dst:
                src.execute("PRAGMA busy_timeout=30000")
                src.backup(dst)
            # one self-contained file: no -wal beside it to forget when copying the backup
            with sqlite3.connect(tmp) as dst:
                dst.execute("PRAGMA journal_mode=DELETE")
        else:
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                  f"--dbname={_libpq_url(url)}", f"--file={tmp}"], "pg_dump")
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def restore(src: Path, db_url: str | None) -> None:
    """Replace the database's contents with the backup at `src`, then migrate it to head."""
    if not src.is_file():
        raise StoreError(src, "no such backup file", "give a file written by `minutebook backup`")
    with src.open("rb") as f:
        magic = f.read(16)
    url = resolve_url(db_url)
    path = _sqlite_path(url)
    if path is not None:
        if magic != SQLITE_MAGIC:
            raise StoreError(src, "is not a SQLite backup", "restore a pg_dump archive into PostgreSQL")
        with sqlite3.connect(src) as check:
            problems = check.execute("PRAGMA integrity_check").fetchall()
        if problems != [("ok",)]:
            raise StoreError(src, f"fails SQLite's integrity check ({problems[0][0]})", "use another backup")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # the backup API writes into the live file under its locks: readers see old or new, never half
        with sqlite3.connect(src) as source, sqlite3.connect(path) as target:
            target.execute("PRAGMA busy_timeout=30000")
            source.backup(target)
    else:
        if not magic.startswith(PGDUMP_MAGIC):
            raise StoreError(src, "is not a pg_dump archive", "restore a SQLite backup into a SQLite file")
        # one transaction: a failed restore leaves the database as it was
        _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--single-transaction", "--exit-on-error", f"--dbname={_libpq_url(url)}", str(src)], "pg_restore")
    open_db(url).dispose()  # an older backup is brought up to the current schema

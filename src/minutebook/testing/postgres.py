"""A throwaway PostgreSQL server from the installed binaries, for tests (never a mock).

`postgres_server()` runs initdb on a temp data dir, starts `postgres` on a free loopback port
with its unix socket in that dir, yields a SQLAlchemy URL, and stops and removes it at the
end. Running as root, the server runs as the `postgres` user (PostgreSQL refuses root).
With MINUTEBOOK_TEST_PG set, that URL is used instead and nothing is started.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BINARIES = ("initdb", "pg_ctl", "postgres")
PG_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL server binaries are not installed (or cannot be run)."""


def find_binaries() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in PG_BINARIES:
        path = shutil.which(name) or next((f"{d}/{name}" for d in PG_DIRS if os.access(f"{d}/{name}", os.X_OK)),
                                          None)
        if path is None:
            raise PostgresUnavailable(
                f"PostgreSQL server binary '{name}' not found on PATH or in {', '.join(PG_DIRS)}: "
                "install it (apt-get install postgresql) or set MINUTEBOOK_TEST_PG=postgresql+psycopg://..., "
                "or MINUTEBOOK_SKIP_PG=1 to skip the PostgreSQL half of the store tests")
        found[name] = path
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    # PostgreSQL will not run as root; as any other user, run it as ourselves
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _run(cmd: list[str], log: Path | None = None) -> None:
    result = subprocess.run(_as_postgres(cmd), capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        extra = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        raise PostgresUnavailable(f"{' '.join(cmd[:2])} failed ({result.returncode}): "
                                  f"{(result.stderr or result.stdout).strip()[-2000:]} {extra}")


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a URL to an empty database on a fresh server (or on MINUTEBOOK_TEST_PG)."""
    given = os.environ.get("MINUTEBOOK_TEST_PG")
    if given:
        yield given
        return
    bins = find_binaries()
    root = Path(tempfile.mkdtemp(prefix="minutebook-pg-"))
    data, log = root / "data", root / "server.log"
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
    port = free_port()
    try:
        _run([bins["initdb"], "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync",
              "--locale=C"])
        opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        _run([bins["pg_ctl"], "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60", "start"], log)
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(_as_postgres([bins["pg_ctl"], "-D", str(data), "-m", "immediate", "-w", "stop"]),
                           capture_output=True, timeout=60, check=False)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new empty database on the server at `server_url`, dropped afterwards."""
    import psycopg  # noqa: PLC0415
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    url = make_url(server_url)
    name = f"mb_{uuid.uuid4().hex[:12]}"
    admin = dict(host=url.host, port=url.port, user=url.username, password=url.password,
                 dbname=url.database or "postgres", autocommit=True)
    with psycopg.connect(**{k: v for k, v in admin.items() if v is not None}) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(**{k: v for k, v in admin.items() if v is not None}) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

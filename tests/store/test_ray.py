"""Distributed ingest on a REAL local Ray cluster gives exactly the database local ingest gives.

The cluster is two Ray nodes on loopback (a head and a second worker node, one CPU each),
started with the `ray` CLI from this venv, so tasks really run in other processes and on
another raylet. Every fixture plus one broken file is ingested with `--executor ray` and
locally, on SQLite and PostgreSQL, and the full table snapshots must match (timestamps aside).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import DateTime

from minutebook.cli import cli
from minutebook.store import metadata
from minutebook.store.db import open_db
from minutebook.store.executors import ExecutorUnavailable, make_executor
from minutebook.testing.postgres import fresh_database, free_port
from store_helpers import fixture_files, snapshot

pytestmark = pytest.mark.ray
ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install -e '.[ray]')")

RAY = str(Path(sys.executable).with_name("ray"))
START_TIMEOUT = 90  # seconds for one `ray start`; a cold start is ~5-15 s


def _ray_env() -> dict[str, str]:
    return {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1"}


def _ray(*args: str, timeout: float = START_TIMEOUT) -> None:
    result = subprocess.run([RAY, *args], env=_ray_env(), capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"ray {' '.join(args)} failed ({result.returncode}): {result.stderr[-1500:]}")


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    port = free_port()
    # short: Ray puts unix sockets under it and AF_UNIX paths stop at 107 bytes (pytest-xdist's
    # tmp paths are too long)
    temp = tempfile.mkdtemp(prefix="mbray-", dir="/tmp")
    address = f"127.0.0.1:{port}"
    try:
        _ray("start", "--head", f"--port={port}", "--node-ip-address=127.0.0.1", "--num-cpus=1",
             "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={temp}")
        _ray("start", f"--address={address}", "--node-ip-address=127.0.0.1", "--num-cpus=1")
        yield address
    finally:
        if ray.is_initialized():
            ray.shutdown()
        _ray("stop", "--force", timeout=60)
        shutil.rmtree(temp, ignore_errors=True)


def _packs(tmp_path: Path) -> list[Path]:
    bad = tmp_path / "truncated-pack.pdf"  # a bad file: one failed row, never a retry storm
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    return [*fixture_files(), bad]


def _comparable(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table minus the timestamp columns (when a row was written)."""
    engine = open_db(url)
    try:
        snap = snapshot(engine)
    finally:
        engine.dispose()
    out: dict[str, list[tuple[object, ...]]] = {}
    for table in metadata.sorted_tables:
        keep = [i for i, col in enumerate(table.columns) if not isinstance(col.type, DateTime)]
        out[table.name] = [tuple(row[i] for i in keep) for row in snap[table.name]]
    return out


def _ingest(url: str, files: list[Path], *extra: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["ingest", *map(str, files), "--db", url, "--json", *extra])
    assert result.exit_code == 1, result.output  # 1: the broken file failed, everything else went in
    return json.loads(result.stdout)


def _check_same(local_url: str, ray_url: str, files: list[Path], ray_address: str) -> None:
    local = _ingest(local_url, files, "--workers", "1")
    distributed = _ingest(ray_url, files, "--executor", "ray", "--ray-address", ray_address)
    assert distributed == local  # same summary: counts, files, statuses, reasons, pages
    assert distributed["counts"] == {"inserted": len(files) - 1, "updated": 0, "unchanged": 0, "failed": 1}
    failed = distributed["files"][-1]  # type: ignore[index]
    assert failed["status"] == "failed" and str(files[-1]) in failed["reason"]
    local_rows, ray_rows = _comparable(local_url), _comparable(ray_url)
    assert sum(len(rows) for rows in ray_rows.values()) > 100
    for table in ray_rows:
        assert ray_rows[table] == local_rows[table], f"table {table} differs between ray and local ingest"
    # a second ray run finds every stored file unchanged and parses nothing but the bad one
    again = _ingest(ray_url, files, "--executor", "ray", "--ray-address", ray_address)
    assert again["counts"] == {"inserted": 0, "updated": 0, "unchanged": len(files) - 1, "failed": 1}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ray_ingest_matches_local(backend: str, ray_address: str, tmp_path: Path,
                                  request: pytest.FixtureRequest) -> None:
    files = _packs(tmp_path)
    if backend == "sqlite":
        _check_same(f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}", files, ray_address)
        return
    server = request.getfixturevalue("pg_server")
    with fresh_database(server) as local_url, fresh_database(server) as ray_url:
        _check_same(local_url, ray_url, files, ray_address)


def test_without_ray_installed_the_error_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets when the package is absent
    with pytest.raises(ExecutorUnavailable, match=r"pip install 'minutebook\[ray\]'"):
        make_executor("ray")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--executor", "ray",
                                      "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --executor ray needs the ray package")
    assert not (tmp_path / "x.db").exists()  # failed before opening the database

"""50 concurrent readers on a real `minutebook serve` while `minutebook ingest` writes.

SQLite (WAL + busy_timeout) and PostgreSQL. Every response must be a 200, the server log
must show no error (no 'database is locked'), and the ingest must finish with every file
stored. All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from minutebook.testing import badinput
from minutebook.testing.fixtures import fixture_files, fixture_path
from minutebook.testing.postgres import free_port

from reliability_helpers import minutebook

READERS = 50
URLS = ["/", "/actions?status=open", "/work-programme", "/kpis", "/search?q=council", "/search?q=budget+report",
        "/api/v1/meetings", "/api/v1/actions?limit=50", "/api/v1/search?q=minutes", "/api/v1/kpis",
        "/api/v1/committees", "/api/v1/documents?limit=100", "/healthz"]
SEED = "westminster-ahpp-2017-02-01"


def start_server(db_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "minutebook", "serve", "--db", db_url, "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"server did not start: {log.read_text()[-2000:]}")


def test_readers_and_one_writer_see_no_errors(db_url: str, tmp_path: Path) -> None:
    assert minutebook("ingest", fixture_path(SEED), "--db", db_url, "-q", "-j", "1").returncode == 0
    corpus = badinput.build(tmp_path / "big")
    more = [f for f in fixture_files() if f.stem != SEED] + [corpus["2000-pages"], corpus["10000-items"],
                                                             corpus["latin-1"], corpus["utf-16"]]
    log = tmp_path / "server.log"
    server, base = start_server(db_url, log)
    statuses: Counter[str] = Counter()
    problems: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def reader(n: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            i = n
            while not stop.is_set():
                url = URLS[i % len(URLS)]
                i += 1
                try:
                    r = client.get(url)
                    key = str(r.status_code)
                    if r.status_code != 200:
                        with lock:
                            problems.append(f"{url}: {r.status_code} {r.text[:200]}")
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                    with lock:
                        problems.append(f"{url}: {key} {exc}")
                with lock:
                    statuses[key] += 1

    threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(READERS)]
    try:
        for t in threads:
            t.start()
        started = time.monotonic()
        writer = minutebook("ingest", *more, "--db", db_url, "--json", "-j", "2", timeout=600)
        write_time = time.monotonic() - started
        stop.set()
        for t in threads:
            t.join(timeout=90)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    server_log = log.read_text(errors="replace")
    total = sum(statuses.values())
    print(f"{db_url.split(':')[0]}: {total} reads by {READERS} clients during a {write_time:.1f}s ingest; "
          f"statuses {dict(statuses)}")
    assert writer.returncode == 0, writer.stderr + writer.stdout[-2000:]
    assert problems == [], problems[:10]
    assert "database is locked" not in server_log and "Traceback" not in server_log, server_log[-3000:]
    assert total >= READERS * 2  # every reader really ran during the write

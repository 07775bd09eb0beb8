"""`minutebook serve` in a subprocess on a free loopback port, for browser tests and load benches."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from minutebook.testing.postgres import free_port


@contextmanager
def live_server(db_url: str, timeout: float = 60.0, workers: int = 1) -> Iterator[str]:
    """Start the server, wait for /healthz, yield its base URL, stop it at the end.

    The server's output goes to a temporary file, not a pipe: a pipe nobody reads fills up
    under load and stalls the server.
    """
    port = free_port()
    with tempfile.TemporaryFile(mode="w+") as log:
        proc = subprocess.Popen([sys.executable, "-m", "minutebook", "serve", "--db", db_url, "--port", str(port),
                                 "--workers", str(workers)],
                                stdout=log, stderr=subprocess.STDOUT, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"server exited early: {log.read()[-2000:]}")
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not answer /healthz in time")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

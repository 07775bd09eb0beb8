"""Web latency under load: p50/p95 of pages and API calls with N concurrent clients on loopback.

Starts a real `minutebook serve` (uvicorn) on a free 127.0.0.1 port over a database with every
shared fixture ingested (built in a temp dir unless --db is given), then for each endpoint
sends a bounded number of requests (and stops early at a time cap) from N concurrent clients.
A trivial static endpoint (/healthz) measured in the same run is the baseline; each endpoint's
p50 is printed as a ratio to it, so figures compare across machines.

    python bench/web_load.py [--clients 50] [--requests 400] [--seconds 20] [--db URL|PATH] [--only NAME]

--clients 1 is the single-client latency (one request at a time). --db takes a database URL or a
SQLite file path (e.g. a big corpus DB built with `minutebook ingest`); --only keeps the
endpoints whose name contains the given text (repeatable; the baseline always runs).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ENDPOINTS = [
    ("baseline /healthz", "/healthz"),
    ("page home", "/"),
    ("page actions (all)", "/actions"),
    ("page actions (open)", "/actions?status=open"),
    ("page actions (meeting)", "/actions?meeting={meeting}"),
    ("page meeting", "/meetings/{meeting}"),
    ("page committee", "/committees/{committee}"),
    ("page KPIs", "/kpis"),
    ("page KPI", "/kpis/{kpi}"),
    ("page work programme", "/work-programme"),
    ("page search", "/search?q=council+tax"),
    ("page source (text)", "/packs/{text_pack}/source?line=100"),
    ("api actions", "/api/v1/actions?limit=50"),
    ("api actions (open)", "/api/v1/actions?status=open&limit=50"),
    ("api actions (meeting)", "/api/v1/actions?meeting={meeting}"),
    ("api meetings", "/api/v1/meetings?limit=50"),
    ("api meeting", "/api/v1/meetings/{meeting}"),
    ("api kpis", "/api/v1/kpis?limit=50"),
    ("api search", "/api/v1/search?q=council"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_db(folder: Path) -> str:
    from minutebook.store.batch import ingest_paths
    from minutebook.store.db import open_db
    from minutebook.testing.fixtures import FIXTURES

    url = f"sqlite:///{folder / 'minutebook.db'}"
    engine = open_db(url)
    report = ingest_paths(engine, [FIXTURES], workers=2)
    engine.dispose()
    print(f"ingested {len(report.outcomes)} fixture packs into {url}", file=sys.stderr)
    return url


def start_server(db_url: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "minutebook", "serve", "--db", db_url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                return proc, base
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def ids(base: str) -> dict[str, int]:
    def first(path: str) -> dict[str, object]:
        with urllib.request.urlopen(base + path, timeout=10) as r:
            return json.load(r)["items"][0]  # type: ignore[no-any-return]

    meetings = json.load(urllib.request.urlopen(base + "/api/v1/meetings?limit=500", timeout=10))["items"]
    meeting = max(meetings, key=lambda m: m["packs"])  # a meeting with a pack: the heaviest page
    docs = json.load(urllib.request.urlopen(base + "/api/v1/documents?limit=500", timeout=10))["items"]
    text_pack = next((d["pack_id"] for d in docs if d["start_line"]), docs[0]["pack_id"])
    return {"meeting": int(meeting["id"]), "kpi": int(first("/api/v1/kpis")["id"]),  # type: ignore[arg-type]
            "text_pack": int(text_pack), "committee": int(meeting["committee_id"])}


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One keep-alive GET; returns the status. A lean client so the load generator, which shares
    the machine's cores with the server, costs little next to what it measures."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def hammer(base: str, path: str, clients: int, requests: int, seconds: float) -> tuple[list[float], int]:
    """`clients` connections, each sending one request at a time, until `requests` were sent or
    `seconds` passed (both bounds always apply)."""
    host = base.split("//", 1)[1]
    name, port = host.split(":")
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop_at = time.monotonic() + seconds

    async def worker() -> None:
        nonlocal sent, errors
        reader, writer = await asyncio.open_connection(name, int(port))
        try:
            while sent < requests and time.monotonic() < stop_at:
                sent += 1
                t0 = time.perf_counter()
                try:
                    ok = await asyncio.wait_for(_get(reader, writer, host, path), 30) == 200
                except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(name, int(port))
                latencies.append(time.perf_counter() - t0)
                errors += not ok
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, errors


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint (upper bound)")
    ap.add_argument("--seconds", type=float, default=20.0, help="time cap per endpoint")
    ap.add_argument("--db", default=None, help="database URL or SQLite file (default: a temp SQLite with every fixture)")
    ap.add_argument("--only", action="append", default=[], help="run endpoints whose name contains this")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or build_db(Path(tmp))
        if "://" not in db_url:
            db_url = f"sqlite:///{Path(db_url).resolve()}"
        endpoints = [e for e in ENDPOINTS if e is ENDPOINTS[0] or not args.only or any(o in e[0] for o in args.only)]
        proc, base = start_server(db_url)
        try:
            known = ids(base)
            rows = []
            baseline = None
            for name, template in endpoints:
                path = template.format(**known)
                asyncio.run(hammer(base, path, min(args.clients, 5), 10, 5))  # warm caches and connections
                t0 = time.perf_counter()
                lat, errors = asyncio.run(hammer(base, path, args.clients, args.requests, args.seconds))
                wall = time.perf_counter() - t0
                p50, p95 = pct(lat, 50) * 1000, pct(lat, 95) * 1000
                baseline = baseline or p50
                rows.append({"endpoint": name, "path": path, "requests": len(lat), "errors": errors,
                             "p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "rps": round(len(lat) / wall, 1),
                             "p50_vs_baseline": round(p50 / baseline, 2)})
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    if args.json:
        print(json.dumps({"clients": args.clients, "results": rows}, indent=2))
    else:
        print(f"{args.clients} concurrent clients, up to {args.requests} requests / {args.seconds:g}s per endpoint, "
              "one uvicorn worker on 127.0.0.1")
        print(f"{'endpoint':24} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'p50 x base':>10}")
        for r in rows:
            print(f"{r['endpoint']:24} {r['requests']:5d} {r['errors']:4d} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                  f"{r['rps']:7.1f} {r['p50_vs_baseline']:10.2f}")
    return 1 if any(r["errors"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

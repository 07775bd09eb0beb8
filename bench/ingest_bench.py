"""Ingest throughput against raw pypdfium2 extraction of the same PDFs, and worker scaling.

Baselines (same run, same files): pypdfium2 plain page text (`get_text_range`), and pypdfium2
text segments with their boxes (`count_rects` / `get_rect` / `get_text_bounded`) - the words
and coordinates the reader needs at the least, so "ingest >= 0.5x" of it is the goal.
Speeds against those baselines are pages per CPU second of the processes doing the work (the
goals are per core; wall time on a shared machine also counts other processes' turns), with
the wall-time figures printed beside them.
Each ingest runs in a fresh interpreter so its peak RSS (writer, and parse workers) is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Figure
from bench.rss import PEAK

GOAL_RATIO_WORDS = 0.5
GOAL_PAGES_PER_CORE = 200.0
GOAL_SPEEDUP = 1.8


@dataclass(slots=True)
class Raw:
    text_pps: float  # pages per CPU second, plain text
    words_pps: float  # pages per CPU second, text segments with boxes


def raw_pdfium(pdfs: list[Path], rounds: int = 3) -> Raw:
    """Both baselines: open each PDF and pull every page's text (or segments), nothing else.

    Timed in CPU seconds of this process, like `extract_pps`: the goal is per core, and on a
    shared machine wall time also counts the other processes' turns on the core.
    """
    import pypdfium2 as pdfium

    def run(words: bool) -> float:
        pages = 0
        t0 = time.process_time()
        for _ in range(rounds):
            for path in pdfs:
                doc = pdfium.PdfDocument(path)
                for page in doc:
                    tp = page.get_textpage()
                    if words:
                        for i in range(tp.count_rects()):
                            tp.get_text_bounded(*tp.get_rect(i))
                    else:
                        tp.get_text_range()
                    tp.close()
                    page.close()
                    pages += 1
                doc.close()
        return pages / (time.process_time() - t0)

    return Raw(text_pps=run(False), words_pps=run(True))


@dataclass(slots=True)
class ExtractSpeed:
    pps: float  # pages per CPU second over the warm rounds: the per-core figure
    wall_pps: float  # the same rounds in wall time (lower when the core is shared)
    cold_pps: float  # the first pass, which pays the one-off imports and regex compiles


def extract_pps(pdfs: list[Path], rounds: int = 2) -> ExtractSpeed:
    """pages/s of `extract()` (read, segment, parse) in this one process: the per-core figure.

    One pass first (timed apart: a process pays its lazy imports and compiled patterns once,
    not per pack), then `rounds` passes in CPU seconds of this process.
    """
    from minutebook.extract import extract

    t0 = time.perf_counter()
    pages = sum(extract(path).pages or 0 for path in pdfs)
    cold = pages / (time.perf_counter() - t0)
    pages = 0
    t0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for path in pdfs:
            pages += extract(path).pages or 0
    return ExtractSpeed(pages / (time.process_time() - cpu0), pages / (time.perf_counter() - t0), cold)


# A local PostgreSQL server's CPU seconds so far: its postmaster, the children it reaped (cutime)
# and those still running. The writer's backend does the inserts, index and tsvector work, so
# on PostgreSQL the writer's own CPU is only part of what each pack costs. None for SQLite, or
# when the server's processes cannot be read (a remote server).
SERVER_CPU = """
def server_cpu(engine):
    if engine.dialect.name != "postgresql":
        return None
    from sqlalchemy import text
    def stat(pid):
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    try:
        with engine.connect() as conn:
            backend = conn.execute(text("select pg_backend_pid()")).scalar()
        with open(f"/proc/{backend}/comm") as f:
            if f.read().strip() != "postgres":
                return None
        postmaster = stat(backend)[1]
        ticks = sum(int(x) for x in stat(postmaster)[11:15])
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                fields = stat(pid)
            except OSError:
                continue
            if fields[1] == postmaster:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
"""

# the writer's peak is VmHWM (see bench/rss.py); the workers' is ru_maxrss of the children
CHILD = PEAK + """
import json, os, resource, sys, time
from pathlib import Path
from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db
""" + SERVER_CPU + """
url, workers, listing = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = [Path(p) for p in Path(listing).read_text().splitlines()]
engine = open_db(url)
server0 = server_cpu(engine)
t0, cpu0 = time.perf_counter(), time.process_time()
report = ingest_paths(engine, files, workers=workers)
seconds, writer_cpu = time.perf_counter() - t0, time.process_time() - cpu0
server1 = server_cpu(engine)
engine.dispose()
children = os.times()
print(json.dumps({"seconds": seconds, "stored": report.count("inserted"), "failed": report.count("failed"),
                  "writer_cpu": writer_cpu, "worker_cpu": children.children_user + children.children_system,
                  "server_cpu": server1 - server0 if server0 is not None and server1 is not None else 0.0,
                  "pages": sum(o.pages or 0 for o in report.outcomes),
                  "writer_mb": peak_mb(),
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


@dataclass(slots=True)
class Run:
    seconds: float
    stored: int
    failed: int
    pages: int
    writer_mb: float
    worker_mb: float
    writer_cpu: float = 0.0  # CPU seconds of the writer process (with workers=1 it parses too)
    worker_cpu: float = 0.0  # CPU seconds of the parse workers
    server_cpu: float = 0.0  # CPU seconds of a local PostgreSQL server (0 for SQLite)

    @property
    def packs_per_s(self) -> float:
        return self.stored / self.seconds

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds

    @property
    def pages_per_cpu_s(self) -> float:
        """Pages per CPU second of the writer and its parse workers (a local server's excluded)."""
        cpu = self.writer_cpu + self.worker_cpu
        return self.pages / cpu if cpu else float("nan")


def ingest_run(url: str, files: list[Path], workers: int) -> Run:
    """One `ingest` of `files` into the (fresh) database at `url`, in a fresh interpreter."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(f) for f in files))
    done = subprocess.run([sys.executable, "-c", CHILD, url, str(workers), listing.name],
                          capture_output=True, text=True, check=False)
    Path(listing.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"ingest into {url.split('@')[-1]} failed: {done.stderr.strip()[-600:]}")
    run = Run(**json.loads(done.stdout.strip().splitlines()[-1]))
    if run.failed:
        print(f"  ({run.failed} files failed to ingest)")
    return run


def pdf_figures(pdfs: list[Path], url: str, raw: Raw) -> tuple[list[Figure], Run]:
    """(1): extract and ingest of the real fixture PDFs vs the raw words+coords baseline."""
    speed = extract_pps(pdfs)
    pps = speed.pps
    print(f"  extract fixture PDFs: {pps:.0f} pages per CPU second; same rounds in wall time {speed.wall_pps:.0f} "
          f"pages/s; first pass (cold process) {speed.cold_pps:.0f} pages/s")
    run = ingest_run(url, pdfs, workers=1)
    print(f"  ingest fixture PDFs: {run.pages_per_cpu_s:.0f} pages per CPU second, {run.pages_per_s:.0f} pages/s wall "
          "(a fresh interpreter: imports, migrations and the database's creation included)")
    figures = [
        Figure("extract fixture PDFs, 1 process: pages/CPU s", pps, "pages/s",
               "raw pypdfium2 words+coords, pages/CPU s", raw.words_pps,
               f">= {GOAL_PAGES_PER_CORE:.0f} pages/s per core", pps >= GOAL_PAGES_PER_CORE),
        Figure("extract fixture PDFs, 1 process: pages/CPU s", pps, "pages/s",
               "raw pypdfium2 text, pages/CPU s", raw.text_pps),
        Figure(f"ingest fixture PDFs -> SQLite, 1 w ({run.pages} p)/CPU s", run.pages_per_cpu_s, "pages/s",
               "raw pypdfium2 words+coords, pages/CPU s", raw.words_pps,
               f"ratio >= {GOAL_RATIO_WORDS}", run.pages_per_cpu_s / raw.words_pps >= GOAL_RATIO_WORDS),
        Figure(f"ingest fixture PDFs -> SQLite, 1 w ({run.pages} p)/CPU s", run.pages_per_cpu_s, "pages/s",
               "raw pypdfium2 text, pages/CPU s", raw.text_pps),
    ]
    return figures, run


def scaling_figures(label: str, urls: tuple[str, str], files: list[Path], workers: int) -> tuple[list[Figure], Run]:
    """(2): the corpus ingested with 1 and with `workers` workers into two fresh databases."""
    one = ingest_run(urls[0], files, 1)
    many = ingest_run(urls[1], files, workers)
    n = max(1, many.stored)
    print(f"  {label}: CPU ms/pack, 1 worker {one.writer_cpu / n * 1000:.0f}, its server {one.server_cpu / n * 1000:.0f}; "
          f"{workers} workers: writer {many.writer_cpu / n * 1000:.0f}, parse workers {many.worker_cpu / n * 1000:.0f}, "
          f"server {many.server_cpu / n * 1000:.0f}")
    figures = [
        Figure(f"ingest corpus -> {label}, 1 worker ({one.stored} packs)", one.packs_per_s, "packs/s",
               "(reference)", one.packs_per_s),
        Figure(f"ingest corpus -> {label}, {workers} workers", many.packs_per_s, "packs/s",
               f"same, 1 worker: packs/s", one.packs_per_s,
               f"speed-up >= {GOAL_SPEEDUP}x", many.packs_per_s / one.packs_per_s >= GOAL_SPEEDUP),
        Figure(f"ingest corpus -> {label}: CPU-bound speed-up ceiling", speedup_ceiling(one, many, workers), "x",
               "measured speed-up", many.packs_per_s / one.packs_per_s),
    ]
    return figures, many


def speedup_ceiling(one: Run, many: Run, workers: int, cores: int | None = None) -> float:
    """What `workers` parse workers could give at best, from CPU time (steadier than wall time on a
    shared machine): the 1-worker run's CPU over the larger of the writer's chain (the writer and
    its database server process take turns on each statement, so together they cannot go faster
    than that) and all the CPU spread over the cores. A local PostgreSQL server's CPU is counted
    (see SERVER_CPU); SQLite runs inside the writer."""
    cores = cores or min(workers, os.cpu_count() or 1)
    chain = many.writer_cpu + many.server_cpu
    bound = max(chain, (many.writer_cpu + many.worker_cpu + many.server_cpu) / cores)
    return (one.writer_cpu + one.server_cpu) / bound if bound else float("nan")

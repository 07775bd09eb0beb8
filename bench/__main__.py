"""`python -m bench [--quick]`: every figure beside a baseline measured in the same run on the
same input, with the ratio and, where issue 8 set one, the goal and PASS/MISS (see README.md).

Goals never fail the run: the exit status is non-zero only when something errored.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.bulk import grow_passages
from bench.ingest_bench import ingest_run, pdf_figures, raw_pdfium, scaling_figures
from bench.measure import Figure
from bench.rss_figures import ingest_rss_figures, pdf_rss_figures
from bench.search_bench import search_figures

QUICK = {"packs": 40, "pg_packs": 40, "passages": 200_000, "pg_passages": 50_000, "rounds": 3,
         "pdf_pages": (100, 200, 400)}
FULL = {"packs": 5000, "pg_packs": 5000, "passages": 1_000_000, "pg_passages": 1_000_000, "rounds": 5,
        "pdf_pages": (500, 1000, 2000)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small sizes, under 2 minutes on 2 cores (CI)")
    ap.add_argument("--packs", type=int, default=None, help="generated packs ingested into SQLite (5000 / 40)")
    ap.add_argument("--pg-packs", type=int, default=None, help="generated packs ingested into PostgreSQL")
    ap.add_argument("--passages", type=int, default=None, help="passages in the SQLite search DB (1M / 200k)")
    ap.add_argument("--pg-passages", type=int, default=None, help="passages in the PostgreSQL search DB")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL even when its binaries are installed")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--rounds", type=int, default=None, help="passes over the search queries")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it (corpus, databases)")
    args = ap.parse_args(argv)
    size = dict(QUICK if args.quick else FULL)
    for key in ("packs", "pg_packs", "passages", "pg_passages", "rounds"):
        if getattr(args, key) is not None:
            size[key] = getattr(args, key)
    size["pg_packs"] = min(size["pg_packs"], size["packs"])
    started = time.perf_counter()

    from minutebook.testing.corpus import generate_corpus
    from minutebook.testing.fixtures import fixture_files

    work = args.keep or Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pdfs = [p for p in fixture_files() if p.suffix == ".pdf"]
    print(f"bench: {'quick' if args.quick else 'full'}; {size}, workers={args.workers}, in {work}")
    figures: list[Figure] = []

    raw = raw_pdfium(pdfs)
    print(f"  raw pypdfium2 over the {len(pdfs)} fixture PDFs: text {raw.text_pps:.0f} pages/CPU s, "
          f"words+coords {raw.words_pps:.0f} pages/CPU s")
    out, _ = pdf_figures(pdfs, _sqlite(work, "pdfs"), raw)
    figures += out

    t0 = time.perf_counter()
    corpus = generate_corpus(work / "corpus", size["packs"])
    print(f"  generated {len(corpus)} text packs in {time.perf_counter() - t0:.1f}s")
    quarter = ingest_run(_sqlite(work, "quarter"), corpus[: max(1, len(corpus) // 4)], args.workers)
    search_db = _sqlite(work, "wn")  # the many-worker database is grown for the search figures
    out, full = scaling_figures("SQLite", (_sqlite(work, "w1"), search_db), corpus, args.workers)
    figures += out
    figures.append(Figure(f"ingest corpus -> SQLite, {args.workers} w, all {full.stored} packs", full.packs_per_s,
                          "packs/s", f"same, first {quarter.stored} packs, fresh DB", quarter.packs_per_s))
    figures += ingest_rss_figures(quarter, full)

    figures += _grown_search("SQLite FTS5", search_db, size["passages"], size["rounds"])
    if not args.no_pg:
        figures += _postgres(corpus[: size["pg_packs"]], args.workers, size["pg_passages"], size["rounds"])
    figures += pdf_rss_figures(pdfs, size["pdf_pages"], work)

    print()
    for f in figures:
        print(f.line())
    goals = [f for f in figures if f.met is not None]
    print(f"\ngoals: {sum(f.met for f in goals if f.met)} PASS, {sum(not f.met for f in goals)} MISS of {len(goals)}"
          " measurable at these sizes")
    print(f"bench finished in {time.perf_counter() - started:.0f}s")
    return 0


def _sqlite(work: Path, name: str) -> str:
    for old in work.glob(f"{name}.db*"):  # a kept folder: start every database fresh
        old.unlink()
    return f"sqlite:///{work / name}.db"


def _grown_search(label: str, url: str, passages: int, rounds: int) -> list[Figure]:
    n, seconds = grow_passages(url, passages)
    print(f"  {label}: copied passages up to {n:,} in {seconds:.0f}s (real index, see bench/bulk.py)")
    return search_figures(label, url, rounds)


def _postgres(files: list[Path], workers: int, passages: int, rounds: int) -> list[Figure]:
    from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server

    try:
        with postgres_server() as server, fresh_database(server) as one, fresh_database(server) as many:
            out, _ = scaling_figures("PostgreSQL", (one, many), files, workers)
            return out + _grown_search("PostgreSQL tsvector", many, passages, rounds)
    except PostgresUnavailable as exc:
        print(f"  PostgreSQL skipped: {exc}")
        return []


if __name__ == "__main__":
    sys.exit(main())

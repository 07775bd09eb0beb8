"""`python -m bench [--quick]`: ingest throughput and search latency, each against a baseline
measured in the same run on the same input (see bench/README.md)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.ingest_bench import ingest_figures, raw_pdfium
from bench.measure import Figure
from bench.search_bench import search_figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="~200 generated packs (under 2 minutes on 2 cores)")
    ap.add_argument("--packs", type=int, default=None, help="generated packs for the corpus (default 200 / 3600)")
    ap.add_argument("--pg-packs", type=int, default=None, help="packs ingested into PostgreSQL (default 200 / 600)")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL even when its binaries are installed")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--rounds", type=int, default=None, help="passes over the search queries")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it (corpus, databases)")
    args = ap.parse_args(argv)
    packs = args.packs or (200 if args.quick else 3600)
    pg_packs = min(packs, args.pg_packs or (200 if args.quick else 600))
    rounds = args.rounds or (5 if args.quick else 10)
    started = time.perf_counter()

    from minutebook.testing.corpus import generate_corpus
    from minutebook.testing.fixtures import fixture_files

    work = args.keep or Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pdfs = [p for p in fixture_files() if p.suffix == ".pdf"]
    figures: list[Figure] = []
    print(f"bench: {'quick' if args.quick else 'full'}; {packs} generated packs, workers={args.workers}, in {work}")
    raw = raw_pdfium(pdfs)
    print(f"  raw pypdfium2 text extraction of the {len(pdfs)} fixture PDFs: {raw[0]:.1f} pages/s")
    figures += ingest_figures("real fixture PDFs -> SQLite", f"sqlite:///{work / 'pdfs.db'}", pdfs, args.workers, raw)
    t0 = time.perf_counter()
    corpus = generate_corpus(work / "corpus", packs)
    print(f"  generated {len(corpus)} text packs from the fixtures in {time.perf_counter() - t0:.1f}s "
          "(PDF fixtures become text dumps of their pypdfium2 lines)")
    sqlite_url = f"sqlite:///{work / 'corpus.db'}"
    figures += ingest_figures("corpus -> SQLite", sqlite_url, corpus, args.workers, raw)
    figures += search_figures("SQLite FTS5", sqlite_url, rounds)
    if not args.no_pg:
        figures += _postgres(corpus[:pg_packs], args.workers, raw, rounds)
    print()
    for f in figures:
        print(f.line())
    print(f"\nbench finished in {time.perf_counter() - started:.0f}s")
    return 0


def _postgres(files: list[Path], workers: int, raw: tuple[float, float], rounds: int) -> list[Figure]:
    from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server

    try:
        with postgres_server() as server, fresh_database(server) as url:
            out = ingest_figures("corpus -> PostgreSQL", url, files, workers, raw)
            return out + search_figures("PostgreSQL tsvector", url, rounds)
    except PostgresUnavailable as exc:
        print(f"  PostgreSQL skipped: {exc}")
        return []


if __name__ == "__main__":
    sys.exit(main())

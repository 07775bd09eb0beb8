"""Ingest throughput (packs/s, pages/s) vs raw pypdfium2 text extraction of the same PDFs."""

from __future__ import annotations

import time
from pathlib import Path

from bench.measure import Figure


def raw_pdfium(pdfs: list[Path], rounds: int = 3) -> tuple[float, float]:
    """Baseline: open each PDF and pull every page's text with pypdfium2, nothing else."""
    import pypdfium2 as pdfium

    pages = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for path in pdfs:
            doc = pdfium.PdfDocument(path)
            for page in doc:
                tp = page.get_textpage()
                tp.get_text_range()
                tp.close()
                page.close()
                pages += 1
            doc.close()
    seconds = time.perf_counter() - t0
    return pages / seconds, rounds * len(pdfs) / seconds  # pages/s, packs (files)/s


def ingest_files(url: str, files: list[Path], workers: int) -> tuple[float, int, int, int]:
    """Seconds, packs stored, pages, failures for one `ingest` of `files` into a fresh database."""
    from minutebook.store.batch import ingest_paths
    from minutebook.store.db import open_db

    engine = open_db(url)
    t0 = time.perf_counter()
    report = ingest_paths(engine, files, workers=workers)
    seconds = time.perf_counter() - t0
    engine.dispose()
    pages = sum(o.pages or 0 for o in report.outcomes)
    return seconds, report.count("inserted"), pages, report.count("failed")


def ingest_figures(label: str, url: str, files: list[Path], workers: int, raw: tuple[float, float]) -> list[Figure]:
    raw_pps, raw_files = raw
    seconds, stored, pages, failed = ingest_files(url, files, workers)
    if failed:
        print(f"  ({label}: {failed} files failed to ingest)")
    return [
        Figure(f"ingest {label}: packs/s ({stored} packs)", stored / seconds, "packs/s",
               "raw pypdfium2 text, PDFs/s", raw_files),
        Figure(f"ingest {label}: pages/s ({pages} pages)", pages / seconds, "pages/s",
               "raw pypdfium2 text, pages/s", raw_pps),
    ]

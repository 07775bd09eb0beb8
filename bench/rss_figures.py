"""(4) peak RSS figures: a big PDF at three sizes, and the writer over a small and a big ingest."""

from __future__ import annotations

from pathlib import Path

from bench.ingest_bench import Run
from bench.measure import Figure
from bench.rss import baseline_rss, big_pdf, extract_rss

GOAL_MB = 300.0
GOAL_FLAT = 1.25  # "flat": the biggest input's peak within 25% of the smallest's


def pdf_rss_figures(pdfs: list[Path], sizes: tuple[int, int, int], work: Path) -> list[Figure]:
    base = baseline_rss()
    peaks: dict[int, float] = {}
    for n in sizes:
        out = extract_rss(big_pdf(pdfs, n, work / f"big-{n}.pdf"))
        peaks[n] = out["maxrss_mb"]
        print(f"  extract {n}-page PDF: peak RSS {out['maxrss_mb']:.0f} MB, {out['pages'] / out['seconds']:.0f} pages/s")
    small, big = sizes[0], sizes[-1]
    out = [Figure(f"extract {n}-page PDF: peak RSS", peaks[n], "MB", "python + imports only: RSS MB", base)
           for n in sizes[:-1]]
    out.append(Figure(f"extract {big}-page PDF: peak RSS", peaks[big], "MB", "python + imports only: RSS MB", base,
                      f"< {GOAL_MB:.0f} MB", peaks[big] < GOAL_MB))
    out.append(Figure(f"extract peak RSS, {big} vs {small} pages", peaks[big], "MB", f"same, {small} pages: MB",
                      peaks[small], f"ratio <= {GOAL_FLAT} (flat)", peaks[big] / peaks[small] <= GOAL_FLAT))
    return out


def ingest_rss_figures(small: Run, big: Run) -> list[Figure]:
    return [
        Figure(f"ingest writer peak RSS, {big.stored} packs", big.writer_mb, "MB",
               f"same, {small.stored} packs: MB", small.writer_mb,
               f"ratio <= {GOAL_FLAT} (flat)", big.writer_mb / small.writer_mb <= GOAL_FLAT),
        Figure(f"ingest worker peak RSS, {big.stored} packs", big.worker_mb, "MB",
               f"same, {small.stored} packs: MB", small.worker_mb,
               f"< {GOAL_MB:.0f} MB", big.worker_mb < GOAL_MB),
    ]

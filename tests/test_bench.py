"""Smoke test of the bench pieces on a tiny corpus: distinct generated packs, ingest and search figures."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from minutebook.read import read_pack
from minutebook.testing.corpus import generate_corpus
from minutebook.testing.fixtures import fixture_path

ROOT = Path(__file__).resolve().parents[1]
SMALL = (fixture_path("kent-cabinet-2025-01-30-agenda"), fixture_path("nipissing-council-2023-12-19-minutes"))


def test_generated_packs_are_distinct_text_packs(tmp_path: Path) -> None:
    files = generate_corpus(tmp_path, 8, fixtures=SMALL)
    assert len(files) == 8
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 8  # nothing deduplicates
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert all("Corpus copy" in t for t in texts)
    assert texts[0] != texts[2]  # same source, other dates / names / amounts
    pack = read_pack(files[1])
    assert pack.kind == "text" and pack.pages and pack.pages >= 2  # form feeds keep the PDF's pages


def test_bench_figures_on_a_tiny_corpus(tmp_path: Path) -> None:
    """Every bench piece on tiny inputs: figures with baselines, goals that print PASS/MISS,
    the bulk loader (its copies are found by the real index) and the big-PDF builder."""
    sys.path.insert(0, str(ROOT))
    try:
        from bench.bulk import grow_passages
        from bench.ingest_bench import pdf_figures, raw_pdfium, scaling_figures
        from bench.rss import big_pdf, extract_rss
        from bench.search_bench import search_figures
    finally:
        sys.path.remove(str(ROOT))
    pdfs = [p for p in SMALL if p.suffix == ".pdf"]
    raw = raw_pdfium(pdfs, rounds=1)
    assert raw.text_pps > 0 and raw.words_pps > 0
    figures, _ = pdf_figures(pdfs, f"sqlite:///{tmp_path / 'p.db'}", raw)
    files = generate_corpus(tmp_path / "corpus", 4, fixtures=SMALL)
    urls = (f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}")
    out, run = scaling_figures("SQLite", urls, files, 2)
    figures += out
    assert run.stored == 4 and run.writer_mb > 0
    before = search_figures("sqlite", urls[1], rounds=1)[0]
    n, _ = grow_passages(urls[1], 3 * int(before.name.split("(")[1].split()[0]))
    figures += search_figures("sqlite", urls[1], rounds=1)
    assert f"({n} passages)" in figures[-1].name
    assert all(f.value > 0 and f.baseline > 0 for f in figures)
    assert all("ratio" in f.line() for f in figures)
    assert any(f.line().endswith(("PASS", "MISS")) for f in figures)
    pdf = big_pdf(pdfs, 5, tmp_path / "big.pdf")
    out_rss = extract_rss(pdf)
    assert out_rss["pages"] == 5 and out_rss["maxrss_mb"] > 0

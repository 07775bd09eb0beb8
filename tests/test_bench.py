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
    sys.path.insert(0, str(ROOT))
    try:
        from bench.ingest_bench import ingest_figures, raw_pdfium
        from bench.search_bench import search_figures
    finally:
        sys.path.remove(str(ROOT))
    raw = raw_pdfium([p for p in SMALL if p.suffix == ".pdf"], rounds=1)
    files = generate_corpus(tmp_path / "corpus", 6, fixtures=SMALL)
    url = f"sqlite:///{tmp_path / 'b.db'}"
    figures = ingest_figures("corpus", url, files, 1, raw) + search_figures("sqlite", url, rounds=1)
    assert len(figures) == 4
    assert all(f.value > 0 and f.baseline > 0 for f in figures)
    assert "ratio" in figures[0].line()

"""Peak memory: extracting a big PDF (500 / 1,000 / 2,000 pages), each in a fresh subprocess.

The big PDFs are made of real fixture pages (pypdfium2 `import_pages`, the fixtures repeated
in turn), so every page has a real text layer, tables and headings. A fresh interpreter per
size gives each figure its own peak (ru_maxrss) with nothing left over from the others; the
figure to watch is the ratio 2,000 / 500 pages: flat memory means ~1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork+exec, so a child started from a big
# bench process would report the parent's size; VmHWM belongs to the new address space.
PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

CHILD = PEAK + """
import json, sys, time
from minutebook.extract import extract
t0 = time.perf_counter()
record = extract(sys.argv[1])
print(json.dumps({"pages": record.pages, "seconds": time.perf_counter() - t0, "maxrss_mb": peak_mb()}))
"""


def big_pdf(pdfs: list[Path], pages: int, out: Path) -> Path:
    """A PDF of `pages` pages copied from the fixture PDFs, one fixture after another."""
    import pypdfium2 as pdfium

    if out.exists():
        return out
    sources = [pdfium.PdfDocument(p) for p in pdfs]
    target = pdfium.PdfDocument.new()
    try:
        i = 0
        while len(target) < pages:
            src = sources[i % len(sources)]
            take = min(len(src), pages - len(target))
            target.import_pages(src, list(range(take)))
            i += 1
        target.save(out)
    finally:
        target.close()
        for s in sources:
            s.close()
    return out


def extract_rss(path: Path) -> dict[str, float]:
    """Pages, seconds and peak RSS (MB) of `extract(path)` in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"extract of {path.name} failed: {done.stderr.strip()[-400:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def baseline_rss() -> float:
    """Peak RSS (MB) of a fresh interpreter that imports the extractor and does nothing else."""
    code = PEAK + "import minutebook.extract, pypdfium2\nprint(peak_mb())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())

"""The parsers stay linear in pack size: a pack ten times longer takes about ten times longer.

No absolute timings (machines differ): the 10x pack's time is compared with the 1x pack's,
measured in the same process as CPU time (wall time moved with the machine's load: a
loaded 2-core box gave 27x), with a generous bound that still catches quadratic work
(which would make the ratio ~100).
"""

from __future__ import annotations

import re
import time

from minutebook.extract import extract_pack
from minutebook.read import read_bytes
from minutebook.testing.fixtures import fixture_path

COPIES = 10
MAX_RATIO = 35.0


def _years_moved(text: str, k: int) -> str:
    """The pack with every year moved on by k, so each copy reads as another meeting's pages."""
    return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) + k), text)


def _seconds(data: bytes, name: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        extract_pack(read_bytes(data, name))
        best = min(best, time.process_time() - start)
    return best


def test_extraction_time_grows_linearly_with_pack_length() -> None:
    text = fixture_path("westminster-ahpp-2017-02-01").read_text(encoding="utf-8")
    long_text = "\n\n".join(_years_moved(text, k) for k in range(COPIES))
    assert long_text.count("\n") > 9 * text.count("\n")
    one = _seconds(text.encode(), "westminster-1x.txt", runs=3)
    ten = _seconds(long_text.encode(), "westminster-10x.txt", runs=2)
    ratio = ten / one
    assert ratio < MAX_RATIO, f"10x pack took {ratio:.1f}x the 1x pack ({ten:.2f}s vs {one:.3f}s): something is superlinear"

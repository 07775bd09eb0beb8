"""CI's short fuzz pass: every fuzz target (fuzz/fuzz_targets.py) for a few seconds each.

atheris when installed (coverage-guided libFuzzer), else the hypothesis fallback; a crash or
an input slower than 20 s fails the test with the crash detail. `make fuzz` is the long run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECONDS = os.environ.get("MINUTEBOOK_FUZZ_SECONDS", "8")


def test_short_fuzz_pass_finds_no_crash(tmp_path: Path) -> None:
    out = tmp_path / "fuzz.json"
    result = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), "--seconds", SECONDS, "--json", str(out)],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    runs = json.loads(out.read_text())
    assert all(r["runs"] > 0 for r in runs), runs

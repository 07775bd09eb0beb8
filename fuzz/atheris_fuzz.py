"""atheris (libFuzzer) harness: python fuzz/atheris_fuzz.py TARGET [libFuzzer flags...].

TARGET is one of fuzz_targets.TARGETS. Seeds come from the bad-input corpus, written into
fuzz/corpus/TARGET (git-ignored; new coverage-increasing inputs land there too). Crashes are
written as crash-* files in the working directory. Example:

    python fuzz/atheris_fuzz.py parsers -max_total_time=300
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["minutebook"]):
    from fuzz_targets import TARGETS, seeds  # noqa: E402


def main() -> None:
    target = sys.argv[1]
    fn = TARGETS[target]
    corpus = Path(__file__).resolve().parent / "corpus" / target
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(seeds(target)):
        (corpus / f"seed-{i:02d}").write_bytes(seed[:200_000])
    atheris.Setup([sys.argv[0], *sys.argv[2:], "-max_len=65536", "-rss_limit_mb=4096", "-timeout=20", str(corpus)],
                  fn)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

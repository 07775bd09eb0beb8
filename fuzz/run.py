"""Run every fuzz target for a time budget and print runs and crashes per target.

    python fuzz/run.py --seconds 150      # `make fuzz`: about ten minutes in all
    python fuzz/run.py --seconds 12       # CI's short pass (< 60 s)

Uses atheris (libFuzzer, coverage-guided) when it imports; otherwise a hypothesis-driven
fallback (random and seed-mutated bytes, no coverage feedback) with the same targets, and says
which one ran. Exits 1 if any target crashed; crash inputs are kept under fuzz/crashes/.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fuzz_targets import TARGETS, seeds  # noqa: E402


def run_atheris(target: str, seconds: int) -> dict[str, object]:
    crashes = HERE / "crashes" / target
    crashes.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(HERE / "atheris_fuzz.py"), target, f"-max_total_time={seconds}",
                           f"-artifact_prefix={crashes}/", "-print_final_stats=1"],
                          capture_output=True, text=True, timeout=seconds + 120)
    log = proc.stderr + proc.stdout
    runs = re.findall(r"Done (\d+) runs", log) or re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    crashed = proc.returncode != 0
    if crashed:
        (crashes / "last.log").write_text(log[-20000:])
    return {"target": target, "engine": "atheris", "seconds": round(time.monotonic() - started, 1),
            "runs": int(runs[-1]) if runs else 0, "crashes": int(crashed),
            "detail": log[-1500:] if crashed else ""}


def run_hypothesis(target: str, seconds: int) -> dict[str, object]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    fn = TARGETS[target]
    pool = seeds(target)
    runs = 0
    deadline = time.monotonic() + seconds
    failures: list[str] = []

    def mutate(seed: bytes, edits: list[tuple[int, bytes]]) -> bytes:
        out = bytearray(seed)
        for pos, chunk in edits:
            at = pos % (len(out) + 1)
            out[at:at + len(chunk)] = chunk
        return bytes(out)

    data = st.one_of(st.binary(max_size=4096), st.text(max_size=2000).map(str.encode),
                     st.builds(mutate, st.sampled_from(pool),
                               st.lists(st.tuples(st.integers(0, 1 << 20), st.binary(max_size=16)), max_size=8)))

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data)
    def one(blob: bytes) -> None:
        nonlocal runs
        if time.monotonic() > deadline:
            return
        runs += 1
        fn(blob)

    started = time.monotonic()
    while time.monotonic() < deadline:
        try:
            one()
        except Exception as exc:  # noqa: BLE001 - a crash: record and stop this target
            failures.append(f"{type(exc).__name__}: {exc}")
            break
    return {"target": target, "engine": "hypothesis", "seconds": round(time.monotonic() - started, 1),
            "runs": runs, "crashes": len(failures), "detail": "\n".join(failures)[:1500]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=150, help="budget per target")
    parser.add_argument("--targets", nargs="*", default=list(TARGETS), choices=list(TARGETS))
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
            print("atheris not importable: using the hypothesis fallback (no coverage feedback)", file=sys.stderr)
    results = [(run_atheris if engine == "atheris" else run_hypothesis)(t, args.seconds) for t in args.targets]
    print(f"{'target':10} {'engine':10} {'seconds':>8} {'runs':>9} {'crashes':>7}")
    for r in results:
        print(f"{r['target']:10} {r['engine']:10} {r['seconds']:>8} {r['runs']:>9} {r['crashes']:>7}")
        if r["detail"]:
            print(r["detail"], file=sys.stderr)
    total = sum(int(r["runs"]) for r in results)  # type: ignore[call-overload]
    print(f"total: {total} executions in {sum(float(r['seconds']) for r in results):.0f} s")  # type: ignore[arg-type]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 1 if any(r["crashes"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Timing helpers and the figure table every bench prints: value, baseline, ratio, goal."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline_name: str
    baseline: float
    goal: str = ""  # the goal for this figure, in words ("ratio >= 0.5")
    met: bool | None = None  # None: no goal on this line, or (with a goal) not measurable at this size

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")

    def line(self) -> str:
        verdict = "" if not self.goal else f" | GOAL {self.goal}: " + (
            "n/a at this size" if self.met is None else "PASS" if self.met else "MISS")
        return (f"{self.name:<50} {self.value:>10.2f} {self.unit:<7} | {self.baseline_name:<34} "
                f"{self.baseline:>10.2f} | ratio {self.ratio:>8.2f}{verdict}")


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of `repeat` calls."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")

"""Timing helpers and the figure table every bench prints: value, baseline, ratio."""

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

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")

    def line(self) -> str:
        return (f"{self.name:<52} {self.value:>11.3f} {self.unit:<7} | {self.baseline_name:<36} "
                f"{self.baseline:>11.3f} | ratio {self.ratio:>9.2f}")


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

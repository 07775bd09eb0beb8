"""Search latency p50/p95 vs a plain indexed `SELECT ... WHERE id = ?` on the same database."""

from __future__ import annotations

import random
import time

from sqlalchemy import func, select, text

from bench.measure import Figure, median, percentile, timed

# words and phrases the fixtures contain (common, middling and rare), plus hostile input
QUERIES = ("housing", "budget", "social care", '"adult social care"', "safeguarding", "council tax support",
           "consultation responses", "minutes of the meeting", "apologies", "recommendation", "library",
           "public health", "transport", "declarations of interest", "agreed", "zebra crossing quarry",
           "NEAR(budget", "board", "performance report", "children")


GOAL_P95_MS = 50.0


def search_figures(label: str, url: str, rounds: int, seed: int = 5) -> list[Figure]:
    from minutebook.search import search
    from minutebook.store.db import open_db, sessions
    from minutebook.store.schema import Passage

    engine = open_db(url)
    rng = random.Random(seed)
    with sessions(engine)() as session:
        n = session.scalar(select(func.count()).select_from(Passage)) or 0
        hi = session.scalar(select(func.max(Passage.id))) or 1
        for q in QUERIES:  # warm the caches once, as a running server would be
            search(session, q)
        samples: list[float] = []
        per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
        cpu: dict[str, float] = dict.fromkeys(QUERIES, 0.0)  # this process's CPU (the client's part)
        for _ in range(rounds):
            for q in QUERIES:
                c0 = time.process_time()
                per_query[q] += timed(lambda q=q: search(session, q, limit=20), 1)
                cpu[q] += time.process_time() - c0
                samples += per_query[q][-1:]
        point = text("SELECT id, text FROM passage WHERE id = :id")
        base = timed(lambda: session.execute(point, {"id": rng.randint(1, hi)}).all(), max(200, len(samples)))
        totals = {q: _total(search(session, q, limit=1)) for q in QUERIES[:4]}
    engine.dispose()
    print(f"  {label}: {n} passages; totals for some queries: {totals}")
    slowest = sorted(per_query, key=lambda q: -median(per_query[q]))[:3]
    print("    slowest queries (median ms): " + ", ".join(f"{q!r} {median(per_query[q]):.1f}" for q in slowest))
    _table(per_query, cpu, rounds)
    p95 = percentile(samples, 0.95)
    return [
        Figure(f"search {label}: p50 ms ({n} passages)", percentile(samples, 0.5), "ms",
               "SELECT ... WHERE id = ?: p50 ms", percentile(base, 0.5)),
        Figure(f"search {label}: p95 ms ({n} passages)", p95, "ms",
               "SELECT ... WHERE id = ?: p95 ms", percentile(base, 0.95),
               f"p95 < {GOAL_P95_MS:.0f} ms at >= 1M passages", (p95 < GOAL_P95_MS) if n >= 1_000_000 else None),
    ]


def _total(result: object) -> str:
    total = getattr(result, "total", 0)
    return f"{total:,}+" if getattr(result, "total_is_estimate", False) else f"{total:,}"


def _table(per_query: dict[str, list[float]], cpu: dict[str, float], rounds: int) -> None:
    """Per query: median and slowest wall ms, and the client's CPU ms (wall minus it is the
    database server's work and waiting, on a shared machine also other processes' turn)."""
    print(f"    {'query':26} {'p50 ms':>7} {'max ms':>7} {'client CPU ms':>13}")
    for q, ms in per_query.items():
        print(f"    {q[:26]:26} {median(ms):7.1f} {max(ms):7.1f} {cpu[q] / rounds * 1000:13.1f}")

"""Where parsing runs: the executor protocol and the local process pool.

The writer (batch.ingest_paths) hands an executor the files to parse and takes back one
result per file, in the order given: the same order means the same database rows, the same
ids and the same cross-meeting links whichever executor did the parsing. Executors only
parse; nothing but the writer ever touches the database.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Protocol

from minutebook.errors import MinutebookError
from minutebook.store.parsed import Failed, ParsedPack, extractor_version, passages_from_lines

Result = ParsedPack | Failed


class Executor(Protocol):
    """Parses files somewhere; yields exactly one result per path, in the order given."""

    def parse(self, paths: Sequence[Path]) -> Iterator[Result]: ...

    def close(self) -> None:
        """Release what the executor started (a pool, a Ray connection)."""


def parse_file(path: str) -> Result:
    """Worker: read and extract one file; every failure becomes a one-line reason."""
    from minutebook.extract import extract_pack  # noqa: PLC0415 - keep worker start-up light
    from minutebook.read import read_pack  # noqa: PLC0415

    try:
        pack = read_pack(path)
        record = extract_pack(pack)
    except MinutebookError as error:
        return Failed(path, error.line().removeprefix("error: "))
    except Exception as exc:  # noqa: BLE001 - never let one file's bug stop the batch
        return Failed(path, f"{path}: internal error ({type(exc).__name__}: {exc})")
    return ParsedPack(path=path, sha256=pack.sha256 or "", kind=pack.kind, pages=pack.pages,
                      record=record.to_json_dict(), passages=passages_from_lines(pack.lines),
                      extractor_version=extractor_version())


WINDOW_PER_WORKER = 4  # parses queued per worker: enough to keep workers busy while the writer commits
# Parse workers run this much "nicer" than the writer. The one writer is the batch's bottleneck
# (every pack is stored by it, and on PostgreSQL by its server process too); at equal priority
# two workers took CPU from it and 2 workers ingested slower than 1. Niced, the workers still
# get every cycle the writer leaves idle. Only priority changes: what is stored is the same.
WORKER_NICE = 5


def _import_extractor() -> None:
    import minutebook.extract  # noqa: F401, PLC0415
    import minutebook.read  # noqa: F401, PLC0415


def _start_worker() -> None:
    """Pool initializer: lower this worker's priority; import the extractor once, not on the first file."""
    try:
        os.nice(WORKER_NICE)
    except (AttributeError, OSError):  # no nice() on this platform, or not permitted: run as is
        pass
    _import_extractor()


class LocalExecutor:
    """A process pool on this machine; in-process when workers <= 1 (tests, debugging)."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    def parse(self, paths: Sequence[Path]) -> Iterator[Result]:
        if self.workers <= 1 or len(paths) <= 1:
            for p in paths:
                yield parse_file(str(p))
            return
        # a bounded window of parses in flight: the writer's memory stays flat in corpus size
        # (submitting every file at once held every parsed pack until the writer reached it)
        window = self.workers * WINDOW_PER_WORKER
        # imported here before the pool forks, the workers inherit the extractor instead of
        # each importing it (a spawned worker imports it in _start_worker)
        _import_extractor()

        with ProcessPoolExecutor(max_workers=self.workers, initializer=_start_worker) as pool:
            pending: deque[tuple[Path, Future[Result]]] = deque()
            queue = iter(paths)
            for p in queue:
                pending.append((p, pool.submit(parse_file, str(p))))
                if len(pending) >= window:
                    break
            while pending:
                p, fut = pending.popleft()
                try:
                    result: Result = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died (e.g. out of memory)
                    result = Failed(str(p), f"{p}: the parsing worker failed ({type(exc).__name__})")
                nxt = next(queue, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(parse_file, str(nxt))))
                yield result

    def close(self) -> None:
        """Nothing to release: the pool lives only inside parse()."""


EXECUTORS = ("local", "ray")


def make_executor(name: str, workers: int = 1, ray_address: str | None = None) -> Executor:
    """The executor called `name`; ExecutorUnavailable when its package is not installed."""
    if name == "local":
        return LocalExecutor(workers)
    if name == "ray":
        from minutebook.store.executors_ray import RayExecutor  # noqa: PLC0415 - ray is an optional extra

        return RayExecutor(address=ray_address)
    raise ValueError(f"unknown executor {name!r} (choose from {', '.join(EXECUTORS)})")


class ExecutorUnavailable(RuntimeError):
    """The executor's package is missing or its cluster cannot be reached (a one-line reason)."""

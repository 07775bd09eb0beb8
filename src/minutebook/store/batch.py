"""A batch: find the files, parse them with an executor, write them from this one process.

Workers only read and extract (CPU-bound, parallel: a local process pool or a Ray cluster,
see store/executors*.py); the single writer commits one pack per transaction, so SQLite
never sees two writers and cluster nodes never need the database. Files already stored
with the same extractor version are not parsed again.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import Engine

from minutebook.store.executors import Executor, LocalExecutor, parse_file
from minutebook.store.ingest import Outcome, Report, ingest_one, known_versions
from minutebook.store.parsed import extractor_version

__all__ = ["PACK_SUFFIXES", "find_files", "file_sha256", "ingest_paths", "parse_file"]

PACK_SUFFIXES = {".pdf", ".txt"}
Progress = Callable[[Outcome], None]


def find_files(targets: Iterable[str | Path]) -> list[Path]:
    """Files as given, .pdf/.txt files under folders, and glob matches; each once, in order."""
    out: list[Path] = []
    for target in targets:
        p = Path(target)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PACK_SUFFIXES))
        elif not p.exists() and glob.has_magic(str(target)):
            out.extend(sorted(Path(m) for m in glob.glob(str(target), recursive=True) if Path(m).is_file()))
        else:
            out.append(p)  # a missing file is reported as failed by the worker, with the reader's message
    return list(dict.fromkeys(out))


def file_sha256(path: Path) -> str | None:
    """The file's sha256, read in chunks (a big pack's bytes are never all in the writer)."""
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def ingest_paths(engine: Engine, targets: Iterable[str | Path], workers: int = 1,
                 progress: Progress | None = None, executor: Executor | None = None) -> Report:
    """Parse the files that are new or out of date and write them, one transaction each.

    `executor` decides where parsing runs (default: a local pool of `workers` processes);
    whatever it is, results are written here, in file order, so the rows come out the same.
    """
    executor = executor or LocalExecutor(workers)
    files = find_files(targets)
    version = extractor_version()
    shas = {p: file_sha256(p) for p in files}
    stored = known_versions(engine, [s for s in shas.values() if s])
    report = Report()
    todo: list[Path] = []
    for p in files:
        sha = shas[p]
        if sha is not None and stored.get(sha) == version:
            report.outcomes.append(Outcome(str(p), "unchanged"))
            if progress:
                progress(report.outcomes[-1])
        else:
            todo.append(p)
    try:
        for item in executor.parse(todo):
            outcome = ingest_one(engine, item)
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)
    finally:
        executor.close()
    order = {str(p): i for i, p in enumerate(files)}
    report.outcomes.sort(key=lambda o: order.get(o.path, 0))
    return report

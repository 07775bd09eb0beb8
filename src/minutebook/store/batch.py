"""A batch: find the files, parse them in worker processes, write them from this one process.

Workers only read and extract (CPU-bound, parallel); the single writer commits one pack per
transaction, so SQLite never sees two writers. Files already stored with the same extractor
version are not parsed again.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import Engine

from minutebook.errors import MinutebookError
from minutebook.store.ingest import Outcome, Report, ingest_one, known_versions
from minutebook.store.parsed import Failed, ParsedPack, extractor_version, passages_from_lines

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


def parse_file(path: str) -> ParsedPack | Failed:
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


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _parsed(paths: list[Path], workers: int) -> Iterator[ParsedPack | Failed]:
    """Parse results in the order given; in-process when workers <= 1 (tests, debugging)."""
    if workers <= 1 or len(paths) <= 1:
        for p in paths:
            yield parse_file(str(p))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[ParsedPack | Failed]] = [pool.submit(parse_file, str(p)) for p in paths]
        for p, fut in zip(paths, futures):
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died (e.g. out of memory)
                yield Failed(str(p), f"{p}: the parsing worker failed ({type(exc).__name__})")


def ingest_paths(engine: Engine, targets: Iterable[str | Path], workers: int = 1,
                 progress: Progress | None = None) -> Report:
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
    for item in _parsed(todo, workers):
        outcome = ingest_one(engine, item)
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)
    order = {str(p): i for i, p in enumerate(files)}
    report.outcomes.sort(key=lambda o: order.get(o.path, 0))
    return report

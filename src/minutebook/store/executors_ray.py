"""Parsing on a Ray cluster: one task per file, results back to the single writer.

Only the writer needs the files and the database. Each task gets the file's bytes (through
Ray's object store), writes them under their own name in a scratch folder on the worker and
parses that, so worker nodes need neither a shared filesystem nor database access. Results
are the same ParsedPack/Failed the local pool returns, with the writer's path put back.

Failures: a file that cannot be parsed is not an error to Ray (parse_file returns Failed),
so it costs one attempt and becomes a "failed" row. Only a task that dies (worker crash,
node lost, out of memory) is retried by Ray, up to MAX_RETRIES times; after that it too
becomes a "failed" row naming the Ray error. Tasks in flight are bounded so a large batch
never holds every file in the object store at once.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from minutebook.store.executors import ExecutorUnavailable, Result, parse_file
from minutebook.store.parsed import Failed

MAX_RETRIES = 3  # attempts after the first, for tasks whose worker died
IN_FLIGHT_PER_CPU = 2  # queued tasks per cluster CPU: keeps workers busy, bounds memory


def _import_ray() -> Any:  # noqa: ANN401 - the ray module
    try:
        import ray  # noqa: PLC0415
    except ImportError as exc:
        raise ExecutorUnavailable(
            "--executor ray needs the ray package: pip install 'minutebook[ray]'") from exc
    return ray


def parse_bytes(data: bytes, path: str) -> Result:
    """Ray task body: parse `data` as the file `path` (same name, so same format and record)."""
    with tempfile.TemporaryDirectory(prefix="minutebook-") as scratch:
        local = Path(scratch) / (Path(path).name or "pack")
        local.write_bytes(data)
        result = parse_file(str(local))
    result.path = path
    if isinstance(result, Failed):
        result.reason = result.reason.replace(str(local), path)  # messages name the writer's file
    return result


class RayExecutor:
    """Runs parse tasks on the Ray cluster at `address` (None: $RAY_ADDRESS, else a local Ray)."""

    def __init__(self, address: str | None = None, max_retries: int = MAX_RETRIES) -> None:
        self.ray = _import_ray()
        self.address = address
        self.max_retries = max_retries

    def _connect(self) -> None:
        if self.ray.is_initialized():
            return
        try:
            self.ray.init(address=self.address, log_to_driver=False, configure_logging=False)
        except Exception as exc:  # noqa: BLE001 - ConnectionError and friends, to one line
            raise ExecutorUnavailable(f"cannot reach the Ray cluster at {self.address or 'auto/local'}: "
                                      f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from exc

    def parse(self, paths: Sequence[Path]) -> Iterator[Result]:
        if not paths:
            return
        self._connect()
        ray = self.ray
        task = ray.remote(max_retries=self.max_retries, retry_exceptions=False)(parse_bytes)
        window = max(2, IN_FLIGHT_PER_CPU * int(ray.cluster_resources().get("CPU", 1)))
        pending: deque[tuple[Path, Any]] = deque()  # (path, ObjectRef or a result made here)
        todo = iter(paths)

        def submit() -> bool:
            p = next(todo, None)
            if p is None:
                return False
            if not p.is_file():
                # missing, a folder, a FIFO: no bytes to ship; the reader's own message, made here
                pending.append((p, parse_file(str(p))))
                return True
            try:
                data = p.read_bytes()
            except OSError:
                pending.append((p, parse_file(str(p))))
                return True
            pending.append((p, task.remote(data, str(p))))
            return True

        while len(pending) < window and submit():
            pass
        while pending:
            p, ref = pending.popleft()
            if not isinstance(ref, ray.ObjectRef):
                yield ref  # failed before it could be shipped
            else:
                try:
                    yield ray.get(ref)
                except Exception as exc:  # noqa: BLE001 - the task died every time it was tried
                    yield Failed(str(p), f"{p}: the parsing task failed after {self.max_retries + 1} attempts "
                                         f"({type(exc).__name__})")
            submit()

    def close(self) -> None:
        if self.ray.is_initialized():
            self.ray.shutdown()


"""What a parsing worker hands the writer: a pack record plus its passages, or a failure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from minutebook.read.lines import Line

# the code that makes a record; a change to any of it makes stored records out of date
_EXTRACTOR_PARTS = ("extract.py", "models.py", "parse", "segment", "tables", "read", "text")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Package version plus a digest of the extractor's source, so re-ingest notices new parsers."""
    from minutebook import __version__ as version  # noqa: PLC0415

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for part in _EXTRACTOR_PARTS:
        target = root / part
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{version}+{digest.hexdigest()[:12]}"


class Passage(NamedTuple):
    page: int | None
    line: int | None
    text: str


@dataclass(slots=True)
class ParsedPack:
    path: str
    sha256: str
    kind: str
    pages: int | None
    record: dict[str, object]
    passages: list[Passage] = field(default_factory=list)
    extractor_version: str = ""

    def __reduce__(self) -> tuple[object, ...]:
        # a parse worker's result is unpickled by the writer, the ingest's bottleneck: passages
        # travel as plain tuples (C-speed to unpickle), not ~300 objects restored one by one
        return (_parsed_pack, (self.path, self.sha256, self.kind, self.pages, self.record,
                               [tuple(p) for p in self.passages], self.extractor_version))


def _parsed_pack(path: str, sha256: str, kind: str, pages: int | None, record: dict[str, object],
                 passages: list[tuple[int | None, int | None, str]], version: str) -> ParsedPack:
    return ParsedPack(path, sha256, kind, pages, record, list(map(Passage._make, passages)), version)


@dataclass(slots=True)
class Failed:
    path: str
    reason: str
    pages: int | None = None


def passages_from_lines(lines: list[Line]) -> list[Passage]:
    """Paragraphs: runs of non-blank lines, cut at blank lines and page starts, with first line/page."""
    out: list[Passage] = []
    buf: list[Line] = []

    def flush() -> None:
        if buf:
            text = " ".join(ln.text for ln in buf).strip()
            if text:
                out.append(Passage(page=buf[0].page, line=buf[0].number, text=text))
            buf.clear()

    for line in lines:
        if line.blank or (line.page_start and buf):
            flush()
        if not line.blank:
            buf.append(line)
    flush()
    return out

"""The one internal form every reader produces: a pack as numbered lines on pages.

Parsers never see a PDF or a file: they see `Line`s, each of which knows where it came
from, so every record they make can carry a `Source`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from minutebook.models import Source

_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")


def clean(text: str) -> str:
    """Collapse runs of spaces and strip; keeps the words as printed."""
    return _SPACES.sub(" ", text).strip()


@dataclass(slots=True)
class Cell:
    """A run of text on a line with its horizontal extent (PDF input only)."""

    x0: float
    x1: float
    text: str


@dataclass(slots=True)
class Line:
    """One printed line.

    `number` is the 1-based line number in a text file, or the running line number over
    the whole PDF. `page` is the 1-based page for PDF input, and for text input the page
    inferred from page breaks (None where nothing marks them). `indent` is the count of
    leading spaces in a text file, or the left edge in points for a PDF. `cells` holds the
    text runs of a PDF line, left to right, for table reconstruction.
    """

    text: str
    number: int
    page: int | None = None
    indent: float = 0.0
    top: float | None = None
    size: float | None = None
    page_start: bool = False
    cells: list[Cell] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class Pack:
    """A pack as read: its lines, and what kind of file they came from."""

    path: str
    kind: Literal["text", "pdf"]
    lines: list[Line]
    pages: int | None = None
    sha256: str | None = None
    page_width: float | None = None

    def source(self, line: Line, with_text: bool = True) -> Source:
        """The provenance of a record read from `line`: its page for a PDF, its line for text."""
        text = line.text if with_text else None
        if self.kind == "pdf":
            return Source(page=line.page, text=text)
        return Source(line=line.number, text=text)

    def text_between(self, start: int, end: int) -> str:
        """The lines [start, end) as one string, one line per row."""
        return "\n".join(line.text for line in self.lines[start:end])

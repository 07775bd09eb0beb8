"""Errors that reach the user as one clear line."""

from __future__ import annotations

from pathlib import Path


class MinutebookError(Exception):
    """A problem the user can act on; the CLI prints it as one line and exits 2."""

    exit_code = 2

    def __init__(self, path: str | Path | None, problem: str, fix: str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{_one_line(self.path)}: " if self.path else ""
        hint = f" ({_one_line(self.fix)})" if self.fix else ""
        return f"error: {where}{_one_line(self.problem)}{hint}"


def _one_line(text: str) -> str:
    # a file name or exception text with a newline in it must not split the one error line
    return " ".join(text.split()) if any(c in text for c in "\r\n\v\f\x85\u2028\u2029") else text


class InputError(MinutebookError):
    """The input file cannot be read as a pack (missing, empty, binary, encrypted, scanned...)."""


class ParseError(MinutebookError):
    """The file was read but its text cannot be made into a pack record."""

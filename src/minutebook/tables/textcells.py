"""Cells of a table that a text dump has flattened into lines.

A text dump prints one cell after another, each wrapped to its column's width. What is
left of the table is the shape of the text: blank lines between cells, a leading space
where a bullet glyph or a new run started, item labels that open a row. `chunks` cuts a
run of lines into those pieces; the section parsers decide which column each piece is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.read import Line


def is_blank(line: Line) -> bool:
    return not line.text.strip()


@dataclass(slots=True)
class Chunk:
    """Consecutive non-blank lines: a cell, or a piece of one.

    `indented` - the first line starts with a space (a dropped bullet, or a run that the
    dump started afresh); `gap` - blank lines before it.
    """

    lines: list[Line] = field(default_factory=list)
    indented: bool = False
    gap: int = 0

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])

    @property
    def first(self) -> Line:
        return self.lines[0]


def chunks(lines: list[Line]) -> list[Chunk]:
    """Cut `lines` at blank lines and at any indented line inside a run (a new run of text)."""
    out: list[Chunk] = []
    gap = 0
    current: Chunk | None = None
    for line in lines:
        if is_blank(line):
            gap += 1
            current = None
            continue
        if current is None or line.indent > 0:
            current = Chunk(lines=[line], indented=line.indent > 0, gap=gap)
            out.append(current)
        else:
            current.lines.append(line)
        gap = 0
    return out


_HYPHEN_END = re.compile(r"[A-Za-z]-$")


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines as the schema asks: a word hyphenated at a line end joins without a space."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not text:
            text = part
        elif _HYPHEN_END.search(text) and not part[:1].islower():
            # "Tri-" + "Borough": a compound split at its hyphen; "Fund-" + "requested" is a dash
            text += part
        else:
            text += " " + part
    return re.sub(r"\s+", " ", text).strip()


def date_only(text: str) -> bool:
    """A line that is nothing but a date ("21st September 2016", "27 January 2016")."""
    from minutebook.text.dates import find_dates

    found = find_dates(text)
    if len(found) != 1:
        return False
    rest = re.sub(r"\b\d{1,2}(st|nd|rd|th)?\b|\b(19|20)\d\d\b|[\s,./-]", "", text)
    rest = re.sub(r"(?i)(january|february|march|april|may|june|july|august|september|october|november|december|"
                  r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|mon|tues|wednes|thurs|fri|satur|sun|day|meeting|of|held|on)", "", rest)
    return not rest

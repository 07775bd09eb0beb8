"""Line-level helpers for the minutes parser: page furniture, paragraph breaks, mending
PDF text that came out with stray spaces, and joining printed lines into one text.

Minutes are read as a `Body`: the lines of one set of minutes with running headers, page
numbers and blank lines dropped, each marked with whether a paragraph break precedes it
(a blank line in a text file, a wide vertical gap in a PDF).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from minutebook.read import Line, Pack

_BARE_NUMBER = re.compile(r"^[-–(\s]*(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?[-–)\s]*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
BULLET = re.compile(r"^(?:[•·▪◦●○■□➢►*o]|-|–)\s+")
LIST_MARKER = re.compile(r"^(?:[•·▪◦●○■□➢►*-]|–|\(?[a-z]\)|\(?[ivx]{1,4}\)|\(?\d{1,2}\))\s", re.IGNORECASE)
PARA_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2}){0,3}\.?\s+")
_ABBREV = re.compile(r"(?:\b(?:St|Dr|Mr|Mrs|Ms|No|Nos|Cllr|Co|Ltd|approx|etc|e\.g|i\.e|vs)|\b[A-Z])\.$")


def furniture(pack: Pack) -> set[int]:
    """Indices of running headers/footers and page numbers, which are not part of any text.

    A line is furniture when it is a bare page number ("7", "Page 3 of 7") or when its text,
    digits aside, opens or closes three or more pages (a running header such as
    "Board Meeting 24 April 2019 - Minutes of Previous Meeting").
    """
    lines = pack.lines
    found = {i for i, line in enumerate(lines) if line.text and _BARE_NUMBER.match(line.text)}
    if pack.kind != "pdf":
        return found
    edges: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        edges.setdefault(line.page or 0, []).append(i)
    counts: Counter[str] = Counter()
    keyed: list[tuple[int, str]] = []
    for idx in edges.values():
        ends = set(idx[:2] + idx[-2:])
        for i in ends:
            key = _DIGITS.sub("#", lines[i].text.lower())
            keyed.append((i, key))
        counts.update({key for _, key in keyed[-len(ends):]})
    found.update(i for i, key in keyed if counts[key] >= 3 and len(key) > 3)
    return found


@dataclass(slots=True)
class BodyLine:
    """One line of minutes text: its index in `Pack.lines`, its text, and whether a
    paragraph break comes before it."""

    index: int
    line: Line
    text: str
    brk: bool


def body(pack: Pack, start: int, end: int, skip: set[int]) -> list[BodyLine]:
    """The lines [start, end) of the pack as `BodyLine`s, furniture and blank lines dropped."""
    out: list[BodyLine] = []
    lines = pack.lines
    gaps = [
        b.top - a.top
        for a, b in zip(lines[start:end], lines[start + 1 : end])
        if a.page == b.page and a.top is not None and b.top is not None and b.top > a.top
    ]
    pitch = median(gaps) if gaps else 0.0
    blank = True
    prev: Line | None = None
    for i in range(start, min(end, len(lines))):
        line = lines[i]
        if not line.text:
            blank = True
            continue
        if i in skip:
            continue
        if pack.kind == "pdf":
            brk = (
                prev is None
                or (
                    prev.page == line.page
                    and line.top is not None
                    and prev.top is not None
                    and pitch > 0
                    and line.top - prev.top > 1.45 * pitch
                )
            )
        else:
            brk = blank
        out.append(BodyLine(i, line, line.text, brk))
        blank = False
        prev = line
    return out


def base_indent(lines: list[BodyLine]) -> float:
    """The left margin of a body: the smallest indent that at least three lines share."""
    counts = Counter(round(b.line.indent) for b in lines)
    common = sorted(x for x, n in counts.items() if n >= 3)
    return float(common[0]) if common else min((b.line.indent for b in lines), default=0.0)


def compact(text: str) -> str:
    """Lower case without spaces: matches words a PDF printed as "D isc losu re"."""
    return re.sub(r"\s+", "", text).lower()


def loose(word: str) -> str:
    """A regex for `word` that tolerates a stray space between its letters ("Apolog ies")."""
    return r"\s?".join(re.escape(ch) for ch in word)


def after_compact(text: str, prefix_len: int) -> str:
    """The rest of `text` after its first `prefix_len` non-space characters."""
    seen = 0
    for pos, ch in enumerate(text):
        if seen == prefix_len:
            return text[pos:].strip()
        if not ch.isspace():
            seen += 1
    return ""


def mend_numbers(text: str) -> str:
    """Undo spaces a PDF put inside years and times ("201 9", "7: 44 p .m ."), for parsing only."""
    text = re.sub(r"\b((?:19|20)\d)\s(\d)\b", r"\1\2", text)
    text = re.sub(r"(\d)\s*:\s*(\d\d)", r"\1:\2", text)
    text = re.sub(r"\b([ap])\s*\.\s*m\b\s*\.?", r"\1m", text, flags=re.IGNORECASE)
    return text


def mend_years(text: str) -> str:
    """"201 9" -> "2019": a year a PDF split, safe to mend in output text."""
    return re.sub(r"\b(20[0-4]|19[5-9])\s(\d)\b", r"\1\2", text)


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text).strip()


def join_lines(texts: list[str]) -> str:
    """Printed lines as one text: bullets dropped, "non-\\nprejudicial" kept hyphenated and joined."""
    out = ""
    for raw in texts:
        piece = strip_bullet(raw)
        if not piece:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += piece
        else:
            out = f"{out} {piece}" if out else piece
    return mend_years(re.sub(r"\s+", " ", out).strip())


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a full stop after "St", "Dr", an initial etc. does not end one."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z“\"‘'(])", text):
        if _ABBREV.search(text[start : m.end()]):
            continue
        out.append((start, text[start : m.end()].strip()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        out.append((start, text[start:].strip()))
    return out

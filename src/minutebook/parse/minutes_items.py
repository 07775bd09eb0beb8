"""Numbered minute items ("84. Apologies", "4.1 Cabinet Member for ...", a heading over
"(Item 3)") and the time the meeting ended.

An item heading sits at the left margin of the minutes, and its number is larger than the
last item's: that is what tells it from a numbered paragraph ("1. Mr Gough provided an
update") or a numbered list inside a paragraph, whose numbers restart at 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.parse.minutes_text import BodyLine, join_lines, mend_numbers
from minutebook.text.dates import parse_time

_TOP = re.compile(r"^(?P<num>\d{1,3})\s?[.)](?!\d)\s*(?P<title>\S.*)$")
_SUB = re.compile(r"^(?P<num>\d{1,3}\.\d{1,2})\.?\s+(?P<title>\S.*)$")
ITEM_REF = re.compile(r"^\(\s*item\s+(?P<n>\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "&", "-", "–"}
_ENDED = re.compile(
    r"\b(?:ended|closed|concluded|closes|terminated|finished|rose|adjourned|ends)\b(?!\s+to\s+the\s+public)", re.IGNORECASE
)


_MEETING = re.compile(r"\b(?:meeting|session|proceedings|business|board|committee|council|panel|cabinet)\b", re.IGNORECASE)


@dataclass
class Heading:
    number: str
    title: str
    first: BodyLine
    next: int  # body position after the heading


@dataclass
class ItemState:
    pdf: bool
    base: float
    top: int | None = None  # the last top-level item number


def _at_margin(b: BodyLine, state: ItemState) -> bool:
    return not state.pdf or b.line.indent <= state.base + 6


def _ref_after(lines: list[BodyLine], i: int) -> int | None:
    """Position of an "(Item N)" line within the three lines after `i`, with no paragraph break."""
    for j in range(i + 1, min(i + 4, len(lines))):
        if ITEM_REF.match(lines[j].text):
            return j
        if lines[j].brk:
            return None
    return None


def _title_case(title: str) -> bool:
    words = [w for w in re.split(r"\s+", title) if w and w.lower() not in _SMALL]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in words)


def _continues(title: str, nxt: BodyLine) -> bool:
    text = nxt.text
    if nxt.brk or _TOP.match(text) or _SUB.match(text):
        return False
    if text[:1].islower():
        return True
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and title.upper() == title and text.upper() == text and any(c.isalpha() for c in text)


def heading_at(lines: list[BodyLine], i: int, state: ItemState) -> Heading | None:
    """The minute item heading starting at body position `i`, if there is one."""
    b = lines[i]
    if not _at_margin(b, state) or ITEM_REF.match(b.text):
        return None
    ref = _ref_after(lines, i)
    m = _TOP.match(b.text)
    if m and (state.top is None or state.top < int(m.group("num")) <= state.top + 60):
        title = m.group("title")
        number = m.group("num")
        if not title[:1].isalnum() or not (title[:1].isupper() or title[:1].isdigit()):
            return None
        if re.match(r"resolved\b", title, re.IGNORECASE):
            return None
        if ref is None and (re.search(r"[,;:]$", title) or (title.endswith(".") and len(title.split()) > 6)):
            return None
        return _finish(lines, i, number, title, ref, state, top=True)
    s = _SUB.match(b.text)
    if s and state.top is not None and s.group("num").split(".")[0] == str(state.top):
        title = s.group("title")
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            len(title.split()) <= 12
            and _title_case(title)
            and not re.search(r"[.,;:]$", title)
            and title.count("(") == title.count(")")
            and not (nxt and nxt.text[:1].islower())
            and title.split()[-1].lower() not in _SMALL
        ):
            return Heading(s.group("num"), title.strip(), b, i + 1)
        return None
    if ref is not None and b.brk and not m and not s and not re.search(r"[.,;:]$", b.text):
        # an unnumbered heading over "(Item 3)": the item's number is the agenda's
        number = ITEM_REF.match(lines[ref].text).group("n")  # type: ignore[union-attr]
        return _finish(lines, i, number, b.text, ref, state, top=False)
    return None


def _finish(lines: list[BodyLine], i: int, number: str, title: str, ref: int | None, state: ItemState, top: bool) -> Heading:
    texts = [title]
    j = i + 1
    if ref is not None:
        texts += [b.text for b in lines[i + 1 : ref]]
        j = ref + 1
    else:
        while j < len(lines) and j < i + 3 and _continues(texts[-1], lines[j]):
            texts.append(lines[j].text)
            j += 1
    if top and number.isdigit():
        state.top = int(number)
    return Heading(number, join_lines(texts), lines[i], j)


def ended_at(lines: list[BodyLine]) -> str | None:
    """24-hour time from the last "The meeting ended at 9.10pm" / "closed 3.50pm" / "adjourned. Time: 7:44 p.m."."""
    found: str | None = None
    for k, b in enumerate(lines):
        if not _ENDED.search(b.text) or not _MEETING.search(b.text):
            continue
        tail = mend_numbers(b.text[_ENDED.search(b.text).start() :])  # type: ignore[union-attr]
        time = parse_time(tail)
        if time is None and k + 1 < len(lines) and len(lines[k + 1].text) < 40:
            time = parse_time(mend_numbers(lines[k + 1].text))
        if time:
            found = time
    return found

"""Where sets of minutes start and end inside a pack.

A set of minutes opens with a heading ("MINUTES of a meeting of the Cabinet held ...",
"Minutes of the ... held on ...", "MINUTES OF PROCEEDINGS", "DRAFT MINUTES", a bare
"MINUTES") that is followed, before any numbered item, by an attendance block ("Present:",
"Members Present:", "PRESENT:"). The attendance block is what tells the minutes apart
from an agenda line such as "3. Minutes of the meeting held on ..." or a running header.
It ends at the signature block ("Signed", "CHAIRMAN: ____", "Mayor :").
"""

from __future__ import annotations

import re

from minutebook.read import Line
from minutebook.parse.minutes_text import loose

_HEADING = re.compile(
    r"^(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes\s*$"
    r"|^minutes\s+of\s+(?:a|an|the)\b.*\b(?:meeting|proceedings|held)\b"
    r"|^minutes\s+of\s+proceedings\b"
    r"|^minutes\s+of\s+.{0,80}\bheld\s+(?:on|at|in)\b",
    re.IGNORECASE,
)
# "Present:", "Members Present :", "PRESENT" alone, or "Present Kevin Atkinson" where a PDF
# table cell took the colon away; letters may be split by stray spaces ("Pres ent")
_PRESENT = re.compile(
    r"^\s*(?:(?:members|councillors|board\s+members|trustees)\s+)?" + loose("present")
    + r"\s*(?::|$|\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"^(?:signed|chair(?:man|woman|person)?|mayor|clerk|date)\s*[:_.]|_{5,}|^signed\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\d{1,3}\s*[.)]\s+\S")
LOOKAHEAD = 40


def is_heading(text: str) -> bool:
    """A line that opens a set of minutes (before the attendance check)."""
    return bool(_HEADING.match(text.strip()))


def is_present_label(text: str) -> bool:
    """A line opening the list of members present ("Present:", "Members Present:", "PRESENT:")."""
    return bool(_PRESENT.match(text))


def find_minutes_starts(lines: list[Line]) -> list[int]:
    """Indices into `lines` where a set of minutes starts: a minutes heading with an attendance
    block below it before any numbered item. Headings stacked above one block ("DRAFT MINUTES",
    "MINUTES OF PROCEEDINGS", "Minutes of a meeting of ...") count once, at the first."""
    starts: list[int] = []
    covered_until = -1
    n = len(lines)
    for i, line in enumerate(lines):
        if i <= covered_until or not line.text or not is_heading(line.text):
            continue
        seen = 0
        for j in range(i + 1, n):
            text = lines[j].text
            if not text:
                continue
            seen += 1
            if seen > LOOKAHEAD or _NUMBERED.match(text):
                break
            if is_present_label(text):
                starts.append(i)
                covered_until = j
                break
    return starts


def signature_end(lines: list[Line], start: int, end: int) -> int:
    """The end (exclusive) of a set of minutes at its signature block, or `end`.

    Only a signature after the middle of the first page's worth of text counts, so a
    "Chair:" label in the attendance block does not cut the minutes short."""
    for i in range(start + 15, min(end, len(lines))):
        text = lines[i].text
        if text and _SIGNATURE.search(text) and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", text):
            return i + 1
    return end

"""The opening of a set of minutes: meeting date, venue, chair and who attended.

Attendance is printed as labelled lists ("Present:", "Also Present:", "In Attendance:",
"Staff:", "Apologies:") either as running text ("Mr R W Gough (Chairman), Mr N Baker and ...")
or as a column beside the label, one person a line ("Kevin Snee (Chief Executive Officer)").
Apologies are also given as a sentence ("Apologies were received from Mrs C Bell.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.parse.minutes_find import is_present_label
from minutebook.parse.minutes_text import BodyLine, join_lines, loose, mend_numbers
from minutebook.text.dates import parse_date
from minutebook.text.names import is_person_name, mend_name, split_attendees, strip_honorific

_L = loose
# label -> field; longest first so "Also Present" wins over "Present"
LABELS: list[tuple[str, str]] = [
    (r"(?:members\s+|councillors\s+|board\s+members\s+|trustees\s+)?" + _L("present"), "present"),
    (r"also\s+" + _L("present") + r"|also\s+in\s+attendance|also\s+attending", "also_present"),
    (_L("in") + r"\s+" + _L("attendance") + r"(?:\s+virtually|\s+remotely|\s+online)?", "also_present"),
    (r"officers?(?:\s+present|\s+in\s+attendance)?|staff(?:\s+present)?|others?\s+present|in\s+attendance\s+virtually", "also_present"),
    (_L("apologies") + r"(?:\s+for\s+absence)?|" + _L("apology") + r"|regrets|absent", "apologies"),
]
_LABEL_RES = [(re.compile(r"^\s*(?:" + pat + r")\s*(?::|\s+(?-i:[A-Z])|$)", re.IGNORECASE), key) for pat, key in LABELS]
_LABEL_ONLY = [re.compile(r"^\s*(?:" + pat + r")\s*:?\s*", re.IGNORECASE) for pat, _ in LABELS]
_APOLOGY_SENTENCE = re.compile(
    r"\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:received|submitted|tendered|given)\s+(?:from|by|on\s+behalf\s+of)\s+(?P<names>[^.]+)",
    re.IGNORECASE,
)
_CHAIR = re.compile(r"^(chair|chairman|chairwoman|chairperson|in the chair|the chair|presiding)$", re.IGNORECASE)
_VENUE_END = re.compile(
    r"\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|\s+at\s+\d|\s+(?:starting|commencing|beginning)\b"
    r"|,\s*(?-i:[a-z])|\.\s|\.$|\s+held\s+on\b",
    re.IGNORECASE,
)


@dataclass
class Attendance:
    meeting_date: str | None = None
    venue: str | None = None
    chair: str | None = None
    present: list[str] = field(default_factory=list)
    also_present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    end: int = 0  # body position after the attendance block


def label_of(text: str) -> tuple[str, str] | None:
    """(field, rest of line) when `text` opens an attendance list."""
    for (regex, key), only in zip(_LABEL_RES, _LABEL_ONLY):
        if regex.match(text):
            return key, only.sub("", text, count=1).strip()
    return None


def _list_lines(lines: list[BodyLine], k: int) -> tuple[list[str], bool, int]:
    """The lines of the attendance list opened at lines[k]: (texts, column layout?, next index)."""
    first = lines[k]
    _, rest = label_of(first.text) or ("", first.text)
    texts = [rest] if rest else []
    cells = first.line.cells
    column_x = cells[1].x0 if len(cells) >= 2 else None
    column = False
    j = k + 1
    while j < len(lines):
        nxt = lines[j]
        if nxt.brk or label_of(nxt.text) or is_present_label(nxt.text):
            break
        if column_x is not None and nxt.line.indent >= column_x - 8 and nxt.line.indent > first.line.indent + 20:
            column = True
        elif column:
            break
        elif texts and re.search(r"(?<!\b[A-Z])\.\s*$", texts[-1]):
            break  # the running list ended with a full stop
        texts.append(nxt.text)
        j += 1
    return texts, column, j


def _names(texts: list[str], column: bool) -> list[str]:
    said = apologies_in(join_lines(texts))
    if said:
        return said  # an "APOLOGY" heading over "Apologies received from ..."
    if not column:
        return split_attendees(join_lines(texts))
    names: list[str] = []
    for text in texts:
        # one person a line: the name comes before any comma or bracket ("Jacqui Sanders-Jones, Board Administrator")
        head = re.split(r"[,(]", text, maxsplit=1)[0]
        name = mend_name(strip_honorific(head))
        if name and is_person_name(name):
            names.append(name)
    return names


def _chair(texts: list[str]) -> str | None:
    joined = join_lines(texts)
    # the name run is bounded: unbounded, a long line with no "(" made this quadratic (fuzzing
    # found 87 s on 50 KB); names[-1] is taken anyway, so the last 200 characters suffice
    for m in re.finditer(r"([^,;()]{1,200}?)\s*\(([^()]{0,200})\)", joined):
        if _CHAIR.match(m.group(2).strip()):
            names = split_attendees(m.group(1))
            if names:
                return names[-1]
    m = re.search(r"([A-Z][^,;()]{1,200}?)\s+in\s+the\s+chair\b", joined, re.IGNORECASE)
    if m:
        names = split_attendees(m.group(1))
        return names[-1] if names else None
    return None


def _venue(header: str) -> str | None:
    text = mend_numbers(header)
    m = re.search(r"\bheld\s+(?:in\s+person\s+|virtually\s+and\s+)?(?:in|at)\s+(?:the\s+)?(?P<v>.+)", text, re.IGNORECASE)
    if not m:
        m = re.search(r"\bheld\s+on\s+[^,]*?(?:19|20)\d\d\s*,\s*(?:(?:in|at)\s+)?(?:the\s+)?(?P<v>.+)", text, re.IGNORECASE)
    if not m:
        return None
    venue = m.group("v")
    end = _VENUE_END.search(venue)
    if end:
        venue = venue[: end.start()]
    venue = venue.strip(" ,.;:")
    if not venue or parse_date(venue) or len(venue.split()) > 25:
        return None
    return venue


def parse_attendance(lines: list[BodyLine], before: str = "") -> Attendance:
    """Read the opening of a set of minutes (`lines` is its body, the heading first);
    `before` is the text printed above the heading on its page, where the date may be."""
    out = Attendance()
    first_label = next((k for k, b in enumerate(lines[:60]) if label_of(b.text)), None)
    header_end = first_label if first_label is not None else min(len(lines), 6)
    header = join_lines([b.text for b in lines[:header_end]])
    out.meeting_date = parse_date(mend_numbers(header)) if header else None
    if out.meeting_date is None and before:
        out.meeting_date = parse_date(mend_numbers(before))
    out.venue = _venue(header)
    k = first_label if first_label is not None else len(lines)
    out.end = k
    seen_labels = 0
    while k < len(lines) and seen_labels < 8:
        found = label_of(lines[k].text)
        if not found:
            break
        seen_labels += 1
        key, _ = found
        texts, column, nxt = _list_lines(lines, k)
        names = _names(texts, column)
        if key == "present" and out.chair is None:
            out.chair = _chair(texts)
        target: list[str] = getattr(out, key)
        target.extend(n for n in names if n not in target)
        k = nxt
        out.end = k
    return out


def apologies_in(text: str) -> list[str]:
    """Names in "Apologies were received from X, Y and Z (who was substituted by ...)."."""
    m = _APOLOGY_SENTENCE.search(text)
    if not m:
        return []
    names = re.split(r"\s+who\b|\s+\(", m.group("names"))[0]
    return split_attendees(names)

"""Actions from a text dump: the action tracker and the list of actions arising.

Signals, all structural:
- a tracker table opens at a header row naming an Action and a Status column
  ("Agenda Item Action Status"); the meeting the actions arose at is the date printed
  alone on a line above each such header;
- an actions-arising list opens at a heading ("Actions Arising", "Matters arising");
- each row opens at an item label ("Item 4", "Item 5 - Cabinet Member Updates");
  the label's cell (up to the first blank line) carries the item heading;
- the cells after it are the action text then the status. A piece continues the action
  when it starts in lower case, with an enumerator or a dropped bullet, or when the action
  so far ends mid-sentence (":" / "," or a one-line enumerated part); a piece made of
  status vocabulary ("Completed") is a status; any other piece after the action is a
  status, and several are joined with " / " (multi-part statuses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.models import Action
from minutebook.read import Line, Pack
from minutebook.tables.textcells import Chunk, chunks, date_only, join_lines
from minutebook.tables.vocab import ENUMERATOR, ITEM_LABEL, STATUS_WORDS
from minutebook.text.dates import parse_date

HEADER = re.compile(r"^(?=.*\baction\b)(?=.*\bstatus\b).{0,80}$", re.IGNORECASE)
ARISING = re.compile(r"^(?:actions?\s+arising|matters\s+arising|action\s+points|actions?\s+from\s+the\s+(?:last\s+)?meeting)\b.{0,40}$", re.IGNORECASE)
# the heading of a set of minutes ("Minutes of a meeting of ... held on ..."), not a resolution about them
MINUTES_OF = re.compile(r"^\s*(?:draft\s+)?minutes\s+of\s+(?:a|the)?\s*(?:\w+\s+)?meeting\b", re.IGNORECASE)
# wording of an action (something to be done), used only to resume an action after a bullet list
ACTION_WORDING = re.compile(r"\b(?:to|be)\s+(?:be|receive|provide|consider|review|write|contact|invite|report|submit|bring|present|send|circulate|share|prepare)\b")
TERMINAL = (".", "!", "?")
MAX_ROW_LINES = 150


@dataclass
class _Row:
    item: str
    title: str
    label: Line
    action: list[Chunk] = field(default_factory=list)
    status: list[Chunk] = field(default_factory=list)


def _item_cell(row_lines: list[Line]) -> tuple[str, str, int]:
    """(number, heading, index of the first line after the label's cell)."""
    m = ITEM_LABEL.match(row_lines[0].text)
    assert m is not None
    parts = [m.group("rest")]
    i = 1
    while i < len(row_lines) and row_lines[i].text.strip() and row_lines[i].indent == 0:
        parts.append(row_lines[i].text)
        i += 1
    return m.group("number"), join_lines(parts).strip(" -–:"), i


def _continues(piece: Chunk, action: list[Chunk]) -> bool:
    """Does `piece` carry on the action text rather than start a status?"""
    text = piece.text
    last = action[-1]
    last_text = last.text
    if text[:1].islower() or ENUMERATOR.match(text) or text[:1] in "•▪●◦-–*":
        return True
    if last_text.endswith((":", ",", ";")):
        return True
    if len(last.lines) == 1 and ENUMERATOR.match(last_text) and not last_text.endswith(TERMINAL):
        # a dump cuts an enumerated part after its first line: "i) Promote the free October"
        return True
    in_list = last.indented or bool(ENUMERATOR.match(last_text))
    if piece.indented and (in_list or not last_text.endswith(TERMINAL)):
        return True
    return in_list and bool(ACTION_WORDING.search(text))


def _split_row(row_lines: list[Line], with_status: bool) -> _Row | None:
    number, title, after = _item_cell(row_lines)
    row = _Row(item=number, title=title, label=row_lines[0])
    for piece in chunks(row_lines[after:]):
        if not row.action:
            if STATUS_WORDS.match(piece.text):
                continue
            row.action.append(piece)
        elif with_status and STATUS_WORDS.match(piece.text):
            row.status.append(piece)
        elif _continues(piece, row.action) and not (row.status and not piece.indented and not piece.text[:1].islower()
                                                    and not ENUMERATOR.match(piece.text)):
            row.action.append(piece)
        elif with_status:
            row.status.append(piece)
        else:
            break  # an actions-arising list has no status column: the row (and list) ends here
    return row if row.action else None


def _to_action(pack: Pack, row: _Row, meeting: str | None) -> Action:
    status = " / ".join(c.text for c in row.status) or None
    return Action(meeting_date=meeting, item=row.item, item_title=row.title or None,
                  text=join_lines([c.text for c in row.action]), status=status, source=pack.source(row.label))


def _group_date(lines: list[Line], j: int, stop: int) -> bool:
    """A date alone on a line that heads the next table ("21 March 2016" above its header row);
    a date inside a status cell ("22.9.16") is not followed by a header."""
    if not date_only(lines[j].text):
        return False
    return any(HEADER.match(lines[k].text) for k in range(j + 1, min(len(lines), j + 8)))


def _rows(lines: list[Line], start: int, stop: int) -> list[tuple[int, int]]:
    """[from, to) spans of rows: from each item label to the next label, date line or header."""
    spans: list[tuple[int, int]] = []
    i = start
    while i < stop:
        if ITEM_LABEL.match(lines[i].text):
            j = i + 1
            limit = min(stop, i + MAX_ROW_LINES)
            while j < limit and not (ITEM_LABEL.match(lines[j].text) or HEADER.match(lines[j].text)
                                     or _group_date(lines, j, stop)):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def tracker_actions(pack: Pack, start: int, stop: int) -> list[Action]:
    """Actions of every tracker table (header row with Action and Status) in lines [start, stop)."""
    lines = pack.lines
    headers = [i for i in range(start, stop) if HEADER.match(lines[i].text) and ITEM_LABEL.match(lines[i].text) is None]
    out: list[Action] = []
    for n, h in enumerate(headers):
        meeting = None
        for k in range(h - 1, max(start, h - 10) - 1, -1):
            if date_only(lines[k].text):
                meeting = parse_date(lines[k].text)
                break
        end = headers[n + 1] if n + 1 < len(headers) else stop
        for a, b in _rows(lines, h + 1, end):
            row = _split_row(lines[a:b], with_status=True)
            if row:
                out.append(_to_action(pack, row, meeting))
    return out


def _minutes_date_before(pack: Pack, index: int, known: list[tuple[int, str]]) -> str | None:
    """The meeting the minutes before `index` record: from the minutes parser, else the
    nearest "Minutes of a meeting ... held on <date>" above."""
    earlier = [d for line, d in known if line <= index]
    if earlier:
        return earlier[-1]
    for k in range(index - 1, -1, -1):
        if MINUTES_OF.search(pack.lines[k].text):
            window = " ".join(line.text for line in pack.lines[k : k + 3])
            date = parse_date(window)
            if date:
                return date
    return None


def arising_actions(pack: Pack, start: int, stop: int, known: list[tuple[int, str]]) -> list[Action]:
    """Actions listed under an "Actions arising" heading in lines [start, stop)."""
    lines = pack.lines
    out: list[Action] = []
    for i in range(start, stop):
        if not ARISING.match(lines[i].text):
            continue
        nxt = next((k for k in range(i + 1, min(stop, i + 6)) if lines[k].text), None)
        if nxt is None or not ITEM_LABEL.match(lines[nxt].text):
            continue
        meeting = _minutes_date_before(pack, i, known)
        k = nxt
        while k < stop and ITEM_LABEL.match(lines[k].text):
            j = k + 1
            while j < min(stop, k + MAX_ROW_LINES) and not ITEM_LABEL.match(lines[j].text):
                j += 1
            row = _split_row(lines[k:j], with_status=False)
            if row is None:
                break
            out.append(_to_action(pack, row, meeting))
            last = row.action[-1].lines[-1]
            end = last.number  # Line.number is 1-based over the pack: the index of the next line
            k = next((m for m in range(end, min(stop, end + 8)) if lines[m].text), stop)
    return out

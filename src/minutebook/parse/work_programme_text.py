"""Work programme rounds from a text dump.

Signals:
- a round opens at a heading naming it and carrying a date ("ROUND FOUR (1 FEBRUARY 2017)",
  "Meeting 3 - 12 March 2024") followed within a few lines by a header row that names an
  item / objective / "represented by" column;
- each item row opens at a numbered cell ("1. Reviewing the", "5.Work Programme");
- the objective starts at the first line that opens a purpose sentence (To / For / A / An /
  The / One), also mid-line ("2. Dementia To examine the current");
- the "represented by" cell is a bullet list: a dump keeps a leading space where each bullet
  glyph was, so an indented line that reads as a name opens a new entry, and lines after it
  continue that entry when consecutive, in lower case, or after a hyphen or a joining word.
"""

from __future__ import annotations

import re

from minutebook.models import WorkProgrammeItem, WorkProgrammeRound
from minutebook.read import Line, Pack
from minutebook.tables.textcells import join_lines
from minutebook.text.dates import parse_date
from minutebook.text.names import looks_like_name, strip_honorific

ROUND_HEAD = re.compile(r"^\s*(?P<label>(?:round|meeting|session)\s+[\w-]+|(?:\w+ ){0,3}meeting)\s*[-–(:]?\s*(?P<date>[^)]*\d{4})\s*\)?\s*$", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
HEADER = re.compile(r"\b(?:objective|reasons?|represented|purpose|lead officer)\b", re.IGNORECASE)
OTHER_HEAD = re.compile(r"^\s*other\b.{0,40}\b(?:events?|task groups?|briefings?)\b", re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.)]\s*(?P<rest>\S.*)$")
OPENER = re.compile(r"^(?:To|For|A|An|The|One)\b")
MID_OPENER = re.compile(r"\s(?=To [a-z])")
JOINING = re.compile(r"(?:-|\b(?:in|of|for|and|the|to|at|on|&))$", re.IGNORECASE)


def _restated(text: str) -> list[str]:
    """"MOPAC Funding MOPAC funding and Proposals": an objective that opens by restating the
    title's first two words starts where they recur."""
    words = text.split()
    for k in range(2, len(words) - 1):
        if [w.lower() for w in words[k : k + 2]] == [w.lower() for w in words[:2]]:
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [text]


def _label(text: str) -> str:
    return text.title() if text.isupper() else text


def _new_paragraph(last: str, text: str, after_blank: bool) -> bool:
    """A title wraps onto consecutive lines, or across a gap only mid-phrase ("Better Care
    Fund-" / "requested as a briefing", "Areas for" / "Licensing"): a capitalised line after a
    gap, when the title's last line ends a phrase, may open an objective that has no purpose
    sentence ("Annual Review as per ...")."""
    return after_blank and text[:1].isupper() and not JOINING.search(last.rstrip())


def _item(row: list[Line]) -> WorkProgrammeItem | None:
    m = NUMBERED.match(row[0].text)
    if not m:
        return None
    title: list[str] = []
    objective: list[str] = []
    names: list[list[str]] = []
    phase = "title"
    previous_blank = False
    gap: int | None = None  # where a gap in the title cell could open an unmarked objective
    first_text = m.group("rest")
    parts = MID_OPENER.split(first_text, maxsplit=1)
    if len(parts) == 1:
        parts = _restated(first_text)
    title.append(parts[0])
    if len(parts) > 1:
        objective.append(parts[1])
        phase = "objective"
    for line in row[1:]:
        text = line.text
        if not text:
            previous_blank = True
            continue
        indented = line.indent > 0
        if indented and looks_like_name(strip_honorific(text.rstrip("-")) or text) and not (
            phase == "objective" and objective and objective[-1].endswith(":")
        ):
            phase = "names"
            names.append([text])
        elif phase == "names":
            last = names[-1][-1]
            if not previous_blank or text[:1].islower() or JOINING.search(last):
                names[-1].append(text)
            else:
                names.append([text])
        elif phase == "title" and OPENER.match(text):
            phase = "objective"
            objective.append(text)
        elif phase == "title":
            if gap is None and _new_paragraph(title[-1], text, previous_blank):
                gap = len(title)
            title.append(text)
        else:
            objective.append(text)
        previous_blank = False
    if not objective and gap is not None:  # no purpose sentence anywhere: the objective opens at the gap
        title, objective = title[:gap], title[gap:]
    people = [strip_honorific(join_lines(parts)) for parts in names]
    return WorkProgrammeItem(title=join_lines(title).strip(" -"), objective=join_lines(objective) or None,
                             represented_by=[p for p in people if p])


def text_rounds(pack: Pack, start: int, stop: int) -> list[WorkProgrammeRound]:
    lines = pack.lines
    rounds: list[WorkProgrammeRound] = []
    i = start
    while i < stop:
        text = lines[i].text
        # cheap guards first: a round heading is short and carries a year
        m = ROUND_HEAD.match(text) if len(text) < 80 and YEAR.search(text) else None
        date = parse_date(m.group("date")) if m else None
        if not (m and date and any(HEADER.search(lines[k].text) for k in range(i + 1, min(stop, i + 6)))):
            i += 1
            continue
        entry = WorkProgrammeRound(label=_label(m.group("label").strip()), date=date, source=pack.source(lines[i]))
        j = i + 1
        row_start: int | None = None
        while j < stop and not (ROUND_HEAD.match(lines[j].text) or OTHER_HEAD.match(lines[j].text)):
            if NUMBERED.match(lines[j].text):
                if row_start is not None:
                    _add(pack, entry, lines[row_start:j])
                row_start = j
            j += 1
        if row_start is not None:
            _add(pack, entry, lines[row_start:j])
        rounds.append(entry)
        i = j
    return rounds


def _add(pack: Pack, entry: WorkProgrammeRound, row: list[Line]) -> None:
    item = _item(row)
    if item is not None and item.title:
        item.source = pack.source(row[0])
        entry.items.append(item)


LONG = 6  # words: a line this long in the other-events table is running prose (the reason)
APPENDIX = re.compile(r"^\s*appendix\b", re.IGNORECASE)
DASH_TITLE = re.compile(r"^(?P<title>\S.{2,40}?-)\s+(?P<rest>\S.*)$")
PERSON = re.compile(r"\b(?:Councillor|Cllr)\.?\s+((?:[A-Z][\w'’-]+\s?)+)")


def _title_case(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[:1].isupper() or w in {"&", "and", "of", "for", "the"} for w in words)


def other_events(pack: Pack, start: int, stop: int) -> list[WorkProgrammeRound]:
    """The "other events & task groups" table as its own entry.

    Its rows (title | reason | type) are split on the reason, the one cell of running prose
    (lines of LONG words or more, up to a line ending a sentence). What lies between two
    reasons is the earlier row's type then the next row's title: the title is the Title-Case
    lines at the end of that run. People named with an honorific in the type cell are the
    row's represented_by.
    """
    lines = pack.lines
    for i in range(start, stop):
        if not OTHER_HEAD.match(lines[i].text):
            continue
        entry = WorkProgrammeRound(label=lines[i].text.strip(), date=None, source=pack.source(lines[i]))
        body = []
        for k in range(i + 1, min(stop, i + 200)):
            if APPENDIX.match(lines[k].text) or ROUND_HEAD.match(lines[k].text):
                break
            if lines[k].text and not (k < i + 6 and HEADER.search(lines[k].text)):
                body.append(lines[k])
        _other_rows(pack, entry, body)
        return [entry]
    return []


def _other_rows(pack: Pack, entry: WorkProgrammeRound, body: list[Line]) -> None:
    runs: list[tuple[str, list[Line]]] = []  # ("short", lines) / ("reason", lines)
    for line in body:
        long = len(line.text.split()) >= LONG
        if runs and runs[-1][0] == "reason" and (long or not runs[-1][1][-1].text.endswith(".")):
            runs[-1][1].append(line)
        elif long:
            runs.append(("reason", [line]))
        elif runs and runs[-1][0] == "short":
            runs[-1][1].append(line)
        else:
            runs.append(("short", [line]))
    pending_title: list[Line] = []
    for n, (kind, run) in enumerate(runs):
        if kind == "short":
            # the earlier row's type, then the next row's title
            cut = len(run)
            while cut > 0 and _title_case(run[cut - 1].text) and n + 1 < len(runs):
                cut -= 1
            if entry.items and cut:
                typed = join_lines([x.text for x in run[:cut]])
                entry.items[-1].represented_by = [strip_honorific(p) for p in PERSON.findall(typed)]
            pending_title = run[cut:]
            continue
        title = join_lines([x.text for x in pending_title])
        reason = join_lines([x.text for x in run])
        first = pending_title[0] if pending_title else run[0]
        if not title:
            m = DASH_TITLE.match(reason)
            if not m:
                continue
            title, reason = m.group("title"), m.group("rest")
        entry.items.append(WorkProgrammeItem(title=title, objective=reason, source=pack.source(first)))
        pending_title = []

"""Decisions recorded in minutes, in the three shapes councils print them:

- a labelled resolution: "RESOLVED: That ...", "3. RESOLVED that Cabinet agree to: (a) ...";
- a recommendation block closed by its adoption: "RECOMMENDATION / That the Board: ... / Adopted"
  (or "Moved: ... Seconded: ... Carried");
- a numbered motion: "R2023-233 D. Yemm, T. Butler:" or "Moved by ... Seconded by ..."
  followed by the motion and "Carried."; and a paragraph followed by "Moved / Seconded /
  Carried" (the paragraph is the motion).

The text is the decision as printed, lines joined, without the "RESOLVED" label, the
"BE IT RESOLVED" preamble, or the "Carried" that closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.parse.minutes_items import ItemState, heading_at
from minutebook.parse.minutes_text import LIST_MARKER, PARA_NUMBER, BodyLine, compact, join_lines

# "RESOLVED:", "RESOLVED -", "RESOLVED that"; "DECISION:" and "AGREED:" only with their colon
# ("It was agreed that ..." is a remark in the discussion, not a recorded decision)
_RESOLVED = re.compile(
    r"^(?:(?:unanimously|further)\s+)?(?:resolved\s*(?P<sep>[:\-–—]|(?=that\b)|(?=\s+that\b))|(?:decision|agreed)\s*:)\s*",
    re.IGNORECASE,
)
_BLOCK_LABEL = re.compile(r"^(?:recommendations?|resolutions?|resolved|decisions?|motion)\s*:?\s*$", re.IGNORECASE)
# a line that only says the motion passed or failed; it starts with a capital, so the
# tail of a wrapped sentence ("... be" / "approved.") is not one
_CLOSER = re.compile(
    r"^\(?(?=(?-i:[A-Z]))(?:carried|adopted|agreed|approved|lost|defeated|not\s+carried)(?:\s+unanimously|\s+as\s+amended)?\)?\s*\.?\s*$",
    re.IGNORECASE,
)
_MOVER = re.compile(r"^(?:moved|seconded|proposed)\b", re.IGNORECASE)
_END_CLOSER = re.compile(r"\s*\(?\b(?:Carried|CARRIED|Defeated|DEFEATED|Lost)\b\s*(?:unanimously)?\s*\.?\s*\)?\s*$")
_MOTION_REF = re.compile(r"^(?:resolution(?:no\.?|#)?)?[a-z]{0,3}\d{2,4}[-–/]\d{1,4}")
_BE_IT = re.compile(r"\bBE\s+IT\s+(?:FURTHER\s+)?RESOLVED\s*(?:,\s*)?(?:that\s+|THAT\s+)?", re.IGNORECASE)
MAX_LINES = 40


@dataclass
class Decision:
    text: str
    first: BodyLine  # where the decision text starts
    next: int  # body position after it (closing lines included)


def _strip_para(text: str) -> str:
    return PARA_NUMBER.sub("", text, count=1)


def _stops(lines: list[BodyLine], j: int, first: BodyLine, state: ItemState) -> bool:
    b = lines[j]
    if _CLOSER.match(b.text) or _MOVER.match(b.text) or heading_at(lines, j, ItemState(state.pdf, state.base, state.top)):
        return True
    if _RESOLVED.match(_strip_para(b.text)) or _is_motion_header(b.text):
        return True
    if state.pdf:
        deeper = b.line.indent > first.line.indent + 5
        if PARA_NUMBER.match(b.text) and not deeper:
            return True
        return b.brk and not deeper and not LIST_MARKER.match(b.text)
    if re.match(r"^\d{1,3}\.\d", b.text):
        return True
    return b.brk and not LIST_MARKER.match(b.text)


def _closing(lines: list[BodyLine], j: int) -> int:
    """Skip the "Moved / Seconded / Carried / Adopted" lines that close a decision."""
    k = j
    while k < len(lines) and k < j + 4 and (_CLOSER.match(lines[k].text) or _MOVER.match(lines[k].text)):
        k += 1
    return k


def _is_motion_header(text: str) -> bool:
    return bool(_MOTION_REF.match(compact(text))) and text.rstrip().endswith(":")


def _clean(texts: list[str]) -> str:
    text = join_lines(texts)
    text = _END_CLOSER.sub("", text)
    return text.strip()


def _after_be_it(body: list[BodyLine]) -> tuple[str, BodyLine]:
    joined = _clean([b.text for b in body])
    m = _BE_IT.search(joined)
    if not m:
        return joined, body[0]
    where = next((b for b in body if _BE_IT.search(b.text)), body[0])
    return joined[m.end() :].strip(), where


def decision_at(lines: list[BodyLine], i: int, state: ItemState, para_start: int) -> Decision | None:
    """The decision starting at body position `i`, if one does."""
    b = lines[i]
    text = _strip_para(b.text)
    m = _RESOLVED.match(text)
    if m:
        rest = text[m.end() :]
        if m.group("sep") is not None and m.group("sep") not in (":", "-", "–", "—"):
            rest = re.sub(r"^that\s+", "", rest)
        texts = [rest] if rest else []
        j = i + 1
        while j < len(lines) and j < i + MAX_LINES and not _stops(lines, j, b, state):
            texts.append(lines[j].text)
            j += 1
        if not texts:
            return None
        return Decision(_clean(texts), b, _closing(lines, j))
    if _BLOCK_LABEL.match(text):
        j = i + 1
        while j < len(lines) and j < i + MAX_LINES:
            if _CLOSER.match(lines[j].text) or _MOVER.match(lines[j].text):
                break
            if heading_at(lines, j, ItemState(state.pdf, state.base, state.top)):
                return None
            j += 1
        else:
            return None
        if j >= len(lines) or j == i + 1:
            return None
        return Decision(_clean([x.text for x in lines[i + 1 : j]]), lines[i + 1], _closing(lines, j))
    if _is_motion_header(b.text) or re.match(r"^moved\s+by\b", b.text, re.IGNORECASE):
        j = i + 1
        while j < len(lines) and _MOVER.match(lines[j].text):
            j += 1
        start = j
        while j < len(lines) and j < i + MAX_LINES:
            if _is_motion_header(lines[j].text) or heading_at(lines, j, ItemState(state.pdf, state.base, state.top)):
                break
            if _CLOSER.match(lines[j].text):
                break
            j += 1
            if _END_CLOSER.search(lines[j - 1].text):
                break
        if j > start:
            text, where = _after_be_it(lines[start:j])
            if text:
                return Decision(text, where, _closing(lines, j))
    if _MOVER.match(b.text) and para_start < i:
        # "Moved: X / Seconded: Y / Carried" under a paragraph: the paragraph was the motion
        k = _closing(lines, i)
        if k == i or not any(_CLOSER.match(x.text) for x in lines[i:k]):
            return None
        return Decision(_clean([x.text for x in lines[para_start:i]]), lines[para_start], k)
    return None

"""Declarations of interest in minutes: one record per member per interest.

"Councillor Jan Prendergast and Councillor Barrie Taylor each declared a non-prejudicial
interest in that ..." gives two records; "Councillor Shelly Foote declared a pecuniary
interest for #9 ..." one. A sentence counts when it says someone declared (or disclosed)
an interest, or when it sits under a "Declarations of Interest" item. A summary line
("Disclosure of pecuniary interest: Councillor Shelly Foote.") counts only for a member
whose declaration is not written out elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.parse.minutes_text import PARA_NUMBER, BodyLine, after_compact, compact, join_lines, sentences
from minutebook.text.names import split_attendees

_VERB = re.compile(r"\b(?:(?:each|also|both|then)\s+)?(?:declared|disclosed|declares|discloses)\b", re.IGNORECASE)
_KIND = re.compile(
    r"\b(disclosable\s+pecuniary|non[-\s]?pecuniary|pecuniary|non[-\s]?prejudicial|prejudicial|personal|"
    r"other\s+registrable|non[-\s]?registrable|registrable|significant|private|sensitive)"
    r"(?:\s+and\s+\w+(?:-\w+)?)?\s+interests?\b",
    re.IGNORECASE,
)
_SUMMARY = re.compile(r"^(?:disclosures?|declarations?)of(?P<kind>[a-z-]*?)interests?:")


@dataclass
class Declared:
    member: str
    kind: str | None
    text: str
    first: BodyLine


def _kind(text: str) -> str | None:
    m = _KIND.search(text)
    if not m:
        return None
    kind = re.sub(r"\s+", " ", m.group(1).lower())
    return re.sub(r"^non[\s-]?", "non-", kind)


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def declarations(paragraphs: list[tuple[list[BodyLine], bool]]) -> list[Declared]:
    """Declarations in `paragraphs`: (lines, under a declarations-of-interest item?) pairs."""
    out: list[Declared] = []
    summaries: list[Declared] = []
    for lines, under_item in paragraphs:
        if not lines:
            continue
        first = lines[0]
        s = _SUMMARY.match(compact(first.text))
        if s:
            rest = after_compact(join_lines([b.text for b in lines]), s.end())
            kind = s.group("kind") or None
            for name in split_attendees(rest):
                summaries.append(Declared(name, kind, join_lines([b.text for b in lines]), first))
            continue
        text = join_lines([PARA_NUMBER.sub("", lines[0].text, count=1)] + [b.text for b in lines[1:]])
        offsets = _line_offsets(lines, text)
        for start, sentence in sentences(text):
            verb = _VERB.search(sentence)
            if not verb or (not under_item and not re.search(r"\binterest", sentence, re.IGNORECASE)):
                continue
            subject = sentence[: verb.start()]
            if re.search(r"\b(?:been|be|was|were|is|are|had|have)\s*$", subject, re.IGNORECASE):
                continue  # "the gifts had been declared with the Monitoring Officer"
            if "," in subject:
                subject = subject.rsplit(",", 1)[1]
            names = split_attendees(subject)
            if not names or len(subject.split()) > 14:
                continue
            said = sentence[verb.start() :].strip()
            said = re.sub(r"^(?:each|both|then)\s+", "", said, flags=re.IGNORECASE).rstrip(" .")
            where = _line_at(offsets, start + verb.start(), lines)
            for name in names:
                out.append(Declared(name, _kind(said), said, where))
    declared = {_surname(d.member) for d in out}
    out += [d for d in summaries if _surname(d.member) not in declared]
    return out


def _line_offsets(lines: list[BodyLine], text: str) -> list[int]:
    """Approximate start offset of each line inside the joined text."""
    offsets: list[int] = []
    pos = 0
    for b in lines:
        offsets.append(pos)
        pos += len(b.text) + 1
    return offsets


def _line_at(offsets: list[int], offset: int, lines: list[BodyLine]) -> BodyLine:
    k = 0
    for idx, start in enumerate(offsets):
        if start <= offset:
            k = idx
    return lines[k]

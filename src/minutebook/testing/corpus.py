"""A synthetic corpus of many distinct packs made from the real fixtures (tests and bench).

Every generated pack is a TEXT dump: the text fixture is rewritten as text, and each PDF
fixture becomes a text pack built from the lines pypdfium2 extracts from it (form feeds at
page breaks, blank lines at paragraph gaps). Writing modified PDFs is out of scope, so the
corpus exercises the text reader, not the PDF reader — bench reports the PDF reader on the
real PDFs separately.

Copy `i` of a source shifts every date by a whole number of weeks, renames the committee,
swaps the surnames after titles (Councillor, Cllr, Mr, Ms, ...), scales money amounts and
ends with a "Corpus copy i" line, so no two packs share a sha256 and the importer links
nothing across copies by accident.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from minutebook.testing.fixtures import fixture_files

COMMITTEES = (
    "Planning Committee", "Licensing Sub-Committee", "Audit and Governance Committee", "Cabinet",
    "Children's Services Scrutiny Committee", "Health and Wellbeing Board", "Environment Committee",
    "Housing Policy and Scrutiny Committee", "Finance Committee", "Transport Committee",
    "Corporate Parenting Panel", "Pensions Committee", "Standards Committee", "Economy Committee",
)
SURNAMES = (
    "Ahmed", "Baker", "Chen", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis",
    "Morgan", "Nolan", "Owen", "Patel", "Quinn", "Roberts", "Singh", "Taylor", "Usher", "Vaughan", "Walsh",
    "Young", "Zamora", "Okafor", "Novak", "Murphy", "Kowalski", "Fitzgerald",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH_NO = {m.lower(): i + 1 for i, m in enumerate(MONTHS)} | {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct"
                  r"|Nov|Dec),? (\d{4})\b")
_MDY = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_TITLED = re.compile(r"\b(Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_MONEY = re.compile(r"([£$])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
WEEKS_SPREAD = 520  # dates move within +-5 years, so year facets vary


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    text: str  # with form feeds at page breaks
    committee: str | None
    pages: int | None


def _pdf_text(path: Path) -> tuple[str, int | None]:
    """The PDF's lines as a text dump: a form feed per page, a blank line at paragraph gaps."""
    from minutebook.read import read_pack  # noqa: PLC0415

    pack = read_pack(path)
    out: list[str] = []
    prev_top: float | None = None
    for line in pack.lines:
        if line.page_start and out:
            out.append("\f")
            prev_top = None
        gap = (line.top - prev_top) if (line.top is not None and prev_top is not None) else 0.0
        if prev_top is not None and abs(gap) > 1.6 * (line.size or 10.0):
            out.append("")
        out.append(line.text)
        prev_top = line.top
    return "\n".join(out).replace("\n\f\n", "\n\f"), pack.pages


@lru_cache(maxsize=4)
def sources(fixtures: tuple[Path, ...] | None = None) -> tuple[Source, ...]:
    """Each real fixture once, as text, with the committee name its record gives."""
    from minutebook.extract import extract_pack  # noqa: PLC0415
    from minutebook.read import read_pack  # noqa: PLC0415

    found = []
    for path in fixtures or tuple(fixture_files()):
        if path.suffix == ".pdf":
            text, pages = _pdf_text(path)
        else:
            text, pages = path.read_text(encoding="utf-8", errors="replace"), None
        committee = extract_pack(read_pack(path)).committee
        found.append(Source(path.stem, text, committee, pages))
    return tuple(found)


def _shift(text: str, days: int) -> str:
    delta = dt.timedelta(days=days)

    def moved(y: int, m: int, d: int) -> dt.date | None:
        try:
            return dt.date(y, m, d) + delta
        except ValueError:
            return None

    def dmy(mt: re.Match[str]) -> str:
        new = moved(int(mt[3]), _MONTH_NO[mt[2].lower()[:3]], int(mt[1]))
        return f"{new.day} {MONTHS[new.month - 1]} {new.year}" if new else mt[0]

    def mdy(mt: re.Match[str]) -> str:
        new = moved(int(mt[3]), _MONTH_NO[mt[1].lower()], int(mt[2]))
        return f"{MONTHS[new.month - 1]} {new.day}, {new.year}" if new else mt[0]

    def iso(mt: re.Match[str]) -> str:
        new = moved(int(mt[1]), int(mt[2]), int(mt[3]))
        return new.isoformat() if new else mt[0]

    def slash(mt: re.Match[str]) -> str:
        new = moved(int(mt[3]), int(mt[2]), int(mt[1]))
        return f"{new.day:02d}/{new.month:02d}/{new.year}" if new else mt[0]

    for pattern, fn in ((_DMY, dmy), (_MDY, mdy), (_ISO, iso), (_SLASH, slash)):
        text = pattern.sub(fn, text)  # type: ignore[arg-type]
    return text


def _pick(seq: tuple[str, ...], *key: object) -> str:
    digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
    return seq[int.from_bytes(digest, "big") % len(seq)]


def variant(source: Source, i: int) -> str:
    """Copy `i` of a source: shifted dates, another committee and other people, scaled amounts."""
    text = _shift(source.text, 7 * ((i * 37) % WEEKS_SPREAD - WEEKS_SPREAD // 2))
    if source.committee:
        text = text.replace(source.committee, _pick(COMMITTEES, "committee", i))
    text = _TITLED.sub(lambda m: f"{m[1]} {_pick(SURNAMES, m[2], i)}", text)
    factor = 0.75 + (i % 50) / 100

    def money(m: re.Match[str]) -> str:
        value = round(float(m[2].replace(",", "")) * factor)
        return f"{m[1]}{value:,}" if "," in m[2] else f"{m[1]}{value}"

    text = _MONEY.sub(money, text)
    return f"{text.rstrip()}\n\nCorpus copy {i}\n"


def generate_corpus(dest: Path, count: int, start: int = 0, fixtures: tuple[Path, ...] | None = None) -> list[Path]:
    """Write `count` distinct text packs into `dest` (copies start..start+count-1, cycling the fixtures)."""
    srcs = sources(fixtures)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + count):
        src = srcs[i % len(srcs)]
        path = dest / f"{i:06d}-{src.name}.txt"
        path.write_text(variant(src, i), encoding="utf-8")
        out.append(path)
    return out


def source_pages(fixtures: tuple[Path, ...] | None = None) -> dict[str, int | None]:
    return {s.name: s.pages for s in sources(fixtures)}

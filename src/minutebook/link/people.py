"""One person however printed: "Councillor Aiken", "Cllr Nickie Aiken", "N. Aiken", "Nickie Aiken".

Matching is within one council. A name is split with nameparser (honorifics dropped); it
matches a known person when the surnames agree (exactly, or fuzzily via rapidfuzz for
misprints) and the first names are compatible: equal, one an initial of the other, or one
missing. Each printed form is kept as an alias with the confidence of the match; aliases a
user confirmed (`minutebook people merge`) always win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nameparser import HumanName
from rapidfuzz import fuzz
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from minutebook.link.normalise import norm_text
from minutebook.store.schema import Person, PersonAlias
from minutebook.store.schema_items import Attendance, Declaration, Minutes, WorkProgrammePresenter

# dropped before nameparser sees the name, so no need to change its shared constants
HONORIFICS = {"councillor", "cllr", "councilor", "alderman", "mayor", "deputy", "chief", "superintendent",
              "inspector", "dr", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "prof", "professor",
              "rev", "revd", "mp", "cc", "chair", "chairman", "vice"}
SURNAME_FUZZ = 90  # rapidfuzz ratio for a misprinted surname ("Prendergest")


@dataclass(frozen=True, slots=True)
class ParsedName:
    first: str | None  # lower case; one letter for an initial
    last: str  # lower case
    display: str  # as printed, honorifics dropped

    @property
    def key(self) -> str:
        return f"{self.first or ''} {self.last}".strip()


@lru_cache(maxsize=8192)  # a pure function of the text; the same names recur in every pack of a council
def parse_name(printed: str) -> ParsedName | None:
    """The first name and surname of a printed name; None for something that is not a name."""
    words = [w for w in printed.replace(".", ". ").split() if norm_text(w) not in HONORIFICS]
    if not words:
        return None
    if len(words) == 1:  # a surname alone: nameparser would call it a first name
        first, last = None, norm_text(words[0])
    else:
        hn = HumanName(" ".join(words))
        last = norm_text(hn.last or words[-1])
        first = norm_text(hn.first) if hn.first else None
    if not last or any(ch.isdigit() for ch in last):
        return None
    return ParsedName(first=first or None, last=last, display=" ".join(words).replace(". ", " ").strip())


def looks_like_person(printed: str) -> bool:
    """A represented-by cell that is a person's name, not an organisation or a role."""
    words = printed.split()
    if not 1 <= len(words) <= 4 or any(c in printed for c in "-?’'/&()0123456789"):
        return False
    if len(words) == 1 and sum(c.isupper() for c in printed) > 1:
        return False  # an acronym: "CCGs", "MOPAC"
    return all(w[:1].isupper() for w in words) and not printed.isupper()


def first_names_compatible(a: str | None, b: str | None) -> float | None:
    """Confidence that two first names belong to one person, or None if they cannot."""
    if a is None or b is None:
        return 0.8  # "Aiken" vs "Nickie Aiken": likely, not certain
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.9 if a[0] == b[0] else None
    ratio = fuzz.ratio(a, b)
    return 0.85 if ratio >= 85 else None


class PeopleIndex:
    """Resolves printed names to person ids within one council, for one ingest transaction."""

    def __init__(self, session: Session, council_id: int | None) -> None:
        self.session = session
        self.council_id = council_id
        # alias key -> person id, for this index's life (one pack's transaction): attendance,
        # declarations and presenters print the same names many times, and each lookup was a
        # query (with an autoflush); only `resolve` adds aliases meanwhile, and it fills this in
        self.known: dict[str, int] = {}
        self.absent: set[str] = set()  # keys looked up (by `prefetch`) and not stored
        self.people: list[Person] | None = None  # the council's people, read once (see _people)

    def _where_council(self, column: Any) -> Any:
        return column.is_(None) if self.council_id is None else column == self.council_id

    def _people(self) -> list[Person]:
        # read on the first unknown name; a person `resolve` adds later is appended, so the
        # list stays what the query would return (people are only added during an ingest)
        if self.people is None:
            self.people = list(self.session.scalars(select(Person).where(self._where_council(Person.council_id))))
        return self.people

    def _alias(self, key: str) -> int | None:
        q = select(PersonAlias.person_id).where(PersonAlias.key == key, self._where_council(PersonAlias.council_id))
        return self.session.scalars(q.limit(1)).first()

    def prefetch(self, printed: Iterable[str]) -> None:
        """Look up the stored aliases of all these names in one query, before `resolve`s them."""
        keys = {norm_text(name.display) for name in map(parse_name, printed) if name is not None}
        keys -= self.known.keys() | self.absent
        if not keys:
            return
        q = (select(PersonAlias.key, PersonAlias.person_id)
             .where(PersonAlias.key.in_(sorted(keys)), self._where_council(PersonAlias.council_id))
             .order_by(PersonAlias.id))
        for key, person_id in self.session.execute(q):
            self.known.setdefault(key, person_id)
        self.absent |= keys - self.known.keys()

    def resolve(self, printed: str) -> int | None:
        """The id of the person printed as `printed`, creating the person or alias as needed."""
        name = parse_name(printed)
        if name is None:
            return None
        alias_key = norm_text(name.display)
        if alias_key in self.known:
            return self.known[alias_key]
        known = None if alias_key in self.absent else self._alias(alias_key)
        if known is not None:
            self.known[alias_key] = known
            return known
        person, confidence = self._best(name)
        if person is None:
            person = Person(council_id=self.council_id, name=name.display, first=name.first, last=name.last)
            self.session.add(person)
            self.session.flush()
            self._people().append(person)
            confidence = 1.0
        elif name.first and len(name.first) > len(person.first or "") and not self._confirmed(person.id):
            # the fullest form seen becomes the display name: "Aiken" -> "Nickie Aiken"
            person.name, person.first = name.display, name.first
        self.session.add(PersonAlias(person_id=person.id, council_id=self.council_id, alias=printed.strip(),
                                     key=alias_key, confidence=confidence, confirmed=False))
        self.session.flush()
        self.known[alias_key] = person.id
        self.absent.discard(alias_key)
        return person.id

    def _confirmed(self, person_id: int) -> bool:
        q = select(PersonAlias.id).where(PersonAlias.person_id == person_id, PersonAlias.confirmed.is_(True))
        return self.session.scalars(q).first() is not None

    def _best(self, name: ParsedName) -> tuple[Person | None, float]:
        best: tuple[Person | None, float] = (None, 0.0)
        candidates: list[tuple[Person, float]] = []
        for person in self._people():
            surname = 1.0 if person.last == name.last else fuzz.ratio(person.last, name.last) / 100
            if surname * 100 < SURNAME_FUZZ:
                continue
            first = first_names_compatible(person.first, name.first)
            if first is not None:
                candidates.append((person, round(surname * first, 3)))
        if not candidates:
            return best
        candidates.sort(key=lambda pc: -pc[1])
        if name.first is None and len(candidates) > 1 and candidates[0][1] == candidates[1][1]:
            return best  # "Smith" with two Smiths known: not a guess, a new person
        return candidates[0]


def merge_people(session: Session, keep_id: int, drop_id: int) -> None:
    """Fold person `drop_id` into `keep_id`: every reference moves, aliases become confirmed."""
    if keep_id == drop_id:
        return
    for model, column in ((Attendance, Attendance.person_id), (Declaration, Declaration.person_id),
                          (Minutes, Minutes.chair_person_id),
                          (WorkProgrammePresenter, WorkProgrammePresenter.person_id),
                          (PersonAlias, PersonAlias.person_id)):
        session.execute(update(model).where(column == drop_id).values({column.key: keep_id}))
    session.execute(update(PersonAlias).where(PersonAlias.person_id == keep_id).values(confirmed=True,
                                                                                     confidence=1.0))
    dropped = session.get(Person, drop_id)
    if dropped is not None:
        session.delete(dropped)
    session.flush()


def find_person(session: Session, ref: str) -> Person | None:
    """A person by id, by display name, or by any alias (as printed or normalised)."""
    if ref.isdigit():
        return session.get(Person, int(ref))
    person = session.scalars(select(Person).where(Person.name == ref)).first()
    if person is not None:
        return person
    key = norm_text(" ".join(w for w in ref.split() if norm_text(w) not in HONORIFICS))
    alias = session.scalars(select(PersonAlias).where(PersonAlias.key == key)).first()
    return session.get(Person, alias.person_id) if alias else None

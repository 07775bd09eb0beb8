"""One person however printed; the alias table a user can correct."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from minutebook.cli import cli
from minutebook.link.people import PeopleIndex, parse_name
from minutebook.store.batch import ingest_paths
from minutebook.store.schema import Person, PersonAlias
from store_helpers import fixture_path

WESTMINSTER = "westminster-ahpp-2017-02-01"


def _printed_forms() -> list[str]:
    """Forms of Nickie Aiken's name as the Westminster fixture prints them."""
    text = fixture_path(WESTMINSTER).read_text(encoding="utf-8")
    forms = ["Councillor Nickie Aiken", "Councillor Aiken"]
    for form in forms:
        assert form in text, form
    return [*forms, "Cllr Nickie Aiken", "Cllr Aiken", "Nickie Aiken", "N. Aiken"]


def test_parse_name_drops_honorifics() -> None:
    assert parse_name("Cllr Nickie Aiken") == parse_name("Councillor Nickie Aiken")
    name = parse_name("Councillor Aiken")
    assert name is not None and name.first is None and name.last == "aiken"
    initial = parse_name("N. Aiken")
    assert initial is not None and initial.first == "n"


def test_variants_are_one_person(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        index = PeopleIndex(s, None)
        ids = {index.resolve(form) for form in _printed_forms()}
        assert len(ids) == 1
        person = s.get(Person, ids.pop())
        assert person is not None and person.name == "Nickie Aiken"
        aliases = s.scalars(select(PersonAlias).where(PersonAlias.person_id == person.id)).all()
        assert {a.confidence for a in aliases} - {1.0}  # fuzzy matches say how sure they are
        assert all(0 < a.confidence <= 1 for a in aliases)
        # a different first name is a different person
        assert index.resolve("Councillor Robert Aiken") != person.id


def test_fixture_names_merge_across_sections(engine: Engine) -> None:
    # "Councillor Rowley" in the work programme and "Ian Rowley" in the minutes' present list
    assert ingest_paths(engine, [fixture_path(WESTMINSTER)]).ok
    with Session(engine) as s:
        rows = s.execute(select(PersonAlias.alias, PersonAlias.person_id)
                         .where(PersonAlias.alias.in_(["Rowley", "Ian Rowley"]))).all()
        assert len(rows) == 2 and len({pid for _, pid in rows}) == 1


def test_people_merge_and_list(db_url: str, engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        index = PeopleIndex(s, None)
        jan, janet = index.resolve("Jan Prendergast"), index.resolve("Janet Prendergast")
    assert jan != janet
    runner = CliRunner()
    result = runner.invoke(cli, ["people", "merge", "Jan Prendergast", "Janet Prendergast", "--db", db_url])
    assert result.exit_code == 0, result.output
    with Session(engine) as s, s.begin():
        assert s.get(Person, janet) is None
        aliases = s.scalars(select(PersonAlias).where(PersonAlias.person_id == jan)).all()
        assert {a.alias for a in aliases} == {"Jan Prendergast", "Janet Prendergast"}
        assert all(a.confirmed for a in aliases)
        assert PeopleIndex(s, None).resolve("Cllr Janet Prendergast") == jan  # the correction sticks
    listed = runner.invoke(cli, ["people", "list", "--json", "--db", db_url])
    assert listed.exit_code == 0 and "Janet Prendergast" in listed.output
    missing = runner.invoke(cli, ["people", "merge", "Jan Prendergast", "Nobody", "--db", db_url])
    assert missing.exit_code != 0 and "no such person" in missing.output

"""Names in attendance lists: honorifics, job titles, PDF spacing faults."""

from __future__ import annotations

from minutebook.text.names import is_person_name, mend_name, split_attendees, split_names, strip_honorific, strip_job_title


def test_split_attendees_running_list_with_roles_and_postnominals() -> None:
    text = "Mr R W Gough (Chairman), Mr N Baker, Mr R C Love, OBE, Ms C McInnes (Director of\nEducation) and McKay (Acting Chief Accountant)"
    assert split_attendees(text) == ["R W Gough", "N Baker", "R C Love", "C McInnes", "McKay"]


def test_split_attendees_officers_with_job_titles_and_split_words() -> None:
    text = (
        "Operations Superintendent Dan MacInnis; Land Planning and Technology Administrator- Deputy Treasurer "
        "John - Paul Negri notti ; Fire Chief- MLEO-CEMC Will Bateman and Municipal Administrator-Clerk-Treasurer "
        "Kris Croskery- H odgins ."
    )
    assert split_attendees(text) == ["Dan MacInnis", "John-Paul Negrinotti", "Will Bateman", "Kris Croskery-Hodgins"]


def test_doubled_initial_is_dropped() -> None:
    assert split_attendees("Mayor T Tom Piper and Councillors T Tom Butler") == ["Tom Piper", "Tom Butler"]
    assert mend_name("R J Thomas") == "R J Thomas"


def test_role_after_comma_is_not_a_name() -> None:
    assert split_attendees("Sue Chandler, Cabinet Member for Integrated Children’s Services.") == ["Sue Chandler"]
    assert not is_person_name("Members of the public and media")
    assert not is_person_name("Board Administrator")


def test_name_glue_keeps_ordinary_words_apart() -> None:
    assert mend_name("Cabinet Member for Services") == "Cabinet Member for Services"


def test_strip_job_title() -> None:
    assert strip_job_title("Operations Superintendent Dan MacInnis") == "Dan MacInnis"
    assert strip_job_title("Dan") == "Dan"


def test_existing_helpers_unchanged() -> None:
    assert strip_honorific("Councillor Jan Prendergast") == "Jan Prendergast"
    assert split_names("Councillors Antonia Cox (Chairman), Barbara Arzymanow and Barrie Taylor") == [
        "Antonia Cox",
        "Barbara Arzymanow",
        "Barrie Taylor",
    ]


def test_split_attendees_never_raises_on_junk() -> None:
    for junk in ["", "(", ")", ",,,", "and and", "- - -", "((((", "Mr", "A" * 1000]:
        split_attendees(junk)

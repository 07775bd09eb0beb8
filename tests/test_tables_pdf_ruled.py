"""The ruled-table layer (tables.pdfpage / tables.ruled) and the PDF table parsers on real packs.

Gloucester has no gold: what is asserted here was checked by rendering its page 4 (Table 1,
9 columns, 6 districts, wrapped cells). Hawke's Bay has gold; one test per bug fixed.
"""

from __future__ import annotations

import json

import pytest
from minutebook.testing.fixtures import GOLD, fixture_files, fixture_path

from minutebook.extract import extract
from minutebook.tables.pdfpage import read_layout
from minutebook.tables.ruled import page_tables

HB = "hawkesbay-dhb-2019-04-24"


@pytest.fixture(scope="module")
def hb():  # noqa: ANN201
    return extract(fixture_path(HB))


def _tables(name: str, page: int):  # noqa: ANN202
    layout = read_layout(str(fixture_path(name)), page)
    assert layout is not None
    return page_tables(layout)


def test_gloucester_table_header_rows_and_wrapped_cells() -> None:
    (table,) = _tables("gloucester-cabinet-2025-12-10-report", 4)
    assert table.header.texts() == [
        "District", "Type of Scheme", "Maximum Level of Support", "Caseload", "Total Award",
        "% In Receipt of 100% Support", "Support Limited by Council Tax Band", "Capital Limit", "Vulnerable Groups"]
    body = table.rows[1:]
    assert [r.cells[0].text for r in body] == [
        "Cheltenham", "Cotswold", "Forest of Dean", "Gloucester City", "Stroud", "Tewkesbury"]
    forest = body[2].texts()
    assert forest[2] == "90% (95% for protected groups)"  # a cell wrapped over four lines
    assert forest[5] == "% not awarded"
    assert body[0].texts()[8] == "Income disregard relating to disabilities"
    assert body[3].cells[0].lines[0].bold  # district names are bold in the first column


def test_gloucester_small_tables_with_blank_corner_cell() -> None:
    tables = _tables("gloucester-cabinet-2025-12-10-report", 3)
    assert [t.header.texts() for t in tables] == [["", "March 23", "March 24", "March 25", "Sept 25"]] * 2
    assert tables[1].rows[1].texts() == ["Total CTS", "£5,964,399", "£6,000,541", "£6,214,832", "£6,317,351"]


def test_gloucester_cover_sheet_is_not_a_table() -> None:
    assert _tables("gloucester-cabinet-2025-12-10-report", 1) == []


def test_form_xobject_rules_are_transformed() -> None:
    # the matters-arising grid is drawn inside a scaled form XObject: untransformed bounds
    # put the rules 25pt off the words, and every word landed in the wrong column
    (table,) = _tables(HB, 15)
    assert table.header.texts() == ["Action", "Date Entered", "Action to be Taken", "By Whom", "Month", "Status"]
    assert table.rows[1].texts()[:2] == ["1", "29/9/18"]


def test_loose_char_boxes_keep_punctuation_in_place(hb) -> None:  # noqa: ANN001
    # tight glyph boxes split "(1,116)" into "(1 1 16) ," and moved dashes to the line end
    financial = [k for k in hb.kpis if k.indicator.startswith("Financial")]
    assert [k.actual for k in financial] == ["(1,116)", "(6,157)"]
    assert financial[0].indicator == "Financial – month (in thousands of dollars)"


def test_fake_bold_heading_is_the_item_title(hb) -> None:  # noqa: ANN001
    # the headings are drawn fill+stroke in the body font: only the render mode says bold
    first = hb.actions[0]
    assert first.item_title == "Equity and Cultural Competency Workshops"
    assert first.text.startswith("MRB will host a Workshop in April")


def test_partly_bold_line_is_not_a_title(hb) -> None:  # noqa: ANN001
    second = hb.actions[1]
    assert second.item_title is None
    assert second.text.startswith("Schedule Consumer Experience Facilitators to attend")


def test_bold_lead_in_line_is_not_part_of_title(hb) -> None:  # noqa: ANN001
    seventh = hb.actions[6]
    assert seventh.item_title == "Person & Whanau Centred Care"
    assert seventh.text.startswith("EMT to: Advocate for national changes")


def test_repeated_header_on_next_page_is_not_an_action(hb) -> None:  # noqa: ANN001
    assert [a.item for a in hb.actions] == [str(i) for i in range(1, 9)]
    assert all(a.text != "Action to be Taken" for a in hb.actions)


def test_nested_subtable_rows_are_not_kpis(hb) -> None:  # noqa: ANN001
    names = [k.indicator for k in hb.kpis]
    assert not any("Specialist Assessments" in n or n.startswith("Waiting") for n in names)


def test_corner_header_cell_titles_one_row_table(hb) -> None:  # noqa: ANN001
    fct = [k for k in hb.kpis if k.indicator == "Faster Cancer Treatment Expected Volumes v Actual"]
    assert len(fct) == 1 and fct[0].target == "100%" and fct[0].actual == "10/19 = 53%"


def test_arrows_and_dashes_in_kpi_cells(hb) -> None:  # noqa: ANN001
    by_name = {k.indicator: k for k in hb.kpis}
    assert by_name["Shorter stays in ED"].direction == "Declining"
    assert by_name["Increased immunisation at 8 months"].direction == "Stable"
    assert by_name["Increased immunisation at 8 months"].actual is None  # printed "---"


def test_shaded_round_bodies_are_read(hb) -> None:  # noqa: ANN001
    # body rows of a round are shaded, not ruled: they were lost when only ruled bands counted
    assert [len(r.items) for r in hb.work_programme] == [5, 14, 6, 3, 7]


def test_lead_cell_on_wrapped_line_does_not_split_item(hb) -> None:  # noqa: ANN001
    titles = [i.title for r in hb.work_programme for i in r.items]
    assert "Violence Intervention Programme Report Committees reviewed in July - EMT Nov - April19" in titles
    assert "Nov - April19" not in titles


def test_print_date_row_opens_no_round(hb) -> None:  # noqa: ANN001
    assert [r.date for r in hb.work_programme] == ["2019-04-24", "2019-05-29", "2019-06-26", "2019-07-31", "2019-08-28"]


def test_hawkesbay_table_sections_quality(hb, scorer) -> None:  # noqa: ANN001
    gold = json.loads((GOLD / f"{HB}.json").read_text(encoding="utf-8"))
    rows = {k: t.row() for k, t in scorer.score(hb.to_json_dict(), gold).items()}
    for section in ("actions", "work_programme", "work_programme_items", "kpis"):
        assert rows[section]["f1"] >= 0.99, section
        assert rows[section]["strict_f1"] >= 0.99, section


@pytest.mark.parametrize("path", [p for p in fixture_files() if p.suffix == ".pdf" and HB not in p.name],
                         ids=lambda p: p.stem)
def test_no_table_records_from_packs_without_such_tables(path) -> None:  # noqa: ANN001
    record = extract(path)
    assert record.actions == [] and record.work_programme == [] and record.kpis == []

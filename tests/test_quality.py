"""Quality regression: extraction scores on every fixture with gold stay above their floors.

Floors come from the foundation issue: 0.95 per section on the reference packs, 0.80 on the
packs from other countries. A section is checked where the gold has records for it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from types import ModuleType

import pytest

from minutebook.testing.fixtures import GOLD, fixture_path, load_scorer
from minutebook.extract import extract

NARRATIVE = ("header", "agenda", "minutes", "attendance", "declarations", "minute_items", "resolutions", "documents", "provenance")

FLOORS: dict[str, tuple[float, tuple[str, ...]]] = {
    "westminster-ahpp-2017-02-01": (0.95, NARRATIVE),
    "kent-cabinet-2025-01-30-agenda": (0.95, NARRATIVE),
    "kent-cabinet-2025-01-30-minutes": (0.95, NARRATIVE),
    "nipissing-council-2023-12-19-minutes": (0.80, NARRATIVE),
    "la-metro-emc-2017-06-15-agenda": (0.80, NARRATIVE),
    "hawkesbay-dhb-2019-04-24": (0.80, NARRATIVE),
}


@lru_cache(maxsize=None)
def scores(name: str) -> dict[str, dict[str, float]]:
    scorer: ModuleType = load_scorer()
    record = extract(fixture_path(name)).to_json_dict()
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return {k: t.row() for k, t in scorer.score(record, gold).items() if t.gold}


CASES = [(name, section) for name, (_, sections) in FLOORS.items() for section in sections]


@pytest.mark.quality
@pytest.mark.parametrize(("name", "section"), CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_section_f1_above_floor(name: str, section: str) -> None:
    floor = FLOORS[name][0]
    row = scores(name).get(section)
    if row is None:
        pytest.skip(f"the gold for {name} has no {section}")
    assert row["f1"] >= floor, f"{name} {section}: F1 {row['f1']} < {floor} ({row})"

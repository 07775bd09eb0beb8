"""Passages go in with COPY (PostgreSQL) or multi-row INSERTs (SQLite): same rows, order, ids, index."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select, text

import minutebook.store.write as write_mod
from minutebook.store.batch import parse_file
from minutebook.store.ingest import ingest_one
from minutebook.store.parsed import ParsedPack
from minutebook.store.schema import Passage
from store_helpers import fixture_path


def test_passages_in_order_with_their_search_index(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # three rows per INSERT on SQLite, so one pack's passages take many statements
    monkeypatch.setattr(write_mod, "_SQLITE_VARS", 3 * len(write_mod.PASSAGE_COLUMNS))
    parsed = parse_file(str(fixture_path("westminster-ahpp-2017-02-01")))
    assert isinstance(parsed, ParsedPack) and len(parsed.passages) > 10
    assert ingest_one(engine, parsed).status == "inserted"
    with engine.connect() as conn:
        rows = conn.execute(select(Passage.id, Passage.page, Passage.line, Passage.text).order_by(Passage.id)).all()
        assert [(r.page, r.line, r.text) for r in rows] == [tuple(p) for p in parsed.passages]
        assert [r.id for r in rows] == list(range(rows[0].id, rows[0].id + len(rows)))
        if engine.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')"))
            indexed = conn.execute(text("SELECT count(*) FROM passage_fts_docsize")).scalar()
            found = conn.execute(text("SELECT count(*) FROM passage_fts WHERE passage_fts MATCH 'council'")).scalar()
        else:
            indexed = conn.execute(text("SELECT count(*) FROM passage WHERE search_tsv IS NOT NULL")).scalar()
            found = conn.execute(text("SELECT count(*) FROM passage WHERE search_tsv @@ "
                                      "to_tsquery('english', 'council')")).scalar()
    assert indexed == len(rows)
    assert 0 < found <= sum("council" in p.text.lower() for p in parsed.passages)

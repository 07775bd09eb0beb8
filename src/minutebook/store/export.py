"""Open-data export: JSON (pack records + linked actions) or CSV (one file per table)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import Engine, select

from minutebook.store import metadata
from minutebook.store.queries import linked_actions
from minutebook.store.schema import Pack


def export_json(engine: Engine, dest: Path) -> Path:
    """One JSON file: {"packs": [record...], "actions": [action with status_history...]}."""
    target = dest / "minutebook.json" if dest.is_dir() else dest
    with engine.connect() as conn:
        packs = [{"file": r.file_name, "sha256": r.sha256, "ingested_at": r.ingested_at.isoformat(),
                  "record": r.record} for r in conn.execute(select(Pack).order_by(Pack.id))]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"packs": packs, "actions": linked_actions(engine)}, indent=2,
                                 ensure_ascii=False), encoding="utf-8")
    return target


def _cell(value: object) -> object:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def export_csv(engine: Engine, dest: Path) -> Path:
    """A folder with TABLE.csv for every table, header row first."""
    dest.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            with (dest / f"{table.name}.csv").open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow([c.name for c in table.columns])
                for row in conn.execute(table.select().order_by(*table.primary_key.columns)):
                    writer.writerow([_cell(v) for v in row])
    return dest

"""Score the extraction of every fixture that has a gold record (a development aid).

usage: python scripts/score_all.py [NAME ...] [--verbose]
"""

from __future__ import annotations

import sys

from minutebook.extract import extract
from minutebook.testing.fixtures import GOLD, fixture_path, gold_names, load_scorer


def main(argv: list[str]) -> None:
    import json

    scorer = load_scorer()
    names = [a for a in argv if not a.startswith("-")] or gold_names()
    for name in names:
        record = extract(fixture_path(name)).to_json_dict()
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        sections = scorer.score(record, gold)
        rows = {k: t.row() for k, t in sections.items() if t.gold or t.pred}
        macro = sum(r["f1"] for r in rows.values()) / len(rows)
        strict = sum(r["strict_f1"] for r in rows.values()) / len(rows)
        print(f"== {name}: macro {macro:.3f} strict {strict:.3f}")
        for k, r in rows.items():
            print(f"   {k:22} gold {r['gold']:4} pred {r['predicted']:4} F1 {r['f1']:.3f} strict {r['strict_f1']:.3f}")
        if "--verbose" in argv:
            for t in sections.values():
                for miss in t.misses:
                    print("     " + miss)


if __name__ == "__main__":
    main(sys.argv[1:])

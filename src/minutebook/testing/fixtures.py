"""Where the shared real-document fixtures and gold records live, for tests, bench and tools.

The fixtures are never copied into the repository: they sit in ../shared beside the clone
(or wherever MINUTEBOOK_SHARED points).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("MINUTEBOOK_SHARED", ROOT.parent / "shared"))
FIXTURES = SHARED / "fixtures"
GOLD = SHARED / "gold"


def fixture_files() -> list[Path]:
    """Every sample pack (PDF or text) in the shared fixtures."""
    return sorted(p for p in FIXTURES.glob("*") if p.suffix in {".pdf", ".txt"})


def gold_names() -> list[str]:
    """The fixtures that have a hand-checked gold record."""
    return sorted(p.stem for p in GOLD.glob("*.json"))


def fixture_path(name: str) -> Path:
    """The fixture file called `name` (without its suffix)."""
    matches = sorted(FIXTURES.glob(f"{name}.*"))
    if not matches:
        raise FileNotFoundError(f"fixture {name} missing from {FIXTURES}")
    return matches[0]


def load_scorer() -> ModuleType:
    """The shared scorer, ../shared/eval/score_pack.py, as a module."""
    spec = importlib.util.spec_from_file_location("score_pack", SHARED / "eval" / "score_pack.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no scorer at {SHARED / 'eval' / 'score_pack.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

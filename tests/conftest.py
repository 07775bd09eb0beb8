"""Shared fixtures: the real documents in ../shared/fixtures and their gold records."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MINUTEBOOK_SHARED", ROOT.parent / "shared"))
FIXTURES = SHARED / "fixtures"
GOLD = SHARED / "gold"


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*") if p.suffix in {".pdf", ".txt"})


def gold_names() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json"))


def fixture_path(name: str) -> Path:
    matches = sorted(FIXTURES.glob(f"{name}.*"))
    if not matches:
        pytest.fail(f"fixture {name} missing from {FIXTURES}")
    return matches[0]


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_pack", SHARED / "eval" / "score_pack.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    return load_scorer()


def pytest_report_header(config: pytest.Config) -> str:
    return f"minutebook shared fixtures: {FIXTURES}"

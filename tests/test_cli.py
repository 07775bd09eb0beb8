"""The command line on every real fixture, run as a real subprocess, and its own help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from minutebook.testing.fixtures import GOLD, fixture_files
from minutebook.cli import cli


def minutebook(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutebook", *map(str, args)], capture_output=True, text=True, timeout=300
    )


def schema_sections() -> list[str]:
    """The top-level keys of the pack record, read from the example in SCHEMA.md itself."""
    text = (GOLD / "SCHEMA.md").read_text(encoding="utf-8")
    block = text.split("```json", 1)[1].split("```", 1)[0]
    return re.findall(r'^  "(\w+)":', block, flags=re.MULTILINE)


def test_schema_sections_are_read() -> None:
    assert schema_sections() == [
        "council", "committee", "meeting_date", "published", "agenda",
        "minutes", "actions", "work_programme", "kpis", "documents",
    ]


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_extract_json_has_every_schema_section(path: Path) -> None:
    result = minutebook("extract", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    record = json.loads(result.stdout)
    for key in schema_sections():
        assert key in record, key
    for key in ("agenda", "minutes", "actions", "work_programme", "kpis", "documents"):
        assert isinstance(record[key], list)
    assert record["file"] == path.name
    assert record["documents"], "every pack is at least one document"
    where = "page" if path.suffix == ".pdf" else "line"
    assert all(where in d["source"] for d in record["documents"])


def test_extract_summary(tmp_path: Path) -> None:
    pdf, txt = (next(p for p in fixture_files() if p.suffix == s) for s in (".pdf", ".txt"))
    result = minutebook("extract", pdf, txt, "--format", "summary")
    assert result.returncode == 0, result.stderr
    for name in (pdf.name, txt.name):
        assert name in result.stdout
    for heading in ("sections", "documents", "agenda", "minutes", "kpis"):
        assert heading in result.stdout


def test_extract_out_writes_one_json_per_file(tmp_path: Path) -> None:
    files = fixture_files()
    out = tmp_path / "records"
    result = minutebook("extract", *files, "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{f.stem}.json" for f in files)
    for f in files:
        assert json.loads((out / f"{f.stem}.json").read_text(encoding="utf-8"))["file"] == f.name
    assert len(result.stdout.splitlines()) == len(files)  # one "FILE: OUT" line each


def test_extract_out_quiet_prints_nothing(tmp_path: Path) -> None:
    result = minutebook("extract", fixture_files()[0], "--out", tmp_path, "--quiet")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_python_dash_m_help_and_version() -> None:
    result = minutebook("--help")
    assert result.returncode == 0 and "extract" in result.stdout
    version = minutebook("--version")
    assert version.returncode == 0 and re.search(r"\d+\.\d+", version.stdout)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("minutebook")
    assert script.exists(), "pip install -e . makes the minutebook command"
    result = subprocess.run([script, "extract", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Example" in result.stdout


def test_missing_argument_is_a_usage_error() -> None:
    result = minutebook("extract")
    assert result.returncode == 2 and "Missing argument" in result.stderr and "Traceback" not in result.stderr


def commands(group: click.Group, prefix: str = "minutebook") -> list[tuple[str, click.Command]]:
    """Every command under the group, nested groups included."""
    found: list[tuple[str, click.Command]] = [(prefix, group)]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


@pytest.mark.parametrize(("name", "command"), commands(cli), ids=[n for n, _ in commands(cli)])
def test_every_command_is_documented(name: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), f"{name} has no docstring"
    assert re.search(r"^\s*Examples?:", command.help, flags=re.MULTILINE), f"{name} help has no Example line"
    assert command.short_help or command.help.strip().splitlines()[0], f"{name} has no summary line"
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in {"help", "version"}:
            assert param.help, f"{name} option {param.opts} has no help"
    helped = minutebook(*name.split()[1:], "--help")
    assert helped.returncode == 0 and "Example" in helped.stdout

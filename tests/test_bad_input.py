"""Bad input through the real command line: one line on stderr naming the file, exit 2.

Every case runs `python -m minutebook extract` as a subprocess on a real file made here
(truncated and encrypted copies of a real fixture, a PDF with blank pages, junk bytes...).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from minutebook.testing.fixtures import fixture_path

SAMPLE_PDF = "kent-cabinet-2025-01-30-agenda"


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutebook", "extract", *map(str, args)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})},
    )


def junk(seed: int, size: int = 4096) -> bytes:
    return random.Random(seed).randbytes(size)


def truncated_pdf(tmp: Path) -> Path:
    data = fixture_path(SAMPLE_PDF).read_bytes()
    out = tmp / "truncated.pdf"
    out.write_bytes(data[: len(data) // 2])
    return out


def encrypted_pdf(tmp: Path, user: str = "secret") -> Path:
    out = tmp / ("encrypted.pdf" if user else "owner-only.pdf")
    with pikepdf.open(fixture_path(SAMPLE_PDF)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner-pw", user=user, R=6))
    return out


def blank_pdf(tmp: Path) -> Path:
    # pages with no text layer at all, as a scan without OCR reads to pdfium
    document = pdfium.PdfDocument.new()
    for _ in range(3):
        document.new_page(595, 842)
    out = tmp / "scanned.pdf"
    document.save(out)
    return out


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        out = tmp / name
        out.write_bytes(data)
        return out

    return make


def folder(tmp: Path) -> Path:
    out = tmp / "packs"
    out.mkdir()
    return out


BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda tmp: tmp / "no-such-pack.pdf", "no such file"),
    "directory": (folder, "is a directory"),
    "empty": (write("empty.txt", b""), "is empty"),
    "empty-pdf-name": (write("empty.pdf", b""), "is empty"),
    "whitespace": (write("blank.txt", b" \n\t\r\n   \n"), "is empty"),
    "junk-pdf": (write("junk.pdf", junk(1)), "is not a PDF"),
    "junk-txt": (write("junk.txt", junk(2)), "is binary"),
    "junk-after-pdf-header": (write("fake.pdf", b"%PDF-1.7\n" + junk(3)), "is a damaged or truncated PDF"),
    "truncated": (truncated_pdf, "is a damaged or truncated PDF"),
    "encrypted": (encrypted_pdf, "is an encrypted PDF"),
    "no-text-layer": (blank_pdf, "has no text layer"),
    "docx": (write("report.docx", b"PK\x03\x04" + junk(4)), "is a .docx file"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    make, problem = BAD[case]
    path = make(tmp_path)
    result = run(path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}: {problem}"), lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


TEXT = "Minutes of the Adults Committee\nHeld on 23 November 2016 at City Hall – Café Room\nPresent: Councillor Zoë Brontë\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("latin1.txt", TEXT.replace("–", "-").encode("latin-1")),
        ("utf16.txt", TEXT.encode("utf-16")),  # with a BOM
        ("utf16be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf8-bom.txt", TEXT.encode("utf-8-sig")),
    ],
)
def test_decodable_text_succeeds(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    record = json.loads(result.stdout)
    assert record["file"] == name
    assert record["documents"] and record["documents"][0]["source"]["text"] == "Minutes of the Adults Committee"


def test_owner_password_only_pdf_reads(tmp_path: Path) -> None:
    # encrypted with an empty user password: any viewer opens it, so should we
    result = run(encrypted_pdf(tmp_path, user=""))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pages"] == 2


def test_batch_goes_on_past_bad_files_and_leaves_no_partial_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "truncated.json").write_text("{}")  # a record left by an earlier run of a now-bad file
    good_pdf = fixture_path(SAMPLE_PDF)
    good_txt = tmp_path / "latin1.txt"
    good_txt.write_bytes(TEXT.replace("–", "-").encode("latin-1"))
    bad = [truncated_pdf(tmp_path), blank_pdf(tmp_path), tmp_path / "missing.txt"]
    result = run(bad[0], good_pdf, bad[1], good_txt, bad[2], "--out", out)
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert len(errors) == len(bad)
    assert all(line.startswith(f"error: {p}: ") for line, p in zip(errors, bad)), errors
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{SAMPLE_PDF}.json", "latin1.json"]
    for written in out.iterdir():
        assert json.loads(written.read_text(encoding="utf-8"))["file"] in {good_pdf.name, "latin1.txt"}


def test_same_stem_in_one_batch_writes_both(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "pack.txt", tmp_path / "b" / "pack.md"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT, encoding="utf-8")
    result = run(first, second, "--out", tmp_path / "out", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["pack.md.json", "pack.txt.json"]


CRASHING_PARSER = """
import sys
from minutebook.parse import PARSERS

class Crashes:
    name = "crashing"
    def parse(self, ctx):
        raise {exc}

PARSERS.append(Crashes())
sys.argv = ["minutebook", "extract", {path!r}]
from minutebook.cli import main
main()
"""


@pytest.mark.parametrize("exc", ["ZeroDivisionError('oops')", "RecursionError()", "RuntimeError('line one\\nline two')"])
def test_a_parser_crash_is_one_line_and_exit_2(tmp_path: Path, exc: str) -> None:
    # a real parser class registered the way the others are, which fails as a parser bug would
    path = tmp_path / "pack.txt"
    path.write_text(TEXT, encoding="utf-8")
    script = CRASHING_PARSER.format(exc=exc, path=str(path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"error: {path}: could not parse the crashing section ")
    assert "Traceback" not in result.stderr


def test_several_files_to_stdout_as_json_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "pack.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run(path, path)
    assert result.returncode == 2
    assert "--out" in result.stderr and "Traceback" not in result.stderr


def test_file_name_with_a_newline_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    result = run(path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr

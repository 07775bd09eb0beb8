"""The `minutebook` command line: a thin click layer over the library."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console

from minutebook.errors import MinutebookError
from minutebook.export.summary import render_summary

err_console = Console(stderr=True)


def fail(error: MinutebookError) -> NoReturn:
    click.echo(error.line(), err=True)
    sys.exit(error.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutebook")
def cli() -> None:
    """Minutebook: committee agenda packs in, linked and searchable records out.

    Example:

        minutebook extract pack.pdf --format summary
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "summary", "csv"]),
    default="json",
    show_default=True,
    help="json: the pack record (SCHEMA.md); summary: a short overview; csv: one --section as CSV.",
)
@click.option(
    "--section",
    type=click.Choice(["actions", "work_programme", "kpis"]),
    help="With --format csv: the section to write, one row per action / work-programme item / KPI.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one FILE-NAME.json per pack into this folder instead of printing.",
)
@click.option("--quiet", "-q", is_flag=True, help="With --out: print nothing but errors.")
def extract(files: tuple[Path, ...], fmt: str, section: str | None, out_dir: Path | None, quiet: bool) -> None:
    """Extract the pack record from agenda pack FILES (PDF or text).

    Prints the record as JSON (every section key present) or a summary. With --out, writes
    one JSON file per pack; a file that fails gets one line on stderr and no output file, and
    the rest of the batch goes on. Exits 2 if any file could not be read or parsed.

    Examples:

        minutebook extract pack.pdf > pack.json

        minutebook extract pack.txt --format summary

        minutebook extract ../shared/fixtures/*.pdf --out records/ --quiet

        minutebook extract a.pdf b.txt --format summary

        minutebook extract pack.pdf --format csv --section actions > actions.csv
    """
    from minutebook.extract import extract as run_extract

    if fmt == "csv":
        if section is None:
            raise click.UsageError("--format csv needs --section actions|work_programme|kpis")
        if out_dir is not None or len(files) > 1:
            raise click.UsageError("--format csv writes one FILE's section to stdout; give one FILE and no --out")
    elif section is not None:
        raise click.UsageError("--section goes with --format csv")

    if out_dir is None and fmt == "json" and len(files) > 1:
        raise click.UsageError("give one FILE for JSON on stdout, or --out DIR to extract several")
    files = tuple(dict.fromkeys(files))  # the same file named twice is extracted once
    targets = _targets(files, out_dir) if out_dir is not None else {}
    failures = 0
    for path in files:
        try:
            record = run_extract(path)
            if out_dir is not None:
                _write_json(record.to_json_dict(), targets[path])
        except MinutebookError as error:
            if out_dir is not None:
                _remove_stale(targets[path])
            if len(files) == 1:
                fail(error)
            click.echo(error.line(), err=True)  # one line, then on with the batch
            failures += 1
            continue
        if fmt == "csv":
            from minutebook.export.csv import section_csv

            click.echo(section_csv(record, section or "actions"), nl=False)
        elif out_dir is None and fmt == "json":
            click.echo(json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False))
        elif fmt == "summary" and not quiet:
            Console().print(render_summary(record))
        elif not quiet:
            click.echo(f"{path}: {targets[path]}")
    if failures:
        sys.exit(2)


def _targets(files: tuple[Path, ...], out_dir: Path) -> dict[Path, Path]:
    """FILE-NAME.json for each file; a.pdf and a.txt in one batch get a.pdf.json and a.txt.json."""
    stems = [f.stem for f in files]
    return {f: out_dir / (f"{f.stem}.json" if stems.count(f.stem) == 1 else f"{f.name}.json") for f in files}


def _remove_stale(target: Path) -> None:
    """A record from an earlier run must not pass for this run's result of a file that failed."""
    try:
        target.unlink(missing_ok=True)
    except OSError:
        pass  # the error line already names the file; a stale record is the lesser problem


def _write_json(data: dict[str, object], target: Path) -> None:
    """Write the whole file or nothing: a failure leaves neither a partial file nor a temp file."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MinutebookError(target, f"cannot be written ({exc.strerror or exc})", "check the --out folder") from exc


def main() -> None:
    """Entry point: click, with every error turned into one line on stderr.

    MinutebookError and anything unexpected exit 2 with one line (set MINUTEBOOK_DEBUG=1 for
    the traceback); usage errors keep click's message and exit 2; a closed pipe exits quietly.
    """
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except MinutebookError as error:
        fail(error)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # `minutebook extract pack.pdf | head`: stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the last guard: never a traceback for the user
        if os.environ.get("MINUTEBOOK_DEBUG"):
            raise
        fail(MinutebookError(None, f"internal error ({type(exc).__name__}: {exc})",
                             "please report it; MINUTEBOOK_DEBUG=1 shows the traceback"))
from minutebook import cli_store as _cli_store  # noqa: E402,F401 - registers ingest, db, people, export
from minutebook import cli_search as _cli_search  # noqa: E402,F401 - registers search
from minutebook import cli_web as _cli_web  # noqa: E402,F401 - registers serve, demo
from minutebook import cli_admin as _cli_admin  # noqa: E402,F401 - registers backup, restore
from minutebook import cli_users as _cli_users  # noqa: E402,F401 - registers user
from minutebook import cli_report as _cli_report  # noqa: E402,F401 - registers report

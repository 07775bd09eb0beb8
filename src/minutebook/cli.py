"""The `minutebook` command line: a thin click layer over the library."""

from __future__ import annotations

import json
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
    type=click.Choice(["json", "summary"]),
    default="json",
    show_default=True,
    help="json: the pack record (SCHEMA.md); summary: a short overview.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one FILE-NAME.json per pack into this folder instead of printing.",
)
@click.option("--quiet", is_flag=True, help="With --out: print nothing but errors.")
def extract(files: tuple[Path, ...], fmt: str, out_dir: Path | None, quiet: bool) -> None:
    """Extract the pack record from agenda pack FILES (PDF or text).

    Prints the record as JSON (every section key present) or a summary. Exits 2, with
    one line naming the file, when a file cannot be read.

    Examples:

        minutebook extract pack.pdf > pack.json

        minutebook extract pack.txt --format summary

        minutebook extract ../shared/fixtures/*.pdf --out records/
    """
    from minutebook.extract import extract as run_extract

    if out_dir is None and len(files) > 1:
        raise click.UsageError("give one FILE, or --out DIR to extract several")
    failures = 0
    for path in files:
        try:
            record = run_extract(path)
        except MinutebookError as error:
            if out_dir is None:
                fail(error)
            click.echo(error.line(), err=True)
            failures += 1
            continue
        if out_dir is None:
            if fmt == "json":
                click.echo(json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False))
            else:
                Console().print(render_summary(record))
            return
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{path.stem}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)  # whole file or nothing
        if not quiet:
            if fmt == "summary":
                Console().print(render_summary(record))
            else:
                click.echo(f"{path}: {target}")
    if failures:
        sys.exit(2)


def main() -> None:
    """Entry point: click, with every MinutebookError turned into one line and exit 2."""
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

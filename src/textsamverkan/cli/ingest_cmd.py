"""`textsamverkan ingest`: build or update a corpus from files and folders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from textsamverkan.cli.output import emit
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@stage_options("ingest")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary line.")
@click.pass_obj
def ingest(obj: Workspace, /, paths: tuple[Path, ...], quiet: bool, **settings: Any) -> None:
    """Read files and folders into the corpus database.

    Folders are read recursively; a manifest (manifest.csv in the folder, or --manifest FILE) gives each file's
    title, organisation, region, kind, date and language (flags override it); files it does not list are skipped
    and reported unless --include-unlisted. Unchanged files are skipped; changed files replace their documents.
    A file that cannot be read is reported and the others are stored; the exit status is then 1.

    \b
    Examples:
      textsamverkan ingest corpora/seeds
      textsamverkan ingest report.pdf --region "Region Halland" --kind report --date 2021-03
      textsamverkan ingest interpellations.csv --kind interpellation --where "text~äldreomsorg"
      textsamverkan ingest regeringen/docs --manifest regeringen/manifest.csv --kind web
    """
    from tqdm import tqdm

    from textsamverkan.ingest.pipeline import ingest_options, ingest_paths, summary_rows

    options = ingest_options(settings)
    conn = obj.connect(must_exist=False)
    summary = ingest_paths(
        conn,
        list(paths),
        options,
        progress=lambda items: tqdm(items, desc="ingest", unit="file", disable=None),
    )
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            click.secho(f"FAILED {outcome.error}", fg="red", err=True)
        elif not quiet:
            for note in outcome.notes:
                click.echo(f"note   {outcome.path}: {note}", err=True)
    if not quiet and summary.outcomes:
        emit(
            [r for r in summary_rows(summary) if r["status"] != "failed"],
            "table",
            None,
            ["file", "status", "documents"],
        )
    click.echo(
        f"{summary.count('stored')} stored ({summary.documents} documents), {summary.count('unchanged')} unchanged, "
        f"{summary.count('skipped')} skipped, {len(summary.failed)} failed → {obj.db}",
        err=True,
    )
    if summary.failed:
        sys.exit(1)


COMMANDS = [ingest]

"""The `textsamverkan` command: a click group whose commands live in one module each."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from textsamverkan import __version__
from textsamverkan.cli.workspace import Workspace
from textsamverkan.errors import UserError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="textsamverkan")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="TEXTSAMVERKAN_DB",
    default="textsamverkan.db",
    show_default=True,
    show_envvar=True,
    help="The workspace database (SQLite).",
)
@click.pass_context
def cli(ctx: click.Context, db: Path) -> None:
    """Transparent, reproducible analysis of Swedish text on collaboration in health and elderly care.

    \b
    Typical session:
      textsamverkan ingest corpora/seeds          # build a corpus (manifest.csv gives metadata)
      textsamverkan corpus --documents            # what is stored
      textsamverkan show 001                      # one document's structure with offsets
      textsamverkan search "skyddsutrustning"     # full-text search with offsets and locators
      textsamverkan speakers 001                  # who speaks, how much
    """
    ctx.obj = Workspace(db)
    ctx.call_on_close(ctx.obj.close)


def _register() -> None:
    from textsamverkan.cli import (
        annotate_cmd,
        claims_cmd,
        coding_cmd,
        corpus_cmd,
        demo_cmd,
        embed_cmd,
        ingest_cmd,
        pii_cmd,
        runs_cmd,
        speakers_cmd,
        tables_cmd,
        themes_cmd,
    )

    for module in (
        ingest_cmd,
        corpus_cmd,
        speakers_cmd,
        annotate_cmd,
        embed_cmd,
        themes_cmd,
        claims_cmd,
        tables_cmd,
        coding_cmd,
        pii_cmd,
        runs_cmd,
        demo_cmd,
    ):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point: run the CLI, turning UserError into a clean message and exit status 2.

    With `standalone_mode=False` click *returns* the status of `ctx.exit(n)` / `Exit(n)` instead of exiting, so
    it is passed on here; dropping it made `verify` exit 0 with claims lost.
    """
    try:
        status = cli.main(standalone_mode=False)
    except UserError as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    if isinstance(status, int) and not isinstance(status, bool) and status:
        sys.exit(status)

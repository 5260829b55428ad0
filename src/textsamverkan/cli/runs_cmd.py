"""`textsamverkan runs`: every recorded run, its status and which one each reading command uses now."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import emit, output_options
from textsamverkan.cli.workspace import Workspace


@click.command("runs")
@click.option("--stage", help="Only runs of this stage (ingest, annotate, embed, themes, claims, export, report, …).")
@output_options
@click.pass_obj
def runs(obj: Workspace, /, stage: str | None, fmt: str, output: Path | None) -> None:
    """List runs, newest first: stage, scope, status (running, complete, failed) and whether it is current.

    A stage's results become current only when its run completes; reading commands (compare, export, report,
    agree, verify) use the current run unless given `--run ID` (any unique prefix of the id).

    \b
    Examples:
      textsamverkan runs
      textsamverkan runs --stage themes
    """
    from textsamverkan.store.runs import current_run_ids, list_runs, reap_dead_runs

    conn = obj.connect()
    reap_dead_runs(conn)
    current = current_run_ids(conn)
    rows = [
        {
            "run_id": r.run_id,
            "stage": r.stage,
            "scope": r.scope,
            "status": r.status,
            "current": r.run_id in current,
            "started": r.started_at,
            "finished": r.finished_at or "",
            "error": r.manifest.get("error", ""),
        }
        for r in list_runs(conn, stage=stage)
    ]
    emit(rows, fmt, output)


COMMANDS = [runs]

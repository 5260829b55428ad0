"""The workspace a command works in: its database, opened once per command and closed when the command ends."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Workspace:
    """The `--db` given to the command group, and the one connection every command of that invocation shares."""

    db: Path
    _conn: sqlite3.Connection | None = None

    def connect(self, *, must_exist: bool = True) -> sqlite3.Connection:
        """The workspace connection (opened, and migrated, on first use)."""
        if self._conn is None:
            from textsamverkan.store import connect

            self._conn = connect(self.db, must_exist=must_exist)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


pass_workspace = click.make_pass_decorator(Workspace)


def print_notes(notes: list[str]) -> None:
    """Say on stderr which run a command used and anything the user must know about it."""
    for note in notes:
        click.echo(note, err=True)


def run_option(stage: str, help_text: str = "") -> Callable[[F], F]:
    """--run ID: read this run of `stage` instead of the current one (a unique prefix of the id is enough)."""
    return click.option(
        "--run",
        "run_id",
        metavar="ID",
        help=help_text or f"The {stage} run to read (default: the current one; list them with `textsamverkan runs`).",
    )

"""Open the workspace database: WAL mode, foreign keys on, migrations applied."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textsamverkan.errors import E_DB, UserError
from textsamverkan.store.migrations import apply_migrations

DEFAULT_DB_NAME = "textsamverkan.db"
DB_ENV = "TEXTSAMVERKAN_DB"


def resolve_db_path(path: str | Path | None = None) -> Path:
    """The database file: the given path, else $TEXTSAMVERKAN_DB, else textsamverkan.db in the working folder."""
    return Path(path or os.environ.get(DB_ENV) or DEFAULT_DB_NAME)


def connect(path: str | Path | None = None, *, must_exist: bool = False) -> sqlite3.Connection:
    """Open (and create or upgrade) the store. Transactions are explicit: see `transaction`."""
    db_path = resolve_db_path(path)
    if must_exist and not db_path.exists():
        raise UserError(
            E_DB,
            f"no database at {db_path}",
            "Run `textsamverkan ingest PATH…` first, or point --db (or $TEXTSAMVERKAN_DB) at your database.",
        )
    if db_path.parent and not db_path.parent.exists():
        db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(db_path, isolation_level=None, timeout=30.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(
            E_DB,
            f"{db_path} is not a textsamverkan database or is damaged ({exc})",
            "Point --db at another file, or move this one away and ingest again.",
        ) from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")

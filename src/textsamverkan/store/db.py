"""Open the workspace database: WAL mode, foreign keys on, migrations applied."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from textsamverkan.errors import E_DB, E_DB_BUSY, UserError
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
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        conn.row_factory = sqlite3.Row
        _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        _retry_busy(lambda: apply_migrations(conn))
    except sqlite3.OperationalError as exc:
        conn.close()
        if _is_busy(exc):
            raise UserError(
                E_DB_BUSY,
                f"{db_path} stayed locked by another process for {BUSY_TIMEOUT_S:.0f} s ({exc})",
                "Wait for the other textsamverkan command to finish, then run this one again.",
            ) from exc
        raise _damaged(db_path, exc) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _damaged(db_path, exc) from exc
    return conn


BUSY_TIMEOUT_S = 30.0


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _retry_busy(action: Callable[[], object], *, attempts: int = 20) -> None:
    """Run `action`, retrying while another process holds the lock (journal-mode changes do not wait by themselves)."""
    for attempt in range(attempts):
        try:
            action()
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _damaged(db_path: Path, exc: Exception) -> UserError:
    return UserError(
        E_DB,
        f"{db_path} is not a textsamverkan database or is damaged ({exc})",
        "Point --db at another file, or move this one away and ingest again.",
    )


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: everything inside commits together or not at all.

    Inside a transaction already open it is a savepoint: undone alone if it fails, committed with the enclosing
    transaction (so many units can share one commit, see `documents.add_spans_many`).
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT unit")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO unit")
            conn.execute("RELEASE unit")
            raise
        conn.execute("RELEASE unit")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")

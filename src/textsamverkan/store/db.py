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

    Inside a transaction already open (a `WriteBatch`) it is a savepoint: undone alone if it fails, committed
    with the enclosing transaction.
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


class WriteBatch:
    """Many small units of work committed together: one transaction per `rows` rows written, or per `seconds` it has
    been open, whichever comes first, instead of one per unit. A commit costs about as much as writing one document's
    annotation, so committing each document doubled a writer's time; the time bound keeps the write lock short for
    another process (a stage computes between its writes). Each unit stays atomic (a savepoint, see
    `transaction`); `flush` commits what is open, `discard` rolls it back (a failed run keeps nothing of its last
    batch).
    """

    def __init__(self, conn: sqlite3.Connection, rows: int, seconds: float = 1.0) -> None:
        self.conn = conn
        self.rows = rows
        self.seconds = seconds
        self._pending = 0
        self._opened = 0.0
        self._own = False  # whether the open transaction is this batch's (a caller's own is never committed here)

    @contextmanager
    def unit(self, rows: int) -> Iterator[sqlite3.Connection]:
        """One unit of work of about `rows` rows, inside the batch's transaction (opened on the first unit)."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self._own = True
            self._opened = time.monotonic()
        with transaction(self.conn):
            yield self.conn
        self._pending += max(1, rows)
        if self._pending >= self.rows or time.monotonic() - self._opened >= self.seconds:
            self.flush()

    def flush(self) -> None:
        self._end("COMMIT")

    def discard(self) -> None:
        self._end("ROLLBACK")

    def _end(self, statement: str) -> None:
        if self._own and self.conn.in_transaction:
            self.conn.execute(statement)
        self._own = False
        self._pending = 0

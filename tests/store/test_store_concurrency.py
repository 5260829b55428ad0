"""The first commands on a new database may start at once: migrations are applied exactly once, and a busy
database is never reported as damaged (E203)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from paths import REPO
from textsamverkan.errors import UserError
from textsamverkan.store import connect
from textsamverkan.store.migrations import MIGRATIONS

OPEN = "import sys; from textsamverkan.store import connect; connect(sys.argv[1]).close()"


def test_six_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    for trial in range(15):
        db = tmp_path / f"new{trial}.db"
        procs = [
            subprocess.Popen([sys.executable, "-c", OPEN, str(db)], env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(6)
        ]
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert all(p.returncode == 0 for p in procs), [e[-500:] for e in errors if e]
        with sqlite3.connect(db) as conn:
            names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
        assert names == sorted(name for name, _ in MIGRATIONS)


def test_a_database_held_locked_is_busy_not_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "held.db"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a new file, locked before any migration could run
    monkeypatch.setattr("textsamverkan.store.db.BUSY_TIMEOUT_S", 0.2)
    try:
        with pytest.raises(UserError) as err:
            connect(db)
        assert err.value.code == "E204"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    connect(db).close()  # and once it is free, it opens

"""Runs in the store: start, heartbeat, atomic publish, failure, and which run is current for a stage and scope.

A run writes its results under its own id while `running`; nothing reads them. `complete_run` marks it complete and
points `current_runs(stage, scope)` at it in one short transaction. A run whose process died stays `running` until
`reap_dead_runs` (called whenever a new run starts) marks it failed and removes its rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import socket
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from textsamverkan import __version__
from textsamverkan.model.run import ALL_SCOPE, COMPLETE, FAILED, RUNNING, RunRecord
from textsamverkan.store.db import transaction
from textsamverkan.store.documents import PENDING

_PACKAGES = (
    "click",
    "spacy",
    "stanza",
    "scikit-learn",
    "bertopic",
    "sentence-transformers",
    "torch",
    "numpy",
    "onnxruntime",
)
STALE_HEARTBEAT = timedelta(hours=6)  # a run on another machine silent for this long is taken as dead


def package_versions() -> dict[str, str]:
    """Versions of the packages that can change results (missing ones are left out)."""
    from importlib import metadata

    versions = {"python": platform.python_version(), "textsamverkan": __version__}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def to_json(value: Any) -> str:
    """JSON that SQLite and UTF-8 files always accept: text that cannot be encoded (a file name with non-UTF-8
    bytes decodes to lone surrogates) is written as backslash escapes instead of failing the run."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id(stage: str, settings: dict[str, Any]) -> str:
    """A readable, unique run id: UTC time, stage, a short hash of the settings and a random suffix."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    digest = hashlib.sha256(to_json(settings).encode()).hexdigest()[:6]
    return f"{stamp}-{stage}-{digest}-{uuid.uuid4().hex[:4]}"


def _record(row: sqlite3.Row) -> RunRecord:
    return RunRecord(
        run_id=row["run_id"],
        stage=row["stage"] or row["command"],
        scope=row["scope"],
        status=row["status"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        manifest=json.loads(row["manifest"]),
    )


def start_run(
    conn: sqlite3.Connection,
    *,
    stage: str,
    scope: str | None,
    manifest: dict[str, Any],
    inputs: dict[str, str],
) -> RunRecord:
    """Record a new running run owned by this process, with the documents it reads (id → text sha256 now)."""
    scope_key = scope or ALL_SCOPE
    run_id = new_run_id(stage, manifest.get("settings", {}))
    started = _now()
    full = {
        **manifest,
        "run_id": run_id,
        "stage": stage,
        "scope": scope_key,
        "versions": package_versions(),
        "started_at": started,
        "inputs": dict(sorted(inputs.items())),
    }
    with transaction(conn):
        conn.execute(
            "INSERT INTO runs (run_id, command, started_at, status, manifest, stage, scope, pid, host, heartbeat) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run_id, stage, started, RUNNING, to_json(full), stage, scope_key, os.getpid(), socket.gethostname(),
             started),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO run_documents (run_id, doc_id, text_sha256) VALUES (?, ?, ?)",
            [(run_id, doc_id, sha) for doc_id, sha in sorted(inputs.items())],
        )
    return RunRecord(run_id, stage, scope_key, RUNNING, started, None, full)


def heartbeat(conn: sqlite3.Connection, run_id: str) -> None:
    """Say the run is alive (for runs watched from another machine)."""
    with transaction(conn):
        conn.execute("UPDATE runs SET heartbeat = ? WHERE run_id = ?", (_now(), run_id))


def complete_run(
    conn: sqlite3.Connection, run: RunRecord, summary: dict[str, Any], *, make_current: bool = True
) -> RunRecord:
    """Publish a run atomically: mark it complete, note documents that changed while it ran, make it current
    (unless `make_current` is False: a run readers use only when named, such as an imported human coding)."""
    finished = _now()
    with transaction(conn):
        changed = [
            r[0]
            for r in conn.execute(
                "SELECT rd.doc_id FROM run_documents rd LEFT JOIN documents d ON d.doc_id = rd.doc_id "
                "WHERE rd.run_id = ? AND (d.doc_id IS NULL OR d.text_sha256 != rd.text_sha256)",
                (run.run_id,),
            )
        ]
        conn.executemany(
            "UPDATE run_documents SET stale = 1 WHERE run_id = ? AND doc_id = ?", [(run.run_id, d) for d in changed]
        )
        manifest = {**run.manifest, "finished_at": finished, "status": COMPLETE, "summary": summary}
        conn.execute(
            "UPDATE runs SET status = ?, finished_at = ?, manifest = ?, heartbeat = ? WHERE run_id = ?",
            (COMPLETE, finished, to_json(manifest), finished, run.run_id),
        )
        if make_current:
            conn.execute(
                "INSERT OR REPLACE INTO current_runs (stage, scope, run_id) VALUES (?, ?, ?)",
                (run.stage, run.scope, run.run_id),
            )
    return RunRecord(run.run_id, run.stage, run.scope, COMPLETE, run.started_at, finished, manifest)


def fail_run(conn: sqlite3.Connection, run_id: str, error: str) -> None:
    """Mark a run failed and remove the results it wrote; the previous complete run stays current."""
    with transaction(conn):
        row = conn.execute("SELECT manifest FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            return
        manifest = {**json.loads(row["manifest"]), "status": FAILED, "error": error, "finished_at": _now()}
        conn.execute(
            "UPDATE runs SET status = ?, finished_at = ?, manifest = ? WHERE run_id = ?",
            (FAILED, manifest["finished_at"], to_json(manifest), run_id),
        )
        conn.execute("DELETE FROM spans WHERE run_id = ?", (run_id,))
        conn.execute("DELETE FROM claim_refs WHERE run_id = ?", (run_id,))


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_dead_runs(conn: sqlite3.Connection) -> list[str]:
    """Mark failed every running run whose process is gone (or, on another machine, silent too long)."""
    host = socket.gethostname()
    cutoff = datetime.now(UTC) - STALE_HEARTBEAT
    dead = []
    for row in conn.execute("SELECT run_id, pid, host, heartbeat FROM runs WHERE status = ?", (RUNNING,)).fetchall():
        if row["host"] == host and row["pid"] is not None:
            gone = row["pid"] != os.getpid() and not _process_alive(int(row["pid"]))
        else:
            gone = row["heartbeat"] is None or datetime.fromisoformat(row["heartbeat"]) < cutoff
        if gone:
            dead.append(row["run_id"])
    for run_id in dead:
        fail_run(conn, run_id, "the process running it stopped before it finished")
    return dead


def get_run(conn: sqlite3.Connection, run_id: str) -> RunRecord | None:
    """The run with this id, or with this unique id prefix; None when there is none."""
    rows = conn.execute("SELECT * FROM runs WHERE run_id = ? OR run_id LIKE ? ORDER BY run_id", (run_id, f"{run_id}%"))
    found = rows.fetchall()
    exact = [r for r in found if r["run_id"] == run_id]
    if exact:
        return _record(exact[0])
    return _record(found[0]) if len(found) == 1 else None


def current_run(conn: sqlite3.Connection, stage: str, scope: str | None) -> RunRecord | None:
    """The last complete run of `stage` over exactly `scope`."""
    row = conn.execute(
        "SELECT r.* FROM current_runs c JOIN runs r ON r.run_id = c.run_id WHERE c.stage = ? AND c.scope = ?",
        (stage, scope or ALL_SCOPE),
    ).fetchone()
    return _record(row) if row else None


def latest_run(
    conn: sqlite3.Connection, stage: str, *, status: str | None = None, current_only: bool = False
) -> RunRecord | None:
    """The most recently started run of `stage` (of any scope), optionally only with `status`, or only among runs
    current for their scope (`current_only`: never a run published as not current, such as an imported coding)."""
    query = "SELECT * FROM runs WHERE stage = ?"
    params: tuple[str, ...] = (stage,)
    if status:
        query += " AND status = ?"
        params += (status,)
    if current_only:
        query += " AND run_id IN (SELECT run_id FROM current_runs)"
    row = conn.execute(query + " ORDER BY started_at DESC, rowid DESC LIMIT 1", params).fetchone()
    return _record(row) if row else None


def list_runs(conn: sqlite3.Connection, *, stage: str | None = None) -> list[RunRecord]:
    """Every run, newest first (optionally of one stage)."""
    query = "SELECT * FROM runs" + (" WHERE stage = ?" if stage else "") + " ORDER BY started_at DESC, rowid DESC"
    return [_record(r) for r in conn.execute(query, (stage,) if stage else ())]


def current_run_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT run_id FROM current_runs")}


def run_documents(conn: sqlite3.Connection, run_id: str) -> dict[str, bool]:
    """The documents a run read, each with whether it changed (or went away) since."""
    rows = conn.execute(
        "SELECT rd.doc_id, rd.stale, rd.text_sha256, d.text_sha256 AS now FROM run_documents rd "
        "LEFT JOIN documents d ON d.doc_id = rd.doc_id WHERE rd.run_id = ? ORDER BY rd.doc_id",
        (run_id,),
    )
    return {r["doc_id"]: bool(r["stale"]) or r["now"] != r["text_sha256"] for r in rows}


def text_hashes(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, str]:
    """Current text sha256 of each document that exists."""
    out: dict[str, str] = {}
    for doc_id in doc_ids:
        row = conn.execute("SELECT text_sha256 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row:
            out[doc_id] = row[0]
    return out


def incomplete_sources(conn: sqlite3.Connection, *, corpus: str | None = None) -> int:
    """Documents of files whose ingest stopped before their last batch (their source hash is still pending)."""
    query = "SELECT COUNT(*) FROM documents WHERE source_sha256 = ?"
    params: tuple[str, ...] = (PENDING,)
    if corpus:
        query += " AND corpus = ?"
        params += (corpus,)
    return int(conn.execute(query, params).fetchone()[0])

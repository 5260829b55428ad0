"""Runs: every command that writes results records its settings, versions and inputs for reproducibility."""

from __future__ import annotations

import hashlib
import json
import platform
import sqlite3
import uuid
from datetime import UTC, datetime
from importlib import metadata
from typing import Any

from textsamverkan import __version__
from textsamverkan.store.db import transaction

_PACKAGES = (
    "click",
    "spacy",
    "stanza",
    "scikit-learn",
    "bertopic",
    "sentence-transformers",
    "torch",
    "numpy",
)


def package_versions() -> dict[str, str]:
    """Versions of the packages that can change results (missing ones are left out)."""
    versions = {"python": platform.python_version(), "textsamverkan": __version__}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def new_run_id(command: str, settings: dict[str, Any]) -> str:
    """A readable, unique run id: UTC time, command, a short hash of the settings and a random suffix."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()[:6]
    return f"{stamp}-{command}-{digest}-{uuid.uuid4().hex[:4]}"


def start_run(conn: sqlite3.Connection, command: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Record the start of a run; returns its manifest (run id, command, settings, versions)."""
    run_id = new_run_id(command, settings)
    manifest = {
        "run_id": run_id,
        "command": command,
        "settings": settings,
        "versions": package_versions(),
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with transaction(conn):
        conn.execute(
            "INSERT INTO runs (run_id, command, started_at, status, manifest) VALUES (?, ?, ?, 'running', ?)",
            (run_id, command, manifest["started_at"], json.dumps(manifest, ensure_ascii=False, default=str)),
        )
    return manifest


def finish_run(
    conn: sqlite3.Connection,
    manifest: dict[str, Any],
    *,
    status: str,
    inputs: dict[str, str],
    summary: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Record the end of a run with the documents it read (id → text sha256) and a summary."""
    manifest = {
        **manifest,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": status,
        "inputs": inputs,
        "summary": summary or {},
    }
    with transaction(conn):
        conn.execute(
            "UPDATE runs SET finished_at = ?, status = ?, manifest = ? WHERE run_id = ?",
            (
                manifest["finished_at"],
                status,
                json.dumps(manifest, ensure_ascii=False, default=str),
                manifest["run_id"],
            ),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO run_documents (run_id, doc_id, text_sha256) VALUES (?, ?, ?)",
            [(manifest["run_id"], doc_id, sha) for doc_id, sha in sorted(inputs.items())],
        )
    return manifest


def text_hashes(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for doc_id in doc_ids:
        row = conn.execute("SELECT text_sha256 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row:
            out[doc_id] = row[0]
    return out

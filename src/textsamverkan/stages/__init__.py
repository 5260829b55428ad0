"""Corpus stages: each reads some span layers, writes others, and refuses to run when its inputs are missing.

A stage records, per document, that it ran (`doc_stages`), under a versioned name. New behaviour gets a new version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from textsamverkan.errors import E_STAGE_MISSING, UserError


@dataclass(frozen=True)
class StageSpec:
    """A stage's versioned name, the layers it reads and writes, and the command that produces its inputs."""

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    produce_inputs: str


def done_stages(conn: sqlite3.Connection, doc_id: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT stage FROM doc_stages WHERE doc_id = ?", (doc_id,))}


def require_layers(conn: sqlite3.Connection, doc_ids: Iterable[str], spec: StageSpec) -> None:
    """Raise E202, naming the command to run first, when some document lacks a layer the stage reads."""
    ids = list(doc_ids)
    if not ids:
        raise UserError(
            E_STAGE_MISSING,
            "there are no documents to work on",
            "Run `textsamverkan ingest PATH…` first (and check --corpus).",
        )
    for layer in spec.reads:
        missing = conn.execute(
            f"SELECT COUNT(*) FROM documents d WHERE d.doc_id IN ({','.join('?' * len(ids))}) AND NOT EXISTS "
            "(SELECT 1 FROM spans s WHERE s.doc_id = d.doc_id AND s.layer = ?)",
            (*ids, layer),
        ).fetchone()[0]
        if missing == len(ids):
            raise UserError(
                E_STAGE_MISSING,
                f"{spec.name} reads the '{layer}' layer, which no document has yet",
                f"Run `{spec.produce_inputs}` first.",
            )

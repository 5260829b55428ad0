"""Kept claim references: a copy of each claim's SourceRef per claims run, which outlives re-ingest (claim spans go
with their document), so `verify` can re-check them against the current texts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any


def replace_claim_refs(
    conn: sqlite3.Connection, run_id: str, doc_id: str, refs: Iterable[tuple[int, int, str, dict[str, Any]]]
) -> None:
    """Store the references (start, end, type, SourceRef as a dict) run `run_id` found in one document."""
    from textsamverkan.store.db import transaction

    with transaction(conn):
        conn.execute("DELETE FROM claim_refs WHERE run_id = ? AND doc_id = ?", (run_id, doc_id))
        conn.executemany(
            'INSERT INTO claim_refs (run_id, doc_id, start, "end", type, ref) VALUES (?, ?, ?, ?, ?, ?)',
            [(run_id, doc_id, start, end, kind, json.dumps(ref, ensure_ascii=False)) for start, end, kind, ref in refs],
        )


def claim_refs(
    conn: sqlite3.Connection, run_id: str, *, corpus: str | None = None
) -> list[tuple[str, int, int, str, dict[str, Any]]]:
    """The references kept by run `run_id` (doc_id, start, end, type, SourceRef dict), in document order."""
    query = 'SELECT doc_id, start, "end", type, ref FROM claim_refs WHERE run_id = ?'
    params: tuple[str, ...] = (run_id,)
    if corpus:
        query += " AND (doc_id IN (SELECT doc_id FROM documents WHERE corpus = ?) OR doc_id LIKE ?)"
        params += (corpus, f"{corpus}/%")
    rows = conn.execute(query + ' ORDER BY doc_id, start, "end"', params).fetchall()
    return [(r["doc_id"], r["start"], r["end"], r["type"], json.loads(r["ref"])) for r in rows]


def document_text(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """The current canonical text of a document, or None when it is gone."""
    row = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return str(row["text"]) if row else None

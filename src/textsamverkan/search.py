"""Search the corpus: full-text hits enriched with match offsets, speaker and the locator in the original file."""

from __future__ import annotations

import sqlite3
from typing import Any

from textsamverkan.store.documents import get_document, speaker_at
from textsamverkan.store.search import first_match, search_blocks


def search_hits(
    conn: sqlite3.Connection, query: str, *, limit: int = 20, corpus: str | None = None, any_term: bool = False
) -> list[dict[str, Any]]:
    """Rows of hits: document, block and match offsets, speaker, snippet and where it is in the raw file."""
    rows = []
    for hit in search_blocks(conn, query, limit=limit, corpus=corpus, any_term=any_term):
        doc = get_document(conn, hit.doc_id, layers=["turn"])
        match = first_match(hit.block_text, query)
        start, end = (
            (hit.block_start + match[0], hit.block_start + match[1])
            if match
            else (hit.block_start, hit.block_end)
        )
        rows.append(
            {
                "doc_id": hit.doc_id,
                "block_start": hit.block_start,
                "block_end": hit.block_end,
                "start": start,
                "end": end,
                "match": doc.text[start:end],
                "speaker": speaker_at(conn, doc, start),
                "locator": doc.locator_text(start, end),
                "snippet": hit.snippet,
                "score": round(-hit.rank, 3),
            }
        )
    return rows

"""Semantic search: the passages closest in meaning to a query, with score, document, speaker, offsets and quote."""

from __future__ import annotations

import sqlite3
from typing import Any

from textsamverkan.stages.embed import corpus_passages, embed_passages
from textsamverkan.store.documents import get_document, list_doc_ids, speaker_at


def semantic_hits(
    conn: sqlite3.Connection, query: str, *, limit: int = 10, corpus: str | None = None, embedder: str | None = None
) -> list[dict[str, Any]]:
    """Rows of the `limit` passages most similar to `query` (cosine of normalised embeddings), best first."""
    from textsamverkan.embed import cosine_top_k

    refs = corpus_passages(conn, list_doc_ids(conn, corpus=corpus))
    vectors, model = embed_passages(conn, refs, embedder)
    query_vector = model.encode([query], kind="query")[0]
    order, scores = cosine_top_k(query_vector, vectors, limit)
    rows = []
    for index, score in zip(order, scores, strict=True):
        ref = refs[int(index)]
        doc = get_document(conn, ref.doc_id, layers=["turn"])
        rows.append(
            {
                "doc_id": ref.doc_id,
                "start": ref.start,
                "end": ref.end,
                "score": round(float(score), 4),
                "speaker": speaker_at(conn, doc, ref.start),
                "locator": doc.locator_text(ref.start, ref.end),
                "quote": ref.text,
            }
        )
    return rows

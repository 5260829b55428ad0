"""Semantic search: the passages closest in meaning to a query, with score, document, speaker, offsets and quote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textsamverkan.stages.embed import embed_corpus
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, speaker_at


def semantic_hits(
    db: Path | str | None, query: str, *, limit: int = 10, corpus: str | None = None, embedder: str | None = None
) -> list[dict[str, Any]]:
    """Rows of the `limit` passages most similar to `query` (cosine of normalised embeddings), best first."""
    from textsamverkan.embed import cosine_top_k

    conn = connect(db, must_exist=True)
    refs, vectors, model = embed_corpus(conn, corpus=corpus, embedder=embedder)
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

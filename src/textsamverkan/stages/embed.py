"""The embed stage: passage vectors, computed in batches and cached in the store by text hash and model id."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from textsamverkan.stages import StageSpec, require_layers
from textsamverkan.store.documents import get_document, list_doc_ids

SPEC = StageSpec("embed.v1", reads=("passage",), writes=(), produce_inputs="textsamverkan ingest PATH…")


@dataclass(frozen=True)
class PassageRef:
    """A passage: document, offsets, the speaker id when it is in a turn, and its text (`doc.text[start:end]`)."""

    doc_id: str
    start: int
    end: int
    speaker: str | None
    text: str


def corpus_passages(conn: sqlite3.Connection, *, corpus: str | None = None) -> list[PassageRef]:
    """Every passage of the corpus, in document order."""
    doc_ids = list_doc_ids(conn, corpus=corpus)
    require_layers(conn, doc_ids, SPEC)
    refs: list[PassageRef] = []
    for doc_id in doc_ids:
        doc = get_document(conn, doc_id, layers=["passage"])
        for p in doc.spans:
            refs.append(PassageRef(doc_id, p.start, p.end, p.attrs.get("speaker"), doc.text[p.start : p.end]))
    return refs


def embed_corpus(
    conn: sqlite3.Connection, *, corpus: str | None = None, embedder: str | None = None, progress: bool = True
) -> tuple[list[PassageRef], Any, Any]:
    """Embed every passage (cached); returns the references, the vectors (one row each) and the embedder."""
    from textsamverkan.embed import embed_texts_cached, load_embedder

    refs = corpus_passages(conn, corpus=corpus)
    model = load_embedder(embedder)
    vectors = embed_texts_cached(conn, model, [r.text for r in refs], kind="passage", progress=progress)
    return refs, vectors, model

"""The embed stage: passage vectors, computed in batches and cached in the store by text hash and model id."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage
from textsamverkan.settings import resolve
from textsamverkan.store.documents import get_document

SPEC = StageSpec("embed.v1", "embed", reads=("passage",))


@dataclass(frozen=True)
class PassageRef:
    """A passage: document, offsets, the speaker id when it is in a turn, and its text (`doc.text[start:end]`)."""

    doc_id: str
    start: int
    end: int
    speaker: str | None
    text: str


def corpus_passages(conn: sqlite3.Connection, doc_ids: list[str]) -> list[PassageRef]:
    """Every passage of the given documents, in document order."""
    refs: list[PassageRef] = []
    for doc_id in doc_ids:
        doc = get_document(conn, doc_id, layers=["passage"])
        for p in doc.spans:
            refs.append(PassageRef(doc_id, p.start, p.end, p.attrs.get("speaker"), doc.text[p.start : p.end]))
    return refs


def embed_passages(
    conn: sqlite3.Connection,
    refs: list[PassageRef],
    embedder: str | None,
    *,
    progress: bool = True,
    workers: int = 0,
    scheduler: str | None = None,
) -> tuple[Any, Any]:
    """The vectors of `refs` (one row each, from the cache where present) and the embedder.

    With `workers` or `scheduler` the missing vectors are computed in shards on a Dask cluster (one cluster for the
    whole run) and written to the cache here, by the one process that holds the store.
    """
    from textsamverkan.embed import embed_texts_cached, load_embedder

    model = load_embedder(embedder)
    texts = [r.text for r in refs]
    if not workers and not scheduler:
        return embed_texts_cached(conn, model, texts, kind="passage", progress=progress), model
    from textsamverkan.distributed.tasks import embed_texts_sharded

    def sharded(missing: list[str]) -> Any:
        return embed_texts_sharded(missing, embedder=embedder, kind="passage", workers=workers, scheduler=scheduler)

    vectors = embed_texts_cached(
        conn, model, texts, kind="passage", progress=progress, compute=sharded, commit_every=max(1, len(texts))
    )
    return vectors, model


def run_embed(
    conn: sqlite3.Connection, *, corpus: str | None = None, settings: Mapping[str, Any] | None = None
) -> StageResult[tuple[list[PassageRef], Any, Any]]:
    """Embed every passage of the corpus as one recorded run; returns references, vectors and the embedder."""
    resolved = resolve("embed", settings or {})

    def body(ctx: RunContext) -> tuple[list[PassageRef], Any, Any]:
        refs = corpus_passages(ctx.conn, ctx.doc_ids)
        vectors, model = embed_passages(
            ctx.conn, refs, resolved["embedder"], workers=resolved["workers"], scheduler=resolved["scheduler"]
        )
        ctx.summary.update(passages=len(refs), model_id=model.model_id)
        return refs, vectors, model

    return run_stage(conn, SPEC, body, corpus=corpus, settings=resolved)

"""Ready-made sharded work: embedding texts, and lexical theme coding of documents.

Each has a per-shard function (pure; models come from `process_resource`, so a worker loads them once) and a
driver that runs it through `run_sharded` and returns plain data in input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from textsamverkan.distributed.engine import run_sharded
from textsamverkan.distributed.resources import process_resource
from textsamverkan.distributed.shards import DEFAULT_SHARD_SIZE

if TYPE_CHECKING:
    from textsamverkan.embed.types import FloatMatrix, Kind
    from textsamverkan.themes.codebook import Codebook
    from textsamverkan.themes.matcher import LexicalMatcher
    from textsamverkan.themes.types import ThemeHit


def embed_shard(
    texts: Sequence[str], *, embedder: str | None, kind: Kind, threads: int | None, batch_size: int
) -> list[FloatMatrix]:
    """One float32 vector per text, from this process's copy of the embedder."""
    from textsamverkan.embed import load_embedder

    emb = process_resource(f"embedder:{embedder}:threads={threads}", lambda: load_embedder(embedder, threads=threads))
    return list(emb.encode(list(texts), kind=kind, batch_size=batch_size))


def embed_texts_sharded(
    texts: Sequence[str],
    *,
    embedder: str | None = None,
    kind: Kind = "passage",
    workers: int = 0,
    scheduler: str | None = None,
    threads: int | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    batch_size: int = 64,
) -> FloatMatrix:
    """Embeddings of `texts` (rows in input order), computed shard by shard; equal texts share a shard.

    `threads`: library threads per task (default: all cores in-process, cores / workers on a local cluster, and
    the embedder's default on a scheduler). Results agree with an in-process run to within 1e-6.
    """
    if threads is None and workers:
        from textsamverkan.embed.onnx_backend import available_cores

        threads = max(1, available_cores() // workers)
    task = partial(embed_shard, embedder=embedder, kind=kind, threads=threads, batch_size=batch_size)
    rows = run_sharded(
        task, texts, list(texts), shard_size=shard_size, workers=workers, scheduler=scheduler, name="embed"
    )
    if not rows:
        return np.zeros((0, 0), dtype=np.float32)
    return np.ascontiguousarray(np.stack(rows), dtype=np.float32)


SentenceInputs = tuple[str, str, Sequence[tuple[int, int]], Sequence[Any]]


def code_documents_shard(docs: Sequence[SentenceInputs], *, codebook_yaml: str) -> list[list[ThemeHit]]:
    """Lexical theme hits of each document (id, text, passages, NLP spans), its sentences made here, on the worker."""
    import hashlib

    from textsamverkan.segment.sentences import document_sentences
    from textsamverkan.themes.matcher import code_sentences

    key = f"codebook:{hashlib.sha256(codebook_yaml.encode('utf-8')).hexdigest()}"
    codebook, matcher = process_resource(key, lambda: _codebook_and_matcher(codebook_yaml))
    return [code_sentences(document_sentences(*doc)[0], codebook, matcher=matcher) for doc in docs]


def _codebook_and_matcher(codebook_yaml: str) -> tuple[Codebook, LexicalMatcher]:
    from textsamverkan.themes.codebook import parse_codebook
    from textsamverkan.themes.matcher import LexicalMatcher

    codebook = parse_codebook(codebook_yaml)
    return codebook, LexicalMatcher(codebook)


def code_documents_sharded(
    docs: Sequence[SentenceInputs],
    *,
    codebook_yaml: str,
    workers: int = 0,
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
) -> list[list[ThemeHit]]:
    """Lexical theme hits per document, in input order; a document stays in one shard (keyed by its id).

    Each document travels as what its sentences are made from (id, text, passage offsets, NLP spans), so the
    sentence splitting and lemmas run on the workers too; the codebook travels as its YAML text (what a run
    keeps), so every worker codes with exactly the run's codebook.
    """
    task = partial(code_documents_shard, codebook_yaml=codebook_yaml)
    return run_sharded(
        task, docs, [d[0] for d in docs], shard_size=shard_size, workers=workers, scheduler=scheduler, name="code"
    )

"""Embedding cache in the project's SQLite store, and cosine top-k search over a matrix of vectors.

Vectors live in the `embeddings` table, keyed by (model_id, text_sha256), as float32 little-endian bytes:

    CREATE TABLE embeddings (model_id TEXT NOT NULL, text_sha256 TEXT NOT NULL, dim INTEGER NOT NULL,
                             vector BLOB NOT NULL, PRIMARY KEY (model_id, text_sha256))

`text_sha256` is the hash of the exact string the model reads, prefix included ("passage: " + text for e5
models), so a text embedded as a query and as a passage gets two rows when the prefixes differ and one when
they do not. The rows are read and written by textsamverkan.store.embeddings.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from textsamverkan.embed.types import Embedder, FloatMatrix, Kind
from textsamverkan.store.embeddings import lookup, store

DEFAULT_BATCH_SIZE = 64
# Texts handed to the embedder per call, committed together. Large, so the embedder can sort a wide range of texts
# by length before cutting its batches (less padding); small enough that an interrupted run loses little.
DEFAULT_COMMIT_EVERY = 2048


def model_input(embedder: Embedder, text: str, kind: Kind) -> str:
    """The exact string the model embeds for `text`: its prefix for `kind` (if any) plus the text."""
    prefixes = getattr(embedder, "prefixes", None)
    prefix = prefixes.for_kind(kind) if prefixes is not None else ""
    return str(prefix) + text


def text_sha256(text: str) -> str:
    """Hex sha256 of a string's UTF-8 bytes: the cache key of one model input."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_texts_cached(
    conn: sqlite3.Connection,
    embedder: Embedder,
    texts: Sequence[str],
    *,
    kind: Kind = "passage",
    batch_size: int = DEFAULT_BATCH_SIZE,
    commit_every: int = DEFAULT_COMMIT_EVERY,
    progress: bool = True,
    compute: Callable[[list[str]], FloatMatrix] | None = None,
) -> FloatMatrix:
    """Embeddings of `texts` (one row each, in order), computing only those not yet in the cache.

    Missing texts are embedded once each (duplicates share a row), `commit_every` texts per call to the embedder
    (which runs its model `batch_size` texts at a time); each call's vectors are committed as soon as they are
    computed, so an interrupted run resumes where it stopped. A tqdm bar on stderr counts the texts that had to
    be computed. `compute` replaces the embedder's own `encode` for the missing texts (e.g. sharded over a Dask
    cluster); whatever computes them, this process alone writes the cache.
    """
    if isinstance(texts, str):
        raise TypeError("embed_texts_cached() takes a sequence of texts, not a single string")
    if batch_size < 1 or commit_every < 1:
        raise ValueError("batch_size and commit_every must be at least 1")
    keys = [text_sha256(model_input(embedder, t, kind)) for t in texts]
    vectors = lookup(conn, embedder.model_id, keys, embedder.dim)
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in vectors and key not in missing:
            missing[key] = text
    if missing:
        from tqdm import tqdm

        todo = list(missing.items())
        with tqdm(
            total=len(todo), desc=f"embedding ({embedder.model_id})", unit="text", file=sys.stderr,
            disable=not progress,
        ) as bar:  # fmt: skip
            for start in range(0, len(todo), commit_every):
                batch = todo[start : start + commit_every]
                texts_now = [t for _, t in batch]
                new = compute(texts_now) if compute else embedder.encode(texts_now, kind=kind, batch_size=batch_size)
                batch_keys = [k for k, _ in batch]
                store(conn, embedder.model_id, batch_keys, new)
                vectors.update(zip(batch_keys, np.asarray(new, dtype=np.float32), strict=True))
                bar.update(len(batch))
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for row, key in enumerate(keys):
        out[row] = vectors[key]
    return out


def cosine_top_k(
    query_vec: npt.ArrayLike, matrix: npt.ArrayLike, k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Indices and cosine similarities of the `k` rows of `matrix` closest to `query_vec`, best first.

    Rows and query are normalised here (zero vectors score 0), so unnormalised input is fine; ties keep the
    lower row index first, so results are deterministic.
    """
    m = np.asarray(matrix, dtype=np.float32)
    q = np.asarray(query_vec, dtype=np.float32).reshape(-1)
    if m.ndim != 2 or m.shape[1] != q.shape[0]:
        raise ValueError(f"query of dimension {q.shape[0]} against a matrix of shape {m.shape}")
    k = max(0, min(k, m.shape[0]))
    if k == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1)
    qn = float(np.linalg.norm(q))
    raw = (m @ q) / np.where(norms > 0, norms, 1.0) / (qn if qn > 0 else 1.0)
    scores: npt.NDArray[np.float32] = raw.astype(np.float32)
    cand = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    # ties at the cut-off: take every row scoring at least the k-th best, then order by (score desc, index asc)
    threshold = scores[cand].min()
    cand = np.flatnonzero(scores >= threshold)
    order = np.lexsort((cand, -scores[cand]))[:k]
    idx = cand[order].astype(np.int64)
    return idx, scores[idx]

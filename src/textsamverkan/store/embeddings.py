"""The embedding cache table: float32 vectors keyed by (model_id, text_sha256)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from textsamverkan.store.db import transaction

_SQL_CHUNK = 500  # bound parameters per SELECT, well under SQLite's limit
FloatMatrix = npt.NDArray[np.float32]


def lookup(conn: sqlite3.Connection, model_id: str, keys: Sequence[str], dim: int) -> dict[str, FloatMatrix]:
    """Cached vectors for `keys` (text hashes) under `model_id`; rows of another dimension count as missing."""
    found: dict[str, FloatMatrix] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), _SQL_CHUNK):
        chunk = unique[start : start + _SQL_CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT text_sha256, dim, vector FROM embeddings WHERE model_id = ? AND text_sha256 IN ({marks})",
            (model_id, *chunk),
        )
        for key, row_dim, blob in rows:
            if row_dim == dim and len(blob) == 4 * dim:
                found[key] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
    return found


def store(conn: sqlite3.Connection, model_id: str, keys: Sequence[str], vectors: FloatMatrix) -> None:
    """Write (or replace) one row per key in a single transaction."""
    if len(keys) != len(vectors):
        raise ValueError(f"{len(keys)} keys for {len(vectors)} vectors")
    rows = [
        (model_id, key, int(vec.shape[0]), np.ascontiguousarray(vec, dtype="<f4").tobytes())
        for key, vec in zip(keys, vectors, strict=True)
    ]
    with transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO embeddings (model_id, text_sha256, dim, vector) VALUES (?, ?, ?, ?)", rows
        )

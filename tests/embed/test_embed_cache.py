"""The SQLite embedding cache: only missing texts are computed, rows are float32, and top-k search."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from textsamverkan.embed.backend import SentenceTransformerEmbedder, load_embedder
from textsamverkan.embed.cache import cosine_top_k, embed_texts_cached, text_sha256
from textsamverkan.embed.types import FloatMatrix, Kind, Prefixes

SCHEMA = (
    "CREATE TABLE embeddings (model_id TEXT NOT NULL, text_sha256 TEXT NOT NULL, dim INTEGER NOT NULL, "
    "vector BLOB NOT NULL, PRIMARY KEY (model_id, text_sha256))"
)


class CountingEmbedder:
    """A real embedder that records every text it is asked to compute."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.prefixes: Prefixes = inner.prefixes
        self.computed: list[str] = []
        self.calls: list[int] = []

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dim(self) -> int:
        return self.inner.dim

    def encode(
        self, texts: Sequence[str], *, kind: Kind = "passage", batch_size: int = 32, show_progress: bool = False
    ) -> FloatMatrix:
        self.computed.extend(texts)
        self.calls.append(len(texts))
        return self.inner.encode(texts, kind=kind, batch_size=batch_size)


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.execute(SCHEMA)
    return c


@pytest.fixture
def counting(tiny_embedder: SentenceTransformerEmbedder) -> CountingEmbedder:
    return CountingEmbedder(tiny_embedder)


TEXTS = ["brist på munskydd", "brist på sjuksköterskor", "kommunen och regionen", "vaccin mot covid"]


def test_second_call_computes_nothing(conn: sqlite3.Connection, counting: CountingEmbedder) -> None:
    first = embed_texts_cached(conn, counting, TEXTS, progress=False)
    assert sorted(counting.computed) == sorted(TEXTS)
    counting.computed.clear()
    again = embed_texts_cached(conn, counting, list(reversed(TEXTS)), progress=False)
    assert counting.computed == []
    np.testing.assert_array_equal(again, first[::-1])
    np.testing.assert_allclose(first, counting.inner.encode(TEXTS), atol=1e-6)


def test_only_new_and_unique_texts_are_computed_in_batches(
    conn: sqlite3.Connection, counting: CountingEmbedder
) -> None:
    embed_texts_cached(conn, counting, TEXTS[:2], progress=False)
    counting.computed.clear()
    counting.calls.clear()
    texts = [*TEXTS, "katt", "katt", "hund", TEXTS[0]]
    out = embed_texts_cached(conn, counting, texts, batch_size=2, commit_every=2, progress=False)
    assert sorted(counting.computed) == sorted([TEXTS[2], TEXTS[3], "katt", "hund"])
    assert counting.calls == [2, 2]
    assert out.shape == (len(texts), counting.dim) and out.dtype == np.float32
    np.testing.assert_array_equal(out[4], out[5])
    assert conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] == 6


def test_all_missing_texts_go_to_the_embedder_in_one_call_by_default(
    conn: sqlite3.Connection, counting: CountingEmbedder
) -> None:
    """One wide call lets the embedder sort every text by length before batching (less padding)."""
    texts = [f"katt {'och hund ' * n}" for n in range(150)]
    out = embed_texts_cached(conn, counting, texts, batch_size=2, progress=False)
    assert counting.calls == [150]
    np.testing.assert_allclose(out, counting.inner.encode(texts), atol=1e-6)


def test_rows_are_float32_little_endian_keyed_by_model_input(
    conn: sqlite3.Connection, counting: CountingEmbedder
) -> None:
    vecs = embed_texts_cached(conn, counting, ["hund"], progress=False)
    model_id, key, dim, blob = conn.execute("SELECT * FROM embeddings").fetchone()
    assert (model_id, key, dim) == (counting.model_id, text_sha256("hund"), counting.dim)
    np.testing.assert_array_equal(np.frombuffer(blob, dtype="<f4"), vecs[0])


def test_query_and_passage_get_separate_rows_when_prefixes_differ(
    conn: sqlite3.Connection, tiny_e5_named_dir: Path
) -> None:
    emb = CountingEmbedder(load_embedder(str(tiny_e5_named_dir)))
    q = embed_texts_cached(conn, emb, ["hund"], kind="query", progress=False)
    p = embed_texts_cached(conn, emb, ["hund"], kind="passage", progress=False)
    assert emb.computed == ["hund", "hund"]
    assert not np.allclose(q, p)
    keys = {row[0] for row in conn.execute("SELECT text_sha256 FROM embeddings")}
    assert keys == {text_sha256("query: hund"), text_sha256("passage: hund")}


def test_models_do_not_share_rows(conn: sqlite3.Connection, counting: CountingEmbedder, tiny_model_dir: Path) -> None:
    embed_texts_cached(conn, counting, ["hund"], progress=False)
    other = CountingEmbedder(load_embedder(str(tiny_model_dir), prefixes=Prefixes("x: ", "y: ")))
    embed_texts_cached(conn, other, ["hund"], progress=False)
    assert other.computed == ["hund"]


def test_progress_bar_goes_to_stderr(
    conn: sqlite3.Connection, counting: CountingEmbedder, capsys: pytest.CaptureFixture[str]
) -> None:
    embed_texts_cached(conn, counting, ["katt"], progress=True)
    captured = capsys.readouterr()
    assert "embedding" in captured.err and captured.out == ""
    embed_texts_cached(conn, counting, ["hund"], progress=False)
    assert capsys.readouterr().err == ""


def test_cosine_top_k_orders_best_first_with_stable_ties() -> None:
    m = np.array([[1, 0], [0, 2], [3, 3], [0, 5], [0, 0]], dtype=np.float32)
    idx, scores = cosine_top_k(np.array([0, 1], dtype=np.float32), m, 3)
    assert idx.tolist() == [1, 3, 2]  # rows 1 and 3 tie at 1.0; the lower index comes first
    np.testing.assert_allclose(scores, [1.0, 1.0, np.sqrt(0.5)], atol=1e-6)
    idx, scores = cosine_top_k([1, 0], m, 10)
    assert idx.tolist() == [0, 2, 1, 3, 4] and scores[-1] == 0.0
    assert cosine_top_k([1, 0], m, 0)[0].size == 0
    with pytest.raises(ValueError):
        cosine_top_k([1, 0, 0], m, 2)

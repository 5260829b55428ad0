"""Embeddings computed shard by shard on a 2-worker local Dask cluster equal the in-process ones (within 1e-6),
with the tiny model exported to ONNX so the workers need no torch. Skipped without dask.distributed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from textsamverkan.distributed.tasks import embed_texts_sharded

pytest.importorskip("distributed")
pytest.importorskip("onnxruntime")
onnx_export = pytest.importorskip("embed.build.onnx_export")

WORDS = "brist på munskydd skyddsutrustning äldreboende hemtjänst kommun region vård omsorg covid vaccin katt hund"


def texts(n: int) -> list[str]:
    words = WORDS.split()
    return [" ".join(words[(i * k) % len(words)] for k in range(1, 2 + i % 9)) for i in range(n)]


def test_two_workers_embed_like_one_process(tiny_model_dir: Path, tmp_path: Path) -> None:
    graph = onnx_export.export_onnx(tiny_model_dir, tmp_path / "tiny-onnx", log=lambda m: None) / "model.onnx"
    corpus = texts(90) + texts(10)  # repeats share a shard and a row value
    local = embed_texts_sharded(corpus, embedder=str(graph), shard_size=16)
    plain = embed_texts_sharded(corpus, embedder=str(graph), shard_size=10_000)
    two = embed_texts_sharded(corpus, embedder=str(graph), shard_size=16, workers=2)
    assert local.shape == (100, 32) and two.shape == local.shape
    np.testing.assert_allclose(two, local, atol=1e-6, rtol=0)
    np.testing.assert_allclose(plain, local, atol=1e-6, rtol=0)
    np.testing.assert_array_equal(local[90:], local[:10])

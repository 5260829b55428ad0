"""The onnxruntime backend: length buckets, a tiny model exported at test time giving torch's vectors in input
order whatever the batching, distinct cache ids per variant, deterministic export, and when set-up re-exports."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from textsamverkan.embed.backend import (
    BUNDLED,
    DEFAULT_E5_VARIANT,
    ONNX_MANIFEST,
    ONNX_VARIANTS,
    load_embedder,
    resolve_bundled_name,
)
from textsamverkan.embed.onnx_backend import OnnxEmbedder, length_buckets

pytest.importorskip("onnxruntime")
onnx_export = pytest.importorskip("embed.build.onnx_export")

REPO = Path(__file__).resolve().parents[2]
TEXTS = [
    "katt",
    "brist på munskydd i hemtjänst och på äldreboendet i kommunen",
    "kommunen har vaccin",
    "region och kommun samverkar om vård och omsorg för äldre",
    "hund",
    "katt",
]


def test_length_buckets_sort_by_length_and_respect_both_limits() -> None:
    lengths = [5, 1, 9, 3, 3, 7, 2]
    batches = length_buckets(lengths, batch_size=3, max_tokens=18)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert batches == [[1, 6, 3], [4, 0], [5, 2]]  # 5 and 7 would pad 3 texts to 7 tokens: 21 > 18
    for b in batches:
        assert len(b) <= 3 and max(lengths[i] for i in b) * len(b) <= 18
    assert length_buckets([40], batch_size=8, max_tokens=10) == [[0]]  # one over-long text still gets a batch
    assert length_buckets([], batch_size=8) == []


@pytest.fixture(scope="module")
def tiny_onnx_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny BERT model exported the way set-up exports e5-small-sv."""
    return Path(
        onnx_export.export_onnx(tiny_model_dir, tmp_path_factory.mktemp("onnx") / "tiny-onnx", log=lambda m: None)
    )


def test_exported_fp32_gives_the_torch_vectors_in_input_order(tiny_onnx_dir: Path, tiny_embedder: object) -> None:
    emb = load_embedder(str(tiny_onnx_dir / "model.onnx"))
    assert isinstance(emb, OnnxEmbedder)
    ref = tiny_embedder.encode(TEXTS, kind="passage")  # type: ignore[attr-defined]
    for batch_size in (1, 2, 64):  # different buckets and paddings, same rows
        vecs = emb.encode(TEXTS, kind="passage", batch_size=batch_size)
        assert vecs.shape == (len(TEXTS), 32) and vecs.dtype == np.float32
        np.testing.assert_allclose(vecs, ref, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vecs[0], vecs[5])
    assert emb.encode([], kind="query").shape == (0, 32)
    with pytest.raises(TypeError):
        emb.encode("katt")


def test_int8_is_close_and_every_variant_has_its_own_cache_id(tiny_onnx_dir: Path, tiny_embedder: object) -> None:
    fp32 = load_embedder(str(tiny_onnx_dir / "model.onnx"))
    int8 = load_embedder(str(tiny_onnx_dir / "model_int8.onnx"))
    cos = (fp32.encode(TEXTS) * int8.encode(TEXTS)).sum(1)
    assert cos.min() > 0.9
    ids = {fp32.model_id, int8.model_id, tiny_embedder.model_id}  # type: ignore[attr-defined]
    assert len(ids) == 3
    assert int8.model_id.startswith("model_int8@") and load_embedder(str(tiny_onnx_dir / "model.onnx")).model_id == (
        fp32.model_id
    )
    e5 = load_embedder(str(tiny_onnx_dir / "model.onnx"), prefixes="e5")
    assert e5.model_id != fp32.model_id  # prefixes change the vectors, so they change the id
    assert not np.allclose(e5.encode(["katt"]), fp32.encode(["katt"]))


def test_single_thread_session_gives_the_same_vectors(tiny_onnx_dir: Path) -> None:
    many = load_embedder(str(tiny_onnx_dir / "model.onnx"))
    one = load_embedder(str(tiny_onnx_dir / "model.onnx"), threads=1)
    np.testing.assert_allclose(one.encode(TEXTS), many.encode(TEXTS), atol=1e-6)
    assert one.model_id == many.model_id


def test_export_is_deterministic(tiny_model_dir: Path, tiny_onnx_dir: Path, tmp_path: Path) -> None:
    again = onnx_export.export_onnx(tiny_model_dir, tmp_path / "again", log=lambda m: None)
    first = json.loads((tiny_onnx_dir / ONNX_MANIFEST).read_text(encoding="utf-8"))
    second = json.loads((again / ONNX_MANIFEST).read_text(encoding="utf-8"))
    assert first["files"] == second["files"] and first["source_sha256"] == second["source_sha256"]
    assert not (tmp_path / "again.building").exists()


def test_export_refuses_a_model_that_is_not_mean_pooled(tiny_model_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "cls-pooled"
    shutil.copytree(tiny_model_dir, copy)
    (copy / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode": "cls"}), encoding="utf-8")
    with pytest.raises(ValueError, match="mean-pooled"):
        onnx_export.export_onnx(copy, tmp_path / "out", log=lambda m: None)


def test_bundled_names_and_the_default_variant() -> None:
    assert resolve_bundled_name("e5-small-sv") == DEFAULT_E5_VARIANT
    assert DEFAULT_E5_VARIANT in ONNX_VARIANTS and DEFAULT_E5_VARIANT in BUNDLED
    assert resolve_bundled_name("e5-small-sv-torch") == "e5-small-sv-torch"
    assert set(ONNX_VARIANTS) <= set(BUNDLED)


def _ensure_models() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ensure_models", REPO / "scripts" / "ensure_models.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ensure_models_reexports_only_when_missing_or_stale(tiny_model_dir: Path, tmp_path: Path) -> None:
    em = _ensure_models()
    source = tmp_path / "src-model"
    shutil.copytree(tiny_model_dir, source)
    out = tmp_path / "onnx"
    assert em.onnx_reason_to_build(out, source) == "missing"
    onnx_export.export_onnx(source, out, log=lambda m: None)
    assert em.onnx_reason_to_build(out, source) is None
    (source / "config.json").write_text((source / "config.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert em.onnx_reason_to_build(out, source) == "exported from other src-model weights"
    onnx_export.export_onnx(source, out, log=lambda m: None)
    man = json.loads((out / ONNX_MANIFEST).read_text(encoding="utf-8"))
    (out / ONNX_MANIFEST).write_text(json.dumps({**man, "export_version": "0"}), encoding="utf-8")
    assert "export version" in em.onnx_reason_to_build(out, source)
    (out / onnx_export.INT8_FILE).unlink()
    assert em.onnx_reason_to_build(out, source) == "missing"


def test_the_model_is_opened_only_when_something_must_be_embedded(tiny_onnx_dir: Path, tmp_path: Path) -> None:
    """A rerun whose texts are all cached never pays for opening the session."""
    from textsamverkan.embed.cache import embed_texts_cached
    from textsamverkan.store.db import connect

    conn = connect(tmp_path / "cache.db")
    first = load_embedder(str(tiny_onnx_dir / "model.onnx"))
    assert first._session is None
    vecs = embed_texts_cached(conn, first, TEXTS, progress=False)
    assert first._session is not None
    again = load_embedder(str(tiny_onnx_dir / "model.onnx"))
    np.testing.assert_array_equal(embed_texts_cached(conn, again, TEXTS, progress=False), vecs)
    assert again._session is None and again._tokenizer is None

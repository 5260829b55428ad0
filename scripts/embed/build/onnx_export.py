"""Export a BERT-style sentence-transformers folder to ONNX (fp32 and dynamic int8) for onnxruntime.

The exported graph takes `input_ids` and `attention_mask` and returns the mean-pooled, L2-normalised sentence
embedding, so the runtime only tokenises and runs one session. The export uses the TorchScript exporter
(`torch.onnx.export(..., dynamo=False)`) with fixed names and opset, and the int8 file comes from
onnxruntime's dynamic quantisation (weights int8, activations quantised per batch at run time, except the
feed-forward output projections, which stay float32: see FLOAT_MATMULS); both steps are
deterministic for the same inputs and package versions, and take about 20 s on 2 cores for e5-small-sv.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import re
import shutil
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from embed.build.e5_model import publish_model_dir
from textsamverkan.hashing import file_sha256

EXPORT_VERSION = "2"
OPSET = 17
FP32_FILE = "model.onnx"
INT8_FILE = "model_int8.onnx"
INPUT_NAMES = ("input_ids", "attention_mask")
# MatMuls left in float32 by the int8 variant: each layer's feed-forward output projection, whose input (after
# GELU) has the outliers that per-tensor int8 activations handle worst. Quantising them too cost 14 points of
# R@1 on benchmarks/embed/eval_sv.json; keeping them float32 keeps R@1 equal to torch (RESULTS.md).
FLOAT_MATMULS = re.compile(r"/layer\.\d+/output/dense/MatMul$")
OUTPUT_NAME = "sentence_embedding"


def source_digest(st_dir: Path) -> str:
    """sha256 over the files the export reads (config, weights, tokenizer, pooling and prompts)."""
    h = hashlib.sha256()
    for name in ("config.json", "model.safetensors", "tokenizer.json", "modules.json",
                 "config_sentence_transformers.json", "1_Pooling/config.json"):  # fmt: skip
        path = st_dir / name
        h.update(name.encode("utf-8") + b"\0")
        if path.is_file():
            with path.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()


def _check_mean_pooling(st_dir: Path) -> None:
    """Refuse models whose pooling is not the plain mean this graph implements."""
    cfg_path = st_dir / "1_Pooling" / "config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8")) if cfg_path.is_file() else {}
    mean = cfg.get("pooling_mode") == "mean" or cfg.get("pooling_mode_mean_tokens")  # sentence-transformers 6 / 3
    if not mean or cfg.get("include_prompt") is False:
        raise ValueError(f"{st_dir}: only mean-pooled sentence-transformers models can be exported (see {cfg_path})")


def float_matmuls(graph_file: Path) -> list[str]:
    """Names of the MatMul nodes the int8 variant keeps in float32 (FLOAT_MATMULS)."""
    import onnx

    graph = onnx.load(str(graph_file), load_external_data=False).graph
    return [n.name for n in graph.node if n.op_type == "MatMul" and FLOAT_MATMULS.search(n.name)]


def export_onnx(st_dir: Path, out_dir: Path, *, log: Callable[[str], None] = print) -> Path:
    """Write `out_dir` with model.onnx (fp32), model_int8.onnx, tokenizer.json and a manifest; returns `out_dir`.

    Assembled in a sibling temporary folder and renamed into place, so an interrupted export leaves nothing that
    looks complete.
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    _check_mean_pooling(st_dir)
    hf_logging: Any = importlib.import_module("transformers.utils.logging")
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    t0 = time.perf_counter()
    torch.manual_seed(0)
    bert: Any = AutoModel.from_pretrained(str(st_dir), attn_implementation="eager")
    bert.eval()

    class MeanPooled(torch.nn.Module):
        """BERT encoder, masked mean over tokens, L2 normalisation: what SentenceTransformer.encode computes."""

        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            summed = (hidden * mask).sum(dim=1)
            mean = summed / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    tmp = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    ids = torch.tensor([[0, 10, 11, 12, 2], [0, 13, 2, 1, 1]], dtype=torch.long)
    mask = (ids != 1).long()
    axes = {"batch": 0, "sequence": 1}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            MeanPooled(bert),
            (ids, mask),
            str(tmp / FP32_FILE),
            dynamo=False,
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            opset_version=OPSET,
            dynamic_axes={
                "input_ids": {v: k for k, v in axes.items()},
                "attention_mask": {v: k for k, v in axes.items()},
                OUTPUT_NAME: {0: "batch"},
            },
            do_constant_folding=True,
        )
    log(f"[onnx] exported fp32 graph ({(tmp / FP32_FILE).stat().st_size / 2**20:.0f} MiB)")
    root_logger = logging.getLogger()
    level = root_logger.level
    root_logger.setLevel(logging.ERROR)  # quantize_dynamic advises "pre-processing" for image models on stderr
    try:
        quantize_dynamic(
            str(tmp / FP32_FILE),
            str(tmp / INT8_FILE),
            weight_type=QuantType.QInt8,
            op_types_to_quantize=["MatMul"],
            nodes_to_exclude=float_matmuls(tmp / FP32_FILE),
        )
    finally:
        root_logger.setLevel(level)
    log(
        f"[onnx] quantised int8 graph ({len(float_matmuls(tmp / FP32_FILE))} MatMuls kept float32, "
        f"{(tmp / INT8_FILE).stat().st_size / 2**20:.0f} MiB)"
    )
    shutil.copyfile(st_dir / "tokenizer.json", tmp / "tokenizer.json")
    st_cfg_path = st_dir / "config_sentence_transformers.json"
    st_cfg = json.loads(st_cfg_path.read_text(encoding="utf-8")) if st_cfg_path.is_file() else {}
    manifest = {
        "name": out_dir.name,
        "export_version": EXPORT_VERSION,
        "source": st_dir.name,
        "source_sha256": source_digest(st_dir),
        "opset": OPSET,
        "torch": torch.__version__.split("+")[0],
        "onnxruntime": importlib.import_module("onnxruntime").__version__,
        "prompts": st_cfg.get("prompts") or {},
        "dim": int(bert.config.hidden_size),
        "max_length": int(bert.config.max_position_embeddings),
        "files": {name: file_sha256(tmp / name) for name in (FP32_FILE, INT8_FILE, "tokenizer.json")},
    }
    publish_model_dir(tmp, out_dir, manifest)
    log(f"[onnx] wrote {out_dir} in {time.perf_counter() - t0:.1f} s")
    return out_dir

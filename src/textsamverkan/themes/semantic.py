"""Semantic matching: a sentence gets a code when it is close enough to one of the code's exemplar sentences.

Exemplars and sentences are embedded as "query" texts (the symmetric-similarity convention of E5 models) by any
`Embedder` (see `textsamverkan.embed`); vectors are L2-normalised, so the dot product is the cosine similarity.
A code is assigned when its closest exemplar is at least the code's threshold (`Codebook.threshold_for`) and, with
a `semantic.margin` above 0, at least that much closer than the closest exemplar of every other code (so only a
clearly best code is assigned; a generic sentence near everything gets nothing). The default codebook's values were
calibrated on the development gold with the model named in its `semantic.model` (see benchmarks/themes/quality.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np
import numpy.typing as npt

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import Codebook

if TYPE_CHECKING:
    FloatMatrix = npt.NDArray[np.float32]

Kind = Literal["query", "passage"]
EMBED_KIND: Kind = "query"
# Bullet glyphs and list markers at the start of a line say nothing about its meaning.
_MARKER = re.compile(r"^(?:[•●◦▪■▫‣⁃∙·►▶✓✔*+–—-]|o(?=\s)|\d{1,2}[.)])\s*")


class TextEmbedder(Protocol):
    """What semantic matching needs from an embedder (the `textsamverkan.embed` Embedder has it)."""

    @property
    def model_id(self) -> str: ...

    def encode(
        self, texts: Sequence[str], *, kind: Kind = "passage", batch_size: int = 32, show_progress: bool = False
    ) -> npt.NDArray[np.float32]: ...


def embedding_text(text: str) -> str:
    """The text a sentence is embedded as: without a leading bullet or list marker."""
    return _MARKER.sub("", text.strip(), count=1)


class ExemplarScorer:
    """The codebook's exemplars, embedded once; scores sentences against them per code."""

    def __init__(self, codebook: Codebook, embedder: TextEmbedder) -> None:
        self.codebook = codebook
        self.embedder = embedder
        self.code_ids = [c.id for c in codebook.codes]
        rows: list[tuple[int, str, str]] = []  # (code index, exemplar id, text)
        for n, code in enumerate(codebook.codes):
            if code.codable:
                rows.extend((n, e.id, e.text) for e in code.exemplars)
        self.row_code = np.array([r[0] for r in rows], dtype=np.int64)
        self.row_id = [r[1] for r in rows]
        self.thresholds = np.array([codebook.threshold_for(c) for c in codebook.codes], dtype=np.float32)
        if rows:
            self.vectors = embedder.encode([r[2] for r in rows], kind=EMBED_KIND)
        else:
            self.vectors = np.zeros((0, 1), dtype=np.float32)

    def encode(self, sentences: Sequence[Sentence]) -> npt.NDArray[np.float32]:
        """Embed sentences the way exemplars are embedded."""
        return self.embedder.encode([embedding_text(s.text) for s in sentences], kind=EMBED_KIND)

    def best(self, vectors: npt.NDArray[np.float32]) -> tuple[npt.NDArray[np.float32], list[list[str]]]:
        """For each sentence vector and code: the highest exemplar similarity (-1 when the code has none) and
        the id of that exemplar ("" when none)."""
        n = vectors.shape[0]
        scores = np.full((n, len(self.code_ids)), -1.0, dtype=np.float32)
        ids = [[""] * len(self.code_ids) for _ in range(n)]
        if n == 0 or len(self.row_id) == 0:
            return scores, ids
        sims = vectors @ self.vectors.T  # (sentences, exemplars)
        for c in range(len(self.code_ids)):
            cols = np.flatnonzero(self.row_code == c)
            if cols.size == 0:
                continue
            sub = sims[:, cols]
            arg = sub.argmax(axis=1)
            scores[:, c] = sub[np.arange(n), arg]
            for i in range(n):
                ids[i][c] = self.row_id[int(cols[arg[i]])]
        return scores, ids

    def matches(
        self, sentences: Sequence[Sentence], *, vectors: npt.NDArray[np.float32] | None = None
    ) -> list[dict[str, tuple[float, str]]]:
        """Per sentence: code id → (similarity, exemplar id) for every code at or above its threshold."""
        if vectors is None:
            vectors = self.encode(sentences)
        if vectors.shape[0] != len(sentences):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(sentences)} sentences")
        scores, ids = self.best(vectors)
        margin = self.codebook.semantic_margin
        out: list[dict[str, tuple[float, str]]] = []
        for i in range(len(sentences)):
            row: dict[str, tuple[float, str]] = {}
            for c in np.flatnonzero(scores[i] >= self.thresholds):
                others = np.delete(scores[i], c)
                if margin > 0 and others.size and float(scores[i, c] - others.max()) < margin:
                    continue
                row[self.code_ids[c]] = (float(scores[i, c]), ids[i][c])
            out.append(row)
        return out

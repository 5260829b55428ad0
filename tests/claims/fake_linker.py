"""A Linker over given passages and cosines, with no embedder or database: what the linker tests build on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from textsamverkan.claims.link import Linker


@dataclass(frozen=True)
class P:
    """A passage reference as the Linker needs it."""

    doc_id: str
    start: int
    end: int
    speaker: str | None
    text: str


class Encoder:
    """Every query is the unit vector (1, 0), so a passage's cosine is the first component of its vector."""

    def encode(self, texts: list[str], *, kind: str = "query") -> np.ndarray:
        return np.array([[1.0, 0.0]], dtype=np.float32)


def fake_linker(texts: list[str], cosines: list[float]) -> Linker:
    """A Linker whose passages are `texts` (doc ids "0", "1", …) with the given cosine to every statement."""
    passages = [P(str(n), 0, len(t), None, t) for n, t in enumerate(texts)]
    vectors = np.array([[c, float(np.sqrt(1 - c * c))] for c in cosines], dtype=np.float32)
    return Linker(passages, vectors, Encoder())

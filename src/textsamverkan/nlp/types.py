"""The NLP backend interface and its plain result types, shared by the backends and the annotator.

A backend turns pieces of text into sentences and tokens with character offsets relative to each piece; the
`annotate` module places them on the canonical text. Nothing here imports spaCy or Stanza.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, runtime_checkable


class TokenAnnotation(NamedTuple):
    """One token of a piece of text: offsets relative to that piece and what the model said about it.

    `head` is the index of the head token within the same piece's token list (the root points to itself), or
    None when the pipeline has no parser; `ent` is "B-<label>", "I-<label>" or "" (outside any entity).
    """

    start: int
    end: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int | None
    dep: str
    ent: str


@dataclass(frozen=True)
class PieceAnnotation:
    """What a backend found in one piece of text: sentence offsets and tokens, both relative to the piece."""

    sentences: list[tuple[int, int]]
    tokens: list[TokenAnnotation]


@dataclass(frozen=True)
class BackendInfo:
    """Which backend and model made an annotation: recorded on every span and in the run manifest."""

    backend: str
    model: str
    version: str
    options: dict[str, Any] = field(default_factory=dict)

    def as_attrs(self) -> dict[str, str]:
        return {"backend": self.backend, "model": f"{self.model}@{self.version}"}


@runtime_checkable
class NlpBackend(Protocol):
    """Annotates pieces of Swedish text. Implementations: `spacy` and `stanza` (see `get_backend`)."""

    info: BackendInfo

    def annotate(self, pieces: Iterable[str]) -> Iterator[PieceAnnotation]:
        """Annotate each piece independently (sentences never span two pieces), in order, lazily."""
        ...

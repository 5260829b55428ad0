"""The NLP backend interface, its plain result types and the registry that picks a backend by name.

A backend turns pieces of text into sentences and tokens with character offsets relative to each piece; the
`annotate` module places them on the canonical text. Backends are registered under short names ("spacy", "stanza")
so the CLI's `--nlp` option and stored runs can name them; spaCy and Stanza are imported only inside the backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, runtime_checkable

from textsamverkan.errors import E_OPTION, UserError, did_you_mean


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


BackendFactory = Callable[..., NlpBackend]
_REGISTRY: dict[str, BackendFactory] = {}


def register_backend(name: str) -> Callable[[BackendFactory], BackendFactory]:
    """Decorator: make a backend factory available to `get_backend(name, ...)`."""

    def add(factory: BackendFactory) -> BackendFactory:
        _REGISTRY[name] = factory
        return factory

    return add


def _load_builtin_backends() -> None:
    # Importing the modules registers them; they import spaCy/Stanza only when a backend is created.
    from textsamverkan.nlp import spacy_backend, stanza_backend  # noqa: F401


def backend_names() -> list[str]:
    _load_builtin_backends()
    return sorted(_REGISTRY)


def get_backend(name: str, model: str | None = None, **options: Any) -> NlpBackend:
    """Create the backend registered as `name`, loading `model` (a name or path; None: the backend's default).

    Options are passed to the backend (e.g. `parser=True` for spaCy). An unknown name raises UserError E301.
    """
    _load_builtin_backends()
    if name not in _REGISTRY:
        raise UserError(
            E_OPTION,
            f"unknown NLP backend '{name}'.{did_you_mean(name, _REGISTRY)}",
            f"choose one of: {', '.join(sorted(_REGISTRY))}",
        )
    return _REGISTRY[name](model, **options)

"""A span is the one shape every layer takes: a labelled region of a document's canonical text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A region `[start, end)` of a document's canonical text, in Unicode code points.

    `layer` names what kind of span it is (block, turn, sentence, token, theme, ...), `label` its value on that
    layer (the block type, the speaker, the theme id) and `attrs` anything else the layer records.
    """

    start: int
    end: int
    layer: str
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span offsets: start={self.start}, end={self.end}")

    def quote(self, text: str) -> str:
        """The exact text the span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

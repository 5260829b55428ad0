"""The theme coder's input and output types: plain, frozen data with offsets into a document's canonical text.

Input contract: the matcher reads `Sentence`s whose `Token`s carry a lemma and a UPOS tag. Which backend made them
(spaCy, Stanza, or the `simple_sentences` fallback) does not matter, as long as every `start`/`end` is a code-point
offset into the document's canonical text and `text == document_text[start:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Method = Literal["lexical", "semantic", "both"]
METHODS: tuple[Method, ...] = ("lexical", "semantic", "both")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: offsets into the canonical text, its text, lemma and universal POS tag ("X" when unknown)."""

    start: int
    end: int
    text: str
    lemma: str
    upos: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or bullet, or heading) of a document, never crossing a block or turn boundary."""

    doc_id: str
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list, hash=False, compare=False)

    @property
    def words(self) -> int:
        """Number of word tokens (tokens that contain a letter or digit)."""
        return sum(1 for t in self.tokens if any(c.isalnum() for c in t.text))


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """A code assigned to one sentence, with the evidence that assigned it.

    `score` is 1.0 for a lexical hit and the cosine similarity to the closest exemplar for a semantic-only one;
    `evidence` holds `rules` (each with the rule id, matched character spans and matched text) and, when
    semantic matching ran, `exemplar` and `similarity`. See `textsamverkan.themes.matcher`.
    """

    doc_id: str
    start: int
    end: int
    code: str
    score: float
    method: Method
    evidence: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

"""The theme coder's input and output types: plain, frozen data with offsets into a document's canonical text.

Input contract: the matcher reads `Sentence`s whose `Token`s carry a lemma and a UPOS tag (both types live in
`textsamverkan.segment.sentences`). Which backend made them (spaCy, Stanza, or the `simple_sentences` fallback) does
not matter, as long as every `start`/`end` is a code-point offset into the document's canonical text and
`text == document_text[start:end]`. The output is `ThemeHit`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Method = Literal["lexical", "semantic", "both", "model"]
METHODS: tuple[Method, ...] = ("lexical", "semantic", "both", "model")


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

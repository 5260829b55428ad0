"""Replace detections in a text and keep an exact map from original offsets to redacted offsets.

The map is the `OffsetMap` normalisation uses, read the other way round: the original text plays "raw" and the
redacted text "canonical". A span `[s, e)` of the original becomes `[to_redacted(s), to_redacted(e, is_end=True))`
of the redacted text; a span that starts or ends inside a replaced name widens to cover its whole pseudonym.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textsamverkan.model.offsets import Edit, OffsetMap
from textsamverkan.pii.types import PERSON, PLACEHOLDERS, Detection


@dataclass(frozen=True)
class RedactedText:
    """A redacted text and the offset map from the original text's code points into it."""

    text: str
    offsets: OffsetMap

    def to_redacted(self, offset: int, *, is_end: bool = False) -> int:
        return self.offsets.to_canon(offset, is_end=is_end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The redacted span of original `[start, end)`."""
        return self.to_redacted(start), self.to_redacted(end, is_end=True)


def replacement_for(detection: Detection, labels: Mapping[str, str]) -> str:
    """The pseudonym of a person ("Person 3"), or the typed placeholder of an identifier ("[TELEFON]")."""
    if detection.type == PERSON:
        return labels.get(detection.person, PLACEHOLDERS[PERSON])
    return PLACEHOLDERS.get(detection.type, "[" + detection.type + "]")


def redact_text(text: str, detections: Sequence[Detection], labels: Mapping[str, str]) -> RedactedText:
    """`text` with every detection replaced (detections must not overlap; `detect` guarantees it)."""
    edits: list[Edit] = []
    pieces: list[str] = []
    pos = 0
    for d in sorted(detections, key=lambda d: d.start):
        if d.start < pos:
            raise ValueError(f"overlapping detections at {d.start}")
        replacement = replacement_for(d, labels)
        pieces += [text[pos : d.start], replacement]
        edits.append(Edit(d.start, d.end, replacement))
        pos = d.end
    pieces.append(text[pos:])
    return RedactedText("".join(pieces), OffsetMap.from_edits(edits))

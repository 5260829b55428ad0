"""The data the speaker-turn segmenter returns: turns, speakers and the segmentation of one document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.model.span import Span
from textsamverkan.model.speaker import Speaker as Speaker  # re-exported: segment's public name for it

TURN_LAYER = "turn"
SEGMENTER_NAME = "segment.speaker_turns.v4"

_WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Words as whitespace-separated tokens, the count the speaker tables and the gold data use."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Turn:
    """One speaker turn: `text[start:end]` is what was said, `text[label_start:label_end]` the header before it.

    `label` is the speaker label exactly as written ("Olivia", "Iréne", "LENA HALLENGREN"); `speaker_id` the key
    of the resolved `Speaker`; `attrs` what the header said besides the name (timestamp, anf, party, role).
    """

    start: int
    end: int
    label: str
    label_start: int
    label_end: int
    speaker_id: str = ""
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.label_start <= self.label_end <= self.start <= self.end:
            raise ValueError(f"invalid turn offsets: label {self.label_start}-{self.label_end}, "
                             f"text {self.start}-{self.end}")

    def as_span(self) -> Span:
        """The turn as a span on the "turn" layer, labelled with its speaker id."""
        attrs = {"label": self.label, "label_start": self.label_start, "label_end": self.label_end, **self.attrs}
        return Span(self.start, self.end, TURN_LAYER, self.speaker_id, attrs)


@dataclass(frozen=True)
class SpeakerOverride:
    """One row of a speakers.csv: merges the listed aliases into `name` and sets what is given."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    organisation: str | None = None
    party: str | None = None


@dataclass
class TurnSegmentation:
    """The speaker turns of one document, the format they were found in and notes for the user."""

    format: str
    turns: list[Turn] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with id `speaker_id` (KeyError when there is none)."""
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        raise KeyError(speaker_id)

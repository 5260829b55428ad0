"""Segmentation of canonical text: speaker turns and speaker identity, passages, sentences.

Turns and speakers are exported here; `passages` and `sentences` (with the line pieces of regions) are imported by
their module path.
"""

from textsamverkan.segment.speaker_csv import load_speakers_csv
from textsamverkan.segment.speakers import SpeakerResolution, resolve_speakers, speaker_table
from textsamverkan.segment.turn_formats import FORMATS
from textsamverkan.segment.turn_types import (
    SEGMENTER_NAME,
    TURN_LAYER,
    Speaker,
    SpeakerOverride,
    Turn,
    TurnSegmentation,
    count_words,
)
from textsamverkan.segment.turns import NO_TURNS_NOTE, resolve_known_turns, segment_turns

__all__ = [
    "FORMATS",
    "NO_TURNS_NOTE",
    "SEGMENTER_NAME",
    "TURN_LAYER",
    "Speaker",
    "SpeakerOverride",
    "SpeakerResolution",
    "Turn",
    "TurnSegmentation",
    "count_words",
    "load_speakers_csv",
    "resolve_known_turns",
    "resolve_speakers",
    "segment_turns",
    "speaker_table",
]

"""Passages: the units that are coded, embedded, searched and linked to.

A passage is a content block (paragraph, bullet or heading; never boilerplate or a speaker's name line) clipped to
the speaker turn it lies in, so a passage never mixes two speakers and carries its speaker; a block that runs over
several turns gives a passage in each. The turn marker
("- ") before the spoken text is left out because the turn starts after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textsamverkan.model import Span

PASSAGE = "passage"
PASSAGES_VERSION = "passages.v2"
_NOT_PASSAGES = ("boilerplate", "speaker_label")


def find_passages(text: str, blocks: Sequence[Span], turns: Sequence[Span]) -> list[Span]:
    """Passage spans in text order; `attrs["speaker"]` is the turn's speaker id when the passage is in a turn."""
    ordered_turns = sorted(turns, key=lambda t: t.start)
    passages: list[Span] = []
    ti = 0
    for block in blocks:
        if block.label in _NOT_PASSAGES:
            continue
        while ti < len(ordered_turns) and ordered_turns[ti].end <= block.start:
            ti += 1
        # a block that runs over several turns (a question and its answer in one paragraph) gives a passage in each
        pieces: list[tuple[int, int, dict[str, str]]] = []
        tj = ti
        while tj < len(ordered_turns) and ordered_turns[tj].start < block.end:
            turn = ordered_turns[tj]
            pieces.append((max(block.start, turn.start), min(block.end, turn.end), {"speaker": turn.label}))
            tj += 1
        for start, end, speaker in pieces or [(block.start, block.end, {})]:
            start, end = _trim(text, start, end)
            if start < end:
                passages.append(Span(start, end, PASSAGE, block.label, {"block": block.label, **speaker}))
    return passages


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

"""Passages: content blocks clipped to turns, carrying the speaker; no boilerplate, no name lines."""

from __future__ import annotations

from textsamverkan.model import Span
from textsamverkan.segment.passages import find_passages


def test_passages_clip_blocks_to_turns_and_skip_furniture() -> None:
    text = "Rubrik\n\nAnna\n\n- Vi saknar munskydd.\n\nAndra stycket.\n\nKommentarer"
    blocks = [
        Span(0, 6, "block", "heading"), Span(8, 12, "block", "speaker_label"), Span(14, 35, "block", "paragraph"),
        Span(37, 51, "block", "paragraph"), Span(53, 64, "block", "boilerplate"),
    ]
    turns = [Span(16, 51, "turn", "anna")]
    passages = find_passages(text, blocks, turns)
    assert [text[p.start : p.end] for p in passages] == ["Rubrik", "Vi saknar munskydd.", "Andra stycket."]
    assert [p.attrs.get("speaker") for p in passages] == [None, "anna", "anna"]
    assert [p.label for p in passages] == ["heading", "paragraph", "paragraph"]

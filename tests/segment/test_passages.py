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


def test_a_block_over_two_turns_gives_a_passage_in_each() -> None:
    """A question and its answer in one paragraph ("Anna: …?\nPer: …"): both speakers' words are passages."""
    text = "Anna: Hur gick det med munskydden i våras?\nPer: Vi fick låna från tandvården."
    blocks = [Span(0, len(text), "block", "paragraph")]
    turns = [Span(6, 42, "turn", "anna"), Span(48, len(text), "turn", "per")]
    passages = find_passages(text, blocks, turns)
    assert [text[p.start : p.end] for p in passages] == [
        "Hur gick det med munskydden i våras?", "Vi fick låna från tandvården."
    ]  # fmt: skip
    assert [p.attrs.get("speaker") for p in passages] == ["anna", "per"]

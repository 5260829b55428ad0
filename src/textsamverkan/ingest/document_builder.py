"""Turn one RawDocument into a stored Document: canonical text, blocks, speaker turns and their speakers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.ingest.normalise import normalise
from textsamverkan.ingest.structure import BLOCK, BOILERPLATE, find_blocks
from textsamverkan.model import Document, RawDocument, Span, Speaker
from textsamverkan.segment.passages import find_passages
from textsamverkan.segment.turn_types import TURN_LAYER

TURN = TURN_LAYER
SPEAKER_LABEL = "speaker_label"
TRANSCRIPT_KINDS = ("transcript", "interview", "debate")
SPOKEN_FORMATS = ("srt", "vtt")  # every line is speech: no heading guesses


@dataclass(frozen=True)
class TurnOptions:
    """Speaker-turn settings: a forced format, a user pattern, a speakers.csv, or no turn detection at all."""

    format: str | None = None
    pattern: str | None = None
    speakers_file: Path | None = None
    enabled: bool = True


@dataclass
class _Turns:
    spans: list[Span] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    format: str = "none"


def _canonical_structure(raw: RawDocument, to_canon: Any) -> list[Span]:
    return [Span(to_canon(s.start), to_canon(s.end, is_end=True), s.layer, s.label, s.attrs) for s in raw.structure]


def _find_turns(text: str, blocks: list[Span], known_turns: list[Span], options: TurnOptions) -> _Turns:
    from textsamverkan.segment.turns import resolve_known_turns, segment_turns

    exclude = [(b.start, b.end) for b in blocks if b.label == BOILERPLATE]
    if known_turns:
        seg = resolve_known_turns(
            text, [(s.start, s.end, s.label) for s in known_turns], speakers_file=options.speakers_file
        )
    else:
        seg = segment_turns(
            text,
            pattern=options.pattern,
            format=options.format,
            speakers_file=options.speakers_file,
            exclude=exclude,
        )
    spans = [t.as_span() for t in seg.turns]
    return _Turns(spans, list(seg.speakers), list(seg.notes), seg.format)


def _mark_speaker_labels(blocks: list[Span], turns: list[Span]) -> list[Span]:
    """Blocks that are only a speaker's label (a name on its own line) become speaker_label blocks."""
    labels = [
        (t.attrs["label_start"], t.attrs["label_end"]) for t in turns if t.attrs["label_end"] > t.attrs["label_start"]
    ]
    out = []
    for b in blocks:
        if any(s <= b.start and b.end <= e for s, e in labels):
            out.append(Span(b.start, b.end, BLOCK, SPEAKER_LABEL))
        else:
            out.append(b)
    return out


def build_document(
    raw: RawDocument, *, doc_id: str, metadata: dict[str, Any], source_sha256: str, turn_options: TurnOptions
) -> tuple[Document, list[Speaker]]:
    """Normalise a reader's output and find its structure and speakers; returns the document and its speakers."""
    norm = normalise(raw.text)
    text = norm.text
    structure = _canonical_structure(raw, norm.offset_map.to_canon)
    blocks = find_blocks(
        text, known=[s for s in structure if s.layer == BLOCK], headings=raw.format not in SPOKEN_FORMATS
    )
    notes = list(raw.notes)
    turns = _Turns()
    if turn_options.enabled:
        turns = _find_turns(text, blocks, [s for s in structure if s.layer == TURN], turn_options)
        blocks = _mark_speaker_labels(blocks, turns.spans)
        if turns.spans:
            notes.extend(turns.notes)
        elif metadata.get("kind") in TRANSCRIPT_KINDS:
            notes.extend(turns.notes or ["no speaker turns detected; stored as a plain document"])
    meta = dict(metadata)
    if turns.spans:
        meta["turn_format"] = turns.format
    doc = Document(
        doc_id=doc_id,
        text=text,
        metadata=meta,
        raw_text=raw.text,
        offset_map=norm.offset_map,
        locators=list(raw.locators),
        spans=[*blocks, *turns.spans, *find_passages(text, blocks, turns.spans)],
        notes=notes,
        source_path=raw.source_path,
        source_sha256=source_sha256,
        format=raw.format,
        part=raw.part,
    )
    return doc, turns.speakers

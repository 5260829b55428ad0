"""Documents before and after normalisation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.model.offsets import OffsetMap
from textsamverkan.model.span import Span


@dataclass(frozen=True)
class Locator:
    """Where a region of the raw text sits in the original file: a page, a timestamp, a cue, a table row.

    Offsets are in the raw text a reader produced. `kind` is e.g. "page", "cue", "row", "line"; `value` is the
    page number, the "00:01:02.000 --> 00:01:05.000" time range, the row number.
    """

    raw_start: int
    raw_end: int
    kind: str
    value: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class RawDocument:
    """What a reader returns: the text it extracted, where its parts came from, and what it learned of the file.

    `text` is the reader's text before normalisation. `structure` holds spans the reader knows for certain
    (headings and list items in DOCX or HTML, cues in subtitles) in raw offsets; normalisation carries them over.
    `notes` are messages for the user (e.g. an encoding that was detected), shown at ingest and stored.
    """

    source_path: str
    text: str
    format: str
    metadata: dict[str, Any] = field(default_factory=dict)
    locators: list[Locator] = field(default_factory=list)
    structure: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    part: str = (
        ""  # identifies one document of a multi-document file (a CSV row), "" for single-document files
    )


@dataclass
class Document:
    """A normalised document: canonical text (frozen after ingest), its metadata and its spans.

    Every later layer refers to the canonical text by offsets; `offset_map` leads back to `raw_text`.
    """

    doc_id: str
    text: str
    metadata: dict[str, Any]
    raw_text: str
    offset_map: OffsetMap
    locators: list[Locator] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source_path: str = ""
    source_sha256: str = ""
    format: str = ""
    part: str = ""

    @property
    def text_sha256(self) -> str:
        return sha256_text(self.text)

    def spans_on(self, layer: str) -> list[Span]:
        return [s for s in self.spans if s.layer == layer]

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Where canonical `[start, end)` lies in the original: raw offsets, line numbers and locators."""
        raw_start, raw_end = self.offset_map.span_to_raw(start, end)
        where: dict[str, Any] = {
            "raw_start": raw_start,
            "raw_end": raw_end,
            "line": self.raw_text.count("\n", 0, raw_start) + 1,
        }
        for loc in self.locators:
            if loc.raw_start <= raw_start < max(loc.raw_end, loc.raw_start + 1):
                where[loc.kind] = loc.value
        return where

    def locator_text(self, start: int, end: int) -> str:
        """Where `[start, end)` is in the original, for people: "line 12, page 3", "line 4, cue 00:00:04.000 --> …"."""
        return ", ".join(f"{k} {v}" for k, v in self.locate(start, end).items() if k not in ("raw_start", "raw_end"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

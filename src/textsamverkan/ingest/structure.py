"""Blocks of the canonical text: heading, paragraph, bullet and boilerplate spans.

After normalisation has joined what a layout cut, each remaining line is a unit of its own (a paragraph, a heading,
a list item), except that consecutive prose lines that each end a sentence stay one paragraph. A numbered line is a
list item unless it stands alone, short and unpunctuated, between lines without list markers: then it heads a
section ("3. Vaccination" in minutes). Structure a reader
knew for certain (a DOCX heading, an HTML list item) wins over these guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textsamverkan.ingest.boilerplate import boilerplate_lines
from textsamverkan.model import Span

BLOCK = "block"
HEADING, PARAGRAPH, BULLET, BOILERPLATE = "heading", "paragraph", "bullet", "boilerplate"
STRUCTURE_VERSION = "structure.v2"

_GLYPH_BULLET = re.compile(r"[•●◦▪■▫‣⁃∙·►▶✓✔]\s*")
_AMBIGUOUS_BULLET = re.compile(r"(?:[-–—*+]|o(?=\s+\S))\s+")
_NUMBERED = re.compile(r"(?:\d{1,2}|[a-z])[.)]\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…:;,\"”»]$")
_LINE = re.compile(r"[^\n]+")


def _marker(line: str) -> str | None:
    """The kind of list marker a line starts with: 'glyph', 'ambiguous', 'numbered' or None."""
    if _GLYPH_BULLET.match(line):
        return "glyph"
    if _AMBIGUOUS_BULLET.match(line):
        return "ambiguous"
    if _NUMBERED.match(line):
        return "numbered"
    return None


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 90
        and not _ENDS_SENTENCE.search(line)
        and (line[0].isupper() or line[0].isdigit())
        and next_line is not None
    )


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of each non-blank line, offsets trimmed to the visible text."""
    out = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((m.start() + lead, m.start() + lead + len(stripped), stripped))
    return out


def find_blocks(text: str, *, known: Iterable[Span] = (), headings: bool = True) -> list[Span]:
    """Block spans over the canonical text, in order, not overlapping, each trimmed of surrounding whitespace.

    `known` are block spans a reader supplied (already in canonical offsets); a line they cover takes their label.
    Page furniture (comment rules, feedback widgets, navigation) is labelled boilerplate wherever it is found.
    `headings=False` turns heading guesses off (subtitles: every line is speech).
    """
    lines = _lines(text)
    stripped = [line for _, _, line in lines]
    furniture = boilerplate_lines(stripped)
    known_by_start = {s.start: s.label for s in known if s.layer == BLOCK}
    markers = [_marker(line) for line in stripped]

    labels: list[str] = []
    for i, (start, _end, line) in enumerate(lines):
        prev_marker = markers[i - 1] if i > 0 else None
        next_marker = markers[i + 1] if i + 1 < len(lines) else None
        next_line = stripped[i + 1] if i + 1 < len(lines) else None
        if furniture[i]:
            labels.append(BOILERPLATE)
        elif start in known_by_start:
            labels.append(known_by_start[start])
        elif (
            headings
            and markers[i] == "numbered"
            and prev_marker is None
            and next_marker is None
            and _looks_like_heading(line, next_line)
        ):
            # "3. Vaccination" alone between lines without markers: a numbered heading of minutes or a report (the
            # items of a list stand together)
            labels.append(HEADING)
        elif markers[i] in ("glyph", "numbered") or (
            markers[i] == "ambiguous" and (prev_marker is not None or next_marker is not None)
        ):
            labels.append(BULLET)
        elif headings and _looks_like_heading(line, next_line):
            labels.append(HEADING)
        else:
            labels.append(PARAGRAPH)

    blocks: list[Span] = []
    for i, (start, end, _line) in enumerate(lines):
        label = labels[i]
        if (
            blocks
            and label == PARAGRAPH
            and blocks[-1].label == PARAGRAPH
            and text.count("\n", blocks[-1].end, start) == 1
            and _ENDS_SENTENCE.search(stripped[i - 1])
            and len(stripped[i - 1]) >= 40
        ):
            blocks[-1] = Span(blocks[-1].start, end, BLOCK, PARAGRAPH)
            continue
        blocks.append(Span(start, end, BLOCK, label))
    return blocks


def content_blocks(blocks: Iterable[Span]) -> list[Span]:
    """Blocks that analysis reads: everything except boilerplate."""
    return [b for b in blocks if b.label != BOILERPLATE]

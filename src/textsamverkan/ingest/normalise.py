"""Normalisation, done once at ingest: raw reader text becomes the frozen canonical text.

Two passes, each a list of edits:
1. characters: line endings, control characters, soft hyphens and zero-width characters, odd spaces, Unicode NFC;
2. line joins: end-of-line dehyphenation, lines wrapped mid-sentence, and paragraphs a page break cut mid-sentence.
The passes' edits are merged into one edit list on the raw text, from which the `OffsetMap` back to the raw text
is built. Nothing is normalised after this: every later layer is offsets into the canonical text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from textsamverkan.model.offsets import Edit, OffsetMap

NORMALISER_VERSION = "normalise.v1"

# --- pass 1: characters -------------------------------------------------------------------------------------------

_CHAR_FIXES = re.compile(
    r"\r\n?"  # Windows and old Mac line endings
    r"|\f"  # form feed: a page break, kept as a paragraph break
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff]"  # controls, soft hyphen, zero-width
    r"|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"  # tabs and unusual spaces
    r"|[\u2028\u2029]"  # Unicode line and paragraph separators
    r"|.[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+",  # a letter with combining marks
    re.DOTALL,
)


def _char_replacement(piece: str) -> str:
    if piece in ("\r\n", "\r", "\u2028"):
        return "\n"
    if piece in ("\f", "\u2029"):
        return "\n\n"
    if len(piece) == 1:
        return " " if unicodedata.category(piece) == "Zs" or piece == "\t" else ""
    return unicodedata.normalize("NFC", piece)


def _character_edits(raw: str) -> list[Edit]:
    edits = []
    for m in _CHAR_FIXES.finditer(raw):
        replacement = _char_replacement(m.group())
        if replacement != m.group():
            edits.append(Edit(m.start(), m.end(), replacement))
    return edits


# --- pass 2: line joins -------------------------------------------------------------------------------------------

# A line break with the whitespace around it; group "blank" is set when it separates paragraphs.
_BREAK = re.compile(r"[ \t]*\n(?P<blank>(?:[ \t]*\n)+)?[ \t]*")
_LOWER_START = re.compile(r"[a-zåäöüéèàáæøß]")
_BULLET_START = re.compile(r"(?:[•●◦▪■▫‣⁃∙·*+–—-]|o(?=\s+\S)|\d{1,2}[.)](?=\s))\s")
_SENTENCE_END = re.compile(r"[.!?:;…\"”»)]$")
# Words that follow a suspended hyphen ("hälso- och sjukvård"): keep the hyphen, join with a space.
_SUSPENDED_HYPHEN_NEXT = {
    "och",
    "eller",
    "samt",
    "respektive",
    "resp",
    "liksom",
    "som",
    "men",
    "till",
    "el",
    "&",
}


def _is_bullet(line: str) -> bool:
    return bool(_BULLET_START.match(line))


def join_edits(text: str) -> list[Edit]:
    """Edits that join lines a layout cut mid-sentence or mid-word; offsets are into `text`."""
    edits = []
    for m in _BREAK.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_line = text[line_start : m.start()].strip()
        next_end = text.find("\n", m.end())
        next_line = text[m.end() : next_end if next_end >= 0 else len(text)]
        if not prev_line or not next_line or _is_bullet(next_line):
            continue
        paragraph_break = m.group("blank") is not None
        replacement = _join(prev_line, next_line, text[m.start() - 1], paragraph_break, m.group())
        if replacement is None:
            continue
        start = m.start() - 1 if replacement == "" else m.start()  # dehyphenation also removes the hyphen
        edits.append(Edit(start, m.end(), replacement))
    return edits


def _join(prev_line: str, next_line: str, last_char: str, paragraph_break: bool, gap: str) -> str | None:
    """How to join two lines: " " (wrapped line), "" (hyphenated word), or None (a real break)."""
    starts_lower = bool(_LOWER_START.match(next_line))
    if last_char == "-" and len(prev_line) > 1 and prev_line[-2].isalpha() and starts_lower:
        next_word = re.match(r"\w+", next_line)
        if next_word and next_word.group().lower() in _SUSPENDED_HYPHEN_NEXT:
            return " "  # "hälso-\noch sjukvård": the hyphen belongs to the word
        return ""  # "sjuk-\nvården"
    if _SENTENCE_END.search(prev_line):
        return None
    if starts_lower:
        return " "  # a sentence that a line wrap or a page break cut
    if paragraph_break:
        return None
    # Within a paragraph: a PDF-wrapped line often ends with a space, and a comma never ends a heading.
    trailing_space = gap.startswith((" ", "\t"))
    if next_line[:1].isupper() and (prev_line.endswith(",") or (trailing_space and prev_line[-1:].islower())):
        return " "
    return None


# --- merge ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Normalised:
    """The canonical text and the map from its offsets back to the raw text."""

    text: str
    offset_map: OffsetMap
    edits: tuple[Edit, ...]


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.raw_start])
        parts.append(e.replacement)
        pos = e.raw_end
    parts.append(text[pos:])
    return "".join(parts)


def normalise(raw: str) -> Normalised:
    """Normalise raw reader text into canonical text with a map back to raw offsets."""
    char_edits = _character_edits(raw)
    after_chars = apply_edits(raw, char_edits)
    char_map = OffsetMap.from_edits(char_edits)
    joins = join_edits(after_chars)
    # Express each join in raw offsets; it absorbs the character edits inside its range.
    merged: list[Edit] = []
    join_ranges = [(char_map.to_raw(j.raw_start), char_map.to_raw(j.raw_end, is_end=True), j) for j in joins]
    ji = 0
    for edit in char_edits:
        while ji < len(join_ranges) and join_ranges[ji][1] <= edit.raw_start:
            merged.append(Edit(join_ranges[ji][0], join_ranges[ji][1], join_ranges[ji][2].replacement))
            ji += 1
        if (
            ji < len(join_ranges)
            and join_ranges[ji][0] <= edit.raw_start
            and edit.raw_end <= join_ranges[ji][1]
        ):
            continue  # absorbed by the join
        merged.append(edit)
    merged.extend(Edit(s, e, j.replacement) for s, e, j in join_ranges[ji:])
    merged.sort(key=lambda e: (e.raw_start, e.raw_end))
    text = apply_edits(raw, merged)
    expected = apply_edits(after_chars, joins)
    if text != expected:  # pragma: no cover - a bug in the merge, never bad input
        raise AssertionError("normalisation edits did not compose; please report this with the input file")
    return Normalised(text=text, offset_map=OffsetMap.from_edits(merged), edits=tuple(merged))

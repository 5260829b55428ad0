"""Subtitles and transcripts in SRT and WebVTT: the cue texts, one cue per line, with a cue locator each.

Formatting tags (<i>, <b>, <c.x>, {\\an8}) are removed. WebVTT voice tags (<v Anna Svensson>) become `turn`
spans labelled with the voice, consecutive cues of one voice merged into one turn. Speaker prefixes written as
text ("ANNA: ...", "- Anna: ...") are left in the text for speaker detection later. A cue with a malformed
timestamp is skipped with a note naming its line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from textsamverkan.errors import E_MALFORMED, ReadError
from textsamverkan.ingest.readers.base import ReadOptions, read_text_file
from textsamverkan.model import Locator, RawDocument, Span

_TIME = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_TIME_LIKE = re.compile(r"\d{1,2}:\d{2}[,.:]\d")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[\d:.,]*>")  # tags and <00:00:01.000> timestamps
_ASS_OVERRIDE = re.compile(r"\{\\[^}]*\}")
_SPACES = re.compile(r"\s+")
_MAX_NOTES = 10


@dataclass
class _Cue:
    line: int  # 1-based line of the timing line in the file
    index: int
    ident: str  # WebVTT cue identifier, "" when none
    start_ms: int
    end_ms: int
    segments: list[tuple[str, str]]  # (voice or "", text) in order


def read(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
    text, notes = read_text_file(path, options)
    vtt = path.suffix.lower() == ".vtt"
    cues, problems, title = _parse(text, vtt)
    if not cues:
        detail = f" ({problems[0]})" if problems else ""
        raise ReadError(str(path), E_MALFORMED, f"no subtitle cues found{detail}",
                        "Check that cues have timing lines like '00:01:02,000 --> 00:01:05,000' (WebVTT: "
                        "'00:01:02.000 --> 00:01:05.000'), or read the file as text with --format text.")
    notes.extend(problems[:_MAX_NOTES])
    if len(problems) > _MAX_NOTES:
        notes.append(f"… and {len(problems) - _MAX_NOTES} more problems like these")
    body, locators, turns = _assemble(cues)
    metadata: dict[str, object] = {"cues": len(cues)}
    if title:
        metadata["title"] = title
    yield RawDocument(source_path=str(path), text=body, format="vtt" if vtt else "srt", metadata=metadata,
                      locators=locators, structure=turns, notes=notes)


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number of the first line, lines) of each block of non-blank lines."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):  # not splitlines(): \f, \v, \u2028
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def _parse(text: str, vtt: bool) -> tuple[list[_Cue], list[str], str]:
    """(cues, notes on what was skipped or odd, title from the WebVTT header)."""
    cues: list[_Cue] = []
    problems: list[str] = []
    title = ""
    position = 0
    previous_ok = False  # whether the block before became a cue (text without timing is joined to it)
    for block_number, (first, lines) in enumerate(_blocks(text.lstrip("\ufeff"))):
        head = lines[0].strip()
        if block_number == 0 and head.startswith("WEBVTT"):
            title = head[len("WEBVTT"):].strip(" \t-–:")
            continue
        if block_number == 0 and vtt:
            problems.append("the file does not start with 'WEBVTT'; read as WebVTT anyway")
        if re.match(r"^(?:NOTE|STYLE|REGION)(?:\s|$)", head) and "-->" not in head:
            continue
        timing_at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if timing_at is None and (head.isdigit() or any(_TIME_LIKE.search(line) for line in lines[:2])):
            timing_at = 1 if head.isdigit() and len(lines) > 1 else 0  # a cue whose timing line is broken
        if timing_at is None:
            if previous_ok:
                cues[-1].segments.extend(_segments(" ".join(line.strip() for line in lines)))
                problems.append(f"line {first}: text without a timing line; joined to the cue before")
            else:
                problems.append(f"line {first}: no timing line ('... --> ...'); block skipped")
            continue
        position += 1
        number = first + timing_at
        match = _TIMING.match(lines[timing_at])
        start_ms = _ms(match.groups()[:4]) if match else None
        end_ms = _ms(match.groups()[4:]) if match else None
        if start_ms is None or end_ms is None:
            problems.append(f"line {number}: malformed timestamp '{lines[timing_at].strip()[:60]}'; "
                            "cue skipped")
            previous_ok = False
            continue
        if end_ms < start_ms:
            problems.append(f"line {number}: the cue ends before it starts; kept as it is")
        label = lines[0].strip() if timing_at == 1 else ""
        index = int(label) if label.isdigit() and not vtt else position
        segments = _segments(" ".join(line.strip() for line in lines[timing_at + 1:]))
        previous_ok = bool(segments)
        if segments:
            cues.append(_Cue(number, index, label if vtt else "", start_ms, end_ms, segments))
    return cues, problems, title


def _ms(groups: tuple[str | None, ...]) -> int | None:
    hours, minutes, seconds, millis = groups
    if minutes is None or seconds is None or millis is None or int(minutes) > 59 or int(seconds) > 59:
        return None
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis.ljust(3, "0"))


def _timestamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _clean(text: str) -> str:
    text = _ASS_OVERRIDE.sub("", _TAG.sub("", text))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def _segments(text: str) -> list[tuple[str, str]]:
    """The cue text split at WebVTT voice tags: (voice, clean text) pairs, voice "" where none is given."""
    segments: list[tuple[str, str]] = []
    voice = ""
    position = 0
    for match in _VOICE.finditer(text):
        segments.append((voice, _clean(text[position:match.start()])))
        voice = _SPACES.sub(" ", html.unescape(match.group(1) or "")).strip()
        position = match.end()
    segments.append((voice, _clean(text[position:])))
    return [(v, t) for v, t in segments if t]


def _assemble(cues: list[_Cue]) -> tuple[str, list[Locator], list[Span]]:
    """One line per cue; a cue locator over each line; a turn span over each run of one voice."""
    parts: list[str] = []
    locators: list[Locator] = []
    turns: list[Span] = []
    pos = 0
    open_turn: tuple[str, int, int] | None = None  # (voice, start, end)
    for cue in cues:
        if parts:
            parts.append("\n")
            pos += 1
        line_start = pos
        for i, (voice, text) in enumerate(cue.segments):
            if i:
                parts.append(" ")
                pos += 1
            start, end = pos, pos + len(text)
            parts.append(text)
            pos = end
            if open_turn and open_turn[0] == voice and voice:
                open_turn = (voice, open_turn[1], end)
                continue
            if open_turn:
                turns.append(Span(open_turn[1], open_turn[2], "turn", open_turn[0]))
            open_turn = (voice, start, end) if voice else None
        value = f"{_timestamp(cue.start_ms)} --> {_timestamp(cue.end_ms)}"
        attrs: dict[str, object] = {"index": cue.index, "line": cue.line}
        if cue.ident:
            attrs["id"] = cue.ident
        locators.append(Locator(line_start, pos, "cue", value, attrs))
    if open_turn:
        turns.append(Span(open_turn[1], open_turn[2], "turn", open_turn[0]))
    return "".join(parts), locators, turns

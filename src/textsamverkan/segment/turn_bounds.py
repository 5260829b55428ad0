"""Where a turn's spoken text starts and ends inside the region between two headers.

Leading dashes ("- Hej"), stage directions ("[Musik]", "(skratt)"), cue timings and, after the last turn,
trailers ("Slut på textning …", "Textning: …") are not speech and stay outside the turn.
"""

from __future__ import annotations

import re

from textsamverkan.segment.turn_formats import TIME

_DASH = re.compile(r"[-–—][ \t]+")

# A whole line that is a stage direction, a cue timing, a bare timestamp or a cue number.
NOISE_LINE = re.compile(
    r"[\[(][^\[\]()\n]{1,40}[\])][.!]?"  # [Musik], (skratt), [ohörbart], (paus)
    r"|(?i:musik|music|jingel|jingle|vinjett|signaturmelodi|skratt|applåder|paus|intro|outro)[.!]?"
    rf"|\[?{TIME}\]?(?:[ \t]*-->[ \t]*{TIME}.*)?"  # 00:01:02, 00:00:01.000 --> 00:00:04.000
    r"|\d{1,5}"  # a subtitle cue number
    r"|<[^<>\n]{1,40}>"  # a stray markup tag such as </v>
)

# A line that closes a transcript: credits and end-of-subtitles notices (checked only after the last turn).
_CLOSING = re.compile(r"(?i:slut på\b|©|\(c\))")
TRAILER_LINE = re.compile(
    r"(?i:slut på (?:text\w*|avsnitt\w*|programmet|podden|sändningen|undertext\w*)"
    r"|text(?:ning|ad|at|are)\b|undertext\w*|översättning\b|översatt av|transkri\w*|produ(?:cerad|cent|ktion)\w*"
    r"|redakt(?:ör|ion)\w*|redigering\b|klippning\b|ljudtekni\w*|musik:|copyright\b|©|\(c\)"
    r"|svensk text\b|textversion\b)"
)
_TRAILER_MAX = 200


def _is_trailer(line: str) -> bool:
    """A credits line: "Slut på textning …", or a marker such as "Textning:" on a line that is not a sentence."""
    if len(line) > _TRAILER_MAX or TRAILER_LINE.match(line) is None:
        return False
    return bool(_CLOSING.match(line)) or ":" in line or not line.endswith((".", "!", "?"))


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def body_bounds(text: str, start: int, end: int, *, last: bool) -> tuple[int, int]:
    """The spoken text inside `text[start:end]`: stripped, without a leading dash, noise lines or a trailer."""
    start = _skip_space(text, start, end)
    while start < end:
        line_start, line_end = _line_bounds(text, start)
        line = text[start : min(line_end, end)].strip()
        if line and NOISE_LINE.fullmatch(line) and line_end < end:
            start = _skip_space(text, line_end, end)
            continue
        break
    dash = _DASH.match(text, start, end)
    if dash:
        start = _skip_space(text, dash.end(), end)
    end = _strip_end(text, start, end)
    while end > start:
        line_start, _ = _line_bounds(text, end - 1)
        line_start = max(line_start, start)
        if line_start == start:
            break  # never drop the first line of a turn
        line = text[line_start:end].strip()
        is_noise = NOISE_LINE.fullmatch(line) is not None
        is_trailer = last and _is_trailer(line)
        if not (is_noise or is_trailer):
            break
        end = _strip_end(text, start, line_start)
    return start, end

"""Speaker-header formats: each finder returns the candidate turn headers of one transcript convention.

A finder only proposes headers (where the header is written, the speaker label, where the spoken text may begin);
`turns.py` decides whether a document really is in that format (repetition, label shape, coverage).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.errors import E_OPTION, UserError
from textsamverkan.segment.labels import parse_label
from textsamverkan.segment.lexicon import PLACE_WORDS, is_org_word
from textsamverkan.segment.names import fold


@dataclass(frozen=True)
class Header:
    """A speaker header: `text[start:end]` is the header, `body_start` the first offset the turn's text may use."""

    start: int
    end: int
    label: str
    body_start: int
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Line:
    """One line of the text: `text[start:end]` without its newline."""

    start: int
    end: int


Finder = Callable[[str, list[Line]], list[Header]]


def split_lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets."""
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append(Line(pos, pos + len(part)))
        pos += len(part) + 1
    return lines


def _stripped(text: str, line: Line) -> tuple[int, int]:
    """Offsets of the line without surrounding whitespace."""
    raw = text[line.start : line.end]
    left = len(raw) - len(raw.lstrip())
    return line.start + left, line.start + len(raw.rstrip())


# --- Name: text, NAME: text, IP1: text, >> Name: text ------------------------------------------------------------

_COLON_HEADER = re.compile(
    r"[ \t]*(?P<h>(?:[-–—][ \t]+)?(?:>>[ \t]*)?(?P<label>[^\s:>][^:\n]{0,58}?)[ \t]*:)(?=[ \t]|$)", re.M)


def find_colon_headers(text: str, lines: list[Line]) -> list[Header]:
    """`Name: text`, `NAME:`, `Name Surname:` and interview codes (`IP1:`, `Intervjuare:`) at a line start."""
    headers = []
    for line in lines:
        m = _COLON_HEADER.match(text, line.start, line.end)
        if m is None:
            continue
        parsed = parse_label(m.group("label"))
        if parsed is None:
            continue
        headers.append(Header(m.start("h"), m.end("h"), parsed[0], m.end("h"), parsed[1]))
    return headers


# --- a name on a line of its own ----------------------------------------------------------------------------------


def find_name_lines(text: str, lines: list[Line]) -> list[Header]:
    """A speaker name alone on its line ("Olivia Wigzell"), the turn following on the next lines."""
    candidates: list[tuple[int, Header]] = []
    for i, line in enumerate(lines):
        start, end = _stripped(text, line)
        written = text[start:end]
        if not written or len(written.split()) > 12 or written[-1] in ".,;:!?":
            continue
        parsed = parse_label(written)
        if parsed is None or any(fold(w) in PLACE_WORDS or is_org_word(w) for w in parsed[0].split()):
            continue  # "Region Halland", "Kontaktformulär SKR", "Västra Götaland": headings, not people
        candidates.append((i, Header(start, end, parsed[0], end, parsed[1])))
    headers = []
    candidate_lines = {i for i, _ in candidates}
    for i, header in candidates:
        following = next((j for j in range(i + 1, len(lines)) if lines[j].end > lines[j].start
                          and text[lines[j].start : lines[j].end].strip()), None)
        # A name line must be followed by text that is not itself another name line (a title above a heading).
        if following is not None and following not in candidate_lines:
            headers.append(header)
    return headers


# --- timestamps with names ----------------------------------------------------------------------------------------

TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TS = rf"(?:\[(?P<t1>{TIME})\]|\((?P<t2>{TIME})\)|(?P<t3>{TIME}))"
_LABEL = r"(?P<label>[^\s:\[\]()\d<>][^:\n\[\]()\d<>]{0,58}?)"
_LABEL_WITH_DIGITS = r"(?P<label>[^\s:\[\]()\d<>][^:\n\[\]()<>]{0,58}?)"  # "Talare 1" after a time
_TIME_FIRST = re.compile(
    rf"[ \t]*(?P<h>{_TS}[ \t]*(?:[-–—|][ \t]*)?{_LABEL_WITH_DIGITS}[ \t]*(?::(?=[ \t]|$)|$))", re.M)
_TIME_AFTER = re.compile(
    rf"[ \t]*(?P<h>{_LABEL}[ \t]*(?:[-–—|][ \t]*)?{_TS}(?:[ \t]*:)?)(?=[ \t]|$)", re.M)
_TIME_AFTER_COLON = re.compile(rf"[ \t]*(?P<h>{_LABEL}[ \t]*:[ \t]*(?:\[(?P<t1>{TIME})\]|\((?P<t2>{TIME})\)))", re.M)


def _timestamp(m: re.Match[str]) -> str:
    """The time a header's match holds, in whichever of the three written forms it has ("" without one)."""
    groups = m.groupdict()
    return groups.get("t1") or groups.get("t2") or groups.get("t3") or ""


def find_timestamp_headers(text: str, lines: list[Line]) -> list[Header]:
    """`[00:01:02] Name:`, `(00:01:02) Name`, `00:01:02 Name:`, `Name (00:01:02)`, `Name 00:01`, `Name: [00:01]`."""
    headers = []
    for line in lines:
        for rx in (_TIME_FIRST, _TIME_AFTER, _TIME_AFTER_COLON):
            m = rx.match(text, line.start, line.end)
            if m is None:
                continue
            parsed = parse_label(m.group("label"))
            if parsed is None:
                continue
            attrs = {"timestamp": _timestamp(m), **parsed[1]}
            headers.append(Header(m.start("h"), m.end("h"), parsed[0], m.end("h"), attrs))
            break
    return headers


# --- a transcript in a table: "00:01:02 | Anna | text" (the DOCX and HTML readers join a row's cells with " | ") ----

_CELL_LABEL = r"(?P<label>[^\s:\[\]()\d<>|][^:\n\[\]()<>|]{0,58}?)"
_ROW = re.compile(rf"[ \t]*(?P<h>(?:{_TS}[ \t]*\|[ \t]*)?{_CELL_LABEL}[ \t]*\|)[ \t]*(?=\S)", re.M)


def find_row_headers(text: str, lines: list[Line]) -> list[Header]:
    """`Anna | text` and `00:01:02 | Anna | text`: a table row whose speaker cell comes before the text cell. A row
    of one-word cells is the table's header row ("Tid | Talare | Text"), not a turn."""
    headers = []
    for line in lines:
        m = _ROW.match(text, line.start, line.end)
        if m is None or all(len(cell.split()) == 1 for cell in text[line.start : line.end].split("|")):
            continue
        parsed = parse_label(m.group("label"))
        if parsed is None:
            continue
        stamp = _timestamp(m)
        attrs = {"timestamp": stamp, **parsed[1]} if stamp else parsed[1]
        headers.append(Header(m.start("h"), m.end("h"), parsed[0], m.end("h"), attrs))
    return headers


# --- Riksdag protocols: "Anf. 12 Socialminister LENA HALLENGREN (S):" ---------------------------------------------

_RIKSDAG = re.compile(
    r"[ \t]*(?P<h>Anf\.[ \t]*(?P<anf>\d+)[ \t]+(?P<who>[^\n:()]{2,120}?)[ \t]*"
    r"(?:\((?P<party>[^()\n]{1,12})\))?[ \t]*(?P<replik>replik)?[ \t]*:)",
    re.M,
)


def _split_role_name(who: str) -> tuple[str, str]:
    """Split "Socialminister LENA HALLENGREN" into role "Socialminister" and name "LENA HALLENGREN"."""
    words = who.split()
    i = len(words)
    while i > 0:
        letters = [c for c in words[i - 1] if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            break
        i -= 1
    return " ".join(words[:i]), " ".join(words[i:])


def find_riksdag_headers(text: str, lines: list[Line]) -> list[Header]:
    """Riksdag protocol speech headers: `Anf. 13 JOHAN HULTBERG (M):`, `Anf. 14 ... (S) replik:`."""
    headers = []
    for line in lines:
        m = _RIKSDAG.match(text, line.start, line.end)
        if m is None:
            continue
        role, name = _split_role_name(m.group("who"))
        if not name:
            continue
        attrs: dict[str, Any] = {"anf": int(m.group("anf"))}
        if m.group("party"):
            attrs["party"] = m.group("party").strip()
        if "TALMAN" in name:
            role = role or name.lower().replace("talmannen", "talman")
        if role:
            attrs["role"] = role[:1].lower() + role[1:]
        if m.group("replik"):
            attrs["replik"] = True
        headers.append(Header(m.start("h"), m.end("h"), name, m.end("h"), attrs))
    return headers


# --- WebVTT voice tags: "<v Olivia Wigzell>text</v>" ---------------------------------------------------------------

_VOICE = re.compile(r"<v(?:\.[\w.-]+)*[ \t]+(?P<label>[^>\n]{1,60})>")


def find_voice_tags(text: str, lines: list[Line]) -> list[Header]:
    """WebVTT voice spans `<v Name>`, anywhere in a line; the turn ends at `</v>` or the next tag."""
    headers = []
    for m in _VOICE.finditer(text):
        label = m.group("label").strip()
        if label:
            headers.append(Header(m.start(), m.end(), label, m.end(), {"closing_tag": "</v>"}))
    return headers


# --- a user's pattern -----------------------------------------------------------------------------------------------


PATTERN_SECONDS = 2.0  # the most one document may spend in a user's speaker pattern


def compile_user_pattern(pattern: str, *, seconds: float = PATTERN_SECONDS) -> Finder:
    """A finder for a user regex with a named group `speaker` (and optionally `time`) matched at line starts.

    The pattern runs under the `regex` package's timeout: a pattern that backtracks catastrophically
    (`^(?P<speaker>(a+)+)$`) stops with E301 after `seconds` per document instead of hanging.
    """
    import regex

    try:
        rx = regex.compile(pattern, regex.M)
    except (regex.error, ValueError, OverflowError, RecursionError) as err:
        raise UserError(E_OPTION, f"the speaker pattern {pattern!r} is not a valid regular expression: {err}",
                        "write a Python regex with a named group, e.g. '^(?P<speaker>[A-ZÅÄÖ][a-zåäö]+):'") from err
    if "speaker" not in rx.groupindex:
        raise UserError(E_OPTION, f"the speaker pattern {pattern!r} has no named group 'speaker'",
                        "mark the speaker label with (?P<speaker>...), e.g. '^(?P<speaker>[A-ZÅÄÖ][a-zåäö]+):'")

    def find(text: str, lines: list[Line]) -> list[Header]:
        headers = []
        deadline = time.monotonic() + seconds
        for line in lines:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                m = rx.match(text, line.start, timeout=left)
            except TimeoutError as err:
                raise UserError(
                    E_OPTION,
                    f"the speaker pattern {pattern!r} took over {seconds:g} s on one document (at line "
                    f"{text.count(chr(10), 0, line.start) + 1}); it backtracks too much",
                    "Avoid nested repetition such as (a+)+ or (.*)*; anchor the pattern and match names with a "
                    "bounded class, e.g. '^(?P<speaker>[A-ZÅÄÖ][\\w .-]{0,40}):'.",
                ) from err
            if m is None or m.end() <= m.start() or not (m.group("speaker") or "").strip():
                continue
            label = m.group("speaker").strip()
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            attrs: dict[str, Any] = {}
            if "time" in rx.groupindex and m.group("time"):
                attrs["timestamp"] = m.group("time")
            headers.append(Header(start, m.end(), label, m.end(), attrs))
        return headers

    return find


# The formats tried by detection, in order of precedence when two explain a text equally well.
FORMATS: dict[str, Finder] = {
    "riksdag_protocol": find_riksdag_headers,
    "voice_tag": find_voice_tags,
    "timestamp_name": find_timestamp_headers,
    "table_row": find_row_headers,
    "interview_code": find_colon_headers,
    "name_colon": find_colon_headers,
    "name_line": find_name_lines,
}

__all__ = ["FORMATS", "Finder", "Header", "Line", "compile_user_pattern", "split_lines"]

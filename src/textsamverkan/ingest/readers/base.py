"""What every reader shares: options, size and emptiness checks, and byte decoding with encoding detection."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textsamverkan.errors import E_BINARY, E_EMPTY, E_ENCODING, E_NOT_FOUND, E_TOO_LARGE, ReadError
from textsamverkan.ingest.row_filter import RowFilter
from textsamverkan.model import Span

DEFAULT_MAX_FILE_MB = 25.0


@dataclass(frozen=True)
class ReadOptions:
    """Settings a reader may need. `encoding` forces a text encoding; `text_column` names the text of a table;
    `where` keeps only the table rows that match it (`--where`)."""

    encoding: str | None = None
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    text_column: str | None = None
    id_column: str | None = None
    where: RowFilter = field(default_factory=RowFilter)


def read_bytes(path: Path, options: ReadOptions) -> bytes:
    """The file's bytes, after checking that it exists, is not empty and is not over the size limit."""
    if not path.is_file():
        raise ReadError(
            str(path), E_NOT_FOUND, "no such file", "Check the path; folders are read recursively."
        )
    size = path.stat().st_size
    if size == 0:
        raise ReadError(str(path), E_EMPTY, "the file is empty", "Remove it from the batch or fill it.")
    limit = int(options.max_file_mb * 1024 * 1024)
    if size > limit:
        raise ReadError(
            str(path),
            E_TOO_LARGE,
            f"the file is {size / 1024 / 1024:.1f} MB, over the {options.max_file_mb:g} MB limit for one document",
            "Split it into smaller documents, or raise the limit with --max-file-mb.",
        )
    return path.read_bytes()


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MOJIBAKE = re.compile(r"[ÃÂ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u2122]")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read: NUL bytes or many control bytes."""
    sample = data[:65536]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls > max(8, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text, when `data` is UTF-16 without a byte-order mark: NUL in most high bytes, decodes cleanly, and the
    result is mostly printable text."""
    sample = data[:65536]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) < 0.3 * len(zeros):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        printable = sum(1 for c in text[:20000] if c.isprintable() or c in "\n\r\t")
        if printable >= 0.95 * min(len(text), 20000):
            return text
    return None


def decode_text(data: bytes, path: Path, options: ReadOptions) -> tuple[str, str, list[str]]:
    """Decode bytes as text: (text, encoding used, notes for the user).

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are. Text that is not valid UTF-8 is read
    as Windows-1252 (a superset of Latin-1 for printable text) when that gives plausible Swedish, and reported.
    A file that is UTF-8 except for a few bad bytes keeps its text with U+FFFD in their place, and says where.
    """
    name = str(path)
    if options.encoding:
        try:
            return (
                data.decode(options.encoding),
                options.encoding,
                [f"decoded as {options.encoding} (--encoding)"],
            )
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError(
                name,
                E_ENCODING,
                f"cannot decode as {options.encoding}: {exc}",
                "Check the --encoding value (e.g. utf-8, cp1252, latin-1).",
            ) from exc
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
        notes.append("UTF-8 with byte-order mark")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ["UTF-16 with byte-order mark"]
        except UnicodeDecodeError as exc:
            raise ReadError(name, E_ENCODING, f"broken UTF-16: {exc}", "Re-save the file as UTF-8.") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16", ["UTF-16 without byte-order mark (detected); re-save as UTF-8 to silence this note"]
    if looks_binary(data):
        nul = data.count(b"\x00", 0, 65536)
        raise ReadError(
            name,
            E_BINARY,
            "this looks like a binary file, not text"
            + (f" ({nul} NUL bytes in the first 64 KB)" if nul else ""),
            "If it is text in another encoding, name it with --encoding (e.g. --encoding utf-16-le, utf-16-be or "
            "cp1252); otherwise convert it to text, PDF, DOCX or HTML first, or remove it from the batch.",
        )
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    as_cp1252 = data.decode("cp1252", errors="replace")
    if _MOJIBAKE.search(as_cp1252) or "\ufffd" in as_cp1252:
        # Mostly UTF-8 with some broken bytes: keep the UTF-8 reading and say where the damage is.
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        line = data.count(b"\n", 0, first_bad) + 1
        return (
            text,
            "utf-8",
            [
                *notes,
                f"{bad} byte(s) are not valid UTF-8 (first on line {line}); they were replaced by U+FFFD. "
                "Fix the file, or pass --encoding if it is in another encoding.",
            ],
        )
    return (
        as_cp1252,
        "cp1252",
        [
            "not valid UTF-8: decoded as Windows-1252 (CP1252/Latin-1). Re-save as UTF-8 to silence this note, "
            "or pass --encoding to choose another encoding."
        ],
    )


def read_text_file(path: Path, options: ReadOptions) -> tuple[str, list[str]]:
    """Read a text file to a string, with encoding notes."""
    data = read_bytes(path, options)
    text, _encoding, notes = decode_text(data, path, options)
    if not text.strip():
        raise ReadError(
            str(path), E_EMPTY, "the file holds only whitespace", "Remove it from the batch or fill it."
        )
    return text, notes


def format_ranges(numbers: list[int]) -> str:
    """'1, 3–5, 9' for [1, 3, 4, 5, 9]."""
    parts: list[str] = []
    run: list[int] = []
    for number in sorted(set(numbers)):
        if run and number == run[-1] + 1:
            run.append(number)
            continue
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
        run = [number]
    if run:
        parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
    return ", ".join(parts)


@dataclass(frozen=True)
class TextBlock:
    """A unit a structured reader (HTML, DOCX) found: heading, bullet, paragraph, table row…, with a heading level."""

    kind: str
    text: str
    level: int = 0


def assemble_blocks(
    blocks: Sequence[TextBlock], *, tight: Callable[[str, str], bool], has_marker: Callable[[str], bool]
) -> tuple[str, list[Span]]:
    """Join blocks into the reader's text with heading and bullet spans.

    Blocks are separated by a blank line, or a single newline where `tight(previous_kind, kind)` (list items and
    table rows stay together); a bullet without a marker of its own (`has_marker`) gets "• ".
    """
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    previous: str | None = None
    for block in blocks:
        if previous is not None:
            separator = "\n" if tight(previous, block.kind) else "\n\n"
            parts.append(separator)
            pos += len(separator)
        text = block.text
        if block.kind == "bullet" and not has_marker(text):
            text = "• " + text
        if block.kind == "heading":
            spans.append(Span(pos, pos + len(text), "block", "heading", {"level": block.level}))
        elif block.kind == "bullet":
            spans.append(Span(pos, pos + len(text), "block", "bullet"))
        parts.append(text)
        pos += len(text)
        previous = block.kind
    return "".join(parts), spans

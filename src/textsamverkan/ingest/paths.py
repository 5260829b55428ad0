"""File names as text that can always be stored and printed.

On POSIX a file name is bytes; Python decodes the bytes that are not UTF-8 to lone surrogates (PEP 383:
b"\\xe9" becomes "\\udce9"), which SQLite, JSON and a UTF-8 terminal refuse to encode. Ingest carries such names in
a display form with those bytes escaped as ``\\xNN``: stable (the same file gets the same document id on every run)
and readable.
"""

from __future__ import annotations

from pathlib import PurePath


def safe_text(text: str) -> str:
    """`text` with surrogate-escaped bytes written as ``\\xNN`` (other lone surrogates as ``\\udNNN``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        escaped = "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in text)
        return escaped.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return text


def path_text(path: PurePath | str) -> str:
    """A path as POSIX-style text that can always be encoded (see `safe_text`)."""
    return safe_text(path.as_posix() if isinstance(path, PurePath) else str(path))

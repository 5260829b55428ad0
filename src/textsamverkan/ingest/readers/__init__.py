"""Readers turn one file into one or more `RawDocument`s. One module per format, chosen by suffix.

Reader modules are imported only when a file of their format is read, so optional dependencies (pypdf,
python-docx, lxml) cost nothing until they are needed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from textsamverkan.errors import E_UNSUPPORTED, ReadError, did_you_mean
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.model import RawDocument


class Reader(Protocol):
    def __call__(self, path: Path, options: ReadOptions) -> Iterator[RawDocument]: ...


# format name -> (module, suffixes)
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("textsamverkan.ingest.readers.text", (".txt", ".text", ".md", ".markdown")),
    "html": ("textsamverkan.ingest.readers.html", (".html", ".htm", ".xhtml")),
    "pdf": ("textsamverkan.ingest.readers.pdf", (".pdf",)),
    "docx": ("textsamverkan.ingest.readers.docx", (".docx",)),
    "srt": ("textsamverkan.ingest.readers.subtitles", (".srt",)),
    "vtt": ("textsamverkan.ingest.readers.subtitles", (".vtt",)),
    "csv": ("textsamverkan.ingest.readers.table", (".csv", ".tsv")),
    "jsonl": ("textsamverkan.ingest.readers.table", (".jsonl", ".ndjson")),
}


def format_for(path: Path, override: str | None = None) -> str:
    """The format name for a file: the override when given, else by suffix."""
    if override:
        if override not in FORMATS:
            raise ReadError(
                str(path),
                E_UNSUPPORTED,
                f"unknown format '{override}'.{did_you_mean(override, FORMATS)}",
                f"Use one of: {', '.join(FORMATS)}.",
            )
        return override
    suffix = path.suffix.lower()
    for name, (_, suffixes) in FORMATS.items():
        if suffix in suffixes:
            return name
    raise ReadError(
        str(path),
        E_UNSUPPORTED,
        f"no reader for files ending in '{suffix or '(no suffix)'}'",
        "Pass --format text (or html, pdf, docx, srt, vtt, csv, jsonl) to choose a reader.",
    )


def supported_suffixes() -> set[str]:
    return {s for _, suffixes in FORMATS.values() for s in suffixes}


def read_file(
    path: Path, options: ReadOptions | None = None, *, format: str | None = None
) -> Iterator[RawDocument]:
    """Read `path` with the reader for its format, yielding its documents."""
    options = options or ReadOptions()
    name = format_for(path, format)
    module = importlib.import_module(FORMATS[name][0])
    reader: Reader = module.read
    for raw in reader(path, options):
        raw.format = raw.format or name
        yield raw

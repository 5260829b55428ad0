"""Plain text and Markdown: the text as it is, with line locators coming from the raw text itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textsamverkan.ingest.readers.base import ReadOptions, read_text_file
from textsamverkan.model import RawDocument


def read(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
    text, notes = read_text_file(path, options)
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    yield RawDocument(source_path=str(path), text=text, format=fmt, notes=notes)

"""Helpers for the reader tests: read a file through the registry and check every raw offset on the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from textsamverkan.errors import ReadError
from textsamverkan.ingest.readers import read_file
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.model import RawDocument


def _check_offsets(doc: RawDocument) -> None:
    for span in doc.structure:
        assert 0 <= span.start < span.end <= len(doc.text), span
    for loc in doc.locators:
        assert 0 <= loc.raw_start <= loc.raw_end <= len(doc.text), loc


@pytest.fixture
def read_all() -> Callable[..., list[RawDocument]]:
    """Read a file with the registry's reader for its suffix; options as keyword arguments."""

    def _read(path: Path, **options: Any) -> list[RawDocument]:
        docs = list(read_file(path, ReadOptions(**options)))
        for doc in docs:
            _check_offsets(doc)
        return docs

    return _read


@pytest.fixture
def read_fails() -> Callable[..., ReadError]:
    """Read a file that must fail; returns the ReadError."""

    def _fails(path: Path, **options: Any) -> ReadError:
        with pytest.raises(ReadError) as info:
            list(read_file(path, ReadOptions(**options)))
        return info.value

    return _fails

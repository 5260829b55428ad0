"""Zip archives with fixed timestamps, so the same inputs give byte-identical .xlsx and .qdpx files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(entries: Iterable[tuple[str, bytes]], path: str | Path) -> Path:
    """Write (name, bytes) entries, deflated, with a fixed time stamp and permissions, in the order given."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target


def normalise_zip(data: bytes, path: str | Path) -> Path:
    """Rewrite an archive held in memory with fixed time stamps (entry order and contents kept)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    return write_zip(entries, path)

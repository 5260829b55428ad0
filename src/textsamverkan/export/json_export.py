"""Tables as JSON: UTF-8, readable (indented, å ä ö kept), non-finite numbers as null, stable key order."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def jsonable(value: Any) -> Any:
    """A structure json.dumps accepts and that round-trips: NaN/inf → None, tuples/sets → lists, dataclasses → dicts."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, str | int | bool):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return [jsonable(v) for v in sorted(value, key=str)]
    if isinstance(value, Sequence):
        return [jsonable(v) for v in value]
    return str(value)


def json_text(data: Any) -> str:
    return json.dumps(jsonable(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(data: Any, path: str | Path) -> Path:
    """Write any table, list of tables or result object as JSON."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json_text(data), encoding="utf-8")
    return target


def tables_document(
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    settings: Mapping[str, Any] | None = None,
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """The JSON shape of a set of tables: {"settings": …, "notes": […], "tables": {name: [rows]}}."""
    return {"settings": dict(settings or {}), "notes": list(notes), "tables": {k: list(v) for k, v in tables.items()}}

"""Rows as text: an aligned plain-text table, CSV (csv, csv-sv, tsv) or JSON, for listings printed or written.

The library's home for the listing format, so code below the CLI (the demo) can write the same tables the commands
print without importing the CLI layer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from textsamverkan.errors import E_OPTION, UserError

LISTING_FORMATS = ("table", "csv", "csv-sv", "tsv", "json")
CSV_DIALECTS = {"csv": "excel", "csv-sv": "excel-sv", "tsv": "tsv"}  # listing format -> csv_export dialect


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """`rows` as text in `fmt` (table, csv, csv-sv, tsv or json), with `columns` (default: every key, in order).

    CSV comes from the package's one CSV writer (`export.csv_export`: dialects, formula neutralisation; no
    byte-order mark here). A table clips cells to 60 characters and prints "(nothing to show)" for no rows; floats
    show 3 decimals, lists are joined with "; ".
    """
    from textsamverkan.export.csv_export import columns_of, csv_text

    columns = list(columns or columns_of(rows))
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in CSV_DIALECTS:
        return csv_text(rows, columns=columns, dialect=CSV_DIALECTS[fmt])
    if fmt != "table":
        raise UserError(E_OPTION, f"rows cannot be printed as {fmt}", "Write them to a file with -o.")
    if not rows:
        return "(nothing to show)\n"
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(60, max(len(c), *(len(line[i]) for line in cells))) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for line in cells:
        lines.append("  ".join(_clip(v, w).ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _clip(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"

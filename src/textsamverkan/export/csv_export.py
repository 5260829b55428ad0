"""Tables as CSV that Excel opens correctly: UTF-8 with a byte-order mark, in two dialects.

"excel": comma-separated, decimal point (what Excel expects with English regional settings and what most tools
read). "excel-sv": semicolon-separated with decimal comma, what Excel expects with Swedish regional settings.
"tsv": tab-separated, decimal point. Lists (e.g. example passage ids) are joined by " | "; dicts are written as JSON.

This is the one CSV writer of the package (export, theme tables and every listing command's --format csv go
through `csv_text`), so one rule protects them all against spreadsheet formula injection: a text cell that starts
with "=", "+", "-", "@", a tab or a carriage return is prefixed with "'" (OWASP's advice), so a spreadsheet shows
it as text and never runs it. Numbers are written as numbers, never prefixed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_OPTION, UserError, did_you_mean

DIALECTS = {"excel": (",", "."), "excel-sv": (";", ","), "tsv": ("\t", ".")}
LIST_SEPARATOR = " | "
BOM = "\ufeff"


def columns_of(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every key of the rows in the order it first appears."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def cell_text(value: Any, *, decimal: str = ".") -> str:
    """One value as CSV cell text: '' for None and non-finite floats, lists joined, dicts as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        text = repr(value)
        return text.replace(".", decimal) if decimal != "." else text
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell_text(v, decimal=decimal) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]|[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(text: str) -> str:
    """Text a spreadsheet will show, never evaluate: "'" before a leading =, +, -, @, tab or CR.

    Text that is just a signed number ("-3", "+46,5") or a lone sign ("-" for "none") is left alone: a
    spreadsheet reads it as that number or text.
    """
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_cell(value: Any, *, decimal: str = ".") -> str:
    """One value as a safe CSV cell: numbers as numbers, every text cell neutralised against formulas."""
    text = cell_text(value, decimal=decimal)
    if isinstance(value, bool | int | float):
        return text
    return neutralise_formula(text)


def csv_text(
    rows: Sequence[Mapping[str, Any]], *, columns: Sequence[str] | None = None, dialect: str = "excel"
) -> str:
    """The table as CSV text (no byte-order mark), CRLF line ends as Excel writes them, text cells neutralised."""
    if dialect not in DIALECTS:
        raise UserError(E_OPTION, f"unknown CSV dialect '{dialect}'.{did_you_mean(dialect, DIALECTS)}",
                        f"Choose one of: {', '.join(DIALECTS)}.")
    delimiter, decimal = DIALECTS[dialect]
    names = list(columns) if columns is not None else columns_of(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise_formula(name) for name in names])
    for row in rows:
        writer.writerow([csv_cell(row.get(name), decimal=decimal) for name in names])
    return buffer.getvalue()


def write_csv(
    rows: Sequence[Mapping[str, Any]],
    path: str | Path,
    *,
    columns: Sequence[str] | None = None,
    dialect: str = "excel",
) -> Path:
    """Write the table as UTF-8 CSV with a byte-order mark (so Excel reads å, ä, ö right)."""
    target = Path(path)
    text = csv_text(rows, columns=columns, dialect=dialect)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        handle.write(BOM + text)
    return target


def write_csv_tables(
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    folder: str | Path,
    *,
    columns: Mapping[str, Sequence[str]] | None = None,
    dialect: str = "excel",
) -> list[Path]:
    """One CSV per table, named `<table>.csv` (characters unsafe in file names replaced by "_"), in `folder`."""
    out = Path(folder)
    return [
        write_csv(rows, out / f"{_file_name(name)}.csv", columns=(columns or {}).get(name), dialect=dialect)
        for name, rows in tables.items()
    ]


def _file_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "table"

"""Tables as one Excel workbook, one sheet per table (openpyxl).

Numbers stay numbers; lists are joined by " | "; text that starts with "=" is stored as text, never as a
formula; characters XML cannot hold are dropped and cells are cut at Excel's 32,767 characters. The file is
byte-identical for the same tables (fixed document and zip time stamps). Every sheet prints landscape, fitted to
the page width, with its header row repeated on each page; long-text columns (quotes, examples, titles,
descriptions) are wrapped at word boundaries rather than cut.
"""

from __future__ import annotations

import datetime
import io
import json
import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_MISSING_PACKAGE, UserError
from textsamverkan.export.csv_export import LIST_SEPARATOR, columns_of
from textsamverkan.export.zipfiles import normalise_zip

MAX_CELL = 32_767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
FIXED_DATE = datetime.datetime(2000, 1, 1)
WRAP_WIDTH = 60
LONG_TEXT = ("quote", "examples", "title", "description", "note", "representatives", "claim", "text")


def is_long_text(column: str) -> bool:
    """Columns whose cells are wrapped (and given a wide column) rather than left on one line."""
    name = column.casefold()
    return any(part in name for part in LONG_TEXT)


def page_setup(sheet: Any, columns: Sequence[str]) -> None:
    """Landscape, fitted to one page wide (as many pages tall as needed), header row repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    if columns:
        sheet.print_title_rows = "1:1"


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: forbidden characters replaced, at most 31 characters."""
    base = _SHEET_FORBIDDEN.sub("_", name).strip("'") or "Sheet"
    base = base[:31]
    candidate, n = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def cell_value(value: Any) -> Any:
    """A value openpyxl can store faithfully: None, a number, a bool, or clean text."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = _ILLEGAL.sub("", str(value))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def write_xlsx(
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    path: str | Path,
    *,
    columns: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Write each table to its own sheet (bold, frozen header row with filters), in the order given."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
        from openpyxl.writer.excel import ExcelWriter
    except ImportError as exc:  # pragma: no cover - openpyxl is in the nlp extra
        raise UserError(E_MISSING_PACKAGE, "XLSX export needs openpyxl, which is not installed",
                        "Install it with: pip install 'openpyxl>=3.1'.") from exc
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for name, rows in tables.items():
        sheet = workbook.create_sheet(sheet_name(name, taken))
        names = list((columns or {}).get(name) or columns_of(rows))
        sheet.append(names)
        for cell in sheet[1]:
            cell.font = bold
        widths = [len(n) for n in names]
        for row in rows:
            values = [cell_value(row.get(n)) for n in names]
            sheet.append(values)
            for i, v in enumerate(values):
                widths[i] = max(widths[i], min(60, len(str(v)) if v is not None else 0))
        long_text = [is_long_text(n) for n in names]
        for cell_row in sheet.iter_rows(min_row=2):
            for i, cell in enumerate(cell_row):
                if cell.data_type == "f":  # text starting with "=" is data, not a formula
                    cell.data_type = "s"
                if long_text[i]:
                    cell.alignment = wrap
        if names:
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{max(1, len(rows) + 1)}"
        for i, width in enumerate(widths, start=1):
            wide = WRAP_WIDTH if long_text[i - 1] and width >= WRAP_WIDTH else width + 2
            sheet.column_dimensions[get_column_letter(i)].width = max(8, wide)
        page_setup(sheet, names)
    if not tables:
        workbook.create_sheet("empty")
    workbook.properties.creator = "textsamverkan"
    workbook.properties.created = FIXED_DATE
    workbook.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()
    return normalise_zip(buffer.getvalue(), path)

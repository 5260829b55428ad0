"""Print rows as an aligned table, CSV (two Excel dialects or TSV), JSON or XLSX; shared by every listing command.

The format is `--format` when given, else it follows the suffix of `--output` (.csv, .tsv, .json, .xlsx), else an
aligned table. A suffix that contradicts an explicit `--format` is an error (E301). CSV goes through the one CSV
writer of the package (`textsamverkan.export.csv_export`): the same dialects, byte-order mark and formula
neutralisation as `export`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from textsamverkan.errors import E_OPTION, UserError

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "csv", "csv-sv", "tsv", "json", "xlsx")
CSV_DIALECTS = {"csv": "excel", "csv-sv": "excel-sv", "tsv": "tsv"}
# The formats a file suffix stands for; the first is the one chosen when --format is not given.
SUFFIX_FORMATS: dict[str, tuple[str, ...]] = {
    ".csv": ("csv", "csv-sv"),
    ".tsv": ("tsv",),
    ".tab": ("tsv",),
    ".json": ("json",),
    ".xlsx": ("xlsx",),
}
FORMAT_HELP = (
    "Output format: table, csv (UTF-8 with BOM), csv-sv (; and decimal comma, for Swedish Excel), tsv, json, "
    "or xlsx (with -o). Default: from the suffix of --output (.csv, .tsv, .json, .xlsx), else table."
)


corpus_option = click.option("--corpus", "corpus_name", help="Only documents of this corpus.")


def resolve_format(fmt: str | None, output: Path | None) -> str:
    """The output format: the explicit one (checked against the file suffix), else the suffix's, else table."""
    suffix = output.suffix.lower() if output is not None else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        return implied[0] if implied else "table"
    if implied and fmt not in implied:
        raise UserError(
            E_OPTION,
            f"--format {fmt} does not match the output file {output} (a '{suffix}' file is {' or '.join(implied)})",
            f"Drop --format to write {implied[0]}, or name the file for {fmt}.",
        )
    if fmt == "xlsx" and output is None:
        raise UserError(E_OPTION, "--format xlsx needs an output file", "Add -o FILE.xlsx.")
    return fmt


def output_options(func: F) -> F:
    """--format and --output, defined once for every listing command; the command receives the resolved format."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["fmt"] = resolve_format(kwargs.get("fmt"), kwargs.get("output"))
        return func(*args, **kwargs)

    decorated: Callable[..., Any] = click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal.",
    )(wrapper)
    decorated = click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None, help=FORMAT_HELP)(
        decorated
    )
    return cast(F, decorated)


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """The rows as text in `fmt` (table, csv, csv-sv, tsv or json); CSV without its byte-order mark."""
    from textsamverkan.export.csv_export import columns_of, csv_text

    columns = list(columns or columns_of(rows))
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in CSV_DIALECTS:
        return csv_text(rows, columns=columns, dialect=CSV_DIALECTS[fmt])
    if fmt == "xlsx":
        raise UserError(E_OPTION, "XLSX cannot be printed to the terminal", "Add -o FILE.xlsx.")
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


def emit(rows: Sequence[dict[str, Any]], fmt: str, output: Path | None, columns: Sequence[str] | None = None) -> None:
    """Print the rows, or write them to `output` (CSV files get a byte-order mark so Excel reads å, ä, ö)."""
    if output is None:
        click.echo(render(rows, fmt, columns), nl=False)
        return
    if fmt in CSV_DIALECTS:
        from textsamverkan.export.csv_export import write_csv

        write_csv(rows, output, columns=columns, dialect=CSV_DIALECTS[fmt])
    elif fmt == "xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        write_xlsx({output.stem or "table": rows}, output, columns={output.stem or "table": list(columns)}
                   if columns else None)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(render(rows, fmt, columns), encoding="utf-8")
    click.echo(f"wrote {len(rows)} rows to {output}", err=True)

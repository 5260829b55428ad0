"""Print rows as an aligned table, CSV (two Excel dialects or TSV), JSON or XLSX; shared by every listing command.

The format is `--format` when given, else it follows the suffix of `--output` (.csv, .tsv, .json, .xlsx), else an
aligned table. A suffix that contradicts an explicit `--format` is an error (E301). CSV goes through the one CSV
writer of the package (`textsamverkan.export.csv_export`): the same dialects, byte-order mark and formula
neutralisation as `export`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from textsamverkan.errors import E_OPTION, UserError
from textsamverkan.export.listing import CSV_DIALECTS, LISTING_FORMATS, render

__all__ = ["corpus_option", "emit", "output_options", "render", "resolve_format"]

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = (*LISTING_FORMATS, "xlsx")
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

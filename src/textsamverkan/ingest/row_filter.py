"""Row filters for ingest (`--where`): keep only the table rows (or files) whose fields match every condition.

The expression language is small on purpose. One condition is `COLUMN OP VALUE`:

    text~äldreomsorg        the column matches the regular expression (searched, case-insensitive)
    text!~corona            the column does not match it
    author_party=SD         the column equals the value (case-insensitive, surrounding spaces ignored)
    author_party!=S         the column does not equal it

A word without regex characters is a plain "contains" match. Several conditions (repeated `--where`) must all
hold. Column names are a table's header names, lower-cased; `text` is the document's text when the table has no
column of that name. A malformed condition, an invalid regex or an unknown column is error E110.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from textsamverkan.errors import E_FILTER, UserError, did_you_mean

TEXT_FIELD = "text"
_CONDITION = re.compile(r"\s*(?P<column>[^\s=!~][^=!~]*?)\s*(?P<op>!~|!=|~|=)(?P<value>.*)\Z", re.S)
_HINT = "Write COLUMN~REGEX, COLUMN!~REGEX, COLUMN=VALUE or COLUMN!=VALUE, e.g. --where \"text~äldreomsorg\"."


@dataclass(frozen=True)
class Condition:
    """One condition: `column op value`, with the compiled regex for `~` and `!~`."""

    column: str
    op: str
    value: str
    pattern: re.Pattern[str] | None = None

    def holds(self, field_value: str) -> bool:
        if self.pattern is not None:
            found = self.pattern.search(field_value) is not None
            return found if self.op == "~" else not found
        equal = field_value.strip().casefold() == self.value.strip().casefold()
        return equal if self.op == "=" else not equal

    def __str__(self) -> str:
        return f"{self.column}{self.op}{self.value}"


@dataclass(frozen=True)
class RowFilter:
    """Conditions that must all hold for a row to be kept."""

    conditions: tuple[Condition, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.conditions)

    def __str__(self) -> str:
        return " AND ".join(str(c) for c in self.conditions)

    @property
    def columns(self) -> list[str]:
        return sorted({c.column for c in self.conditions})

    def unknown_columns(self, names: Iterable[str]) -> list[str]:
        """The filter's columns that are neither in `names` nor the document text."""
        known = set(names) | {TEXT_FIELD}
        return [c for c in self.columns if c not in known]

    def check_columns(self, names: Sequence[str], where: str) -> None:
        """Raise E110 when a condition names a column that `names` (a table's header) lacks."""
        unknown = self.unknown_columns(names)
        if unknown:
            listing = ", ".join(names) if len(names) <= 40 else ", ".join(names[:40]) + ", …"
            raise UserError(
                E_FILTER,
                f"{where}: --where names column '{unknown[0]}', which is not there (columns: {listing}, and "
                f"'{TEXT_FIELD}' for the document text).{did_you_mean(unknown[0], [*names, TEXT_FIELD])}",
                "Use one of the columns above in --where.",
            )

    def matches(self, fields: Mapping[str, object], text: str) -> bool:
        """True when every condition holds for `fields` (a row's columns) and the document `text`."""
        for condition in self.conditions:
            value = fields.get(condition.column) if condition.column in fields else (
                text if condition.column == TEXT_FIELD else None)
            if not condition.holds(_as_text(value)):
                return False
        return True


FILE_NOTE = "--where: "  # notes about the whole file, not the row whose document happens to carry them


def left_out_note(left_out: int, total: int, where: RowFilter) -> str:
    """The note saying how many table rows the filter left out."""
    return f"{FILE_NOTE}{left_out} of {total} rows left out (kept those matching {where})"


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n\n".join(_as_text(v) for v in value)
    return value if isinstance(value, str) else str(value)


def parse_condition(expression: str) -> Condition:
    """One `--where` condition, or E110 saying what is wrong with it."""
    m = _CONDITION.match(expression)
    if m is None or not m.group("column").strip():
        raise UserError(E_FILTER, f"--where {expression!r} is not a condition", _HINT)
    column, op, value = m.group("column").strip().lower(), m.group("op"), m.group("value").strip()
    if not value and op in ("~", "!~"):
        raise UserError(E_FILTER, f"--where {expression!r} has an empty pattern", _HINT)
    pattern = None
    if op in ("~", "!~"):
        try:
            pattern = re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise UserError(E_FILTER, f"--where {expression!r}: the pattern is not a valid regular expression "
                            f"({exc})", "Escape special characters with a backslash, e.g. 'title~\\(SD\\)'.") from exc
    return Condition(column, op, value, pattern)


def parse_where(expressions: Iterable[str]) -> RowFilter:
    """All `--where` conditions (each must hold); an empty list keeps every row."""
    return RowFilter(tuple(parse_condition(e) for e in expressions))

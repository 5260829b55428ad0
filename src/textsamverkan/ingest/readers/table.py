"""Tables of documents, CSV/TSV and JSON Lines: one RawDocument per row, read as a stream.

The text comes from `--text-column` (several columns may be given, joined with commas) or the first usual text
column ("text", "body", "content", "anforandetext", ...); failing those, from every column whose name ends in
"text" (e.g. "context_text" and "question_text" of the Riksdag interpellations), joined by a blank line. The
other columns become metadata; `part` is the row's id (an id column, or "row-N"). With `where`, only rows whose
columns (and text) match it become documents; the others are counted in a note.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import (
    E_EMPTY,
    E_ENCODING,
    E_MALFORMED,
    E_NOT_FOUND,
    E_OPTION,
    ReadError,
    UserError,
    did_you_mean,
)
from textsamverkan.ingest.readers.base import ReadOptions, decode_text, format_ranges
from textsamverkan.ingest.row_filter import left_out_note
from textsamverkan.model import Locator, RawDocument

TEXT_COLUMNS = (
    "text", "body", "content", "anforandetext", "anförandetext", "document_text", "fulltext", "full_text",
    "text_content", "brodtext", "brödtext", "innehall", "innehåll", "transcript", "transkription",
)
ID_COLUMNS = ("id", "dok_id", "doc_id", "document_id", "dokument_id", "anforande_id", "uuid")
TITLE_COLUMNS = ("title", "titel", "rubrik", "dok_titel")
DATE_COLUMNS = ("date", "datum", "date_sent", "dok_datum", "published", "publicerad", "created")
SAMPLE_BYTES = 65536
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_MAX_NOTES = 10
_TEXT_HINT = "Pass --text-column NAME to say which column holds the text (several: NAME1,NAME2)."


def read(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
    if path.suffix.lower() in _JSONL_SUFFIXES:
        yield from _with_notes(path, _jsonl_rows(path, options), options, "jsonl")
    else:
        yield from _with_notes(path, _csv_rows(path, options), options, "csv")


@dataclass
class _Row:
    """One record of the table: its number, the line it starts on and its fields by lower-case name."""

    number: int
    line: int
    fields: dict[str, Any]
    notes: list[str] = field(default_factory=list)


@dataclass
class _Columns:
    """Which fields hold the text and the id, decided from the header (CSV) or the first object (JSONL)."""

    text: list[str]
    ident: str | None
    note: str = ""


# -- encoding and streaming ------------------------------------------------------------------------------------


@dataclass
class _Encoding:
    name: str
    errors: str
    notes: list[str]
    sample: str


def _sniff(path: Path, options: ReadOptions) -> _Encoding:
    """Decide the encoding from the first 64 KB, the way the text reader does, so the rest can be streamed."""
    if not path.is_file():
        raise ReadError(str(path), E_NOT_FOUND, "no such file", "Check the path; folders are read recursively.")
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample:
        raise ReadError(str(path), E_EMPTY, "the file is empty", "Remove it from the batch or fill it.")
    if options.encoding:
        try:
            codecs.lookup(options.encoding)
        except LookupError as exc:
            raise ReadError(str(path), E_ENCODING, f"unknown encoding '{options.encoding}'",
                            "Check the --encoding value (e.g. utf-8, cp1252, latin-1).") from exc
        return _Encoding(options.encoding, "strict", [f"decoded as {options.encoding} (--encoding)"],
                         sample.decode(options.encoding, errors="replace"))
    if sample.startswith(codecs.BOM_UTF8):
        return _Encoding("utf-8-sig", "replace", ["UTF-8 with byte-order mark"],
                         sample.decode("utf-8-sig", errors="replace"))
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Encoding("utf-16", "replace", ["UTF-16 with byte-order mark"],
                         sample.decode("utf-16", errors="replace"))
    if len(sample) == SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # do not judge a character cut in half at the end
    text, encoding, notes = decode_text(sample, path, options)
    return _Encoding(encoding, "replace", notes, text)


def _delimiter(path: Path, header: str) -> str:
    """Tab for .tsv; for .csv the most frequent of , ; tab | in the header line (outside quotes)."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _separator_hint(values: list[str], delimiter: str, expected: int) -> str:
    """A note when a row looks written with another separator than the header's (mixed , and ;): empty if not."""
    for other in (",", ";", "\t", "|"):
        if other == delimiter:
            continue
        split = [part for value in values for part in value.split(other)]
        if len(split) != len(values) and len(split) == expected:
            shown = {"\t": "tab"}.get(other, f"'{other}'")
            used = {"\t": "tab"}.get(delimiter, f"'{delimiter}'")
            return (f"; it looks separated by {shown} while the header uses {used}: re-export the table with one "
                    "separator")
    return ""


def _unique_names(names: Iterable[str]) -> list[str]:
    result: list[str] = []
    for i, raw in enumerate(names, start=1):
        name = raw.strip().lower() or f"column_{i}"
        base, n = name, 2
        while name in result:
            name, n = f"{base}_{n}", n + 1
        result.append(name)
    return result


def _csv_rows(path: Path, options: ReadOptions) -> Iterator[_Columns | _Row]:
    """The columns decision first, then each row; notes of the encoding go on the first row."""
    encoding = _sniff(path, options)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delimiter = _delimiter(path, encoding.sample.lstrip("\ufeff").split("\n", 1)[0])
    try:
        with path.open("r", encoding=encoding.name, errors=encoding.errors, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            header = next(reader, None)
            if header is None or not any(name.strip() for name in header):
                raise ReadError(str(path), E_EMPTY, "the table has no header row",
                                "The first line must name the columns, e.g. id,title,text.")
            names = _unique_names(header)
            yield _choose_columns(path, names, options)
            number = 0
            line = reader.line_num + 1
            for values in reader:
                start, line = line, reader.line_num + 1
                if not values or not any(v.strip() for v in values):
                    continue  # blank line
                number += 1
                row = _Row(number, start, dict(zip(names, values, strict=False)))
                if len(values) > len(names):
                    row.fields["extra"] = values[len(names):]
                    row.notes.append(f"row {number} (line {start}) has {len(values) - len(names)} more "
                                     "field(s) than the header; kept as metadata 'extra'"
                                     + _separator_hint(values, delimiter, len(names)))
                elif len(values) < len(names):
                    row.notes.append(f"row {number} (line {start}) has {len(values)} field(s) where the header has "
                                     f"{len(names)}; the missing ones are left empty"
                                     + _separator_hint(values, delimiter, len(names)))
                for name in names[len(values):]:
                    row.fields[name] = ""
                if number == 1:
                    row.notes[:0] = encoding.notes
                yield row
    except csv.Error as exc:
        raise ReadError(str(path), E_MALFORMED, f"the CSV cannot be parsed near line {reader.line_num} ({exc})",
                        "Check quoting around that line, or re-export the table as UTF-8 CSV.") from exc
    except UnicodeDecodeError as exc:
        raise ReadError(str(path), E_ENCODING, f"cannot decode as {encoding.name}: {exc}",
                        "Check the --encoding value (e.g. utf-8, cp1252, latin-1).") from exc


def _jsonl_rows(path: Path, options: ReadOptions) -> Iterator[_Columns | _Row | str]:
    """The columns decision (from the first object), then each object; bad lines come as notes (str)."""
    encoding = _sniff(path, options)
    columns: _Columns | None = None
    problems: list[str] = []
    first_row = True
    try:
        with path.open("r", encoding=encoding.name, errors=encoding.errors) as handle:
            for line_number, line in enumerate(handle, start=1):
                stripped = line.strip().lstrip("\ufeff")
                if not stripped:
                    continue
                try:
                    value = json.loads(stripped)
                except json.JSONDecodeError as exc:
                    problem = f"line {line_number}: not valid JSON ({exc.msg}); skipped"
                    problems.append(problem)
                    yield problem
                    continue
                if not isinstance(value, dict):
                    problem = f"line {line_number}: not a JSON object; skipped"
                    problems.append(problem)
                    yield problem
                    continue
                fields = {str(k).strip().lower(): v for k, v in value.items()}
                if columns is None:
                    columns = _choose_columns(path, list(fields), options)
                    yield columns
                row = _Row(line_number, line_number, fields)
                if first_row:
                    row.notes[:0] = encoding.notes
                    first_row = False
                yield row
    except UnicodeDecodeError as exc:
        raise ReadError(str(path), E_ENCODING, f"cannot decode as {encoding.name}: {exc}",
                        "Check the --encoding value (e.g. utf-8, cp1252, latin-1).") from exc
    if columns is None:
        detail = f" (first problem: {problems[0]})" if problems else ""
        raise ReadError(str(path), E_MALFORMED if problems else E_EMPTY,
                        f"no line holds a JSON object{detail}",
                        "Each line must be one JSON object, e.g. {\"id\": \"1\", \"text\": \"...\"}.")


# -- columns ---------------------------------------------------------------------------------------------------


def _choose_columns(path: Path, names: list[str], options: ReadOptions) -> _Columns:
    """The text column(s) and id column for this table, or a ReadError naming the columns there are."""
    if options.where:
        try:
            options.where.check_columns(names, str(path))
        except UserError as exc:
            raise ReadError(str(path), exc.code, exc.message.removeprefix(f"{path}: "), exc.hint) from exc
    listing = ", ".join(names) if len(names) <= 40 else ", ".join(names[:40]) + ", …"
    ident: str | None = None
    if options.id_column:
        ident = options.id_column.strip().lower()
        if ident not in names:
            raise ReadError(str(path), E_OPTION, f"no column '{options.id_column}' for --id-column "
                            f"(columns: {listing}).{did_you_mean(ident, names)}",
                            "Pass --id-column with one of the columns above.")
    else:
        ident = next((c for c in ID_COLUMNS if c in names), None)
    if options.text_column:
        wanted = [c.strip().lower() for c in options.text_column.split(",") if c.strip()]
        missing = [c for c in wanted if c not in names]
        if missing or not wanted:
            name = missing[0] if missing else options.text_column
            raise ReadError(str(path), E_MALFORMED, f"no column '{name}' for --text-column "
                            f"(columns: {listing}).{did_you_mean(name, names)}", _TEXT_HINT)
        return _Columns(wanted, ident)
    usual = next((c for c in TEXT_COLUMNS if c in names), None)
    if usual:
        return _Columns([usual], ident)
    texty = [c for c in names if c.endswith("text") and c != ident]
    if texty:
        return _Columns(texty, ident, f"text taken from column(s) {', '.join(texty)}"
                        + (" (joined by a blank line)" if len(texty) > 1 else "")
                        + "; pass --text-column to choose others")
    raise ReadError(str(path), E_MALFORMED, f"no text column found (columns: {listing})", _TEXT_HINT)


def _text_value(value: Any) -> str:
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        return "\n\n".join(t for t in (_text_value(v) for v in value) if t.strip())
    return value if isinstance(value, str) else str(value)


def _metadata(fields: dict[str, Any], columns: _Columns) -> dict[str, Any]:
    metadata = {k: v for k, v in fields.items() if k not in columns.text}
    for key, candidates in (("title", TITLE_COLUMNS), ("date", DATE_COLUMNS)):
        if not _text_value(metadata.get(key)).strip():
            value = next((metadata[c] for c in candidates if _text_value(metadata.get(c)).strip()), None)
            if value is not None:
                metadata[key] = value.strip() if isinstance(value, str) else value
    return metadata


# -- documents -------------------------------------------------------------------------------------------------


def _with_notes(path: Path, rows: Iterator[_Columns | _Row | str], options: ReadOptions,
                fmt: str) -> Iterator[RawDocument]:
    """Turn rows into documents. Notes about skipped rows go on the next document (or the last one, which is
    held back by one row for that), because a skipped row has no document of its own."""
    columns: _Columns | None = None
    pending: list[str] = []
    empty_rows: list[int] = []
    held: RawDocument | None = None
    seen_ids: set[str] = set()
    rows_seen = 0
    filtered_out = 0
    max_chars = int(options.max_file_mb * 1024 * 1024)
    for item in rows:
        if isinstance(item, _Columns):
            columns = item
            if item.note:
                pending.append(item.note)
            continue
        if isinstance(item, str):
            pending.append(item)
            continue
        assert columns is not None  # the columns decision always comes before the first row
        rows_seen += 1
        pending.extend(item.notes)
        text = "\n\n".join(t for t in (_text_value(item.fields.get(c)) for c in columns.text) if t.strip())
        if not text.strip():
            empty_rows.append(item.number)
            continue
        if options.where and not options.where.matches(item.fields, text):
            filtered_out += 1
            continue
        if len(text) > max_chars:
            pending.append(f"row {item.number} skipped: its text is over the {options.max_file_mb:g} MB "
                           "limit for one document")
            continue
        part = _part(item, columns, seen_ids, pending)
        if empty_rows:
            pending.append(_empty_note(empty_rows, columns))
            empty_rows = []
        document = RawDocument(
            source_path=str(path), text=text, format=fmt, metadata=_metadata(item.fields, columns),
            locators=[Locator(0, len(text), "row", str(item.number), {"line": item.line})],
            notes=_capped(pending), part=part,
        )
        pending = []
        if held is not None:
            yield held
        held = document
    if empty_rows and columns is not None:
        pending.append(_empty_note(empty_rows, columns))
    if filtered_out:
        pending.append(left_out_note(filtered_out, rows_seen, options.where))
    if held is None:
        if columns is not None and filtered_out:
            return  # no row matches the filter: no documents, which the pipeline reports as skipped
        if columns is not None and rows_seen:
            raise ReadError(str(path), E_EMPTY, f"no row has text in {_column_words(columns)} "
                            f"({rows_seen} rows)", _TEXT_HINT)
        raise ReadError(str(path), E_EMPTY, "the table has no rows", "Remove it from the batch or fill it.")
    held.notes.extend(_capped(pending))
    yield held


def _part(row: _Row, columns: _Columns, seen: set[str], notes: list[str]) -> str:
    """The row's id: its id column when set and unique in the file, else "row-N"."""
    fallback = f"row-{row.number}"
    value = _text_value(row.fields.get(columns.ident)).strip() if columns.ident else ""
    if value and value in seen:
        notes.append(f"row {row.number}: id '{value[:60]}' is used by an earlier row; this row is '{fallback}'")
        value = ""
    part = value or fallback
    seen.add(part)
    return part


def _column_words(columns: _Columns) -> str:
    names = ", ".join(f"'{c}'" for c in columns.text)
    return f"column {names}" if len(columns.text) == 1 else f"columns {names}"


def _empty_note(rows: list[int], columns: _Columns) -> str:
    return f"row(s) {format_ranges(rows)} skipped: no text in {_column_words(columns)}"


def _capped(notes: list[str]) -> list[str]:
    if len(notes) <= _MAX_NOTES:
        return list(notes)
    return [*notes[:_MAX_NOTES], f"… and {len(notes) - _MAX_NOTES} more notes like these"]

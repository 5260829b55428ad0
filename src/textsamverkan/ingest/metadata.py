"""Document metadata: from command-line flags and a manifest.csv beside the files, validated and normalised."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_MANIFEST, UserError, did_you_mean
from textsamverkan.ingest.regions import normalise_region

MANIFEST_NAME = "manifest.csv"
KINDS = ("transcript", "report", "slides", "web", "debate", "interpellation", "article", "interview", "other")
_KIND_ALIASES = {
    "podcast": "transcript",
    "podd": "transcript",
    "transkript": "transcript",
    "transkription": "transcript",
    "rapport": "report",
    "presentation": "slides",
    "bildspel": "slides",
    "webb": "web",
    "webbsida": "web",
    "blog": "web",
    "blogg": "web",
    "debatt": "debate",
    "protokoll": "debate",
    "artikel": "article",
    "intervju": "interview",
    "övrigt": "other",
}
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
CORE_FIELDS = ("title", "organisation", "region", "kind", "date", "language")


@dataclass
class MetadataResult:
    """Normalised metadata and notes about what was changed or could not be understood."""

    values: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def normalise_metadata(values: dict[str, Any]) -> MetadataResult:
    """Normalise kind, date, region and language; keep every other field as given."""
    out = MetadataResult()
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        out.values[key] = value.strip() if isinstance(value, str) else value
    kind = out.values.get("kind")
    if isinstance(kind, str):
        folded = kind.casefold()
        folded = _KIND_ALIASES.get(folded, folded)
        if folded not in KINDS:
            out.notes.append(f"unknown kind '{kind}' kept as written (known kinds: {', '.join(KINDS)})")
        out.values["kind"] = folded
    if "date" not in out.values:
        from_parts = _date_from_parts(out.values)
        if from_parts:
            out.values["date"] = from_parts
    date = out.values.get("date")
    if date is not None:
        text = str(date).strip()
        m = _DATE.match(text)
        if m:
            out.values["date"] = m.group()
        else:
            out.notes.append(f"date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD; kept as written")
            out.values["date"] = text
    region = out.values.get("region")
    if isinstance(region, str):
        normalised = normalise_region(region)
        out.values["region"] = normalised.name
        if normalised.members:
            out.values["region_members"] = list(normalised.members)
        if not normalised.known:
            out.notes.append(
                f"region '{region}' is not one of the 21 regions, a healthcare region or 'national'"
            )
        elif normalised.name != region:
            out.values["region_as_written"] = region
    out.values.setdefault("language", "sv")
    return out


def _date_from_parts(values: dict[str, Any]) -> str | None:
    """A date from separate year and month columns ("year"/"år", "month"/"månad"), as YYYY or YYYY-MM."""
    year = str(next((values[k] for k in ("year", "år", "ar") if k in values), "")).strip()
    if not re.fullmatch(r"\d{4}", year):
        return None
    month = str(next((values[k] for k in ("month", "månad", "manad") if k in values), "")).strip()
    if re.fullmatch(r"\d{1,2}", month) and 1 <= int(month) <= 12:
        return f"{year}-{int(month):02d}"
    return year


@dataclass(frozen=True)
class ManifestRow:
    """One manifest row: the file as written, the line it is on, its other columns and notes about the row."""

    file: str
    line: int
    values: dict[str, str]
    notes: tuple[str, ...] = ()


@dataclass
class Manifest:
    """A manifest's rows in file order, the column that names the files, and problems of single rows.

    A row with a problem (no file name, a file named twice) is reported in `problems` and left out; the other
    rows are kept.
    """

    path: Path
    file_column: str
    rows: list[ManifestRow] = field(default_factory=list)
    problems: list[UserError] = field(default_factory=list)


# Names of the column that holds the file, tried in this order (compared lower-case, spaces and dashes as "_").
FILE_COLUMNS = ("file", "path", "filename", "file_name", "filepath", "file_path", "relative_path", "fil",
                "filnamn", "sökväg", "sokvag", "document", "dokument")


def _column_key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def read_manifest(path: Path, file_column: str | None = None) -> Manifest:
    """Read a manifest CSV (comma, semicolon or tab separated): each row names a file and gives its metadata.

    The file column is `file_column` when given, else the first of FILE_COLUMNS present. Problems of the
    whole file (not UTF-8, no file column) raise E108; problems of one row are collected, and the rest is read.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header_line = handle.readline()
            handle.seek(0)
            delimiter = max((",", ";", "\t"), key=lambda d: (header_line.count(d), d == ","))
            reader = csv.reader(handle, delimiter=delimiter)
            header = next(reader, None)
            if not header or not any(h.strip() for h in header):
                raise UserError(E_MANIFEST, f"{path}: the manifest is empty or has no header line",
                                f"The first line must name the columns, e.g. file,{','.join(CORE_FIELDS)}.")
            names = [_column_key(h) for h in header]
            column = _file_column(path, names, file_column)
            manifest = Manifest(path, column)
            index = names.index(column)
            seen: dict[str, int] = {}
            line = reader.line_num + 1
            try:
                for values in reader:
                    start, line = line, reader.line_num + 1
                    if not any(v.strip() for v in values):
                        continue
                    _add_row(manifest, names, index, values, start, seen)
            except csv.Error as exc:
                manifest.problems.append(UserError(
                    E_MANIFEST, f"{path} line {line}: not valid CSV ({exc}); this row and those after it are "
                    "not read", "Fix the quoting on that line."))
            return manifest
    except UnicodeDecodeError as exc:
        raise UserError(
            E_MANIFEST, f"{path}: the manifest is not UTF-8 ({exc})", "Re-save it as UTF-8."
        ) from exc


def _file_column(path: Path, names: list[str], given: str | None) -> str:
    if given:
        wanted = _column_key(given)
        if wanted not in names:
            raise UserError(E_MANIFEST, f"{path}: no column '{given}' for --manifest-file-column (columns: "
                            f"{', '.join(names)}).{did_you_mean(wanted, names)}",
                            "Pass --manifest-file-column with the column that names the files.")
        return wanted
    found = next((c for c in FILE_COLUMNS if c in names), None)
    if found is None:
        raise UserError(
            E_MANIFEST,
            f"{path}: the manifest has no column naming the files (columns: {', '.join(names)}; looked for "
            f"{', '.join(FILE_COLUMNS[:6])}, …)",
            "Name the column 'file', or pass --manifest-file-column COLUMN.",
        )
    return found


def _add_row(manifest: Manifest, names: list[str], index: int, values: list[str], line: int,
             seen: dict[str, int]) -> None:
    where = f"{manifest.path} line {line}"
    name = values[index].strip() if index < len(values) else ""
    if not name:
        manifest.problems.append(UserError(E_MANIFEST, f"{where}: the '{manifest.file_column}' cell is empty; "
                                           "row left out", "Fill in the file name or delete the row."))
        return
    if name in seen:
        manifest.problems.append(UserError(E_MANIFEST, f"{where}: names '{name}' again (first on line "
                                           f"{seen[name]}); this row is left out",
                                           "Keep one row per file."))
        return
    seen[name] = line
    notes: list[str] = []
    if len(values) > len(names):
        notes.append(f"manifest line {line} has {len(values) - len(names)} more field(s) than its header; "
                     "they were ignored")
    clean = {k: v.strip() for k, v in zip(names, values, strict=False) if k and k != manifest.file_column}
    manifest.rows.append(ManifestRow(name, line, clean, tuple(notes)))

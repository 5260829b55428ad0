"""Document metadata: from command-line flags and a manifest.csv beside the files, validated and normalised."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_MANIFEST, UserError
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


@dataclass(frozen=True)
class ManifestRow:
    file: str
    line: int
    values: dict[str, str]


def read_manifest(path: Path) -> dict[str, ManifestRow]:
    """Rows of a manifest.csv keyed by file name (relative to the manifest's folder)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
                raise UserError(
                    E_MANIFEST,
                    f"{path}: the manifest has no 'file' column",
                    f"The first line must name the columns, e.g. file,{','.join(CORE_FIELDS)}.",
                )
            rows: dict[str, ManifestRow] = {}
            for row in reader:
                clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
                name = clean.pop("file", "")
                if name:
                    rows[name] = ManifestRow(name, reader.line_num, clean)
            return rows
    except UnicodeDecodeError as exc:
        raise UserError(
            E_MANIFEST, f"{path}: the manifest is not UTF-8 ({exc})", "Re-save it as UTF-8."
        ) from exc
    except csv.Error as exc:
        raise UserError(E_MANIFEST, f"{path}: the manifest is not valid CSV ({exc})", "Fix the CSV.") from exc

"""Reading a speakers.csv: one row per person with name, aliases (";"-separated), role, organisation, party.

A row merges every speaker whose name or label matches its name or one of its aliases (by folded key) and sets
the fields it gives; empty cells leave what the transcript said.
"""

from __future__ import annotations

import csv
from pathlib import Path

from textsamverkan.errors import E_ENCODING, E_MALFORMED, E_NOT_FOUND, UserError, did_you_mean
from textsamverkan.segment.turn_types import SpeakerOverride

COLUMNS = ("name", "aliases", "role", "organisation", "party")
_HINT = "write a CSV with the header row: name,aliases,role,organisation,party (aliases separated by ';')"


def load_speakers_csv(path: Path) -> list[SpeakerOverride]:
    """The rows of a speakers.csv; raises UserError when the file is missing, unreadable or malformed."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as err:
        raise UserError(E_NOT_FOUND, f"speakers file {str(path)!r} does not exist",
                        "check the path given for the speakers file") from err
    except OSError as err:
        raise UserError(E_NOT_FOUND, f"speakers file {str(path)!r} cannot be read: {err.strerror}",
                        "check the path and its permissions") from err
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UserError(E_ENCODING, f"speakers file {str(path)!r} is not UTF-8 (byte {err.start})",
                        "save the file as UTF-8 (CSV UTF-8 in Excel)") from err
    first_line = content.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ";" if (
        first_line.count(";") > first_line.count(",")) else ","
    reader = csv.DictReader(content.splitlines(), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        raise UserError(E_MALFORMED, f"speakers file {str(path)!r} has no 'name' column (found: "
                        f"{', '.join(header) or 'nothing'})", _HINT)
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise UserError(E_MALFORMED, f"speakers file {str(path)!r} has an unknown column {unknown[0]!r}."
                        f"{did_you_mean(unknown[0], COLUMNS)}", _HINT)
    rows = []
    for number, record in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in record.items() if isinstance(v, str)}
        if not any(values.values()):
            continue
        name = values.get("name", "")
        if not name:
            raise UserError(E_MALFORMED, f"speakers file {str(path)!r}, line {number}: the name is empty", _HINT)
        aliases = tuple(a.strip() for a in values.get("aliases", "").split(";") if a.strip())
        rows.append(SpeakerOverride(name, aliases, values.get("role") or None,
                                    values.get("organisation") or None, values.get("party") or None))
    return rows

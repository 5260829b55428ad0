"""The review list: every candidate detection with type, confidence and context, for the researcher to mark
keep or redact and feed back with `--review FILE`.

The list holds the original values, so it is as sensitive as the corpus: it is written for the researcher and
never goes into an export. Its `key_check` column ties it to the key it was made with.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_PII_BAD_KEY, E_PII_REVIEW, UserError
from textsamverkan.pii.redact import replacement_for
from textsamverkan.pii.types import PERSON, TYPES, Detection
from textsamverkan.segment.names import fold

COLUMNS = ["id", "doc_id", "start", "end", "type", "confidence", "source", "value", "replacement", "context",
           "decision", "key_check"]
KEEP, REDACT = "keep", "redact"
_DECISIONS = {"keep": KEEP, "behåll": KEEP, "k": KEEP, "redact": REDACT, "r": REDACT, "maskera": REDACT,
              "ta bort": REDACT, "": ""}
_CONTEXT = 40
REVIEW_HINT = "make a new list with `textsamverkan pii review -o review.csv` and mark it again"


def review_rows(
    detections: Mapping[str, Sequence[Detection]],
    texts: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    key_check: str,
    min_confidence: float,
) -> list[dict[str, Any]]:
    """One row per candidate, pre-marked `redact` at or above `min_confidence` and `keep` below."""
    rows: list[dict[str, Any]] = []
    for doc_id in sorted(detections):
        text = texts[doc_id]
        for d in detections[doc_id]:
            before = text[max(0, d.start - _CONTEXT) : d.start].replace("\n", " ")
            after = text[d.end : d.end + _CONTEXT].replace("\n", " ")
            rows.append({
                "id": f"{doc_id}:{d.start}-{d.end}",
                "doc_id": doc_id,
                "start": d.start,
                "end": d.end,
                "type": d.type,
                "confidence": round(d.confidence, 2),
                "source": d.source,
                "value": d.text,
                "replacement": replacement_for(d, labels),
                "context": f"{before}⟦{d.text}⟧{after}",
                "decision": REDACT if d.confidence >= min_confidence else KEEP,
                "key_check": key_check,
            })
    return rows


def write_review(rows: Sequence[Mapping[str, Any]], path: Path) -> Path:
    """Write the list as CSV (UTF-8 with BOM, opens in Excel) or, for a .xlsx path, as a workbook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        write_xlsx({"review": list(rows)}, path, columns={"review": COLUMNS})
        return path
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def read_review(path: Path) -> list[dict[str, str]]:
    """The rows of a review list (.csv with , ; or tab, or .xlsx), as strings; E503 when it cannot be read."""
    if not path.is_file():
        raise UserError(E_PII_REVIEW, f"review file {path} not found", REVIEW_HINT)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).worksheets[0]
        values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        if not values:
            raise UserError(E_PII_REVIEW, f"{path} is empty", REVIEW_HINT)
        header = [h.strip() for h in values[0]]
        return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect: Any = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [{(k or "").strip(): (v or "") for k, v in row.items()} for row in csv.DictReader(text.splitlines(),
                                                                                            dialect=dialect)]


def apply_review(
    candidates: Mapping[str, Sequence[Detection]],
    texts: Mapping[str, str],
    rows: Sequence[Mapping[str, str]],
    *,
    key_check: str,
    min_confidence: float,
) -> dict[str, list[Detection]]:
    """The detections to redact: each candidate as its row decides (by confidence when it has no row or no
    decision), plus rows the researcher added (doc_id, start, end, and type or PERSON) marked redact.

    E502 when the list was made with another key; E503 when a row names a document that is not in the corpus,
    offsets outside its text, a value that is no longer at those offsets, or an unknown decision.
    """
    _check_columns(rows)
    decided: dict[tuple[str, int, int], tuple[str, Mapping[str, str]]] = {}
    for number, row in enumerate(rows, start=2):
        check = (row.get("key_check") or "").strip()
        if check and check != key_check:
            raise UserError(
                E_PII_BAD_KEY,
                f"the review list was made with another key (row {number})",
                "pass the --key-file used when the list was made, or make a new list with this key",
            )
        doc_id, start, end = _locate(row, number, texts)
        decision = _DECISIONS.get((row.get("decision") or "").strip().casefold())
        if decision is None:
            raise UserError(E_PII_REVIEW, f"review row {number}: decision {row.get('decision')!r} is neither "
                            "keep nor redact", "write keep or redact (or leave it empty for the default)")
        decided[(doc_id, start, end)] = (decision, row)
    result: dict[str, list[Detection]] = {}
    for doc_id, found in candidates.items():
        chosen: list[Detection] = []
        for d in found:
            decision, _ = decided.pop((doc_id, d.start, d.end), ("", {}))
            if decision == REDACT or (decision == "" and d.confidence >= min_confidence):
                chosen.append(d)
        result[doc_id] = chosen
    for (doc_id, start, end), (decision, row) in sorted(decided.items()):
        if decision != REDACT:
            continue
        kind = (row.get("type") or PERSON).strip().upper()
        if kind not in TYPES:
            raise UserError(E_PII_REVIEW, f"review row for {doc_id}:{start}-{end}: unknown type {kind!r}",
                            "use one of " + ", ".join(TYPES))
        value = texts[doc_id][start:end]
        added = Detection(start, end, kind, value, 1.0, "review", fold(value) if kind == PERSON else "")
        kept = [d for d in result.setdefault(doc_id, []) if not d.overlaps(added)]
        result[doc_id] = sorted([*kept, added], key=lambda d: d.start)
    return result


def _check_columns(rows: Sequence[Mapping[str, str]]) -> None:
    missing = [c for c in ("doc_id", "start", "end", "decision") if rows and c not in rows[0]]
    if missing:
        raise UserError(E_PII_REVIEW, "the review list lacks the column(s) " + ", ".join(missing), REVIEW_HINT)


def _locate(row: Mapping[str, str], number: int, texts: Mapping[str, str]) -> tuple[str, int, int]:
    doc_id = (row.get("doc_id") or "").strip()
    if doc_id not in texts:
        raise UserError(E_PII_REVIEW, f"review row {number}: document {doc_id!r} is not in the corpus",
                        "review lists belong to the corpus they were made from; " + REVIEW_HINT)
    try:
        start, end = int(float(row.get("start") or "")), int(float(row.get("end") or ""))
    except ValueError:
        raise UserError(E_PII_REVIEW, f"review row {number}: start and end must be numbers", REVIEW_HINT) from None
    text = texts[doc_id]
    if not 0 <= start < end <= len(text):
        raise UserError(E_PII_REVIEW, f"review row {number}: {start}-{end} lies outside {doc_id}", REVIEW_HINT)
    value = row.get("value")
    if value and text[start:end] != value:
        raise UserError(
            E_PII_REVIEW,
            f"review row {number}: the text at {doc_id}:{start}-{end} is no longer the value in the list",
            "the document changed since the list was made; " + REVIEW_HINT,
        )
    return doc_id, start, end

"""Review the machine's coding by hand: a seeded sample into a keep/drop sheet, and what the filled sheet shows.

1. `draw_review_sample` draws a seeded random sample of a code's hits (and, optionally, of uncoded sentences near
   the code, e.g. neighbours of hits or near misses of the semantic matcher) into rows with the quote, context and
   the evidence that coded it; `write_review_sheet` writes them as CSV or XLSX with an empty `decision` column.
2. The researcher writes keep or drop per row (for an uncoded sentence: keep = it should have been coded).
3. `read_review_sheet` reads it back; `review_summary` gives precision with a 95 % interval (Wilson, or exact
   Clopper–Pearson) and, from the uncoded sample, an estimate of hits the coder missed among those candidates;
   `corrected_codings` turns the decisions into a corrected coding and `training_examples` into labelled examples.

Each row carries the size of the population it was drawn from, so the sheet alone is enough to estimate.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from textsamverkan.analysis.types import CodedPassage, passage_ref
from textsamverkan.coding.measures import exact_interval, wilson_interval
from textsamverkan.errors import E_MALFORMED, E_NOT_FOUND, E_OPTION, UserError
from textsamverkan.export.qda_types import Coding
from textsamverkan.export.qdpx import evidence_note

CONTEXT_CHARS = 150
COLUMNS = [
    "item", "kind", "ref", "doc_id", "start", "end", "code", "code_name", "context_before", "quote", "context_after",
    "method", "score", "evidence", "decision", "comment", "population", "seed", "run",
]
KEEP = frozenset({"keep", "k", "yes", "y", "ja", "j", "1", "x", "behåll", "true", "correct", "rätt"})
DROP = frozenset({"drop", "d", "no", "n", "nej", "0", "släng", "ta bort", "false", "wrong", "fel"})
IntervalMethod = Literal["wilson", "exact"]


def draw_review_sample(
    hits: Sequence[CodedPassage],
    texts: Mapping[str, str],
    *,
    code: str,
    n: int = 30,
    seed: int = 0,
    code_name: str = "",
    uncoded: Sequence[tuple[str, int, int]] = (),
    n_uncoded: int = 0,
    evidence: Mapping[tuple[str, int, int, str], Mapping[str, Any]] | None = None,
    run_id: str = "",
) -> list[dict[str, Any]]:
    """Rows of a review sheet: up to `n` of the code's hits and up to `n_uncoded` of the `uncoded` spans
    (doc_id, start, end), each drawn at random with `seed`, in random order within each kind. `run_id` names the
    coding run the hits come from, so the filled sheet can be stored with it."""
    if n < 0 or n_uncoded < 0:
        raise UserError(E_OPTION, "sample sizes must not be negative", "Give -n as a positive number, e.g. -n 30.")
    rng = random.Random(seed)
    population = sorted({(p.doc_id, p.start, p.end): p for p in hits if p.theme == code}.values(),
                        key=lambda p: (p.doc_id, p.start, p.end))
    coded = {(p.doc_id, p.start, p.end) for p in population}
    candidates = sorted({u for u in uncoded if u not in coded})
    picked = rng.sample(population, min(n, len(population)))
    picked_uncoded = rng.sample(candidates, min(n_uncoded, len(candidates)))
    rows: list[dict[str, Any]] = []
    for p in picked:
        note = (f"{code_name or code}: coded by hand" if p.method == "human" else
                evidence_note(code_name or code, p.method, p.score,
                              (evidence or {}).get((p.doc_id, p.start, p.end, code))))
        rows.append(_row(len(rows) + 1, "hit", p.doc_id, p.start, p.end, code, code_name, texts, p.method,
                         p.score, note, len(population), seed))
    for doc_id, start, end in picked_uncoded:
        rows.append(_row(len(rows) + 1, "uncoded", doc_id, start, end, code, code_name, texts, "", None,
                         "not coded; keep = it should have been", len(candidates), seed))
    for row in rows:
        row["run"] = run_id
    return rows


def sentences_near(
    hits: Sequence[CodedPassage], sentences: Mapping[str, Sequence[tuple[int, int]]], *, code: str, window: int = 1
) -> list[tuple[str, int, int]]:
    """Uncoded sentences within `window` sentences of a hit of `code`: candidates for hits the coder missed."""
    coded: dict[str, list[tuple[int, int]]] = {}
    for p in hits:
        if p.theme == code:
            coded.setdefault(p.doc_id, []).append((p.start, p.end))
    out: set[tuple[str, int, int]] = set()
    for doc_id, spans in coded.items():
        ordered = sorted(sentences.get(doc_id, []))
        hit_index = {i for i, (s, e) in enumerate(ordered) if any(s < he and e > hs for hs, he in spans)}
        for i in hit_index:
            for j in range(max(0, i - window), min(len(ordered), i + window + 1)):
                if j not in hit_index:
                    out.add((doc_id, *ordered[j]))
    return sorted(out)


def _row(item: int, kind: str, doc_id: str, start: int, end: int, code: str, code_name: str,
         texts: Mapping[str, str], method: str, score: float | None, evidence: str, population: int,
         seed: int) -> dict[str, Any]:
    text = texts.get(doc_id)
    if text is None or not 0 <= start <= end <= len(text):
        raise UserError(E_MALFORMED, f"{passage_ref(doc_id, start, end)} is not a span of a known document",
                        "Pass the texts of every document with hits.")
    return {
        "item": item, "kind": kind, "ref": passage_ref(doc_id, start, end), "doc_id": doc_id, "start": start,
        "end": end, "code": code, "code_name": code_name or code,
        "context_before": " ".join(text[max(0, start - CONTEXT_CHARS):start].split()),
        "quote": text[start:end], "context_after": " ".join(text[end:end + CONTEXT_CHARS].split()),
        "method": method, "score": score, "evidence": evidence, "decision": "", "comment": "",
        "population": population, "seed": seed,
    }


def write_review_sheet(rows: Sequence[Mapping[str, Any]], path: str | Path) -> Path:
    """Write the sheet as .xlsx (by suffix) or CSV (UTF-8 with BOM)."""
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        return write_xlsx({"review": rows}, target, columns={"review": COLUMNS})
    from textsamverkan.export.csv_export import write_csv

    return write_csv(rows, target, columns=COLUMNS)


def read_review_sheet(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a filled sheet (CSV with , or ; or XLSX) with `decision` normalised to keep, drop or ''."""
    target = Path(path)
    if not target.is_file():
        raise UserError(E_NOT_FOUND, f"{target}: no such file", "Give the review sheet you filled in.")
    raw = _xlsx_rows(target) if target.suffix.lower() == ".xlsx" else _csv_rows(target)
    rows = []
    for line, row in enumerate(raw, start=2):
        if not any(str(v or "").strip() for v in row.values()):
            continue
        try:
            parsed = {**row, "item": int(_text(row.get("item"))), "doc_id": _text(row.get("doc_id")),
                      "start": int(_text(row.get("start"))), "end": int(_text(row.get("end"))),
                      "code": _text(row.get("code")), "kind": _text(row.get("kind")) or "hit",
                      "population": int(_text(row.get("population")) or 0)}
        except ValueError as exc:
            raise UserError(E_MALFORMED, f"{target}, row {line}: item, start, end or population is not a number",
                            "Edit only the decision and comment columns.") from exc
        decision = _text(row.get("decision")).casefold()
        if decision in KEEP:
            parsed["decision"] = "keep"
        elif decision in DROP:
            parsed["decision"] = "drop"
        elif decision == "":
            parsed["decision"] = ""
        else:
            raise UserError(E_MALFORMED, f"{target}, row {line}: decision '{row.get('decision')}' is neither keep "
                            "nor drop", "Write keep or drop (or leave the cell empty to skip the item).")
        if parsed["kind"] not in ("hit", "uncoded"):
            raise UserError(E_MALFORMED, f"{target}, row {line}: kind '{parsed['kind']}' is neither hit nor uncoded",
                            "Edit only the decision and comment columns.")
        rows.append(parsed)
    if not rows:
        raise UserError(E_MALFORMED, f"{target}: the sheet has no rows", "Give the sheet written by review.")
    return rows


def _text(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # a cell neutralised against formula injection
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        text = text[:-2]  # a whole number a spreadsheet stored as a float
    return text


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if reader.fieldnames is None or "decision" not in reader.fieldnames:
        raise UserError(E_MALFORMED, f"{path}: no 'decision' column", "Give the sheet written by review.")
    return list(reader)


def _xlsx_rows(path: Path) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(E_MALFORMED, f"{path}: not a readable .xlsx workbook ({exc.__class__.__name__})",
                        "Save the sheet as .xlsx or CSV.") from exc
    sheet = workbook.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    workbook.close()
    if not values or "decision" not in values[0]:
        raise UserError(E_MALFORMED, f"{path}: no 'decision' column", "Give the sheet written by review.")
    header = [str(h) if h is not None else "" for h in values[0]]
    return [dict(zip(header, row, strict=False)) for row in values[1:]]


def review_summary(rows: Sequence[Mapping[str, Any]], *, interval: IntervalMethod = "wilson") -> dict[str, Any]:
    """Precision of the code's hits with a 95 % interval, and the estimated number of missed hits among the
    uncoded candidates (rate × candidates), from a read-back sheet. Undecided rows are left out and counted."""
    if interval not in ("wilson", "exact"):
        raise UserError(E_OPTION, f"interval must be wilson or exact, not '{interval}'", "Use wilson or exact.")
    bounds = wilson_interval if interval == "wilson" else exact_interval
    out: dict[str, Any] = {"code": rows[0]["code"] if rows else "", "interval": interval}
    for kind, prefix in (("hit", "hits"), ("uncoded", "uncoded")):
        part = [r for r in rows if r["kind"] == kind]
        kept = sum(r["decision"] == "keep" for r in part)
        decided = sum(r["decision"] in ("keep", "drop") for r in part)
        population = max((int(r.get("population") or 0) for r in part), default=0)
        share = kept / decided if decided else None
        ci = bounds(kept, decided)
        out.update({f"{prefix}_population": population, f"{prefix}_sampled": len(part),
                    f"{prefix}_decided": decided, f"{prefix}_kept": kept, f"{prefix}_undecided": len(part) - decided})
        if kind == "hit":
            out.update({"precision": share, "precision_low": ci[0] if ci else None,
                        "precision_high": ci[1] if ci else None,
                        "estimated_true_hits": None if share is None else share * population})
        else:
            out.update({"missed_rate": share, "missed_rate_low": ci[0] if ci else None,
                        "missed_rate_high": ci[1] if ci else None,
                        "estimated_missed": None if share is None else share * population,
                        "estimated_missed_low": None if ci is None else ci[0] * population,
                        "estimated_missed_high": None if ci is None else ci[1] * population})
    true_hits, missed = out.get("estimated_true_hits"), out.get("estimated_missed")
    out["estimated_recall_among_candidates"] = (
        true_hits / (true_hits + missed) if true_hits is not None and missed is not None and true_hits + missed
        else None)
    return out


def corrected_codings(codings: Sequence[Coding], rows: Sequence[Mapping[str, Any]]) -> list[Coding]:
    """The coding after review: hits decided "drop" removed, uncoded spans decided "keep" added (with the sheet's
    code); everything not reviewed stays as it was."""
    dropped = {(r["doc_id"], r["start"], r["end"], r["code"]) for r in rows
               if r["kind"] == "hit" and r["decision"] == "drop"}
    added = {Coding(r["doc_id"], r["start"], r["end"], r["code"]) for r in rows
             if r["kind"] == "uncoded" and r["decision"] == "keep"}
    kept = {c for c in codings if (c.source, c.start, c.end, c.code) not in dropped}
    return sorted(kept | added)


def training_examples(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Decided rows as labelled examples for a model coder: text, code, label (1 = belongs to the code)."""
    return [{"text": r.get("quote", ""), "code": r["code"], "label": 1 if r["decision"] == "keep" else 0,
             "doc_id": r["doc_id"], "start": r["start"], "end": r["end"]}
            for r in rows if r["decision"] in ("keep", "drop")]

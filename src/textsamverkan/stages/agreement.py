"""Agreement between two codings of the stored corpus: two coding runs (human–human, human–tool, tool–tool), or a
QDPX project's codings against a coding run; per code and overall, with the list of disagreements.

Only documents both codings cover are compared (a document one coder never saw is not a disagreement); the notes
say how many were left out. Codes are compared by id and shown by the label of the first coding's codebook.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_EMPTY, E_OPTION, UserError
from textsamverkan.export.qda_types import Coding
from textsamverkan.stages.coding_runs import RunCoding, qda_codes, read_coding

UNIT_OPTIONS = {"characters": "character", "sentences": "sentence", "passages": "passage", "segments": "segment"}


@dataclass(frozen=True)
class AgreementOptions:
    """How to count: units (characters, sentences, passages, segments), the segment tolerance, whether to leave
    out text nobody coded, and the bootstrap (replicates, seed; 0 replicates: no intervals)."""

    units: str = "characters"
    min_overlap: float = 0.9
    exclude_uncoded: bool = False
    bootstrap: int = 1000
    seed: int = 0


@dataclass
class AgreementResult:
    """Rows per code (and "(all codes)"), the disagreement list, and notes (runs used, documents left out)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    coder_a: str = ""
    coder_b: str = ""
    notes: list[str] = field(default_factory=list)


def agree_runs(
    conn: sqlite3.Connection,
    *,
    run_a: str | None,
    run_b: str,
    corpus: str | None = None,
    options: AgreementOptions = AgreementOptions(),
) -> AgreementResult:
    """Coding run B compared with coding run A (A is the reference for precision and recall)."""
    a = read_coding(conn, run_id=run_a, corpus=corpus)
    b = read_coding(conn, run_id=run_b, corpus=corpus)
    if a.run.run_id == b.run.run_id:
        raise UserError(E_OPTION, f"both codings are run {a.run.run_id}",
                        "Give two different runs: --run A --against B.")
    coder_a, coder_b = _labels(a, b)
    names = {**b.code_names(), **a.code_names()}
    texts = {d: t for d, t in a.texts.items() if d in b.texts}
    notes = [*a.notes, *b.notes]
    for run in (a, b):
        left = len(run.texts) - len(texts)
        if left:
            notes.append(f"note: {left} document(s) only run {run.run.run_id} covers were left out")
    return compare(conn, a.codings, b.codings, texts, names, coder_a, coder_b, options, notes=notes)


def agree_file(
    conn: sqlite3.Connection,
    qdpx: Path,
    *,
    run_id: str | None = None,
    corpus: str | None = None,
    positions: str = "auto",
    coder: str | None = None,
    options: AgreementOptions = AgreementOptions(),
) -> AgreementResult:
    """The codings of a QDPX project (the reference: every coder in it together, or only `coder`) compared with a
    coding run."""
    from textsamverkan.coding.qdpx_import import import_codings

    run = read_coding(conn, run_id=run_id, corpus=corpus)
    imported = import_codings(
        qdpx, run.texts, qda_codes(run.codebook),
        positions="utf16" if positions == "utf16" else "codepoints" if positions == "codepoints" else "auto",
    )  # fmt: skip
    notes = [*run.notes, *(f"note: {n}" for n in imported.notes)]
    if coder is not None and coder not in imported.by_coder:
        raise UserError(E_OPTION, f"{qdpx.name} holds no codings by '{coder}'",
                        "Coders in it: " + (", ".join(imported.by_coder) or "none") + ".")
    chosen = {coder: imported.by_coder[coder]} if coder is not None else imported.by_coder
    human = sorted({c for coded in chosen.values() for c in coded})
    names = {**run.code_names(), **{c.id: c.name for c in imported.new_codes}}
    seen = set(imported.documents.values())
    texts = {d: t for d, t in run.texts.items() if d in seen}
    left = len(run.texts) - len(texts)
    if left:
        notes.append(f"note: {left} document(s) of {run.run.run_id} are not in {qdpx.name} and were left out")
    coders = ", ".join(chosen) or "nobody"
    return compare(conn, human, run.codings, texts, names, f"{qdpx.name} ({coders})", run.coder, options, notes=notes)


def compare(
    conn: sqlite3.Connection,
    a: Sequence[Coding],
    b: Sequence[Coding],
    texts: Mapping[str, str],
    names: Mapping[str, str],
    coder_a: str,
    coder_b: str,
    options: AgreementOptions,
    *,
    notes: list[str] | None = None,
) -> AgreementResult:
    """Agreement rows and disagreements of two codings on the documents in `texts` (the others are left out)."""
    from textsamverkan.coding.agreement import compare_codings
    from textsamverkan.coding.disagreements import disagreements

    if options.units not in UNIT_OPTIONS:
        raise UserError(E_OPTION, f"unknown units '{options.units}'", f"Choose one of: {', '.join(UNIT_OPTIONS)}.")
    if not texts:
        raise UserError(E_EMPTY, "the two codings share no document", "Compare codings of the same documents.")
    a = [c for c in a if c.source in texts]
    b = [c for c in b if c.source in texts]
    unit = UNIT_OPTIONS[options.units]
    segments = _segments(conn, list(texts), unit) if unit in ("sentence", "passage") else None
    rows = compare_codings(
        a, b, unit=unit,  # type: ignore[arg-type]
        lengths={d: len(t) for d, t in texts.items()}, segments=segments,
        exclude_uncoded=options.exclude_uncoded, min_overlap=options.min_overlap, coder_a=coder_a, coder_b=coder_b,
        bootstrap=options.bootstrap, seed=options.seed,
    )  # fmt: skip
    for row in rows:
        code = row["code"]
        row["code"] = names.get(code, code)
        row["code_id"] = code
    listed = disagreements(a, b, texts, coder_a=coder_a, coder_b=coder_b, code_names=names)
    result = AgreementResult(rows, listed, coder_a, coder_b, list(notes or []))
    result.notes.append(f"{coder_b} compared with {coder_a} on {len(texts)} document(s), {options.units} as units")
    return result


def _labels(a: RunCoding, b: RunCoding) -> tuple[str, str]:
    """The coders' names, with the run id added when both runs stand for the same coder."""
    if a.coder != b.coder:
        return a.coder, b.coder
    return f"{a.coder} ({a.run.run_id})", f"{b.coder} ({b.run.run_id})"


def _segments(conn: sqlite3.Connection, doc_ids: list[str], unit: str) -> dict[str, list[tuple[int, int]]]:
    from textsamverkan.stages.themes import sentence_units
    from textsamverkan.store.documents import get_document

    if unit == "sentence":
        return {d: sentence_units(conn, d) for d in doc_ids}
    return {d: [(s.start, s.end) for s in get_document(conn, d, layers=["passage"]).spans_on("passage")]
            for d in doc_ids}

"""The review loop on stored runs: draw a seeded sample of a code's hits from a coding run into a keep/drop sheet;
read the filled sheet back as a review run that names the coding run it reviewed and keeps the precision (with its
95 % interval) in its summary; optionally make the corrected coding (kept hits, without the dropped ones, plus
uncoded sentences marked keep) a new themes run that compare, export and report read with `--run`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_EMPTY, E_MALFORMED, UserError
from textsamverkan.model import RunRecord, Span
from textsamverkan.runner import RunContext, StageResult, StageSpec, read_run, run_doc_ids, run_stage
from textsamverkan.stages.coding_runs import HUMAN, coder_of, read_coding
from textsamverkan.stages.corpus_view import THEME

REVIEW_SPEC = StageSpec("review.v1", "review", reads_runs=("themes",), documents=False)
CORRECTED_SPEC = StageSpec("coding-corrected.v1", "themes", writes=(THEME,), per_run=True)
REVIEWED = "reviewed"


@dataclass
class DrawnSheet:
    path: Path
    run: RunRecord
    rows: list[dict[str, Any]]
    hits: int
    notes: list[str] = field(default_factory=list)


def draw_review(
    conn: sqlite3.Connection,
    code: str,
    output: Path,
    *,
    n: int = 30,
    n_uncoded: int = 0,
    seed: int = 0,
    run_id: str | None = None,
    corpus: str | None = None,
) -> DrawnSheet:
    """Write a keep/drop sheet of `n` hits of `code` (and `n_uncoded` uncoded sentences next to its hits) drawn
    with `seed` from a coding run (`run_id`, else the current one)."""
    from textsamverkan.coding.review import draw_review_sample, sentences_near, write_review_sheet
    from textsamverkan.stages.coding_runs import run_evidence
    from textsamverkan.stages.corpus_view import load_view
    from textsamverkan.stages.themes import sentence_units

    view = load_view(conn, corpus=corpus, run_id=run_id)
    assert view.run is not None
    names = view.code_names()
    hits = [p for p in view.passages if p.theme == code]
    if not hits:
        if code not in names:
            view.codebook.code(code)  # an unknown code: an error naming close matches
        raise UserError(E_EMPTY, f"run {view.run.run_id} has no hits of code '{code}'",
                        "Choose a code the run coded (`textsamverkan compare --table themes`), or another --run.")
    docs = sorted({p.doc_id for p in hits})
    uncoded = (sentences_near(hits, {d: sentence_units(conn, d) for d in docs}, code=code) if n_uncoded else [])
    rows = draw_review_sample(view.passages, view.texts, code=code, n=n, seed=seed, code_name=names.get(code, code),
                              uncoded=uncoded, n_uncoded=n_uncoded, evidence=run_evidence(conn, view.run, docs),
                              run_id=view.run.run_id)
    write_review_sheet(rows, output)
    return DrawnSheet(output, view.run, rows, len(hits), view.notes)


@dataclass
class ReviewResult:
    """The review run (its summary holds the figures), the corrected coding run if one was made, and notes."""

    summary: dict[str, Any]
    review: RunRecord
    corrected: RunRecord | None = None
    notes: list[str] = field(default_factory=list)


def read_review(
    conn: sqlite3.Connection,
    sheet: Path,
    *,
    run_id: str | None = None,
    corrected: bool = False,
    interval: str = "wilson",
    training: Path | None = None,
    make_current: bool = False,
) -> ReviewResult:
    """Read a filled sheet: record a review run of the coding run it was drawn from (or `run_id`) with precision,
    its interval and the estimate of missed hits; with `corrected`, also record the corrected coding as a run."""
    from textsamverkan.coding.review import read_review_sheet, review_summary, training_examples

    rows = read_review_sheet(sheet)
    named = sorted({str(r.get("run") or "").strip() for r in rows} - {""})
    if run_id is None and len(named) != 1:
        raise UserError(E_MALFORMED, f"{sheet}: the sheet names " + ("no coding run" if not named else
                        f"{len(named)} coding runs ({', '.join(named)})"),
                        "Give the coding run it was drawn from with --run ID.")
    coding_run, notes = read_run(conn, "themes", run_id=run_id or named[0])
    codes = sorted({r["code"] for r in rows})
    if len(codes) != 1:
        raise UserError(E_MALFORMED, f"{sheet}: the sheet holds {len(codes)} codes ({', '.join(codes)})",
                        "Review one code per sheet, as `textsamverkan review CODE` draws them.")
    coding = read_coding(conn, run_id=coding_run.run_id)
    present = {(c.source, c.start, c.end, c.code) for c in coding.codings}
    foreign = [r["item"] for r in rows if r["kind"] == "hit" and (r["doc_id"], r["start"], r["end"], r["code"])
               not in present]
    if foreign:
        raise UserError(E_MALFORMED, f"{sheet}: item(s) {', '.join(map(str, foreign[:10]))} are not hits of run "
                        f"{coding_run.run_id}", "Read the sheet back against the run it was drawn from (--run).")
    summary = review_summary(rows, interval="exact" if interval == "exact" else "wilson")

    def body(ctx: RunContext) -> dict[str, Any]:
        ctx.summary.update(summary)
        return summary

    review = run_stage(conn, REVIEW_SPEC, body, corpus=coding_run.corpus, run_ids={"themes": coding_run.run_id},
                       settings={"sheet": str(sheet), "interval": interval, "corrected": corrected},
                       record={"reviewed_run": coding_run.run_id, "code": codes[0]})
    result = ReviewResult(summary, review.run, notes=[*notes, *review.notes])
    if training is not None:
        from textsamverkan.export.csv_export import write_csv

        write_csv(training_examples(rows), training)
    if corrected:
        fixed = _record_corrected(conn, coding_run, rows, review.run, sheet, make_current)
        result.corrected = fixed.run
        result.notes += fixed.notes
    return result


def _record_corrected(
    conn: sqlite3.Connection,
    coding_run: RunRecord,
    rows: list[dict[str, Any]],
    review: RunRecord,
    sheet: Path,
    make_current: bool,
) -> StageResult[None]:
    from textsamverkan.coding.review import corrected_codings

    coding = read_coding(conn, run_id=coding_run.run_id)
    fixed = corrected_codings(coding.codings, rows)
    by_doc: dict[str, list[Span]] = {}
    for c in fixed:
        attrs = coding.attrs.get((c.source, c.start, c.end, c.code)) or {"score": 1.0, "method": HUMAN,
                                                                           "added_in_review": str(sheet)}
        by_doc.setdefault(c.source, []).append(Span(c.start, c.end, THEME, c.code, attrs))

    def body(ctx: RunContext) -> None:
        counts: dict[str, int] = {}
        for doc_id in ctx.doc_ids:
            spans = by_doc.get(doc_id, [])
            ctx.write(doc_id, spans)
            for span in spans:
                counts[span.label] = counts.get(span.label, 0) + 1
        ctx.summary.update(documents=len(ctx.doc_ids), hits=sum(counts.values()), per_theme=counts,
                           dropped=sum(r["kind"] == "hit" and r["decision"] == "drop" for r in rows),
                           added=sum(r["kind"] == "uncoded" and r["decision"] == "keep" for r in rows))

    record = {
        "codebook": coding_run.manifest.get("codebook"),
        "method": REVIEWED,
        "coder": f"{coder_of(coding_run)} (reviewed)",
        "corrects": coding_run.run_id,
        "review_run": review.run_id,
    }
    return run_stage(conn, CORRECTED_SPEC, body, corpus=coding_run.corpus, settings={"sheet": str(sheet)},
                     record={k: v for k, v in record.items() if v is not None},
                     doc_ids=run_doc_ids(conn, coding_run), make_current=make_current)

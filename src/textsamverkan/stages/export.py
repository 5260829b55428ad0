"""The export stage: the coded passages and comparison tables of one coding run, as CSV, XLSX, JSON or QDPX.

An export is recorded as a run that names the coding run it read, and uses that run's codebook (codes, labels,
colours) rather than whatever codebook is the default today.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage
from textsamverkan.stages.corpus_view import CorpusView, load_view

if TYPE_CHECKING:
    from textsamverkan.stages.pii import RedactOptions

SPEC = StageSpec("export.v1", "export", reads_runs=("themes",), documents=False)


def passage_table(view: CorpusView) -> list[dict[str, Any]]:
    """One row per coded passage with its code's label from the run's codebook."""
    names = view.code_names()
    return [
        {
            "doc_id": p.doc_id,
            "start": p.start,
            "end": p.end,
            "theme": p.theme,
            "theme_label": names.get(p.theme, p.theme),
            "score": p.score,
            "method": p.method,
            "speaker": p.speaker or "",
            "quote": p.quote,
        }
        for p in view.passages
    ]


def write_qdpx_project(view: CorpusView, output: Path, *, user_name: str, positions: str) -> None:
    """The run's coding as a REFI-QDA project with the run's own codebook."""
    from textsamverkan.export.qda_types import codes_from_codebook
    from textsamverkan.export.qdpx import write_passages_qdpx

    book = view.codebook
    coded = {p.theme for p in view.passages}
    known = [c for c in book.codes if c.id in coded]
    extra = sorted(coded - {c.id for c in known})
    codes = codes_from_codebook(
        [c.id for c in known] + extra,
        [c.label_sv for c in known] + extra,
        [c.description for c in known] + [""] * len(extra),
        [c.color for c in known] + [None] * len(extra),
    )
    write_passages_qdpx(
        output,
        view.passages,
        view.texts,
        codes,
        docs=view.docs,
        user_name=user_name,
        positions="codepoints" if positions == "codepoints" else "utf16",
    )


def run_export(
    conn: sqlite3.Connection,
    *,
    fmt: str,
    output: Path,
    by: str = "region",
    corpus: str | None = None,
    run_id: str | None = None,
    user_name: str = "textsamverkan",
    positions: str = "utf16",
    redaction: RedactOptions | None = None,
) -> StageResult[list[Path]]:
    """Write the export of one coding run (the current one, or `run_id`) and record it as a run. With `redaction`,
    texts, quotes and speakers are pseudonymised and every offset moved into the redacted texts."""

    def body(ctx: RunContext) -> list[Path]:
        view = load_view(conn, corpus=corpus, run_id=ctx.input_runs["themes"].run_id)
        if redaction is not None:
            from textsamverkan.stages.pii import redact_corpus_view

            view = redact_corpus_view(conn, view, redaction)[0]
        ctx.notes += view.notes
        ctx.summary.update(format=fmt, output=str(output), passages=len(view.passages), documents=len(view.docs))
        return _write(view, fmt, output, by, user_name=user_name, positions=positions)

    return run_stage(
        conn,
        SPEC,
        body,
        corpus=corpus,
        settings={
            "format": fmt,
            "output": str(output),
            "by": by,
            "user": user_name,
            "positions": positions,
            "redacted": redaction is not None,
        },
        run_ids={"themes": run_id} if run_id else None,
    )


def _write(view: CorpusView, fmt: str, output: Path, by: str, *, user_name: str, positions: str) -> list[Path]:
    from textsamverkan.analysis.compare import compare

    if fmt == "qdpx":
        write_qdpx_project(view, output, user_name=user_name, positions=positions)
        return [output]
    result = compare(view.passages, view.docs, by=by)
    passages = passage_table(view)
    tables = {"passages": passages, **result.tables()}
    columns = {"passages": list(passages[0]) if passages else [], **result.columns()}
    if fmt in ("csv", "csv-sv"):
        from textsamverkan.export.csv_export import write_csv_tables

        return list(
            write_csv_tables(tables, output, columns=columns, dialect="excel-sv" if fmt == "csv-sv" else "excel")
        )
    if fmt == "xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        write_xlsx(tables, output, columns=columns)
        return [output]
    from textsamverkan.export.json_export import tables_document, write_json

    write_json(tables_document(tables, settings=result.settings, notes=result.notes), output)
    return [output]

"""The export stage: the coded passages and comparison tables of one coding run, as CSV, XLSX, JSON or QDPX.

An export is recorded as a run that names the coding run it read, and uses that run's codebook (codes, labels,
colours) rather than whatever codebook is the default today.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textsamverkan.errors import E_OPTION, UserError
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
    more_runs: Sequence[str] = (),
) -> StageResult[list[Path]]:
    """Write the export of one coding run (the current one, or `run_id`) and record it as a run. With `redaction`,
    texts, quotes and speakers are pseudonymised and every offset moved into the redacted texts. `more_runs`
    (QDPX only) adds further coding runs, each coder a user of the same project."""
    if more_runs and fmt != "qdpx":
        raise UserError(E_OPTION, f"several coding runs go into one file only with --format qdpx, not {fmt}",
                        "Give one --run, or export as qdpx.")

    def body(ctx: RunContext) -> list[Path]:
        views = [load_view(conn, corpus=corpus, run_id=r) for r in (ctx.input_runs["themes"].run_id, *more_runs)]
        if redaction is not None:
            from textsamverkan.stages.pii import redact_corpus_view

            views = [redact_corpus_view(conn, view, redaction)[0] for view in views]
        for view in views:
            ctx.notes += view.notes
        view = views[0]
        ctx.summary.update(format=fmt, output=str(output), passages=sum(len(v.passages) for v in views),
                           documents=len(view.docs), runs=[v.run.run_id for v in views if v.run])
        if fmt == "qdpx":
            from textsamverkan.stages.qdpx_coders import write_runs_qdpx

            return [write_runs_qdpx(conn, views, output, user_name=user_name, positions=positions,
                                    evidence=redaction is None)]
        return _write(view, fmt, output, by)

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
            "more_runs": list(more_runs),
        },
        run_ids={"themes": run_id} if run_id else None,
    )


def _write(view: CorpusView, fmt: str, output: Path, by: str) -> list[Path]:
    from textsamverkan.analysis.compare import compare

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

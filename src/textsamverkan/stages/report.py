"""The report stage: the stored corpus, one coding run, speakers and topics, written as one HTML file.

The report is recorded as a run naming the coding run it shows; theme names come from that run's codebook.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textsamverkan.stages.pii import RedactOptions

from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage

SPEC = StageSpec("report.v1", "report", reads_runs=("themes",), documents=False)


def write_corpus_report(
    conn: sqlite3.Connection,
    path: Path,
    *,
    corpus: str | None = None,
    run_id: str | None = None,
    by: str = "region",
    sources: str = "all",
    topics_csv: Path | None = None,
    title: str = "textsamverkan",
    subtitle: str = "{documents} documents",
    redact: RedactOptions | None = None,
    against: str | None = None,
) -> StageResult[Path]:
    """Write the report to `path`; `subtitle` may use {documents}, the number of documents shown. With `redact`,
    texts, quotes, speakers and topics are pseudonymised and highlights moved into the redacted texts. `against`
    (a coding run) adds a section of the passages where it differs from the run shown."""
    from textsamverkan.analysis.compare import compare
    from textsamverkan.analysis.speaker_shares import speaker_rows
    from textsamverkan.export.report import write_report
    from textsamverkan.stages.corpus_view import load_view

    if against is not None and redact is not None:
        from textsamverkan.errors import E_OPTION, UserError

        raise UserError(E_OPTION, "--against cannot be combined with --redact",
                        "Write the disagreement list with `agree --disagreements` and share it redacted separately.")

    def body(ctx: RunContext) -> Path:
        view = load_view(conn, corpus=corpus, run_id=ctx.input_runs["themes"].run_id)
        ctx.notes += view.notes
        agreement = None
        if against is not None:
            from textsamverkan.stages.agreement import agree_runs

            agreement = agree_runs(conn, run_a=ctx.input_runs["themes"].run_id, run_b=against, corpus=corpus)
            ctx.notes += agreement.notes
        topics = []
        if topics_csv and topics_csv.stat().st_size:
            with topics_csv.open(encoding="utf-8-sig") as handle:
                topics = list(csv.DictReader(handle))
        speakers = speaker_rows(conn, corpus=corpus)
        if redact is not None:
            from textsamverkan.pii.corpus import redact_rows
            from textsamverkan.stages.pii import redact_corpus_view

            view, plan = redact_corpus_view(conn, view, redact)
            speakers, topics = redact_rows(speakers, plan), redact_rows(topics, plan)
        ctx.summary.update(output=str(path), documents=len(view.docs), passages=len(view.passages))
        return write_report(
            path,
            view.docs,
            view.texts,
            passages=view.passages,
            comparison=compare(view.passages, view.docs, by=by) if view.passages else None,
            speakers=speakers,
            topics=topics,
            sources=sources,
            theme_names=view.code_names(),
            disagreements=agreement.disagreements if agreement else (),
            agreement=agreement.rows if agreement else (),
            title=title,
            subtitle=subtitle.format(documents=len(view.docs)),
        )

    settings = {"output": str(path), "by": by, "sources": sources, "topics": str(topics_csv or ""),
                "against": against or ""}
    return run_stage(
        conn,
        SPEC,
        body,
        corpus=corpus,
        settings={**settings, "redacted": redact is not None},
        run_ids={"themes": run_id} if run_id else None,
    )

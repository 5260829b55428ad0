"""The report stage: the stored corpus, one coding run, speakers and topics, written as one HTML file.

The report is recorded as a run naming the coding run it shows (and the claims run, when there is one); theme names
come from that run's codebook. Tests and intervals are clustered (by author, by speaker) whenever the grouping has
clusters, unless the user says otherwise.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textsamverkan.stages.pii import RedactOptions

from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage

SPEC = StageSpec("report.v2", "report", reads_runs=("themes",), uses_runs=("claims",), documents=False)


def write_corpus_report(
    conn: sqlite3.Connection,
    path: Path,
    *,
    corpus: str | None = None,
    run_id: str | None = None,
    by: str = "region",
    cluster: str | None = None,
    min_group_documents: int = 5,
    model_hits: bool = True,
    claims_run_id: str | None = None,
    sources: str = "all",
    topics_csv: Path | None = None,
    title: str = "textsamverkan",
    subtitle: str = "{documents} documents",
    redact: RedactOptions | None = None,
    against: str | None = None,
) -> StageResult[Path]:
    """Write the report to `path`; `subtitle` may use {documents}, the number of documents shown. With `redact`,
    texts, quotes, speakers, topics and claims are pseudonymised and highlights moved into the redacted texts.

    `cluster` as for compare ("none" turns the default clustering off); the claims shown are those of the current
    claims run (or `claims_run_id`). `against` (a coding run) adds a section of the passages where it differs
    from the run shown. Without `model_hits` the passages only the learned layer coded are left out."""
    from textsamverkan.analysis.compare import compare, resolve_cluster
    from textsamverkan.analysis.speaker_shares import speaker_rows
    from textsamverkan.claims.conflicts import find_conflicts
    from textsamverkan.export.report import write_report
    from textsamverkan.stages.corpus_view import load_view

    if against is not None and redact is not None:
        from textsamverkan.errors import E_OPTION, UserError

        raise UserError(E_OPTION, "--against cannot be combined with --redact",
                        "Write the disagreement list with `agree --disagreements` and share it redacted separately.")

    def body(ctx: RunContext) -> Path:
        view = load_view(conn, corpus=corpus, run_id=ctx.input_runs["themes"].run_id, model_hits=model_hits)
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
        claims, claims_note = _claims(conn, ctx, corpus)
        if redact is not None:
            from textsamverkan.pii.corpus import redact_rows
            from textsamverkan.stages.pii import redact_corpus_view

            view, plan = redact_corpus_view(conn, view, redact)
            ctx.notes += plan.notes
            speakers, topics, claims = redact_rows(speakers, plan), redact_rows(topics, plan), redact_rows(claims, plan)
        conflicts = find_conflicts(claims) if claims else []
        used, cluster_notes = resolve_cluster(cluster, view.docs, by)
        ctx.notes += cluster_notes
        comparison = unclustered = None
        if view.passages:
            comparison = compare(view.passages, view.docs, by=by, cluster=used, min_documents=min_group_documents)
            if used:
                unclustered = compare(view.passages, view.docs, by=by, min_documents=min_group_documents,
                                      bootstrap=0)
        ctx.summary.update(output=str(path), documents=len(view.docs), passages=len(view.passages),
                           cluster=used or "", claims=len(claims), conflicts=len(conflicts))
        return write_report(
            path,
            view.docs,
            view.texts,
            passages=view.passages,
            comparison=comparison,
            unclustered=unclustered,
            speakers=speakers,
            topics=topics,
            claims=claims,
            claims_note=claims_note,
            conflicts=conflicts,
            sources=sources,
            theme_names=view.code_names(),
            min_group_documents=min_group_documents,
            disagreements=agreement.disagreements if agreement else (),
            agreement=agreement.rows if agreement else (),
            title=title,
            subtitle=subtitle.format(documents=len(view.docs)),
        )

    settings = {"output": str(path), "by": by, "cluster": cluster or "", "min_group_documents": min_group_documents,
                "model_hits": model_hits, "sources": sources, "topics": str(topics_csv or ""), "against": against or ""}
    return run_stage(
        conn,
        SPEC,
        body,
        corpus=corpus,
        settings={**settings, "redacted": redact is not None},
        run_ids={k: v for k, v in (("themes", run_id), ("claims", claims_run_id)) if v} or None,
    )


def _claims(conn: sqlite3.Connection, ctx: RunContext, corpus: str | None) -> tuple[list[dict[str, Any]], str]:
    """The claims of the claims run this report reads (the current one), and a line saying which run it was."""
    from textsamverkan.stages.claims import stored_claims

    run = ctx.input_runs.get("claims")
    if run is None:
        return [], "No claims run for this corpus: run `textsamverkan claims` to fill this section."
    _, rows, notes = stored_claims(conn, corpus=corpus, run_id=run.run_id)
    ctx.notes += [n for n in notes if n not in ctx.notes]
    return rows, f"{len(rows)} claims from claims run {run.run_id}."

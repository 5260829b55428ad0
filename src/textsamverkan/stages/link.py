"""Linking statements against a stored corpus: read passages and their (cached) vectors, build the Linker, make rows.

The Linker itself (claims/link.py) only ranks and judges what it is given; this module is the one place that reads
the store and loads the embedder for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textsamverkan.claims.link import DEFAULT_LINK_EMBEDDER, DEFAULT_THRESHOLD, Linker, LinkResult
from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage
from textsamverkan.settings import resolve

if TYPE_CHECKING:
    from textsamverkan.distributed.engine import ShardRunner

COLUMNS = (
    "statement_no",
    "statement",
    "rank",
    "status",
    "score",
    "speaker",
    "doc_id",
    "start",
    "end",
    "quote",
    "verdict",
    "confidence",
    "evidence_start",
    "evidence_end",
    "evidence_quote",
    "reasons",
)
TABLE_COLUMNS = ("statement_no", "statement", "rank", "status", "verdict", "confidence", "doc_id", "start", "reason",
                 "evidence_quote")  # fmt: skip


SPEC = StageSpec("link.v3", "link", reads=("passage",))
JUDGE_SHARD = 50  # statements per shard: judging one costs a few milliseconds to a second


def run_link(
    conn: sqlite3.Connection,
    statements: Sequence[str],
    *,
    corpus: str | None = None,
    settings: Mapping[str, Any] | None = None,
    source: str = "",
) -> StageResult[list[dict[str, Any]]]:
    """Link and judge every statement as one recorded run (settings from the table; the statements' hash kept).
    With `--workers`/`--scheduler` the passages' missing vectors are computed and the statements judged on Dask
    workers, while this process ranks the next statements."""
    import hashlib

    from textsamverkan.distributed.engine import shard_runner

    resolved = resolve("link", settings or {})

    def body(ctx: RunContext) -> list[dict[str, Any]]:
        linker = build_linker(
            ctx.conn, ctx.doc_ids, embedder=resolved["link_embedder"], threshold=resolved["threshold"],
            workers=resolved["workers"], scheduler=resolved["scheduler"],
        )  # fmt: skip
        with shard_runner(workers=resolved["workers"], scheduler=resolved["scheduler"]) as runner:
            rows = link_statements(
                linker, statements, k=resolved["top_k"], runner=runner, learned=resolved["learned_verifier"]
            )
        verdicts = {r["statement_no"]: r["status"] for r in rows}
        ctx.summary.update(
            statements=len(statements),
            verdicts={v: list(verdicts.values()).count(v) for v in sorted(set(verdicts.values()))},
        )
        return rows

    digest = hashlib.sha256("\n".join(statements).encode("utf-8")).hexdigest()
    record = {"statements": {"source": source, "count": len(statements), "sha256": digest}}
    return run_stage(conn, SPEC, body, corpus=corpus, settings=resolved, record=record)


def build_linker(
    conn: sqlite3.Connection,
    doc_ids: list[str],
    *,
    embedder: str | None = DEFAULT_LINK_EMBEDDER,
    threshold: float = DEFAULT_THRESHOLD,
    progress: bool = False,
    workers: int = 0,
    scheduler: str | None = None,
) -> Linker:
    """A Linker over every passage of the documents, with cached vectors (the missing ones computed on `workers` or
    at `scheduler` when given), speaker names and document context."""
    from textsamverkan.stages.embed import corpus_passages, embed_passages
    from textsamverkan.store.documents import get_document, load_speakers

    refs = corpus_passages(conn, doc_ids)
    vectors, model = embed_passages(conn, refs, embedder, progress=progress, workers=workers, scheduler=scheduler)
    names: dict[str, dict[str, str]] = {}
    contexts: dict[str, str] = {}
    speakers: list[str] = []
    for ref in refs:
        if ref.doc_id not in names:
            names[ref.doc_id] = {s.id: s.name for s in load_speakers(conn, ref.doc_id).values()}
            meta = get_document(conn, ref.doc_id, layers=[]).metadata
            contexts[ref.doc_id] = " ".join(
                str(meta.get(key, "")) for key in ("title", "organisation", "region") if meta.get(key)
            )
        speakers.append(names[ref.doc_id].get(ref.speaker or "", ref.speaker or ""))
    return Linker(
        refs, vectors, model, speakers=speakers, contexts=[contexts[r.doc_id] for r in refs], threshold=threshold
    )


def result_rows(n: int, result: LinkResult) -> list[dict[str, Any]]:
    """Output rows of one statement: one per candidate (status = the statement's overall verdict)."""
    from textsamverkan.claims.verdict import one_line

    if not result.supports:
        return [
            {"statement_no": n, "statement": result.statement, "rank": None, "status": "no_evidence",
             "verdict": "no_evidence", "reasons": {}, "reason": "; ".join(result.notes)}
        ]  # fmt: skip
    rows = []
    for rank, s in enumerate(result.supports, 1):
        j = s.judgement
        rows.append(
            {
                "statement_no": n,
                "statement": result.statement,
                "rank": rank,
                "status": result.verdict,
                "score": s.score,
                "speaker": s.speaker,
                "doc_id": s.doc_id,
                "start": s.start,
                "end": s.end,
                "quote": s.quote,
                "verdict": j.verdict if j else None,
                "confidence": j.confidence if j else None,
                "evidence_start": j.evidence.start if j else None,
                "evidence_end": j.evidence.end if j else None,
                "evidence_quote": j.evidence.quote if j else "",
                "reasons": j.reasons if j else {},
                "reason": one_line(j.reasons) if j else "not judged: a closer passage already decides",
            }
        )
    return rows


def link_statements(
    linker: Linker,
    statements: Sequence[str],
    *,
    k: int = 5,
    runner: ShardRunner | None = None,
    learned: bool = False,
) -> list[dict[str, Any]]:
    """Rows for every statement (see COLUMNS), in input order. Statements are ranked here (the index is here) and
    judged through `runner` (in this process by default, or on its workers), with the learned verifier when
    `learned`."""
    import functools

    from textsamverkan.claims.link import judge_shard
    from textsamverkan.distributed.engine import ShardRunner

    ranked = (linker.rank(statement, k=k) for statement in statements)
    judged = (runner or ShardRunner()).stream(
        functools.partial(judge_shard, learned=learned), ranked, payload=lambda r: r, key=lambda r: r.statement,
        shard_size=JUDGE_SHARD, name="judge",
    )  # fmt: skip
    rows: list[dict[str, Any]] = []
    for n, (_, result) in enumerate(judged, 1):
        rows += result_rows(n, result)
    return rows

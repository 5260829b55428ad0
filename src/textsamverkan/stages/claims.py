"""The claims stage: find claims in every sentence, store them as `claim` spans of the run, keep their SourceRefs.

Claim spans disappear with their document when it is re-ingested, so each run also keeps a copy of the references
(`store.claim_refs`). `verify_claims` checks the copies of a claims run against the current texts: "ok", "moved"
(with new offsets), "ambiguous" or "lost".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from textsamverkan.model import Document, RunRecord, Span, Speaker
from textsamverkan.runner import RunContext, StageResult, StageSpec, read_run, run_doc_ids, run_stage
from textsamverkan.settings import resolve
from textsamverkan.stages.sentences import document_sentences
from textsamverkan.store.claim_refs import claim_refs, document_text, replace_claim_refs
from textsamverkan.store.documents import get_document, speaker_of

CLAIM = "claim"
SPEC = StageSpec(
    "claims.v2",
    "claims",
    reads=("passage",),
    uses=("sentence", "token", "turn"),
    writes=(CLAIM,),
    per_run=True,
    uses_runs=("themes",),
)
SHARD_DOCUMENTS = 100  # documents per shard
ClaimInputs = tuple[Document, dict[str, Speaker], list[Span]]
COLUMNS = (
    "doc_id",
    "start",
    "end",
    "type",
    "themes",
    "speaker",
    "role",
    "organisation",
    "region",
    "quantities",
    "quote",
)


def _describe_quantities(quantities: list[dict[str, Any]]) -> str:
    from textsamverkan.claims.quantities import describe

    return "; ".join(describe(q) for q in quantities)


def extract_document(doc: Document, speakers: dict[str, Speaker], themes: list[Span]) -> list[Span]:
    """The claim spans of one document (not stored yet), with type, cues, quantities, themes, speaker and ref.

    `doc` carries its passage, sentence, token and turn spans; `themes` are the theme spans of the coding run read.
    """
    from textsamverkan.claims.extract import classify
    from textsamverkan.claims.sourceref import make_ref

    sentences, _source = document_sentences(doc)
    turns = doc.spans_on("turn")
    meta = doc.metadata
    sha = doc.text_sha256
    spans: list[Span] = []
    for sentence in sentences:
        match = classify(sentence.text, sentence.start)
        if match is None:
            continue
        speaker = speaker_of(turns, speakers, sentence.start)
        spans.append(
            Span(
                sentence.start,
                sentence.end,
                CLAIM,
                match.type,
                {
                    "types": list(match.types),
                    "cues": list(match.cues),
                    "quantities": [q.to_dict() for q in match.quantities],
                    "themes": sorted({t.label for t in themes if t.start < sentence.end and sentence.start < t.end}),
                    "speaker": speaker.name if speaker else "",
                    "role": (speaker.role if speaker else None) or "",
                    "organisation": (speaker.organisation if speaker else None) or str(meta.get("organisation", "")),
                    "region": str(meta.get("region", "")),
                    "sourceref": make_ref(doc.doc_id, doc.text, sentence.start, sentence.end, sha256=sha).to_dict(),
                },
            )
        )
    return spans


def claims_shard(docs: Sequence[ClaimInputs]) -> list[list[Span]]:
    """The claim spans of each document (document, speakers, theme spans), extracted where the task runs."""
    return [extract_document(doc, speakers, themes) for doc, speakers, themes in docs]


def run_claims(
    conn: sqlite3.Connection,
    *,
    corpus: str | None = None,
    themes_run: str | None = None,
    settings: Mapping[str, Any] | None = None,
) -> StageResult[list[dict[str, Any]]]:
    """Extract the claims of every document as one run (themes from the current themes run, or `themes_run`).

    Documents stream through a shard runner: extracted in this process, or with `--workers`/`--scheduler` on Dask
    workers while this process reads the next documents and writes the claims and their references.
    """
    from textsamverkan.distributed.engine import shard_runner

    resolved = resolve("claims", settings or {})

    def body(ctx: RunContext) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []

        def inputs(doc_id: str) -> ClaimInputs:
            return ctx.document(doc_id), ctx.speakers(doc_id), ctx.run_spans(doc_id, "themes", "theme")

        with shard_runner(workers=resolved["workers"], scheduler=resolved["scheduler"]) as runner:
            extracted = runner.stream(
                claims_shard, ctx.doc_ids, payload=inputs, key=lambda d: d, shard_size=SHARD_DOCUMENTS, name="claims"
            )
            for doc_id, spans in extracted:
                ctx.write(doc_id, spans)
                replace_claim_refs(
                    ctx.conn, ctx.run_id, doc_id, [(s.start, s.end, s.label, s.attrs["sourceref"]) for s in spans]
                )
                rows += [claim_row(doc_id, s) for s in spans]
        ctx.summary.update(claims=len(rows))
        return rows

    return run_stage(
        conn, SPEC, body, corpus=corpus, settings=resolved, run_ids={"themes": themes_run} if themes_run else None
    )


def claim_row(doc_id: str, span: Span) -> dict[str, Any]:
    """One output row for a stored claim span."""
    a = span.attrs
    return {
        "doc_id": doc_id,
        "start": span.start,
        "end": span.end,
        "type": span.label,
        "themes": a.get("themes", []),
        "speaker": a.get("speaker", ""),
        "role": a.get("role", ""),
        "organisation": a.get("organisation", ""),
        "region": a.get("region", ""),
        "quantities": _describe_quantities(a.get("quantities", [])),
        "quote": a.get("sourceref", {}).get("quote", ""),
    }


def stored_claims(
    conn: sqlite3.Connection, *, corpus: str | None = None, run_id: str | None = None
) -> tuple[RunRecord, list[dict[str, Any]], list[str]]:
    """The claims of one claims run (the current one, or `run_id`): the run, its rows and notes to show."""
    run, notes = read_run(conn, "claims", corpus=corpus, run_id=run_id)
    rows: list[dict[str, Any]] = []
    for doc_id in run_doc_ids(conn, run, corpus=corpus):
        rows += [claim_row(doc_id, s) for s in get_document(conn, doc_id, layers=[CLAIM], run_id=run.run_id).spans]
    return run, rows, notes


def verify_claims(
    conn: sqlite3.Connection, *, corpus: str | None = None, run_id: str | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Check every reference a claims run kept against the current document texts; one row per claim, and notes."""
    from textsamverkan.claims.sourceref import SourceRef, verify

    run, notes = read_run(conn, "claims", corpus=corpus, run_id=run_id)
    texts: dict[str, str | None] = {}
    rows: list[dict[str, Any]] = []
    for _doc_id, _start, _end, kind, ref_data in claim_refs(conn, run.run_id, corpus=corpus):
        ref = SourceRef.from_dict(ref_data)
        if ref.doc_id not in texts:
            texts[ref.doc_id] = document_text(conn, ref.doc_id)
        result = verify(ref, texts[ref.doc_id])
        rows.append(
            {
                "doc_id": ref.doc_id,
                "start": ref.start,
                "end": ref.end,
                "type": kind,
                "status": result.status,
                "new_start": result.start,
                "new_end": result.end,
                "quote": ref.quote,
            }
        )
    return rows, notes

"""Linking statements against a stored corpus: read passages and their (cached) vectors, build the Linker, make rows.

The Linker itself (claims/link.py) only ranks and judges what it is given; this module is the one place that reads
the store and loads the embedder for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from textsamverkan.claims.link import DEFAULT_LINK_EMBEDDER, DEFAULT_THRESHOLD, Linker, LinkResult

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


def build_linker(
    conn: sqlite3.Connection,
    *,
    corpus: str | None = None,
    embedder: str | None = DEFAULT_LINK_EMBEDDER,
    threshold: float = DEFAULT_THRESHOLD,
    progress: bool = False,
) -> Linker:
    """A Linker over every passage of the corpus, with cached vectors, speaker names and document context."""
    from textsamverkan.stages.embed import embed_corpus
    from textsamverkan.store.documents import get_document, load_speakers

    refs, vectors, model = embed_corpus(conn, corpus=corpus, embedder=embedder, progress=progress)
    names: dict[str, dict[str, str]] = {}
    contexts: dict[str, str] = {}
    speakers: list[str] = []
    for ref in refs:
        if ref.doc_id not in names:
            names[ref.doc_id] = {s["id"]: s["name"] for s in load_speakers(conn, ref.doc_id)}
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
                "reason": one_line(j.reasons) if j else "",
            }
        )
    return rows


def link_statements(linker: Linker, statements: Sequence[str], *, k: int = 5) -> list[dict[str, Any]]:
    """Rows for every statement (see COLUMNS), in input order."""
    rows: list[dict[str, Any]] = []
    for n, statement in enumerate(statements, 1):
        rows += result_rows(n, linker.link(statement, k=k))
    return rows

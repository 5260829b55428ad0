"""The claims stage: find claims in every sentence, store them as `claim` spans, keep their SourceRefs, verify them.

Claim spans disappear with their document when it is re-ingested, so each run also keeps a copy of the references in
the `claim_refs` table (created here; one row per claim). `verify_claims` checks those copies against the current
texts: "ok", "moved" (with new offsets), "ambiguous" or "lost".
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from textsamverkan.model import Span
from textsamverkan.stages import StageSpec, require_layers
from textsamverkan.store.db import transaction
from textsamverkan.store.documents import add_spans, get_document, list_doc_ids, load_speakers, speaker_of

CLAIM = "claim"
SPEC = StageSpec("claims.v1", reads=("passage",), writes=(CLAIM,), produce_inputs="textsamverkan ingest PATH…")
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


def extract_document(conn: sqlite3.Connection, doc_id: str) -> list[Span]:
    """The claim spans of one stored document (not stored yet), with type, cues, quantities, themes, speaker, ref."""
    from textsamverkan.claims.extract import classify
    from textsamverkan.claims.sourceref import make_ref
    from textsamverkan.stages.themes import document_sentences

    doc, sentences, _source = document_sentences(conn, doc_id)
    themes = get_document(conn, doc_id, layers=["theme"]).spans
    turns = doc.spans_on("turn")
    speakers = {s["id"]: s for s in load_speakers(conn, doc_id)}
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
                    "speaker": speaker["name"] if speaker else "",
                    "role": (speaker or {}).get("role") or "",
                    "organisation": (speaker or {}).get("organisation") or str(meta.get("organisation", "")),
                    "region": str(meta.get("region", "")),
                    "sourceref": make_ref(doc_id, doc.text, sentence.start, sentence.end, sha256=sha).to_dict(),
                },
            )
        )
    return spans


def run_claims(conn: sqlite3.Connection, *, corpus: str | None = None) -> list[dict[str, Any]]:
    """Extract (again) the claims of every document, store them as claim spans and refs, and return their rows."""
    doc_ids = list_doc_ids(conn, corpus=corpus)
    require_layers(conn, doc_ids, SPEC)
    rows: list[dict[str, Any]] = []
    for doc_id in doc_ids:
        spans = extract_document(conn, doc_id)
        add_spans(conn, doc_id, spans, stage=SPEC.name, layers=[CLAIM])
        with transaction(conn):
            conn.execute("DELETE FROM claim_refs WHERE doc_id = ?", (doc_id,))
            conn.executemany(
                'INSERT INTO claim_refs (doc_id, start, "end", type, ref) VALUES (?, ?, ?, ?, ?)',
                [
                    (doc_id, s.start, s.end, s.label, json.dumps(s.attrs["sourceref"], ensure_ascii=False))
                    for s in spans
                ],
            )
        rows += [claim_row(doc_id, s) for s in spans]
    return rows


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


def stored_claims(conn: sqlite3.Connection, *, corpus: str | None = None) -> list[dict[str, Any]]:
    """Rows of the claim spans now stored (from the last `claims` run)."""
    rows: list[dict[str, Any]] = []
    for doc_id in list_doc_ids(conn, corpus=corpus):
        rows += [claim_row(doc_id, s) for s in get_document(conn, doc_id, layers=[CLAIM]).spans]
    return rows


def verify_claims(conn: sqlite3.Connection, *, corpus: str | None = None) -> list[dict[str, Any]]:
    """Check every kept claim reference against the current document texts; one row per claim with its status."""
    from textsamverkan.claims.sourceref import SourceRef, verify

    params: tuple[str, ...] = ()
    query = 'SELECT doc_id, start, "end", type, ref FROM claim_refs'
    if corpus:
        query += " WHERE doc_id IN (SELECT doc_id FROM documents WHERE corpus = ?) OR doc_id LIKE ?"
        params = (corpus, f"{corpus}/%")
    texts: dict[str, str | None] = {}
    rows: list[dict[str, Any]] = []
    for r in conn.execute(query + ' ORDER BY doc_id, start, "end"', params).fetchall():
        ref = SourceRef.from_dict(json.loads(r["ref"]))
        if ref.doc_id not in texts:
            found = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (ref.doc_id,)).fetchone()
            texts[ref.doc_id] = found["text"] if found else None
        result = verify(ref, texts[ref.doc_id])
        rows.append(
            {
                "doc_id": ref.doc_id,
                "start": ref.start,
                "end": ref.end,
                "type": r["type"],
                "status": result.status,
                "new_start": result.start,
                "new_end": result.end,
                "quote": ref.quote,
            }
        )
    return rows

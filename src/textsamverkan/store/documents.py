"""Repository functions for documents, their spans and speakers."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from textsamverkan.errors import E_NO_DOCUMENT, UserError, did_you_mean
from textsamverkan.model import Document, Locator, OffsetMap, Span, Speaker
from textsamverkan.store.db import transaction


@dataclass(frozen=True)
class StoredSource:
    """What the store knows of an ingested file, to decide whether re-ingesting it is a no-op."""

    source_sha256: str
    pipeline: str
    doc_ids: tuple[str, ...]


def _span_row(doc_id: str, span: Span, stage: str) -> tuple[Any, ...]:
    return (doc_id, *_encoded(span), stage)


def _encoded(span: Span) -> tuple[str, int, int, str, str | None]:
    attrs = json.dumps(span.attrs, ensure_ascii=False, sort_keys=True) if span.attrs else None
    return (span.layer, span.start, span.end, span.label, attrs)


@dataclass(frozen=True)
class EncodedSpans:
    """Spans already in the store's row form (layer, start, end, label, attributes as JSON).

    Made where the spans are computed (`encode_spans`, e.g. on a Dask worker), so the one process that writes
    only inserts them: tuples of plain values cost a tenth of Span objects to send, and the JSON is done.
    """

    rows: tuple[tuple[str, int, int, str, str | None], ...]

    @property
    def layers(self) -> set[str]:
        return {row[0] for row in self.rows}

    def __len__(self) -> int:
        return len(self.rows)


def encode_spans(spans: Iterable[Span]) -> EncodedSpans:
    """The store's row form of `spans` (see `EncodedSpans`)."""
    return EncodedSpans(tuple(_encoded(s) for s in spans))


def stored_source(conn: sqlite3.Connection, corpus: str, rel_path: str) -> StoredSource | None:
    rows = conn.execute(
        "SELECT doc_id, source_sha256, pipeline FROM documents WHERE corpus = ? AND rel_path = ? ORDER BY doc_id",
        (corpus, rel_path),
    ).fetchall()
    if not rows:
        return None
    return StoredSource(rows[0]["source_sha256"], rows[0]["pipeline"], tuple(r["doc_id"] for r in rows))


PENDING = "pending"


def write_source_batch(
    conn: sqlite3.Connection, corpus: str, rel_path: str, documents: list[tuple[Document, list[Speaker]]],
    *, pipeline: str, stage: str, first: bool, complete_sha256: str | None,
) -> list[str]:
    """Store a batch of one source file's documents in one transaction.

    The first batch replaces what the file gave before (results of earlier runs that read those documents are
    marked stale). Until the batch that passes `complete_sha256`, the file's documents carry a pending hash, so an
    interrupted ingest of a large table is redone on the next run rather than taken as unchanged. A file with a
    single batch is written, replaced and completed in one transaction.
    """
    with transaction(conn):
        if first:
            old_ids = [r[0] for r in conn.execute(
                "SELECT doc_id FROM documents WHERE corpus = ? AND rel_path = ?", (corpus, rel_path))]
            _delete_documents(conn, old_ids)
            conn.executemany("UPDATE run_documents SET stale = 1 WHERE doc_id = ?", [(d,) for d in old_ids])
        else:  # a concurrent ingest of the same file may have written these documents already: replace them whole
            _delete_documents(conn, [doc.doc_id for doc, _speakers in documents])
        for doc, speakers in documents:
            _insert_document(conn, doc, corpus=corpus, rel_path=rel_path, pipeline=pipeline, stage=stage)
            conn.executemany(
                "INSERT INTO speakers (doc_id, speaker_id, name, aliases, role, organisation, party) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc.doc_id, s.id, s.name, json.dumps(list(s.aliases), ensure_ascii=False), s.role, s.organisation,
                  s.party) for s in speakers],
            )
        if complete_sha256 is not None:
            conn.execute("UPDATE documents SET source_sha256 = ? WHERE corpus = ? AND rel_path = ?",
                         (complete_sha256, corpus, rel_path))
    return [doc.doc_id for doc, _ in documents]


def _delete_documents(conn: sqlite3.Connection, doc_ids: list[str]) -> None:
    """Remove these documents (those that exist) and their full-text rows.

    The full-text index cannot look rows up by document (its doc_id column is not indexed), so its rows go in one
    pass for the whole batch: a delete per document scanned the index once each, and ingesting a 20,000-row table
    took minutes instead of seconds.
    """
    present = [d for d in doc_ids if conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (d,)).fetchone()]
    if not present:
        return
    conn.execute("DELETE FROM blocks_fts WHERE doc_id IN (SELECT value FROM json_each(?))", (json.dumps(present),))
    conn.executemany("DELETE FROM documents WHERE doc_id = ?", [(d,) for d in present])


def content_words(doc: Document) -> int:
    """Words that analysis reads: those of the passages (no boilerplate, no speaker name lines)."""
    passages = doc.spans_on("passage")
    if not passages:
        return len(doc.text.split())
    return sum(len(doc.text[p.start : p.end].split()) for p in passages)


def _insert_document(
    conn: sqlite3.Connection, doc: Document, *, corpus: str, rel_path: str, pipeline: str, stage: str
) -> None:
    locators = [
        {
            "raw_start": loc.raw_start,
            "raw_end": loc.raw_end,
            "kind": loc.kind,
            "value": loc.value,
            **({"attrs": loc.attrs} if loc.attrs else {}),
        }
        for loc in doc.locators
    ]
    conn.execute(
        "INSERT INTO documents (doc_id, corpus, rel_path, part, source_path, format, source_sha256, text_sha256, "
        "pipeline, text, raw_text, offset_map, locators, metadata, notes, n_words, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))",
        (
            doc.doc_id,
            corpus,
            rel_path,
            doc.part,
            doc.source_path,
            doc.format,
            PENDING,  # set to the file hash when its last batch is written
            doc.text_sha256,
            pipeline,
            doc.text,
            zlib.compress(doc.raw_text.encode("utf-8"), 6),
            json.dumps(doc.offset_map.to_json()),
            json.dumps(locators, ensure_ascii=False),
            json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
            json.dumps(doc.notes, ensure_ascii=False),
            content_words(doc),
        ),
    )
    conn.executemany(
        'INSERT INTO spans (doc_id, layer, start, "end", label, attrs, stage) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [_span_row(doc.doc_id, s, stage) for s in doc.spans],
    )
    conn.executemany(
        'INSERT INTO blocks_fts (text, doc_id, start, "end") VALUES (?, ?, ?, ?)',
        [
            (doc.text[s.start : s.end], doc.doc_id, s.start, s.end)
            for s in doc.spans
            if s.layer == "block" and s.label != "boilerplate"
        ],
    )


def add_spans(
    conn: sqlite3.Connection,
    doc_id: str,
    spans: Iterable[Span] | EncodedSpans,
    *,
    stage: str,
    layers: Iterable[str],
    run_id: str | None = None,
) -> None:
    """Replace a document's spans on `layers` with `spans`, in one transaction.

    Without `run_id` the spans belong to the document (segmentation, annotation): they replace the document's
    spans of those layers, and the stage is recorded as done for it. With `run_id` they belong to that run
    (theme, claim): only that run's spans are replaced, and the spans of every other run stay as they are.
    """
    layer_list = sorted(set(layers))
    encoded = spans if isinstance(spans, EncodedSpans) else encode_spans(spans)
    stray = sorted(encoded.layers - set(layer_list))
    if stray:
        raise ValueError(f"spans on {stray} given to a write of {layer_list}")
    with transaction(conn):
        if run_id is None:
            conn.executemany(
                "DELETE FROM spans WHERE doc_id = ? AND layer = ? AND run_id IS NULL",
                [(doc_id, layer) for layer in layer_list],
            )
            conn.execute(
                "INSERT OR REPLACE INTO doc_stages (doc_id, stage, done_at) VALUES (?, ?, datetime('now'))",
                (doc_id, stage),
            )
        else:
            conn.executemany(
                "DELETE FROM spans WHERE doc_id = ? AND layer = ? AND run_id = ?",
                [(doc_id, layer, run_id) for layer in layer_list],
            )
        conn.executemany(
            'INSERT INTO spans (doc_id, layer, start, "end", label, attrs, stage, run_id) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, *row, stage, run_id) for row in encoded.rows],
        )


@dataclass(frozen=True)
class SpanWrite:
    """One document's spans waiting to be written, and the stage name they are written under."""

    doc_id: str
    spans: EncodedSpans
    stage: str


def add_spans_many(
    conn: sqlite3.Connection, writes: Iterable[SpanWrite], *, layers: Iterable[str], run_id: str | None = None
) -> None:
    """`add_spans` for several documents in one transaction (each document's write still atomic on its own): a
    commit costs about as much as writing one document's annotation, so committing each document doubled a writer's
    time."""
    layer_list = sorted(set(layers))
    with transaction(conn):
        for w in writes:
            add_spans(conn, w.doc_id, w.spans, stage=w.stage, layers=layer_list, run_id=run_id)


def done_stages(conn: sqlite3.Connection, doc_id: str) -> set[str]:
    """The versioned stage names recorded as done for a document (document-owned layers only)."""
    return {r[0] for r in conn.execute("SELECT stage FROM doc_stages WHERE doc_id = ?", (doc_id,))}


def documents_lacking(conn: sqlite3.Connection, doc_ids: list[str], layer: str) -> list[str]:
    """The documents among `doc_ids` that have no document-owned span on `layer`."""
    have = {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT doc_id FROM spans WHERE layer = ? AND run_id IS NULL", (layer,)
        )
    }
    return [d for d in doc_ids if d not in have]


def _document_from_row(row: sqlite3.Row, spans: list[Span]) -> Document:
    locators = [
        Locator(d["raw_start"], d["raw_end"], d["kind"], d["value"], d.get("attrs", {}))
        for d in json.loads(row["locators"])
    ]
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        metadata=json.loads(row["metadata"]),
        raw_text=zlib.decompress(row["raw_text"]).decode("utf-8"),
        offset_map=OffsetMap.from_json(json.loads(row["offset_map"])),
        locators=locators,
        spans=spans,
        notes=json.loads(row["notes"]),
        source_path=row["source_path"],
        source_sha256=row["source_sha256"],
        format=row["format"],
        part=row["part"],
    )


def load_spans(
    conn: sqlite3.Connection, doc_id: str, layers: Iterable[str] | None = None, *, run_id: str | None = None
) -> list[Span]:
    """A document's own spans (optionally only `layers`), plus the spans run `run_id` wrote for it, if given."""
    query = 'SELECT layer, start, "end", label, attrs FROM spans WHERE doc_id = ? AND (run_id IS NULL OR run_id = ?)'
    params: list[Any] = [doc_id, run_id]
    if layers is not None:
        layer_list = list(layers)
        query += f" AND layer IN ({','.join('?' * len(layer_list))})"
        params += layer_list
    query += ' ORDER BY start, "end" DESC, span_id'
    return [
        Span(r["start"], r["end"], r["layer"], r["label"], json.loads(r["attrs"]) if r["attrs"] else {})
        for r in conn.execute(query, params)
    ]


def get_document(
    conn: sqlite3.Connection, doc_id: str, *, layers: Iterable[str] | None = None, run_id: str | None = None
) -> Document:
    """A stored document with its own spans (all layers, or only `layers`) and those run `run_id` wrote for it."""
    row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise UserError(
            E_NO_DOCUMENT, f"no document '{doc_id}'", "List documents with `textsamverkan corpus`."
        )
    return _document_from_row(row, load_spans(conn, doc_id, layers, run_id=run_id))


def resolve_doc_id(conn: sqlite3.Connection, ref: str) -> str:
    """A full document id from an id, a file name, or any unique part of an id."""
    ids: list[str] = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]
    if ref in ids:
        return ref
    matches = [i for i in ids if ref in i]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        shown = ", ".join(matches[:5]) + (" …" if len(matches) > 5 else "")
        raise UserError(
            E_NO_DOCUMENT,
            f"'{ref}' matches {len(matches)} documents: {shown}",
            "Give more of the document id.",
        )
    raise UserError(
        E_NO_DOCUMENT,
        f"no document matches '{ref}'.{did_you_mean(ref, ids)}",
        "List documents with `textsamverkan corpus --documents`.",
    )


def iter_documents(
    conn: sqlite3.Connection, *, corpus: str | None = None, layers: Iterable[str] | None = None
) -> Iterator[Document]:
    """Stream documents one at a time (memory stays flat on large corpora)."""
    ids = list_doc_ids(conn, corpus=corpus)
    for doc_id in ids:
        yield get_document(conn, doc_id, layers=layers)


def list_doc_ids(conn: sqlite3.Connection, *, corpus: str | None = None) -> list[str]:
    if corpus is None:
        return [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]
    return [
        r[0] for r in conn.execute("SELECT doc_id FROM documents WHERE corpus = ? ORDER BY doc_id", (corpus,))
    ]


def document_rows(conn: sqlite3.Connection, *, corpus: str | None = None) -> list[dict[str, Any]]:
    """One summary row per document: id, corpus, file, format, words, blocks, turns, speakers and metadata."""
    where = "WHERE d.corpus = ?" if corpus else ""
    rows = conn.execute(
        "SELECT d.doc_id, d.corpus, d.rel_path, d.part, d.format, d.n_words, d.metadata, d.notes, "
        "(SELECT COUNT(*) FROM spans s WHERE s.doc_id = d.doc_id AND s.layer = 'block') AS blocks, "
        "(SELECT COUNT(*) FROM spans s WHERE s.doc_id = d.doc_id AND s.layer = 'turn') AS turns, "
        "(SELECT COUNT(*) FROM speakers p WHERE p.doc_id = d.doc_id) AS speakers "
        f"FROM documents d {where} ORDER BY d.doc_id",
        (corpus,) if corpus else (),
    ).fetchall()
    out = []
    for r in rows:
        meta = json.loads(r["metadata"])
        out.append(
            {
                "doc_id": r["doc_id"],
                "corpus": r["corpus"],
                "file": r["rel_path"],
                "part": r["part"],
                "format": r["format"],
                "words": r["n_words"],
                "blocks": r["blocks"],
                "turns": r["turns"],
                "speakers": r["speakers"],
                "title": meta.get("title", ""),
                "region": meta.get("region", ""),
                "organisation": meta.get("organisation", ""),
                "kind": meta.get("kind", ""),
                "date": meta.get("date", ""),
                "notes": len(json.loads(r["notes"])),
            }
        )
    return out


def documents_metadata(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each given document's metadata (region, organisation, kind, date, title …), read in one pass."""
    wanted = set(doc_ids)
    rows = conn.execute("SELECT doc_id, metadata FROM documents ORDER BY doc_id")
    return {r["doc_id"]: json.loads(r["metadata"]) for r in rows if r["doc_id"] in wanted}


def document_facts(conn: sqlite3.Connection, doc_id: str) -> tuple[str, int]:
    """A stored document's corpus and content word count."""
    row = conn.execute("SELECT corpus, n_words FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise UserError(E_NO_DOCUMENT, f"no document '{doc_id}'", "List documents with `textsamverkan corpus`.")
    return str(row["corpus"]), int(row["n_words"])


def corpus_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One row per corpus: documents, words, spans of each main layer."""
    rows = conn.execute(
        "SELECT corpus, COUNT(*) AS documents, SUM(n_words) AS words FROM documents GROUP BY corpus ORDER BY corpus"
    ).fetchall()
    return [{"corpus": r["corpus"], "documents": r["documents"], "words": r["words"] or 0} for r in rows]


def load_speakers(conn: sqlite3.Connection, doc_id: str) -> dict[str, Speaker]:
    """A document's speakers, keyed by speaker id."""
    rows = conn.execute(
        "SELECT speaker_id, name, aliases, role, organisation, party FROM speakers "
        "WHERE doc_id = ? ORDER BY speaker_id",
        (doc_id,),
    ).fetchall()
    return {
        r["speaker_id"]: Speaker(
            id=r["speaker_id"],
            name=r["name"],
            aliases=json.loads(r["aliases"]),
            role=r["role"],
            organisation=r["organisation"],
            party=r["party"],
        )
        for r in rows
    }


def speaker_of(turns: Iterable[Span], speakers: dict[str, Speaker], offset: int) -> Speaker | None:
    """The speaker of the turn holding `offset`, or None outside every turn."""
    turn = turn_at(turns, offset)
    return speakers.get(turn.label) if turn else None


def turn_at(turns: Iterable[Span], offset: int) -> Span | None:
    """The turn span holding `offset`, or None outside every turn."""
    return next((t for t in turns if t.start <= offset < t.end), None)


def speaker_at(conn: sqlite3.Connection, doc: Document, offset: int) -> str:
    """The name of the speaker whose turn holds `offset` ("" outside turns); `doc` must carry its turn spans."""
    turn = turn_at(doc.spans_on("turn"), offset)
    if turn is None:
        return ""
    speaker = load_speakers(conn, doc.doc_id).get(turn.label)
    return speaker.name if speaker else turn.label

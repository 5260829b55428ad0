"""The demo: ingest the sample corpus and write its tables, as `make demo` runs it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textsamverkan.analysis.speaker_shares import COLUMNS as SPEAKER_COLUMNS
from textsamverkan.analysis.speaker_shares import speaker_rows
from textsamverkan.cli.output import render
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.store import connect
from textsamverkan.store.documents import document_rows, get_document, list_doc_ids


def run_demo(corpus_dir: Path, out: Path) -> Iterator[str]:
    """Ingest `corpus_dir` into `out/textsamverkan.db` and write documents.csv, blocks.csv and speakers.csv."""
    out.mkdir(parents=True, exist_ok=True)
    db = out / "textsamverkan.db"
    conn = connect(db)
    summary = ingest_paths(conn, [corpus_dir], IngestOptions())
    yield (
        f"ingested {corpus_dir}: {summary.count('stored')} stored, {summary.count('unchanged')} unchanged, "
        f"{len(summary.failed)} failed"
    )
    for failed in summary.failed:
        yield f"  FAILED {failed.error}"
    docs = document_rows(conn)
    (out / "documents.csv").write_text(render(docs, "csv"), encoding="utf-8")
    blocks = []
    for doc_id in list_doc_ids(conn):
        document = get_document(conn, doc_id, layers=["block"])
        blocks += [
            {
                "doc_id": doc_id,
                "label": s.label,
                "start": s.start,
                "end": s.end,
                "quote": document.text[s.start : s.end],
            }
            for s in document.spans
        ]
    (out / "blocks.csv").write_text(render(blocks, "csv"), encoding="utf-8")
    speakers = speaker_rows(conn)
    (out / "speakers.csv").write_text(render(speakers, "csv", SPEAKER_COLUMNS), encoding="utf-8")
    yield render(docs, "table", ["doc_id", "kind", "region", "words", "blocks", "turns", "speakers"]).rstrip()
    yield ""
    yield render(speakers, "table", SPEAKER_COLUMNS[1:]).rstrip()
    yield f"\nwrote {out}/documents.csv, blocks.csv, speakers.csv and the database {db}"

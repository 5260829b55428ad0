"""Search the corpus: full-text hits enriched with match offsets, speaker and the locator in the original file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, load_speakers
from textsamverkan.store.search import first_match, search_blocks


def search_hits(
    db: Path | str | None, query: str, *, limit: int = 20, corpus: str | None = None, any_term: bool = False
) -> list[dict[str, Any]]:
    """Rows of hits: document, block and match offsets, speaker, snippet and where it is in the raw file."""
    conn = connect(db, must_exist=True)
    rows = []
    for hit in search_blocks(conn, query, limit=limit, corpus=corpus, any_term=any_term):
        doc = get_document(conn, hit.doc_id, layers=["turn"])
        match = first_match(hit.block_text, query)
        start, end = (
            (hit.block_start + match[0], hit.block_start + match[1])
            if match
            else (hit.block_start, hit.block_end)
        )
        speaker = ""
        for turn in doc.spans:
            if turn.start <= start < turn.end:
                names = {s["id"]: s["name"] for s in load_speakers(conn, hit.doc_id)}
                speaker = names.get(turn.label, turn.label)
        where = doc.locate(start, end)
        locator = ", ".join(f"{k} {v}" for k, v in where.items() if k not in ("raw_start", "raw_end"))
        rows.append(
            {
                "doc_id": hit.doc_id,
                "block_start": hit.block_start,
                "block_end": hit.block_end,
                "start": start,
                "end": end,
                "match": doc.text[start:end],
                "speaker": speaker,
                "locator": locator,
                "snippet": hit.snippet,
                "score": round(-hit.rank, 3),
            }
        )
    return rows

"""Who speaks how much: turns, words and share of talk per speaker, per document or over a corpus."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from textsamverkan.model import Speaker
from textsamverkan.store.documents import get_document, list_doc_ids, load_speakers, resolve_doc_id

COLUMNS = ["doc_id", "speaker", "aliases", "role", "organisation", "party", "turns", "words", "share"]


def speaker_rows(
    conn: sqlite3.Connection, *, doc: str | None = None, corpus: str | None = None, by_document: bool = True
) -> list[dict[str, Any]]:
    """One row per speaker and document (or per speaker over the corpus with by_document=False)."""
    doc_ids = [resolve_doc_id(conn, doc)] if doc else list_doc_ids(conn, corpus=corpus)
    per_doc: list[dict[str, Any]] = []
    for doc_id in doc_ids:
        document = get_document(conn, doc_id, layers=["turn"])
        if not document.spans:
            continue
        speakers = load_speakers(conn, doc_id)
        turns: dict[str, int] = defaultdict(int)
        words: dict[str, int] = defaultdict(int)
        for turn in document.spans:
            turns[turn.label] += 1
            words[turn.label] += len(document.text[turn.start : turn.end].split())
        total = sum(words.values()) or 1
        for speaker_id in sorted(turns, key=lambda s: (-words[s], s)):
            info = speakers.get(speaker_id, Speaker(speaker_id, speaker_id))
            per_doc.append(
                {
                    "doc_id": doc_id,
                    "speaker": info.name,
                    "aliases": info.aliases,
                    "role": info.role or "",
                    "organisation": info.organisation or "",
                    "party": info.party or "",
                    "turns": turns[speaker_id],
                    "words": words[speaker_id],
                    "share": round(words[speaker_id] / total, 4),
                }
            )
    if by_document:
        return per_doc
    return _over_corpus(per_doc)


def _over_corpus(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["speaker"], row["organisation"])
        target = merged.setdefault(
            key, {**row, "doc_id": "", "aliases": [], "turns": 0, "words": 0, "documents": 0}
        )
        target["turns"] += row["turns"]
        target["words"] += row["words"]
        target["documents"] += 1
        target["aliases"] = sorted(set(target["aliases"]) | set(row["aliases"]))
    total = sum(r["words"] for r in merged.values()) or 1
    out = sorted(merged.values(), key=lambda r: (-r["words"], r["speaker"]))
    for row in out:
        row["share"] = round(row["words"] / total, 4)
    return out

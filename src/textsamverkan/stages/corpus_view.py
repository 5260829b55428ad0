"""Read stored documents, speakers and theme spans into the plain inputs that coding, comparison and reports take."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.model import Document
from textsamverkan.store.documents import get_document, list_doc_ids, load_speakers, speaker_of

THEME = "theme"


@dataclass
class CorpusView:
    """Everything a table or report needs: document info, canonical texts and coded passages."""

    docs: list[DocInfo] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    passages: list[CodedPassage] = field(default_factory=list)


def doc_info(conn: sqlite3.Connection, doc: Document, speakers: dict[str, dict[str, Any]]) -> DocInfo:
    """A document's metadata, content words and words per speaker (from its turns) for tables and comparisons."""
    meta = doc.metadata
    words: dict[str, int] = defaultdict(int)
    for turn in doc.spans_on("turn"):
        words[speakers.get(turn.label, {}).get("name", turn.label)] += len(doc.text[turn.start : turn.end].split())
    row = conn.execute("SELECT corpus, n_words FROM documents WHERE doc_id = ?", (doc.doc_id,)).fetchone()
    return DocInfo(
        doc_id=doc.doc_id,
        corpus=row["corpus"],
        region=str(meta.get("region", "")),
        organisation=str(meta.get("organisation", "")),
        kind=str(meta.get("kind", "")),
        date=str(meta.get("date", "")),
        words=int(row["n_words"]),
        title=str(meta.get("title", "")),
        speakers=dict(words),
        speaker_roles={s["name"]: s.get("role") or "" for s in speakers.values()},
        speaker_organisations={s["name"]: s.get("organisation") or "" for s in speakers.values()},
        extra={k: str(v) for k, v in meta.items() if isinstance(v, str | int | float)},
    )


def load_view(conn: sqlite3.Connection, *, corpus: str | None = None) -> CorpusView:
    """Documents with speaker word counts, and the coded passages of the last `themes` run, with their speakers."""
    view = CorpusView()
    for doc_id in list_doc_ids(conn, corpus=corpus):
        doc = get_document(conn, doc_id, layers=["turn", THEME])
        speakers = {s["id"]: s for s in load_speakers(conn, doc_id)}
        turns = doc.spans_on("turn")
        meta = doc.metadata
        view.docs.append(doc_info(conn, doc, speakers))
        view.texts[doc_id] = doc.text
        for hit in doc.spans_on(THEME):
            speaker = speaker_of(turns, speakers, hit.start)
            view.passages.append(
                CodedPassage(
                    doc_id=doc_id,
                    start=hit.start,
                    end=hit.end,
                    quote=doc.text[hit.start : hit.end],
                    theme=hit.label,
                    score=float(hit.attrs.get("score", 1.0)),
                    method=str(hit.attrs.get("method", "")),
                    speaker=speaker["name"] if speaker else None,
                    speaker_role=(speaker or {}).get("role"),
                    organisation=(speaker or {}).get("organisation") or str(meta.get("organisation", "")) or None,
                )
            )
    return view

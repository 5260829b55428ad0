"""Full-text search over content blocks with SQLite FTS5."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from textsamverkan.errors import E_OPTION, UserError

_TOKEN = re.compile(r"\w+\*?")


@dataclass(frozen=True)
class BlockHit:
    doc_id: str
    block_start: int
    block_end: int
    block_text: str
    snippet: str
    rank: float


def fts_query(query: str, *, any_term: bool = False) -> str:
    """A safe FTS5 query from user words: each word quoted (a trailing * keeps prefix search), AND by default."""
    terms = []
    for token in _TOKEN.findall(query):
        word = token.rstrip("*")
        terms.append(f'"{word}"' + ("*" if token.endswith("*") else ""))
    if not terms:
        raise UserError(
            E_OPTION,
            f"the query '{query}' has no words to search for",
            'Search for words, e.g. textsamverkan search "skyddsutrustning".',
        )
    return (" OR " if any_term else " ").join(terms)


def search_blocks(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    corpus: str | None = None,
    any_term: bool = False,
) -> list[BlockHit]:
    """Content blocks matching the query, best first (BM25)."""
    sql = (
        'SELECT f.doc_id, f.start, f."end", f.text, snippet(blocks_fts, 0, "[", "]", "…", 16) AS snip, '
        "bm25(blocks_fts) AS rank FROM blocks_fts f"
    )
    params: list[object] = [fts_query(query, any_term=any_term)]
    if corpus:
        sql += " JOIN documents d ON d.doc_id = f.doc_id WHERE blocks_fts MATCH ? AND d.corpus = ?"
        params.append(corpus)
    else:
        sql += " WHERE blocks_fts MATCH ?"
    sql += " ORDER BY rank, f.doc_id, f.start LIMIT ?"
    params.append(limit)
    return [
        BlockHit(r["doc_id"], int(r["start"]), int(r["end"]), r["text"], r["snip"], float(r["rank"]))
        for r in conn.execute(sql, params)
    ]


def first_match(text: str, query: str) -> tuple[int, int] | None:
    """Offsets of the first query word in `text` (case-insensitive, prefix for words ending in *)."""
    best: tuple[int, int] | None = None
    for token in _TOKEN.findall(query):
        word = re.escape(token.rstrip("*"))
        tail = r"\w*" if token.endswith("*") else r"\b"
        m = re.search(rf"\b{word}{tail}", text, re.IGNORECASE)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best

"""Link external statements to the passages that support them: hybrid of BM25 (lemmas) and embedding similarity.

Each passage gets `score = weight * cosine + (1 - weight) * bm25 / (bm25 + saturation)`; the top k are returned.
When even the best score is below `threshold`, the statement is marked "no support found". The defaults were
calibrated with the static-sv embedder on benchmarks/claims/eval_statements.json (see eval_link.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

DEFAULT_WEIGHT = 0.7
DEFAULT_SATURATION = 8.0
DEFAULT_THRESHOLD = 0.30
DEFAULT_LINK_EMBEDDER = "static-sv"


@dataclass(frozen=True)
class Support:
    """One candidate passage for a statement, with its scores and provenance."""

    doc_id: str
    start: int
    end: int
    score: float
    cosine: float
    bm25: float
    speaker: str
    quote: str


@dataclass(frozen=True)
class LinkResult:
    statement: str
    supported: bool
    supports: list[Support]


class Linker:
    """Passages of a corpus indexed for BM25 and embeddings; `link(statement)` ranks them."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        corpus: str | None = None,
        embedder: str | None = DEFAULT_LINK_EMBEDDER,
        weight: float = DEFAULT_WEIGHT,
        saturation: float = DEFAULT_SATURATION,
        threshold: float = DEFAULT_THRESHOLD,
        progress: bool = False,
    ) -> None:
        from textsamverkan.claims.bm25 import BM25, terms
        from textsamverkan.stages.embed import corpus_passages, embed_passages
        from textsamverkan.store.documents import list_doc_ids, load_speakers

        self.refs = corpus_passages(conn, list_doc_ids(conn, corpus=corpus))
        self.vectors, self.model = embed_passages(conn, self.refs, embedder, progress=progress)
        names: dict[str, dict[str, str]] = {}
        self.quotes: list[str] = [ref.text for ref in self.refs]
        self.speakers: list[str] = []
        for ref in self.refs:
            if ref.doc_id not in names:
                names[ref.doc_id] = {s.id: s.name for s in load_speakers(conn, ref.doc_id).values()}
            self.speakers.append(names[ref.doc_id].get(ref.speaker or "", ref.speaker or ""))
        self.bm25 = BM25([terms(q) for q in self.quotes])
        self.weight = weight
        self.saturation = saturation
        self.threshold = threshold

    def scores(self, statement: str) -> tuple[Any, Any, Any]:
        """Hybrid, cosine and BM25 scores of every passage for `statement` (numpy arrays)."""
        import numpy as np

        from textsamverkan.claims.bm25 import terms

        query = self.model.encode([statement], kind="query")
        cosine = np.asarray(self.vectors @ np.asarray(query, dtype=np.float32).reshape(-1), dtype=np.float64)
        lexical = np.asarray(self.bm25.scores(terms(statement)), dtype=np.float64)
        hybrid = self.weight * cosine + (1 - self.weight) * lexical / (lexical + self.saturation)
        return hybrid, cosine, lexical

    def link(self, statement: str, *, k: int = 5) -> LinkResult:
        """The top-k passages for `statement`, best first (ties: document order), and whether any supports it."""
        import numpy as np

        hybrid, cosine, lexical = self.scores(statement)
        order = np.lexsort((np.arange(len(hybrid)), -hybrid))[:k]
        supports = [
            Support(
                doc_id=self.refs[i].doc_id,
                start=self.refs[i].start,
                end=self.refs[i].end,
                score=round(float(hybrid[i]), 4),
                cosine=round(float(cosine[i]), 4),
                bm25=round(float(lexical[i]), 4),
                speaker=self.speakers[i],
                quote=self.quotes[i],
            )
            for i in order
        ]
        supported = bool(supports) and supports[0].score >= self.threshold
        return LinkResult(statement, supported, supports)


def read_statements(path: Any) -> list[str]:
    """Statements from a text file (one per line, blank lines and #-comments skipped) or a CSV with `statement`."""
    return load_statements(path)[0]


def load_statements(path: Any) -> tuple[list[str], list[str]]:
    """(statements, notes): the file is decoded as ingest decodes text (UTF-8 with or without BOM, UTF-16 with BOM,
    CP1252 noted); a binary or empty file is a coded error (E103, E102), never a traceback."""
    import csv
    import io
    from pathlib import Path

    from textsamverkan.errors import E_MALFORMED, UserError
    from textsamverkan.ingest.readers.base import ReadOptions, read_text_file

    file = Path(path)
    text, notes = read_text_file(file, ReadOptions())
    if file.suffix.lower() in (".csv", ".tsv"):
        header = text.split("\n", 1)[0]
        delimiter = "\t" if file.suffix.lower() == ".tsv" or "\t" in header else ";" if ";" in header else ","
        try:
            rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise UserError(E_MALFORMED, f"{file}: the CSV cannot be parsed ({exc})",
                            "Check the quoting, or give one statement per line in a .txt file.") from exc
        if not rows or "statement" not in rows[0]:
            raise UserError(
                E_MALFORMED, f"{file}: no 'statement' column", "Give the CSV a header row with a 'statement' column."
            )
        statements = [r["statement"].strip() for r in rows if (r.get("statement") or "").strip()]
    else:
        statements = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not statements:
        raise UserError(E_MALFORMED, f"{file}: no statements", "Write one statement per line.")
    return statements, notes

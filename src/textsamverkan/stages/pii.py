"""Personal data over the stored corpus: read texts and speakers, detect, apply a review list, and redact what
exports and the report read. The pii package does the work on plain data; this module only gathers it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textsamverkan.pii.corpus import REVIEW_FLOOR, CorpusRedaction, detect_corpus, plan_redaction, select
from textsamverkan.pii.detect import DEFAULT_MIN_CONFIDENCE
from textsamverkan.pii.keys import key_check, load_key
from textsamverkan.pii.types import Detection, KnownPerson
from textsamverkan.store.documents import get_document, list_doc_ids, load_speakers


@dataclass(frozen=True)
class RedactOptions:
    """How to redact: the key file, an optional reviewed list, the NER on or off, the confidence threshold."""

    key_file: Path | None
    review: Path | None = None
    ner: bool = True
    min_confidence: float = DEFAULT_MIN_CONFIDENCE


def corpus_texts(conn: sqlite3.Connection, *, corpus: str | None = None) -> dict[str, str]:
    return {doc_id: get_document(conn, doc_id, layers=[]).text for doc_id in list_doc_ids(conn, corpus=corpus)}


def known_people(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, list[KnownPerson]]:
    """Each document's speakers with their aliases and roles."""
    return {
        doc_id: [
            KnownPerson(s.name, tuple(s.aliases), s.role or "")
            for s in load_speakers(conn, doc_id).values()
        ]
        for doc_id in doc_ids
    }


def candidates(conn: sqlite3.Connection, texts: dict[str, str], *, ner: bool) -> dict[str, list[Detection]]:
    """Candidate detections (down to the review floor) in every text."""
    finder = None
    if ner:
        from textsamverkan.pii.ner import NerPersonFinder

        finder = NerPersonFinder()
    return detect_corpus(texts, known_people(conn, list(texts)), ner=finder, min_confidence=REVIEW_FLOOR)


def redaction_plan(conn: sqlite3.Connection, texts: dict[str, str], options: RedactOptions) -> CorpusRedaction:
    """Detect (or take the reviewed decisions) and build labels and redacted texts; the key is checked first."""
    key = load_key(options.key_file)
    rows = None
    if options.review is not None:
        from textsamverkan.pii.review import read_review

        rows = read_review(options.review)
    found = candidates(conn, texts, ner=options.ner)
    if rows is not None:
        from textsamverkan.pii.review import apply_review

        chosen = apply_review(found, texts, rows, key_check=key_check(key), min_confidence=options.min_confidence)
    else:
        chosen = select(found, options.min_confidence)
    return plan_redaction(texts, chosen, key=key, speakers=known_people(conn, list(texts)))


def redact_corpus_view(conn: sqlite3.Connection, view: Any, options: RedactOptions) -> tuple[Any, CorpusRedaction]:
    """The CorpusView exports and the report read, redacted, and the plan that redacted it."""
    from textsamverkan.pii.corpus import redact_view

    plan = redaction_plan(conn, dict(view.texts), options)
    return redact_view(view, plan), plan


def write_review_list(
    conn: sqlite3.Connection, path: Path, options: RedactOptions, *, corpus: str | None = None
) -> int:
    """Write the review list of every candidate to `path` (.csv or .xlsx); returns the number of rows."""
    from textsamverkan.pii.review import review_rows, write_review

    key = load_key(options.key_file)
    texts = corpus_texts(conn, corpus=corpus)
    found = candidates(conn, texts, ner=options.ner)
    plan = plan_redaction(texts, select(found, 0.0), key=key, speakers=known_people(conn, list(texts)))
    rows = review_rows(found, texts, plan.labels, key_check=key_check(key), min_confidence=options.min_confidence)
    write_review(rows, path)
    return len(rows)


def write_redacted_documents(
    conn: sqlite3.Connection, out_dir: Path, options: RedactOptions, *, corpus: str | None = None
) -> list[Path]:
    """Write a redacted copy of every document's canonical text to `out_dir` (one .txt per document)."""
    import re

    texts = corpus_texts(conn, corpus=corpus)
    plan = redaction_plan(conn, texts, options)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, red in plan.redacted.items():
        name = re.sub(r"[^\w.-]+", "_", doc_id).strip("_")
        path = out_dir / (name if name.endswith(".txt") else name + ".txt")
        path.write_text(red.text, encoding="utf-8")
        paths.append(path)
    return paths

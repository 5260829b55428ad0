"""The annotate stage over a stored corpus: spans inside passages, recorded backend, skip on rerun, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths import SEEDS
from textsamverkan.errors import UserError
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.stages.annotate import annotate_corpus
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document


def test_annotate_refuses_an_empty_database(db_path: Path) -> None:
    with pytest.raises(UserError) as err:
        annotate_corpus(connect(db_path))
    assert err.value.code == "E202" and "textsamverkan ingest" in err.value.hint


def test_annotate_seed_transcript_within_turns_and_skips_on_rerun(db_path: Path) -> None:
    conn = connect(db_path)
    ingest_paths(conn, [SEEDS / "001_1d9abd9c0be25893.txt"], IngestOptions())
    summary = annotate_corpus(conn).value
    assert summary.annotated == ["001_1d9abd9c0be25893/001_1d9abd9c0be25893.txt"]  # a single file's corpus: its stem
    doc = get_document(conn, summary.annotated[0])
    turns = doc.spans_on("turn")
    sentences = doc.spans_on("sentence")
    tokens = doc.spans_on("token")
    assert len(sentences) > 150 and len(tokens) > 4000
    passages = doc.spans_on("passage")
    for sentence in sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in passages), sentence
        crossing = [t for t in turns if t.start < sentence.end and sentence.start < t.end]
        assert all(t.start <= sentence.start and sentence.end <= t.end for t in crossing), sentence
        assert sentence.attrs["backend"] == "spacy"
    for token in tokens[:500]:
        assert doc.text[token.start : token.end].strip() == doc.text[token.start : token.end] != ""
        assert token.attrs["lemma"] and token.attrs["upos"]
    again = annotate_corpus(conn).value
    assert again.annotated == [] and again.skipped == summary.annotated

"""The annotate stage: sentence and token spans (lemma, UPOS, morphology, head, dependency, entity) per passage."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.stages import StageSpec, done_stages, require_layers
from textsamverkan.store.documents import add_spans, get_document, list_doc_ids

SPEC = StageSpec(
    "annotate.v1", reads=("passage",), writes=("sentence", "token"), produce_inputs="textsamverkan ingest PATH…"
)


@dataclass
class AnnotateSummary:
    backend: dict[str, Any]
    annotated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    words: int = 0


def stage_name(info: Any) -> str:
    """The stage name recorded per document: the stage version plus the backend and model that ran."""
    return f"{SPEC.name}:{info.backend}:{info.model}@{info.version}"


def annotate_corpus(
    conn: sqlite3.Connection,
    *,
    corpus: str | None = None,
    backend: str = "spacy",
    model: str | None = None,
    parser: bool = False,
    ner: bool = False,
    lemma_fallback: str = "simplemma",
    force: bool = False,
    progress: Callable[[Iterable[str]], Iterator[str]] | None = None,
) -> AnnotateSummary:
    """Annotate every passage of every document not yet annotated by this backend and model."""
    from textsamverkan.nlp.annotate import annotate_many
    from textsamverkan.nlp.backend import get_backend

    doc_ids = list_doc_ids(conn, corpus=corpus)
    require_layers(conn, doc_ids, SPEC)
    options: dict[str, Any] = {"lemma_fallback": lemma_fallback}
    if backend == "spacy":
        options.update(parser=parser, ner=ner)
    nlp = get_backend(backend, model, **options)
    name = stage_name(nlp.info)
    summary = AnnotateSummary(backend={"name": backend, **vars(nlp.info)})
    todo: list[str] = []
    for doc_id in doc_ids:
        (summary.skipped if not force and name in done_stages(conn, doc_id) else todo).append(doc_id)

    def inputs() -> Iterator[tuple[str, list[tuple[int, int]]]]:
        for doc_id in progress(todo) if progress else todo:
            doc = get_document(conn, doc_id, layers=["passage"])
            summary.words += len(doc.text.split())
            yield doc.text, [(p.start, p.end) for p in doc.spans]

    for doc_id, spans in zip(todo, annotate_many(inputs(), nlp), strict=True):
        add_spans(conn, doc_id, spans, stage=name, layers=SPEC.writes)
        summary.annotated.append(doc_id)
    return summary

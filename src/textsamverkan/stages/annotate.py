"""The annotate stage: sentence and token spans (lemma, UPOS, morphology, head, dependency, entity) per passage.

Annotation belongs to the document (the latest annotation by a backend and model replaces the previous one);
each run records which documents it annotated and which it found already done.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.model import Document
from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage
from textsamverkan.settings import resolve
from textsamverkan.store.documents import done_stages

SPEC = StageSpec("annotate.v1", "annotate", reads=("passage",), writes=("sentence", "token"))
SHARD_DOCUMENTS = 200  # documents per shard: annotation costs about a thousand times more per word than coding


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
    settings: Mapping[str, Any] | None = None,
    progress: Callable[[Iterable[str]], Iterator[str]] | None = None,
) -> StageResult[AnnotateSummary]:
    """Annotate, as one run, every passage of every document not yet annotated by this backend and model.

    Documents stream through a shard runner: in this process, or with `--workers`/`--scheduler` on Dask workers
    that each load the model once, while this process reads the next documents and writes the annotated ones.
    """
    from textsamverkan.distributed.engine import shard_runner
    from textsamverkan.distributed.tasks import backend_info, document_annotator

    resolved = resolve("annotate", settings or {})
    options: dict[str, Any] = {"lemma_fallback": resolved["lemma_fallback"]}
    if resolved["nlp"] == "spacy":
        options.update(parser=resolved["parser"], ner=resolved["ner"])
    backend_options = tuple(sorted(options.items()))
    with shard_runner(workers=resolved["workers"], scheduler=resolved["scheduler"]) as runner:
        # The model is loaded where it annotates (a worker, or here): this process never loads it only to learn
        # its name and version, which would delay a cluster's first shard by the load.
        info = runner.call(backend_info, resolved["nlp"], resolved["model"], backend_options)
        name = stage_name(info)
        summary = AnnotateSummary(backend={"name": resolved["nlp"], **vars(info)})

        def body(ctx: RunContext) -> AnnotateSummary:
            todo: list[str] = []
            for doc_id in ctx.doc_ids:
                done = not resolved["force"] and name in done_stages(ctx.conn, doc_id)
                (summary.skipped if done else todo).append(doc_id)

            def inputs(doc: Document) -> tuple[str, list[tuple[int, int]]]:
                summary.words += len(doc.text.split())
                return doc.text, [(p.start, p.end) for p in doc.spans_on("passage")]

            documents = (ctx.document(doc_id) for doc_id in (progress(todo) if progress else todo))
            task = document_annotator(resolved["nlp"], resolved["model"], backend_options)
            annotated = runner.stream(
                task, documents, payload=inputs, key=lambda doc: doc.doc_id, shard_size=SHARD_DOCUMENTS,
                name="annotate",
            )  # fmt: skip
            for doc, spans in annotated:
                ctx.write(doc.doc_id, spans, stage=name)
                summary.annotated.append(doc.doc_id)
            ctx.summary.update(
                backend=summary.backend, annotated=len(summary.annotated), skipped=len(summary.skipped)
            )
            return summary

        return run_stage(
            conn, SPEC, body, corpus=corpus, settings=resolved, record={"backend": summary.backend}
        )

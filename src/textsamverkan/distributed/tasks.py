"""Ready-made sharded work: embedding texts, theme coding of documents, and NLP annotation.

Each has a per-shard function (pure; models come from `process_resource`, so a worker loads them once) and a
driver that runs it through `run_sharded` and returns plain data in input order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from textsamverkan.distributed.engine import ShardTask, run_sharded
from textsamverkan.distributed.resources import process_resource
from textsamverkan.distributed.shards import DEFAULT_SHARD_SIZE

if TYPE_CHECKING:
    from textsamverkan.embed.types import FloatMatrix, Kind
    from textsamverkan.nlp.types import BackendInfo, NlpBackend
    from textsamverkan.store.documents import EncodedSpans
    from textsamverkan.themes.codebook import Codebook
    from textsamverkan.themes.matcher import LexicalMatcher
    from textsamverkan.themes.model_coder import ModelCoder
    from textsamverkan.themes.semantic import ExemplarScorer
    from textsamverkan.themes.types import ThemeHit


def embed_shard(
    texts: Sequence[str], *, embedder: str | None, kind: Kind, threads: int | None, batch_size: int
) -> list[FloatMatrix]:
    """One float32 vector per text, from this process's copy of the embedder."""
    from textsamverkan.embed import load_embedder

    emb = process_resource(f"embedder:{embedder}:threads={threads}", lambda: load_embedder(embedder, threads=threads))
    return list(emb.encode(list(texts), kind=kind, batch_size=batch_size))


def embed_texts_sharded(
    texts: Sequence[str],
    *,
    embedder: str | None = None,
    kind: Kind = "passage",
    workers: int = 0,
    scheduler: str | None = None,
    threads: int | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    batch_size: int = 64,
) -> FloatMatrix:
    """Embeddings of `texts` (rows in input order), computed shard by shard; equal texts share a shard.

    `threads`: library threads per task (default: all cores in-process, cores / workers on a local cluster, and
    the embedder's default on a scheduler). Results agree with an in-process run to within 1e-6.
    """
    if threads is None and workers:
        from textsamverkan.embed.onnx_backend import available_cores

        threads = max(1, available_cores() // workers)
    task = partial(embed_shard, embedder=embedder, kind=kind, threads=threads, batch_size=batch_size)
    rows = run_sharded(
        task, texts, list(texts), shard_size=shard_size, workers=workers, scheduler=scheduler, name="embed"
    )
    if not rows:
        return np.zeros((0, 0), dtype=np.float32)
    return np.ascontiguousarray(np.stack(rows), dtype=np.float32)


# (id, text, passage offsets, NLP sentence/token spans), optionally with whether the document is a transcript (it has
# speaker turns: the learned layer reads its neighbouring sentences more generously)
SentenceInputs = (
    tuple[str, str, Sequence[tuple[int, int]], Sequence[Any]]
    | tuple[str, str, Sequence[tuple[int, int]], Sequence[Any], bool]
)


@dataclass(frozen=True)
class CodedDocument:
    """One document's theme hits, how many sentences were coded and where they came from ("annotate"/"simple")."""

    hits: list[ThemeHit]
    sentences: int
    source: str


def code_documents_shard(
    docs: Sequence[SentenceInputs],
    *,
    codebook_yaml: str,
    semantic_embedder: str | None = None,
    model_coder: ModelCoder | None = None,
) -> list[CodedDocument]:
    """Theme coding of each document (id, text, passages, NLP spans), its sentences made here, on the worker:
    lexical rules, plus exemplar matching with `semantic_embedder` when one is named, plus the learned layer's hits
    for codes the rules did not give a sentence when a fitted `model_coder` is given."""
    from textsamverkan.segment.sentences import document_sentences
    from textsamverkan.themes.matcher import code_sentences

    key = f"codebook:{hashlib.sha256(codebook_yaml.encode('utf-8')).hexdigest()}"
    codebook, matcher = process_resource(key, lambda: _codebook_and_matcher(codebook_yaml))
    scorer = None
    if semantic_embedder is not None:
        scorer = process_resource(
            f"{key}:exemplars:{semantic_embedder}", lambda: _exemplar_scorer(codebook, semantic_embedder)
        )
    out: list[CodedDocument] = []
    for doc in docs:
        sentences, source = document_sentences(doc[0], doc[1], doc[2], doc[3])
        hits = code_sentences(sentences, codebook, matcher=matcher, scorer=scorer)
        if model_coder is not None:
            spoken = [doc[0]] if len(doc) > 4 and doc[4] else []
            hits = merge_hits(hits, model_coder.code(sentences, hits, spoken))
        out.append(CodedDocument(hits, len(sentences), source))
    return out


def merge_hits(lexical: list[ThemeHit], model: list[ThemeHit]) -> list[ThemeHit]:
    """Lexical and model hits in sentence order (model hits never duplicate a lexical code of the sentence)."""
    return sorted([*lexical, *model], key=lambda h: (h.start, h.method == "model"))


def _codebook_and_matcher(codebook_yaml: str) -> tuple[Codebook, LexicalMatcher]:
    from textsamverkan.themes.codebook import parse_codebook
    from textsamverkan.themes.matcher import LexicalMatcher

    codebook = parse_codebook(codebook_yaml)
    return codebook, LexicalMatcher(codebook)


def _exemplar_scorer(codebook: Codebook, embedder: str) -> ExemplarScorer:
    from textsamverkan.embed import load_embedder
    from textsamverkan.themes.semantic import ExemplarScorer

    return ExemplarScorer(codebook, load_embedder(embedder))


def document_coder(
    codebook_yaml: str, semantic_embedder: str | None = None
) -> ShardTask[CodedDocument]:
    """The shard task that codes documents with exactly this codebook (it travels as its YAML text, what a run
    keeps, so every worker codes with the run's codebook). Give each document its id as key, so it stays in one
    shard; the sentence splitting and lemmas run where the task runs. A fitted learned layer is passed to the
    runner's `stream` as `shared={"model_coder": coder}`, so it travels to each worker once."""
    return partial(code_documents_shard, codebook_yaml=codebook_yaml, semantic_embedder=semantic_embedder)


def code_documents_sharded(
    docs: Sequence[SentenceInputs],
    *,
    codebook_yaml: str,
    workers: int = 0,
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
) -> list[CodedDocument]:
    """Lexical theme coding per document, in input order, on a runner made for this call."""
    return run_sharded(
        document_coder(codebook_yaml),
        docs,
        [d[0] for d in docs],
        shard_size=shard_size,
        workers=workers,
        scheduler=scheduler,
        name="code",
    )


AnnotateInputs = tuple[str, list[tuple[int, int]]]
BackendOptions = tuple[tuple[str, Any], ...]


def nlp_backend(name: str, model: str | None, options: BackendOptions) -> NlpBackend:
    """This process's copy of an NLP backend (loaded once per process, shared by every shard it annotates)."""
    from textsamverkan.nlp.backend import get_backend

    return process_resource(f"nlp:{name}:{model}:{options!r}", lambda: get_backend(name, model, **dict(options)))


def backend_info(name: str, model: str | None, options: BackendOptions) -> BackendInfo:
    """Which backend, model and version this process's copy of the backend is (loading it if need be)."""
    return nlp_backend(name, model, options).info


def annotate_shard(
    docs: Sequence[AnnotateInputs], *, backend: str, model: str | None, options: BackendOptions
) -> list[EncodedSpans]:
    """Sentence and token spans of each document (text, passage offsets), annotated where the task runs and encoded
    for the store there (sending Span objects back cost the writing process more than the rows it inserts)."""
    from textsamverkan.nlp.annotate import annotate_many
    from textsamverkan.store.documents import encode_spans

    return [encode_spans(spans) for spans in annotate_many(docs, nlp_backend(backend, model, options))]


def document_annotator(
    backend: str, model: str | None, options: BackendOptions
) -> ShardTask[EncodedSpans]:
    """The shard task that annotates documents with this backend, model and options."""
    return partial(annotate_shard, backend=backend, model=model, options=options)

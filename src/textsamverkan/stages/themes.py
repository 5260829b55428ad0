"""The themes stage: code every sentence against a codebook, find topics, write the run's tables.

Sentences come from the annotate stage when it has run (lemmas from the NLP model), else from the fast built-in
splitter with simplemma lemmas. Hits are stored as `theme` spans of the run and written to outputs/<run>/ with the
run manifest beside them. The run keeps the codebook's full content, so every later reader uses the codebook that
made the coding.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textsamverkan.model import Span
from textsamverkan.runner import RunContext, StageSpec, run_stage
from textsamverkan.settings import resolve
from textsamverkan.stages.coding_record import codebook_record
from textsamverkan.stages.corpus_view import THEME, doc_info
from textsamverkan.stages.sentences import coding_inputs, document_sentences

if TYPE_CHECKING:
    from textsamverkan.stages.coding_runs import RunCoding
    from textsamverkan.themes.types import ThemeHit

SPEC = StageSpec(
    "themes.v4",
    "themes",
    reads=("passage",),
    uses=("sentence", "token", "turn"),
    writes=(THEME,),
    per_run=True,
)
DEFAULT_OUTPUTS = Path("outputs")
SHARD_DOCUMENTS = 250  # documents per shard: small enough that workers start while this process reads the rest


@dataclass
class ThemesResult:
    run_id: str
    out_dir: Path
    documents: int = 0
    sentences: int = 0
    hits: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    topics: int = 0
    topic_passages: int = 0
    topics_fitted_on: int = 0  # fewer than topic_passages when BERTopic was fitted on a sample
    sentence_source: str = ""
    notes: list[str] = field(default_factory=list)

    def counts_text(self) -> str:
        """'physician_access 23, governance 21, …': hits per theme, most first."""
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{code} {n}" for code, n in ranked) or "none"


def run_themes(
    conn: sqlite3.Connection,
    *,
    corpus: str | None = None,
    settings: Mapping[str, Any] | None = None,
    outputs: Path = DEFAULT_OUTPUTS,
    progress: Callable[[Iterable[str]], Iterator[str]] | None = None,
) -> ThemesResult:
    """Code the corpus as one run: theme spans, theme_passages.csv, theme_summary.csv, topics.csv and manifest."""
    from textsamverkan.stages.coding_runs import read_coding
    from textsamverkan.themes.codebook import load_default_codebook
    from textsamverkan.themes.codebook_files import load_codebook
    from textsamverkan.themes.matcher import MATCHER_VERSION
    from textsamverkan.themes.model_coder import MODEL_CODER_VERSION
    from textsamverkan.themes.topics import TopicSettings

    resolved = resolve("themes", settings or {})
    source = resolved["codebook"]
    codebook = load_codebook(source) if source else load_default_codebook()
    topic_settings = TopicSettings(
        min_topic_size=resolved["min_topic_size"], seed=resolved["topic_seed"], sample=resolved["topic_sample"]
    )
    # read before the run starts: a run id mistyped is an error, not a failed run
    human = read_coding(conn, run_id=resolved["learn_from"]) if resolved["learn_from"] else None
    record = {
        "codebook": codebook_record(codebook, source),
        "matcher": MATCHER_VERSION,
        **({"model_coder": MODEL_CODER_VERSION} if resolved["model_coder"] else {}),
        **({"topic_model": topic_settings.as_dict()} if resolved["topics"] else {}),
    }

    def body(ctx: RunContext) -> ThemesResult:
        result = ThemesResult(run_id=ctx.run_id, out_dir=outputs / ctx.run_id)
        hits = _code_corpus(ctx, codebook, resolved, result, progress, human)
        if resolved["topics"]:
            _write_topics(
                ctx, codebook, resolved["embedder"], topic_settings, result, hits,
                workers=resolved["workers"], scheduler=resolved["scheduler"],
            )  # fmt: skip
        ctx.summary.update(
            documents=result.documents,
            sentences=result.sentences,
            sentence_source=result.sentence_source,
            hits=result.hits,
            per_theme=result.counts,
            topics=result.topics,
            topics_fitted_on=result.topics_fitted_on,
        )
        return result

    done = run_stage(
        conn, SPEC, body, corpus=corpus, settings=resolved, record=record, out_dir=lambda run_id: outputs / run_id
    )
    done.value.notes = done.notes
    return done.value


def _code_corpus(
    ctx: RunContext,
    codebook: Any,
    settings: dict[str, Any],
    result: ThemesResult,
    progress: Callable[[Iterable[str]], Iterator[str]] | None,
    human: RunCoding | None = None,
) -> list[ThemeHit]:
    """Code every document and write its theme spans and the run's tables (`human`: codings that teach the learned
    layer); returns the hits.

    Documents stream through a shard runner (`distributed.engine`): in this process, or with `--workers` or
    `--scheduler` on Dask workers that make the sentences and match them while this process reads the next
    documents and writes the last ones; every document is read once. The learned layer is fitted here on the whole
    corpus (a global step) and applied where the coding runs, sent to each worker once.
    """
    from textsamverkan.distributed.engine import shard_runner
    from textsamverkan.distributed.tasks import document_coder
    from textsamverkan.export.csv_export import write_csv
    from textsamverkan.themes.codebook import dump_codebook
    from textsamverkan.themes.model_coder import OFF_TOPIC_SENTENCES, is_off_topic
    from textsamverkan.themes.tables import (
        PASSAGE_COLUMNS,
        HitKey,
        SpeakerTurn,
        hit_quotes,
        passage_rows,
        summary_rows,
    )

    semantic = (settings["embedder"] or codebook.semantic_model) if settings["semantic"] else None
    model_coder = None
    if settings["model_coder"] or settings["learn_from"]:
        model_coder = _fit_model_coder(
            ctx, codebook, human, settings["model_agreement"], settings["model_context"],
            settings["model_context_spoken"], settings["context_model"],
        )
    all_hits = []
    off_topic = 0
    infos: dict[str, Any] = {}
    quotes: dict[HitKey, str] = {}
    turns: list[Any] = []
    sources = set()
    documents = (ctx.document(doc_id) for doc_id in (progress(ctx.doc_ids) if progress else ctx.doc_ids))
    with shard_runner(workers=settings["workers"], scheduler=settings["scheduler"]) as runner:
        coded = runner.stream(
            document_coder(dump_codebook(codebook), semantic),
            documents,
            payload=lambda doc: coding_inputs(
                doc, interviewer=settings["code_interviewer"], speakers=ctx.speakers(doc.doc_id)
            ),
            key=lambda doc: doc.doc_id,
            shard_size=SHARD_DOCUMENTS,
            name="code",
            shared={"model_coder": model_coder} if model_coder is not None else None,
        )
        for doc, coding in coded:
            doc_id = doc.doc_id
            hits = coding.hits
            ctx.write(
                doc_id,
                [
                    Span(h.start, h.end, THEME, h.code, {"score": round(h.score, 4), "method": h.method,
                                                         "evidence": h.evidence})
                    for h in hits
                ],
            )  # fmt: skip
            speakers = ctx.speakers(doc_id)
            infos[doc_id] = doc_info(ctx.conn, doc, speakers)
            quotes.update(hit_quotes(doc.text, hits))
            turns += [
                SpeakerTurn(doc_id, t.start, t.end, speakers[t.label].name if t.label in speakers else t.label)
                for t in doc.spans_on("turn")
            ]
            sources.add(coding.source)
            result.sentences += coding.sentences
            all_hits += hits
            # no hit at all: the rules found nothing, so the learned layer added nothing either
            off_topic += model_coder is not None and is_off_topic(coding.sentences, len(hits))
    if off_topic:
        ctx.summary["model_coder_off_topic_documents"] = off_topic
        ctx.notes.append(
            f"model_coder: {off_topic} document(s) of {OFF_TOPIC_SENTENCES} or more sentences where the rules found "
            "no code were left to the rules (off the codebook's subjects)"
        )
    result.documents = len(ctx.doc_ids)
    result.hits = len(all_hits)
    result.sentence_source = "+".join(sorted(sources))
    for hit in all_hits:
        result.counts[hit.code] = result.counts.get(hit.code, 0) + 1
    out = result.out_dir
    out.mkdir(parents=True, exist_ok=True)
    write_csv(passage_rows(all_hits, infos, quotes, turns), out / "theme_passages.csv", columns=PASSAGE_COLUMNS)
    write_csv(summary_rows(all_hits, infos, quotes, turns), out / "theme_summary.csv")
    return all_hits


def _fit_model_coder(
    ctx: RunContext, codebook: Any, coding: RunCoding | None, agreement: float, context: float, spoken: float,
    context_model: bool,
) -> Any:  # fmt: skip
    """The learned layer, fitted on the labelled sentences that ship with the tool and, with a `coding` run
    (people's codings), on its codings as labelled examples (a sentence its coder covered, or left uncoded in a
    document they coded); cached by codebook and examples; its hits need `agreement` (`--model-agreement`), less
    `context` next to a sentence with the code (`--model-context`), or less `spoken` in a transcript
    (`--model-context-spoken`) where the transcript's context model is off (`--no-context-model`) or not fitted."""
    from dataclasses import replace

    from textsamverkan.themes.model_coder import cached_model_coder, examples_from_codings

    examples: list[Any] = []
    if coding is not None:
        coded = {c.source for c in coding.codings}
        sentences = [
            s for doc_id in ctx.doc_ids if doc_id in coded for s in document_sentences(ctx.document(doc_id))[0]
        ]
        examples = examples_from_codings(sentences, [(c.source, c.start, c.end, c.code) for c in coding.codings])
        per_code: dict[str, int] = {}
        for _, codes in examples:
            for code in codes:
                per_code[code] = per_code.get(code, 0) + 1
        ctx.summary["model_coder_examples"] = {
            "run": coding.run.run_id, "coder": coding.coder, "sentences": len(examples), "per_code": per_code,
        }  # fmt: skip
        if not per_code:
            ctx.notes.append(f"learn_from: run {coding.run.run_id} codes none of this corpus's sentences")
    options: dict[str, Any] = {"examples": examples} if examples else {}
    coder = replace(
        cached_model_coder(codebook, **options), agreement=agreement, context_relief=context, spoken_relief=spoken
    )
    if not context_model:
        coder = replace(coder, context=None)
    ctx.summary["model_coder"] = {
        cid: {"threshold": round(m.threshold, 4), "labelled": m.positives} for cid, m in coder.models.items()
    }
    model = coder.context if coder.reads_transcripts else None
    if model is not None:
        ctx.summary["context_model"] = {
            "cut": round(model.cut, 4), "pairs": model.pairs, "labelled": model.positives,
            "heldout_precision": round(model.heldout_precision, 4), "heldout_recall": round(model.heldout_recall, 4),
        }  # fmt: skip
    if not coder.models:
        ctx.notes.append("model_coder: no code of this codebook has enough labelled sentences to learn from")
    return coder


def _write_topics(
    ctx: RunContext,
    codebook: Any,
    embedder: str,
    settings: Any,
    result: ThemesResult,
    hits: Sequence[ThemeHit],
    *,
    workers: int,
    scheduler: str | None,
) -> None:
    """BERTopic over passage embeddings (cached; missing ones computed on the run's workers when it has them),
    fitted on a sample stratified by region and kind when the corpus is larger than `settings.sample`; topics.csv
    maps each topic to the code the run's `hits` (rules and learned layer) and its words point to, or marks it
    new."""
    from textsamverkan.export.csv_export import write_csv
    from textsamverkan.stages.embed import corpus_passages, embed_passages
    from textsamverkan.store.documents import documents_metadata
    from textsamverkan.themes.topics import Passage, fit_topics, map_topics_to_codes, topic_rows

    refs = corpus_passages(ctx.conn, ctx.doc_ids)
    vectors, model = embed_passages(ctx.conn, refs, embedder, workers=workers, scheduler=scheduler)
    passages = [Passage(ref.doc_id, ref.start, ref.end, ref.text) for ref in refs]
    result.topic_passages = len(passages)
    out = result.out_dir / "topics.csv"
    if len(passages) < 2 * settings.min_topic_size:
        out.write_text("", encoding="utf-8")
        return
    metadata = documents_metadata(ctx.conn, ctx.doc_ids)
    strata = [f"{metadata[p.doc_id].get('region', '')}/{metadata[p.doc_id].get('kind', '')}" for p in passages]
    topic_result = fit_topics(
        passages, vectors, codebook=codebook, embedding_model=model, settings=settings, strata=strata
    )  # fmt: skip
    mapping = map_topics_to_codes(
        topic_result, vectors, codebook, embedder=model, passages=passages, passage_codes=passage_codes(passages, hits)
    )  # fmt: skip
    write_csv(topic_rows(topic_result, mapping), out)
    result.topics = sum(1 for t in topic_result.topics if t.id >= 0)
    result.topics_fitted_on = topic_result.fitted_on


def passage_codes(passages: Sequence[Any], hits: Sequence[ThemeHit]) -> list[frozenset[str]]:
    """The codes of the hits that overlap each passage (same document, overlapping characters); hits are looked up
    by start, so a long document costs its passages times the hits near each, not all its hits."""
    from bisect import bisect_left

    by_doc: dict[str, list[ThemeHit]] = {}
    for hit in hits:
        by_doc.setdefault(hit.doc_id, []).append(hit)
    starts: dict[str, list[int]] = {}
    longest: dict[str, int] = {}
    for doc_id, doc_hits in by_doc.items():
        doc_hits.sort(key=lambda h: h.start)
        starts[doc_id] = [h.start for h in doc_hits]
        longest[doc_id] = max(h.end - h.start for h in doc_hits)
    out = []
    for p in passages:
        doc_hits = by_doc.get(p.doc_id, [])
        first = bisect_left(starts.get(p.doc_id, []), p.start - longest.get(p.doc_id, 0))
        last = bisect_left(starts.get(p.doc_id, []), p.end)
        out.append(frozenset(h.code for h in doc_hits[first:last] if h.end > p.start))
    return out


def corpus_suggestions(
    conn: sqlite3.Connection,
    code: str,
    *,
    corpus: str | None = None,
    codebook_path: Path | None = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Rows of candidate terms for one code from the corpus's sentences (see themes/suggest.py); UserError E601
    for a code the codebook does not have."""
    from textsamverkan.errors import E_UNKNOWN_CODE, UserError
    from textsamverkan.store.documents import get_document, list_doc_ids
    from textsamverkan.themes.codebook import load_default_codebook
    from textsamverkan.themes.codebook_files import load_codebook
    from textsamverkan.themes.matcher import code_sentences
    from textsamverkan.themes.model_coder import cached_model_coder
    from textsamverkan.themes.suggest import suggest_terms

    codebook = load_codebook(codebook_path) if codebook_path else load_default_codebook()
    if code not in {c.id for c in codebook.codes}:
        raise UserError(
            E_UNKNOWN_CODE, f"the codebook has no code '{code}'", "list the codes with: textsamverkan codebook"
        )
    sentences = []
    spoken = []
    for doc_id in list_doc_ids(conn, corpus=corpus):
        doc = get_document(conn, doc_id, layers=[*SPEC.reads, *SPEC.uses])
        sentences += document_sentences(doc)[0]
        if doc.spans_on("turn"):
            spoken.append(doc_id)
    coder = cached_model_coder(codebook)
    model_hits = coder.code(sentences, code_sentences(sentences, codebook), spoken) if code in coder.models else []
    return [
        {"kind": s.kind, "word": s.word, "count": s.count, "score": s.score, "reason": s.reason,
         "examples": " | ".join(s.examples)}
        for s in suggest_terms(codebook, code, sentences, model_hits=model_hits, limit=limit)
    ]


def sentence_units(conn: sqlite3.Connection, doc_id: str) -> list[tuple[int, int]]:
    """The (start, end) of every sentence the themes stage would code in a document."""
    from textsamverkan.store.documents import get_document

    sentences, _source = document_sentences(get_document(conn, doc_id, layers=[*SPEC.reads, *SPEC.uses]))
    return [(s.start, s.end) for s in sentences]

"""The themes stage: code every sentence against a codebook, find topics, write the run's tables.

Sentences come from the annotate stage when it has run (lemmas from the NLP model), else from the fast built-in
splitter with simplemma lemmas. Hits are stored as `theme` spans (replacing the previous run's) and written to
outputs/<run>/ with the run manifest beside them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.model import Span
from textsamverkan.stages import StageSpec, require_layers
from textsamverkan.stages.corpus_view import THEME, doc_info
from textsamverkan.store.documents import add_spans, get_document, list_doc_ids, load_speakers
from textsamverkan.store.runs import finish_run, start_run, text_hashes

SPEC = StageSpec("themes.v1", reads=("passage",), writes=(THEME,), produce_inputs="textsamverkan ingest PATH…")


@dataclass(frozen=True)
class ThemesOptions:
    """What the user chose: codebook, semantic matching, topics and where outputs go."""

    codebook: Path | None = None
    semantic: bool = False
    topics: bool = True
    embedder: str | None = None
    min_topic_size: int = 10
    outputs: Path = Path("outputs")


@dataclass
class ThemesResult:
    run_id: str
    out_dir: Path
    documents: int = 0
    sentences: int = 0
    hits: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    topics: int = 0
    sentence_source: str = ""

    def counts_text(self) -> str:
        """'physician_access 23, governance 21, …': hits per theme, most first."""
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{code} {n}" for code, n in ranked) or "none"


def document_sentences(conn: sqlite3.Connection, doc_id: str) -> tuple[Any, list[Any], str]:
    """A document's sentences with tokens: from `annotate` when it ran ("annotate"), else the fast splitter ("simple").

    Shared by coding and claim extraction, so both read exactly the same sentences.
    """
    from textsamverkan.segment.sentences import sentences_from_spans, simple_sentences

    doc = get_document(conn, doc_id, layers=["passage", "sentence", "token", "turn"])
    annotated = [s for s in doc.spans if s.layer in ("sentence", "token")]
    if annotated:
        return doc, sentences_from_spans(doc_id, doc.text, annotated), "annotate"
    return doc, simple_sentences(doc_id, doc.text, [(p.start, p.end) for p in doc.spans_on("passage")]), "simple"


def sentence_units(conn: sqlite3.Connection, doc_id: str) -> list[tuple[int, int]]:
    """The (start, end) of every sentence the themes stage would code in a document."""
    _doc, sentences, _source = document_sentences(conn, doc_id)
    return [(s.start, s.end) for s in sentences]


def run_themes(
    conn: sqlite3.Connection,
    *,
    corpus: str | None = None,
    options: ThemesOptions = ThemesOptions(),
    progress: Callable[[Iterable[str]], Iterator[str]] | None = None,
) -> ThemesResult:
    """Code the corpus, store theme spans, and write theme_passages.csv, theme_summary.csv, topics.csv, manifest."""
    from textsamverkan.export.csv_export import write_csv
    from textsamverkan.themes.codebook import load_default_codebook
    from textsamverkan.themes.codebook_files import load_codebook
    from textsamverkan.themes.matcher import MATCHER_VERSION, LexicalMatcher, code_sentences
    from textsamverkan.themes.tables import (
        PASSAGE_COLUMNS,
        SpeakerTurn,
        passage_rows,
        summary_rows,
    )

    doc_ids = list_doc_ids(conn, corpus=corpus)
    require_layers(conn, doc_ids, SPEC)
    codebook = load_codebook(options.codebook) if options.codebook else load_default_codebook()
    settings = {
        "corpus": corpus,
        "codebook": str(options.codebook or "default"),
        "codebook_name": codebook.name,
        "semantic": options.semantic,
        "topics": options.topics,
        "embedder": options.embedder,
        "min_topic_size": options.min_topic_size,
        "matcher": MATCHER_VERSION,
    }
    run = start_run(conn, "themes", settings)
    result = ThemesResult(run_id=run["run_id"], out_dir=options.outputs / run["run_id"])
    matcher = LexicalMatcher(codebook)
    scorer = None
    if options.semantic:
        from textsamverkan.embed import load_embedder
        from textsamverkan.themes.semantic import ExemplarScorer

        scorer = ExemplarScorer(codebook, load_embedder(options.embedder or codebook.semantic_model))
    all_hits = []
    infos: dict[str, Any] = {}
    texts: dict[str, str] = {}
    turns: list[Any] = []
    sources = set()
    for doc_id in progress(doc_ids) if progress else doc_ids:
        doc, sentences, source = document_sentences(conn, doc_id)
        sources.add(source)
        hits = code_sentences(sentences, codebook, matcher=matcher, scorer=scorer)
        add_spans(
            conn,
            doc_id,
            [
                Span(
                    h.start,
                    h.end,
                    THEME,
                    h.code,
                    {"score": round(h.score, 4), "method": h.method, "evidence": h.evidence},
                )
                for h in hits
            ],
            stage=f"{SPEC.name}:{result.run_id}",
            layers=[THEME],
        )
        speakers = {s["id"]: s for s in load_speakers(conn, doc_id)}
        infos[doc_id] = doc_info(conn, doc, speakers)
        texts[doc_id] = doc.text
        names = {s_id: s["name"] for s_id, s in speakers.items()}
        turns += [SpeakerTurn(doc_id, t.start, t.end, names.get(t.label, t.label)) for t in doc.spans_on("turn")]
        result.sentences += len(sentences)
        all_hits += hits
    result.documents = len(doc_ids)
    result.hits = len(all_hits)
    result.sentence_source = "+".join(sorted(sources))
    for hit in all_hits:
        result.counts[hit.code] = result.counts.get(hit.code, 0) + 1
    out = result.out_dir
    out.mkdir(parents=True, exist_ok=True)
    write_csv(passage_rows(all_hits, infos, texts, turns), out / "theme_passages.csv", columns=PASSAGE_COLUMNS)
    write_csv(summary_rows(all_hits, infos, texts, turns), out / "theme_summary.csv")
    if options.topics:
        result.topics = _write_topics(conn, corpus, codebook, options, out)
    manifest = finish_run(
        conn,
        run,
        status="done",
        inputs=text_hashes(conn, doc_ids),
        summary={
            "documents": result.documents,
            "sentences": result.sentences,
            "sentence_source": result.sentence_source,
            "hits": result.hits,
            "per_theme": result.counts,
            "topics": result.topics,
        },
    )
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    return result


def _write_topics(
    conn: sqlite3.Connection, corpus: str | None, codebook: Any, options: ThemesOptions, out: Path
) -> int:
    """BERTopic over passage embeddings (cached); topics.csv maps each topic to its closest code or marks it new."""
    from textsamverkan.export.csv_export import write_csv
    from textsamverkan.stages.embed import embed_corpus
    from textsamverkan.themes.topics import Passage, TopicSettings, fit_topics, map_topics_to_codes, topic_rows

    refs, vectors, model = embed_corpus(conn, corpus=corpus, embedder=options.embedder)
    passages = [Passage(ref.doc_id, ref.start, ref.end, ref.text) for ref in refs]
    if len(passages) < 2 * options.min_topic_size:
        (out / "topics.csv").write_text("", encoding="utf-8")
        return 0
    topic_result = fit_topics(
        passages,
        vectors,
        codebook=codebook,
        embedding_model=model,
        settings=TopicSettings(min_topic_size=options.min_topic_size),
    )
    mapping = map_topics_to_codes(topic_result, vectors, codebook, embedder=model)
    write_csv(topic_rows(topic_result, mapping), out / "topics.csv")
    return sum(1 for t in topic_result.topics if t.id >= 0)

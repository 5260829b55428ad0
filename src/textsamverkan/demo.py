"""The demo: the main job on the sample corpus, as `make demo` runs it, from the repository alone.

Ingest → annotate (bundled spaCy model) → themes (codebook + BERTopic) → report, all under one output folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textsamverkan.analysis.speaker_shares import COLUMNS as SPEAKER_COLUMNS
from textsamverkan.analysis.speaker_shares import speaker_rows
from textsamverkan.cli.output import render
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.store import connect
from textsamverkan.store.documents import document_rows


def run_demo(corpus_dir: Path, out: Path, *, topics: bool = True) -> Iterator[str]:
    """Run every stage on `corpus_dir` into `out/` and say what was written."""
    from textsamverkan.analysis.compare import compare
    from textsamverkan.export.report import write_report
    from textsamverkan.stages.annotate import annotate_corpus
    from textsamverkan.stages.corpus_view import load_view
    from textsamverkan.stages.themes import ThemesOptions, run_themes
    from textsamverkan.themes.codebook import load_default_codebook

    out.mkdir(parents=True, exist_ok=True)
    db = out / "textsamverkan.db"
    conn = connect(db)
    summary = ingest_paths(conn, [corpus_dir], IngestOptions())
    yield (
        f"1. ingest {corpus_dir}: {summary.count('stored')} stored, {summary.count('unchanged')} unchanged, "
        f"{len(summary.failed)} failed"
    )
    for failed in summary.failed:
        yield f"   FAILED {failed.error}"
    docs = document_rows(conn)
    (out / "documents.csv").write_text(render(docs, "csv"), encoding="utf-8")
    yield render(docs, "table", ["doc_id", "kind", "region", "words", "blocks", "turns", "speakers"]).rstrip()
    speakers = speaker_rows(conn)
    (out / "speakers.csv").write_text(render(speakers, "csv", SPEAKER_COLUMNS), encoding="utf-8")
    yield "\n2. speakers\n" + render(speakers, "table", SPEAKER_COLUMNS[1:]).rstrip()
    annotated = annotate_corpus(conn)
    yield f"\n3. annotate: {len(annotated.annotated)} documents annotated, {len(annotated.skipped)} already done"
    themes = run_themes(conn, options=ThemesOptions(topics=topics, min_topic_size=5, outputs=out / "runs"))
    counts = ", ".join(f"{code} {n}" for code, n in sorted(themes.counts.items(), key=lambda kv: (-kv[1], kv[0])))
    yield f"\n4. themes: {themes.hits} hits in {themes.sentences} sentences: {counts}; {themes.topics} topics"
    yield f"   tables in {themes.out_dir}"
    view = load_view(conn)
    names = {c.id: c.label_sv for c in load_default_codebook().codes}
    topic_rows = []
    if topics and (themes.out_dir / "topics.csv").stat().st_size:
        import csv

        with (themes.out_dir / "topics.csv").open(encoding="utf-8-sig") as handle:
            topic_rows = list(csv.DictReader(handle))
    report = write_report(
        out / "report.html",
        view.docs,
        view.texts,
        passages=view.passages,
        comparison=compare(view.passages, view.docs, by="region"),
        speakers=speakers,
        topics=topic_rows,
        theme_names=names,
        title="textsamverkan: sample corpus",
        subtitle=f"{len(view.docs)} documents from {corpus_dir}",
    )
    yield f"\n5. report: {report}"

"""The demo: the main job on the sample corpus, as `make demo` runs it, from the repository alone.

Ingest → annotate (bundled spaCy model) → themes (codebook + BERTopic) → report, all under one output folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textsamverkan.analysis.speaker_shares import COLUMNS as SPEAKER_COLUMNS
from textsamverkan.analysis.speaker_shares import speaker_rows
from textsamverkan.export.csv_export import write_csv
from textsamverkan.export.listing import render
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.store import connect
from textsamverkan.store.documents import document_rows


def run_demo(corpus_dir: Path, out: Path, *, topics: bool = True) -> Iterator[str]:
    """Run every stage on `corpus_dir` into `out/` and say what was written."""
    from textsamverkan.stages.annotate import annotate_corpus
    from textsamverkan.stages.report import write_corpus_report
    from textsamverkan.stages.themes import run_themes

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
    write_csv(docs, out / "documents.csv")
    yield render(docs, "table", ["doc_id", "kind", "region", "words", "blocks", "turns", "speakers"]).rstrip()
    speakers = speaker_rows(conn)
    write_csv(speakers, out / "speakers.csv", columns=SPEAKER_COLUMNS)
    yield "\n2. speakers\n" + render(speakers, "table", SPEAKER_COLUMNS[1:]).rstrip()
    annotated = annotate_corpus(conn).value
    yield f"\n3. annotate: {len(annotated.annotated)} documents annotated, {len(annotated.skipped)} already done"
    themes = run_themes(conn, settings={"topics": topics, "min_topic_size": 5}, outputs=out / "runs")
    yield (
        f"\n4. themes: {themes.hits} hits in {themes.sentences} sentences: {themes.counts_text()}; "
        f"{themes.topics} topics"
    )
    yield f"   tables in {themes.out_dir}"
    report = write_corpus_report(
        conn,
        out / "report.html",
        topics_csv=themes.out_dir / "topics.csv" if topics else None,
        title="textsamverkan: sample corpus",
        subtitle=f"{{documents}} documents from {corpus_dir}",
    )
    yield f"\n5. report: {report.value}"
    conn.close()

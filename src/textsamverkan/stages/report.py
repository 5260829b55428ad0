"""The corpus report: the stored corpus, its last theme run, speakers and topics, written as one HTML file."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textsamverkan.stages.pii import RedactOptions


def write_corpus_report(
    conn: sqlite3.Connection,
    path: Path,
    *,
    corpus: str | None = None,
    by: str = "region",
    sources: str = "all",
    topics_csv: Path | None = None,
    title: str = "textsamverkan",
    subtitle: str = "{documents} documents",
    redact: RedactOptions | None = None,
) -> Path:
    """Write the report to `path`; `subtitle` may use {documents}, the number of documents shown. With `redact`,
    texts, quotes, speakers and topics are pseudonymised and highlights moved into the redacted texts."""
    from textsamverkan.analysis.compare import compare
    from textsamverkan.analysis.speaker_shares import speaker_rows
    from textsamverkan.export.report import write_report
    from textsamverkan.stages.corpus_view import load_view
    from textsamverkan.themes.codebook import load_default_codebook

    view = load_view(conn, corpus=corpus)
    topics = []
    if topics_csv and topics_csv.stat().st_size:
        with topics_csv.open(encoding="utf-8-sig") as handle:
            topics = list(csv.DictReader(handle))
    speakers = speaker_rows(conn, corpus=corpus)
    if redact is not None:
        from textsamverkan.pii.corpus import redact_rows
        from textsamverkan.stages.pii import redact_corpus_view

        view, plan = redact_corpus_view(conn, view, redact)
        speakers, topics = redact_rows(speakers, plan), redact_rows(topics, plan)
    return write_report(
        path,
        view.docs,
        view.texts,
        passages=view.passages,
        comparison=compare(view.passages, view.docs, by=by) if view.passages else None,
        speakers=speakers,
        topics=topics,
        sources=sources,
        theme_names={c.id: c.label_sv for c in load_default_codebook().codes},
        title=title,
        subtitle=subtitle.format(documents=len(view.docs)),
    )

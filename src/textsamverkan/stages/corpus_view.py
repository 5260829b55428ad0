"""Read stored documents, speakers and the theme spans of one coding run into the plain inputs that comparison,
exports and reports take."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.model import Document, RunRecord, Speaker
from textsamverkan.store.documents import document_facts, get_document, load_speakers, speaker_of

THEME = "theme"
MODEL = "model"  # the method of a hit the learned layer made where the rules found nothing


@dataclass
class CorpusView:
    """Everything a table or report needs: the coding run read, document info, canonical texts, coded passages,
    the run's codebook, and notes to show the user (which run, documents changed since)."""

    run: RunRecord | None = None
    docs: list[DocInfo] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    passages: list[CodedPassage] = field(default_factory=list)
    codebook: Any = None
    notes: list[str] = field(default_factory=list)

    def code_names(self) -> dict[str, str]:
        """Code id → its label in the codebook's language (Swedish unless the codebook says English and has English
        labels), from the codebook of the run read."""
        if not self.codebook:
            return {}
        english = str(getattr(self.codebook, "language", "sv")).casefold().startswith("en")
        return {c.id: (c.label_en if english and c.label_en else c.label_sv) for c in self.codebook.codes}


def doc_info(conn: sqlite3.Connection, doc: Document, speakers: dict[str, Speaker]) -> DocInfo:
    """A document's metadata, content words and words per speaker (from its turns) for tables and comparisons."""
    meta = doc.metadata
    words: dict[str, int] = defaultdict(int)
    for turn in doc.spans_on("turn"):
        name = speakers[turn.label].name if turn.label in speakers else turn.label
        words[name] += len(doc.text[turn.start : turn.end].split())
    corpus, n_words = document_facts(conn, doc.doc_id)
    return DocInfo(
        doc_id=doc.doc_id,
        corpus=corpus,
        region=str(meta.get("region", "")),
        organisation=str(meta.get("organisation", "")),
        kind=str(meta.get("kind", "")),
        date=str(meta.get("date", "")),
        words=n_words,
        title=str(meta.get("title", "")),
        speakers=dict(words),
        speaker_roles={s.name: s.role or "" for s in speakers.values()},
        speaker_organisations={s.name: s.organisation or "" for s in speakers.values()},
        extra={k: str(v) for k, v in meta.items() if isinstance(v, str | int | float)},
    )


def load_view(
    conn: sqlite3.Connection, *, corpus: str | None = None, run_id: str | None = None, model_hits: bool = True
) -> CorpusView:
    """The documents one coding run covered (`run_id`, else the current themes run) and that run's coded passages.

    Only documents whose text is still the one the run read are included, so a table never mixes runs or shows a
    document as uncoded because it changed after coding. The passages the learned layer coded alone (method
    "model") are less sure than the rules' (`model_hits_note`); without `model_hits` they are left out.
    """
    from textsamverkan.runner import read_run, run_doc_ids
    from textsamverkan.stages.coding_record import run_codebook

    run, notes = read_run(conn, "themes", corpus=corpus, run_id=run_id)
    view = CorpusView(run=run, codebook=run_codebook(run), notes=notes)
    model_passages = 0
    for doc_id in run_doc_ids(conn, run, corpus=corpus):
        doc = get_document(conn, doc_id, layers=["turn", THEME], run_id=run.run_id)
        speakers = load_speakers(conn, doc_id)
        turns = doc.spans_on("turn")
        meta = doc.metadata
        view.docs.append(doc_info(conn, doc, speakers))
        view.texts[doc_id] = doc.text
        for hit in doc.spans_on(THEME):
            if hit.attrs.get("method") == MODEL:
                model_passages += 1
                if not model_hits:
                    continue
            speaker = speaker_of(turns, speakers, hit.start)
            view.passages.append(
                CodedPassage(
                    doc_id=doc_id,
                    start=hit.start,
                    end=hit.end,
                    quote=doc.text[hit.start : hit.end],
                    theme=hit.label,
                    score=float(hit.attrs.get("score", 1.0)),
                    method=str(hit.attrs.get("method", "")),
                    speaker=speaker.name if speaker else None,
                    speaker_role=speaker.role if speaker else None,
                    organisation=(speaker.organisation if speaker else None)
                    or str(meta.get("organisation", ""))
                    or None,
                )
            )
    if model_passages:
        view.notes.append(model_hits_note(model_passages, len(view.passages), model_hits))
    return view


def model_hits_note(model_passages: int, counted: int, model_hits: bool) -> str:
    """Says how many of the counted passages only the learned layer coded, or that they were left out: a table
    that mixes them with the rules' hits without saying so would look surer than it is."""
    if not model_hits:
        return (f"left out {model_passages} passages only the learned layer coded (method=model; --no-model-hits); "
                f"{counted} passages coded by the rules are counted")
    return (f"{model_passages} of the {counted} passages counted were coded by the learned layer alone "
            "(method=model): read them before you report their counts, or count the rules' alone with "
            "--no-model-hits")

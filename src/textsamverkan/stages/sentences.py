"""A stored document's sentences with tokens, as coding and claim extraction read them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textsamverkan.model import Document, Span
from textsamverkan.model.speaker import Speaker


def sentence_inputs(doc: Document) -> tuple[str, str, list[tuple[int, int]], list[Span]]:
    """What the sentences of a stored document are made from: id, text, passage offsets, NLP sentence/token spans.

    Plain data, so a worker process can make the sentences itself (segment.sentences.document_sentences).
    """
    passages = [(p.start, p.end) for p in doc.spans_on("passage")]
    return doc.doc_id, doc.text, passages, [s for s in doc.spans if s.layer in ("sentence", "token")]


def coding_inputs(
    doc: Document, *, interviewer: bool = False, speakers: Mapping[str, Speaker] | None = None
) -> tuple[str, str, list[tuple[int, int]], list[Span], bool]:
    """`sentence_inputs` without the passages that head a section (themes/statements.section_headings) and, unless
    `interviewer`, those the interviewer or moderator says (a turn labelled "Intervjuare", "I", "Moderator", or a
    speaker whose role in `speakers`, e.g. from a speakers.csv, is one of those): what theme coding reads. An
    interview guide's questions name its themes in every interview; the answers are the data. Last, whether the
    document is a transcript (ingest found speaker turns in it)."""
    from textsamverkan.segment.names import is_questioner_label
    from textsamverkan.themes.statements import section_headings

    doc_id, text, passages, spans = sentence_inputs(doc)
    stored = doc.spans_on("passage")
    skipped = section_headings(text, [(p.start, p.end, p.label) for p in stored])
    if not interviewer:
        roles = {key: speaker.role or "" for key, speaker in (speakers or {}).items()}
        asking = {
            t.label
            for t in doc.spans_on("turn")
            if is_questioner_label(str(t.attrs.get("label", ""))) or is_questioner_label(roles.get(t.label, ""))
        }
        skipped |= {(p.start, p.end) for p in stored if p.attrs.get("speaker") in asking}
    return doc_id, text, [p for p in passages if p not in skipped], spans, bool(doc.spans_on("turn"))


def document_sentences(doc: Document) -> tuple[list[Any], str]:
    """Sentences from `annotate` when it ran ("annotate"), else from the fast splitter over passages ("simple").

    `doc` must carry its passage, sentence and token spans.
    """
    from textsamverkan.segment.sentences import document_sentences as make_sentences

    return make_sentences(*sentence_inputs(doc))

"""A stored document's sentences with tokens, as coding and claim extraction read them."""

from __future__ import annotations

from typing import Any

from textsamverkan.model import Document

SENTENCE_LAYERS = ("passage", "sentence", "token")


def document_sentences(doc: Document) -> tuple[list[Any], str]:
    """Sentences from `annotate` when it ran ("annotate"), else from the fast splitter over passages ("simple").

    `doc` must carry its passage, sentence and token spans. Shared by coding and claim extraction, so both read
    exactly the same sentences.
    """
    from textsamverkan.segment.sentences import sentences_from_spans, simple_sentences

    annotated = [s for s in doc.spans if s.layer in ("sentence", "token")]
    if annotated:
        return sentences_from_spans(doc.doc_id, doc.text, annotated), "annotate"
    return simple_sentences(doc.doc_id, doc.text, [(p.start, p.end) for p in doc.spans_on("passage")]), "simple"

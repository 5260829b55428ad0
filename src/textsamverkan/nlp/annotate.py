"""Sentence and token spans on the canonical text, from any NLP backend, inside the bounds of blocks and turns.

Each region (a block or speaker-turn span) is cut into its lines (`segment.sentences.pieces_of`); every line is a
piece the backend annotates on its own, and the results are shifted back to canonical offsets. So no sentence
crosses a region boundary or a line break, and a heading or bullet without final punctuation is a sentence of its
own (the structure module keeps prose lines that continue a sentence in one line, so a line break in canonical text
is a real boundary). A "sentence" of punctuation only (a bullet marker the model split off) is joined to the
sentence after it.

Returned spans, in text order, each sentence followed by its tokens:
- `Span(start, end, "sentence", attrs={"backend", "model"})`
- `Span(start, end, "token", label=<lemma>, attrs={"lemma", "upos", "feats", "head", "dep", "ent", "backend",
  "model"})`. The label is the lemma (what counting and search group by; the token text is always
  `text[start:end]`). `head` is the index of the head token among the *token* spans of the returned list (the root
  points to itself; None without a parser); `ent` is "B-PER", "I-PER", ... or "".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textsamverkan.model import Span
from textsamverkan.nlp.types import NlpBackend, PieceAnnotation, TokenAnnotation
from textsamverkan.segment.sentences import pieces_of

SENTENCE = "sentence"
TOKEN = "token"
ANNOTATE_VERSION = "annotate.v1"


def annotate_text(text: str, regions: list[tuple[int, int]], backend: NlpBackend) -> list[Span]:
    """Sentence and token spans for the parts of `text` inside `regions` (see the module docstring)."""
    return next(annotate_many([(text, regions)], backend))


def annotate_many(
    documents: Iterable[tuple[str, list[tuple[int, int]]]], backend: NlpBackend, *, chunk: int = 64
) -> Iterator[list[Span]]:
    """`annotate_text` for a stream of (text, regions), one span list per document, in order.

    Documents are taken `chunk` at a time and all their pieces go through the backend in one stream, so a corpus
    of short documents is batched as well as one long document.
    """
    made_by = backend.info.as_attrs()
    batch: list[tuple[str, list[tuple[int, int]]]] = []
    for text, regions in documents:
        batch.append((text, pieces_of(text, regions)))
        if len(batch) >= chunk:
            yield from _annotate_batch(batch, backend, made_by)
            batch = []
    if batch:
        yield from _annotate_batch(batch, backend, made_by)


def _annotate_batch(
    batch: list[tuple[str, list[tuple[int, int]]]], backend: NlpBackend, made_by: dict[str, str]
) -> Iterator[list[Span]]:
    results = backend.annotate(text[s:e] for text, pieces in batch for s, e in pieces)
    for text, pieces in batch:
        spans: list[Span] = []
        token_base = 0
        for offset, piece_end in pieces:
            piece = next(results)
            spans.extend(_piece_spans(text, offset, piece_end, piece, token_base, made_by))
            token_base += len(piece.tokens)
        yield spans


def _piece_spans(
    text: str, offset: int, piece_end: int, piece: PieceAnnotation, token_base: int, made_by: dict[str, str]
) -> Iterator[Span]:
    """Sentence and token spans of one annotated piece, shifted to canonical offsets."""
    piece_tokens = piece.tokens
    sentences = piece.sentences
    if not sentences and piece_tokens:
        sentences = [(piece_tokens[0].start, piece_tokens[-1].end)]
    # each token goes to the last sentence that starts at or before it
    by_sentence: list[tuple[tuple[int, int], list[int]]] = [((s, e), []) for s, e in sentences]
    k = 0
    for n, tok in enumerate(piece_tokens):
        while k + 1 < len(by_sentence) and tok.start >= by_sentence[k + 1][0][0]:
            k += 1
        by_sentence[k][1].append(n)
    by_sentence = _merge_marker_sentences(by_sentence, piece_tokens)
    for (s_start, s_end), members in by_sentence:
        if not members:
            continue
        yield Span(offset + s_start, offset + s_end, SENTENCE, attrs=dict(made_by))
        for n in members:
            tok = piece_tokens[n]
            start, end = offset + tok.start, offset + tok.end
            if end > piece_end or text[start:end] != tok.text:
                raise RuntimeError(
                    f"backend {made_by['backend']} returned token {tok.text!r} at {start}-{end}, "
                    f"where the text has {text[start:end]!r}"
                )
            head = tok.head
            attrs = {
                "lemma": tok.lemma,
                "upos": tok.upos,
                "feats": tok.feats,
                "head": None if head is None else token_base + head,
                "dep": tok.dep,
                "ent": tok.ent,
            }
            attrs.update(made_by)
            yield Span(start, end, TOKEN, tok.lemma, attrs)


def _merge_marker_sentences(
    by_sentence: list[tuple[tuple[int, int], list[int]]], tokens: list[TokenAnnotation]
) -> list[tuple[tuple[int, int], list[int]]]:
    """Join a "sentence" made only of punctuation (a bullet marker "-" or "●") to the sentence after it.

    Sentence bounds become their first token's start and last token's end.
    """
    out: list[tuple[tuple[int, int], list[int]]] = []
    carry: list[int] = []
    for _bounds, members in by_sentence:
        members = carry + members
        carry = []
        if members and all(not any(c.isalnum() for c in tokens[n].text) for n in members):
            carry = members
            continue
        if members:
            out.append(((tokens[members[0]].start, tokens[members[-1]].end), members))
    if carry:
        if out:
            (start, _end), members = out[-1]
            out[-1] = ((start, tokens[carry[-1]].end), members + carry)
        else:
            out.append(((tokens[carry[0]].start, tokens[carry[-1]].end), carry))
    return out

"""Sentences and tokens of canonical text: the types, a fast fallback splitter, and an adapter for NLP-layer spans.

`pieces_of` cuts regions (blocks or turns) into their non-blank lines: the pieces an NLP backend annotates and the
fallback splitter cuts, so no sentence crosses a region or a line break. `simple_sentences` needs no model: each
piece is cut at sentence-final punctuation that is not part of a known abbreviation, words are found with one
regular expression and lemmatised with simplemma's Swedish lexicon (unknown words keep their lower-cased form);
UPOS is only "PUNCT", "NUM" or "X". It is the fast path when no pipeline has annotated the text, and the way tests
build input independently of any backend. `sentences_from_spans` turns the NLP layer's sentence and token spans
into the same types. The theme coder and claim retrieval read these types.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from textsamverkan.errors import E_OPTION, UserError


@dataclass(frozen=True, slots=True)
class Token:
    """One token: offsets into the canonical text, its text, lemma and universal POS tag ("X" when unknown)."""

    start: int
    end: int
    text: str
    lemma: str
    upos: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or bullet, or heading) of a document, never crossing a block or turn boundary."""

    doc_id: str
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list, hash=False, compare=False)

    @property
    def words(self) -> int:
        """Number of word tokens (tokens that contain a letter or digit)."""
        return sum(1 for t in self.tokens if any(c.isalnum() for c in t.text))


# A word (letters/digits, inner hyphens, colons and apostrophes: "covid-19", "SIP:ar", "läkar-teamen"), a word with
# a suspended hyphen ("hälso-" in "hälso- och sjukvård"), a number, or one other non-space character.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[-:'’]\w+)*(?:-(?=\s))?|[^\w\s]", re.UNICODE)
# Sentence-final punctuation (with closing quotes or brackets), then space, then something that starts a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"”»')\]]*(?=\s+[\"“”»(–—-]?[\w])")
_ABBREVIATIONS = frozenset(
    [
        "t.ex", "bl.a", "m.fl", "m.m", "o.s.v", "osv", "dvs", "d.v.s", "s.k", "ca", "resp", "jfr", "kap", "nr", "st",
        "t.o.m", "fr.o.m", "e.d", "o.d", "p.g.a", "pga", "f.d", "f.n", "t.v", "ev", "inkl", "exkl", "enl", "mfl", "mm",
        "etc", "tex", "bla", "sk", "tom", "obs", "prof", "dr", "doc", "leg", "tel", "kl", "vs", "mkr", "mnkr", "milj",
        "tkr", "kr", "avd"
    ]
)
_ABBREV_TAIL = re.compile(r"(?:\w+\.)*\w+$")
_LINE = re.compile(r"[^\n]+")


def pieces_of(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of every non-blank line inside each region, trimmed of surrounding whitespace."""
    previous_end = 0
    pieces: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if not 0 <= start <= end <= len(text):
            raise UserError(E_OPTION, f"region ({start}, {end}) lies outside the text (length {len(text)})")
        if start < previous_end:
            raise UserError(E_OPTION, f"region ({start}, {end}) overlaps the region before it")
        previous_end = end
        for m in _LINE.finditer(text, start, end):
            line = m.group()
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                pieces.append((m.start() + lead, m.start() + lead + len(stripped)))
    return pieces


@lru_cache(maxsize=262144)
def simple_lemma(word: str) -> str:
    """simplemma's Swedish lemma for `word`, lower-cased unless it is an acronym (all capitals, e.g. "SIP")."""
    import simplemma

    lemma: str = simplemma.lemmatize(word, lang="sv")
    if word.isupper() and len(word) > 1:
        return word
    return lemma.lower()


def _upos(token: str) -> str:
    if token[0].isdigit():
        return "NUM"
    if not token[0].isalnum() and len(token) == 1:
        return "PUNCT"
    return "X"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text` with offsets shifted by `offset`; lemmas from `simple_lemma`."""
    tokens = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        upos = _upos(word)
        lemma = simple_lemma(word) if upos == "X" else word
        tokens.append(Token(offset + m.start(), offset + m.end(), word, lemma, upos))
    return tokens


def is_abbreviation(line: str, dot_at: int) -> bool:
    """Whether the period at `dot_at` ends an abbreviation ("t.ex.", "bl.a.") or a single letter ("A.")."""
    start = max(0, dot_at - 64)  # a bounded look-back: searching from 0 was quadratic on long lines
    m = _ABBREV_TAIL.search(line, start, dot_at)
    if m is None or (m.start() == start and start > 0 and line[start - 1].isalnum()):
        return False
    word = m.group().lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_line(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one line, relative to the line, trimmed of surrounding spaces."""
    cuts = [0]
    for m in _BOUNDARY.finditer(line):
        if m.group().startswith(".") and len(m.group().rstrip("\"”»')]")) == 1 and is_abbreviation(line, m.start()):
            continue
        cuts.append(m.end())
    cuts.append(len(line))
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = line[a:b]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((a + lead, a + lead + len(stripped)))
    return out


def simple_sentences(doc_id: str, text: str, regions: Iterable[tuple[int, int]]) -> list[Sentence]:
    """Sentences with tokens for the parts of `text` inside `regions` (e.g. non-boilerplate blocks), in order.

    Every non-blank line of a region is cut separately, so no sentence crosses a region or a line break.
    """
    sentences: list[Sentence] = []
    for piece_start, piece_end in pieces_of(text, sorted(regions)):
        for a, b in split_line(text[piece_start:piece_end]):
            s, e = piece_start + a, piece_start + b
            sentences.append(Sentence(doc_id, s, e, text[s:e], tokenize(text[s:e], s)))
    return sentences


def sentences_from_spans(doc_id: str, text: str, spans: Sequence[Any]) -> list[Sentence]:
    """Convert the NLP layer's spans (a sentence span followed by its token spans, see `nlp.annotate`) to Sentences.

    Spans are anything with `start`, `end`, `layer`, `label` and `attrs` (the project's `Span`); token lemmas come
    from `attrs["lemma"]` (else the label) and UPOS from `attrs["upos"]`.
    """
    out: list[Sentence] = []
    current: Sentence | None = None
    for span in spans:
        if span.layer == "sentence":
            current = Sentence(doc_id, span.start, span.end, text[span.start : span.end], [])
            out.append(current)
        elif span.layer == "token" and current is not None and current.start <= span.start < current.end:
            attrs = span.attrs or {}
            current.tokens.append(
                Token(
                    span.start,
                    span.end,
                    text[span.start : span.end],
                    str(attrs.get("lemma") or span.label or text[span.start : span.end]),
                    str(attrs.get("upos") or "X"),
                )
            )
    return out


def document_sentences(
    doc_id: str, text: str, passages: Sequence[tuple[int, int]], annotated: Sequence[Any] = ()
) -> tuple[list[Sentence], str]:
    """A document's sentences: from the NLP layer's sentence and token spans when there are any ("annotate"),
    else cut from its passages by the fast splitter with simplemma lemmas ("simple").

    The one rule for which sentences coding and claim extraction read, in this process or on a worker.
    """
    if annotated:
        return sentences_from_spans(doc_id, text, annotated), "annotate"
    return simple_sentences(doc_id, text, passages), "simple"

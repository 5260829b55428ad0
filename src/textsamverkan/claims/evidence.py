"""Evidence at sentence level: the sentence (or two adjacent sentences) of a passage that best matches a statement.

Sentences are cut as the theme coder cuts them (line by line, at sentence-final punctuation outside abbreviations).
Each sentence and each pair of neighbours is scored by the share of the statement's elements it holds: content words
(compound-aware, synonyms), numbers and dates, a number or date in conflict counting half (it speaks of the same
amount or time); a pair wins only when it holds clearly more than its best sentence. Offsets are code points in the
passage's document.

For speed, a long passage's sentences are first ranked by a cheap overlap (the first letters of the statement's
lemmas, synonyms and compound parts against those of each sentence's words, plus its digits) and only the best
`SHORTLIST` are scored in full; a sentence's split and analyses are cached by its text, so they are computed once per
index, not once per statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PAIR_GAIN = 0.15
SHORTLIST = 4


@dataclass(frozen=True)
class Evidence:
    """The chosen sentence(s): document offsets, the quote (`text[start:end]`) and its content coverage."""

    start: int
    end: int
    quote: str
    coverage: float


@lru_cache(maxsize=1 << 14)
def sentences(passage: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `passage`, relative to it."""
    from textsamverkan.segment.sentences import split_line

    out: list[tuple[int, int]] = []
    pos = 0
    for line in passage.split("\n"):
        for a, b in split_line(line):
            if passage[pos + a : pos + b].strip():
                out.append((pos + a, pos + b))
        pos += len(line) + 1
    return tuple(out) or ((0, len(passage)),)


def _score(statement: str, text: str) -> float:
    from textsamverkan.claims.reasons.content import content_coverage
    from textsamverkan.claims.reasons.dates import compare_dates
    from textsamverkan.claims.reasons.direction import direction_words
    from textsamverkan.claims.reasons.numbers import compare_numbers

    words, coverage = content_coverage(statement, text, skip=direction_words(statement))
    numbers, dates = compare_numbers(statement, text), compare_dates(statement, text)
    held = coverage * words + len(numbers.found) + len(dates.found)
    held += 0.5 * (len(numbers.conflict) + len(dates.conflict))
    total = words + sum(len(o.found) + len(o.conflict) + len(o.missing) for o in (numbers, dates))
    return held / total if total else 0.0


_DIGITS = re.compile(r"\d+")


def _sentence_hits(statement: str, passage: str) -> tuple[list[int], int]:
    """For each sentence, how many of the statement's content words (by the first letters of any of their forms)
    and digit strings it holds, and how many there are in all: a cheap overlap, no lemmatising of the passage."""
    from textsamverkan.claims.reasons.content import forms_probe

    probes = forms_probe(statement)
    digits = set(_DIGITS.findall(statement))
    spans, index = sentences(passage), _prefix_index(passage)
    hits = [sum(d in passage[a:b] for d in digits) for a, b in spans] if digits else [0] * len(spans)
    for forms in probes:
        for n in {n for form in forms for n in index.get(form, ())}:
            hits[n] += 1
    return hits, len(probes) + len(digits)


@lru_cache(maxsize=1 << 14)
def _prefix_index(passage: str) -> dict[str, tuple[int, ...]]:
    """For each word prefix (`content.prefixes`) of the passage, the sentences (`sentences`) that hold it: one look-up
    per form of a statement word, however many sentences the passage has."""
    from textsamverkan.claims.reasons.content import prefixes

    index: dict[str, list[int]] = {}
    for n, (a, b) in enumerate(sentences(passage)):
        for prefix in prefixes(passage[a:b]):
            index.setdefault(prefix, []).append(n)
    return {prefix: tuple(holding) for prefix, holding in index.items()}


def overlap(statement: str, passage: str) -> float:
    """The cheap overlap of the passage's best sentence with the statement (0–1): what ranking uses to choose which
    passages to score in full."""
    hits, total = _sentence_hits(statement, passage)
    return max(hits) / total if total else 0.0


def _shortlist(statement: str, passage: str, spans: tuple[tuple[int, int], ...]) -> list[int]:
    """Indices of the sentences worth scoring in full: all of a short passage, else the `SHORTLIST` overlapping most."""
    if len(spans) <= SHORTLIST:
        return list(range(len(spans)))
    hits, _total = _sentence_hits(statement, passage)
    return sorted(i for _minus, i in sorted((-h, i) for i, h in enumerate(hits))[:SHORTLIST])


def best_evidence(statement: str, passage: str, offset: int = 0) -> Evidence:
    """The best sentence or pair of adjacent sentences of `passage` for `statement` (offsets shifted by `offset`)."""
    start, end, score = _best_span(statement, passage)
    return Evidence(offset + start, offset + end, passage[start:end], score)


@lru_cache(maxsize=1 << 16)
def _best_span(statement: str, passage: str) -> tuple[int, int, float]:
    """(start, end, score) of the best evidence in the passage, relative to it; cached, since ranking scores a
    passage's evidence before judging does. The cache holds a whole block of ranked statements (a few hundred,
    up to 19 passages each), so judging them reads the evidence ranking found."""
    spans = sentences(passage)
    candidates = _shortlist(statement, passage, spans)
    scores = {i: _score(statement, passage[spans[i][0] : spans[i][1]]) for i in candidates}
    best = max(candidates, key=lambda i: (scores[i], -i))
    start, end = spans[best]
    score = scores[best]
    if score + PAIR_GAIN > 1.0 + 1e-9:
        return start, end, round(score, 4)  # a score is a share (at most 1): no pair can gain `PAIR_GAIN` on this
    for other in (best - 1, best + 1):
        if 0 <= other < len(spans):
            a, b = min(spans[best][0], spans[other][0]), max(spans[best][1], spans[other][1])
            pair = _score(statement, passage[a:b])
            if pair >= score + PAIR_GAIN:
                start, end, score = a, b, pair
    return start, end, round(score, 4)

"""Evidence at sentence level: the sentence (or two adjacent sentences) of a passage that best matches a statement.

Sentences are cut as the theme coder cuts them (line by line, at sentence-final punctuation outside abbreviations).
Each sentence and each pair of neighbours is scored by the share of the statement's content words it holds
(compound-aware) plus a small bonus for each of its numbers and dates found or in conflict (it speaks of the same
amount or time); a pair wins only when it holds clearly
more than its best sentence. Offsets are code points in the passage's document.
"""

from __future__ import annotations

from dataclasses import dataclass

PAIR_GAIN = 0.15


@dataclass(frozen=True)
class Evidence:
    """The chosen sentence(s): document offsets, the quote (`text[start:end]`) and its content coverage."""

    start: int
    end: int
    quote: str
    coverage: float


def sentences(passage: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `passage`, relative to it."""
    from textsamverkan.segment.sentences import split_line

    out: list[tuple[int, int]] = []
    pos = 0
    for line in passage.split("\n"):
        for a, b in split_line(line):
            if passage[pos + a : pos + b].strip():
                out.append((pos + a, pos + b))
        pos += len(line) + 1
    return out or [(0, len(passage))]


def _score(statement: str, text: str) -> float:
    from textsamverkan.claims.reasons.content import compare_content
    from textsamverkan.claims.reasons.dates import compare_dates
    from textsamverkan.claims.reasons.direction import direction_words
    from textsamverkan.claims.reasons.numbers import compare_numbers

    _outcome, coverage = compare_content(statement, text, skip=direction_words(statement))
    numbers, dates = compare_numbers(statement, text), compare_dates(statement, text)
    bonus = 0.1 * (len(numbers.found) + len(dates.found) + len(numbers.conflict) + len(dates.conflict))
    return coverage + bonus


def best_evidence(statement: str, passage: str, offset: int = 0) -> Evidence:
    """The best sentence or pair of adjacent sentences of `passage` for `statement` (offsets shifted by `offset`)."""
    spans = sentences(passage)
    scores = [_score(statement, passage[a:b]) for a, b in spans]
    best = max(range(len(spans)), key=lambda i: (scores[i], -i))
    start, end = spans[best]
    score = scores[best]
    for other in (best - 1, best + 1):
        if 0 <= other < len(spans):
            a, b = min(spans[best][0], spans[other][0]), max(spans[best][1], spans[other][1])
            pair = _score(statement, passage[a:b])
            if pair >= score + PAIR_GAIN:
                start, end, score = a, b, pair
    return Evidence(offset + start, offset + end, passage[start:end], round(score, 4))

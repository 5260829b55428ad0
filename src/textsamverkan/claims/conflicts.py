"""Conflicting claims across documents: pairs of claims about the same subject that disagree.

Two claims are about the same subject when they share at least `MIN_SHARED` content lemmas (compound-aware) and
most of the shorter one's content (`MIN_OVERLAP`). They disagree when, judged against each other with the verdict
rules, a number, a direction or the polarity (negation) conflicts. Input and output are plain rows, so the claims
stage, the CLI and the report can share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MIN_SHARED = 3
MIN_OVERLAP = 0.5
KINDS = ("number", "direction", "negation")


def find_conflicts(claims: Sequence[dict[str, Any]], *, max_pairs: int = 1000) -> list[dict[str, Any]]:
    """Pairs of claims (rows with doc_id, start, end, quote) from different documents that disagree, with reasons."""
    from textsamverkan.claims.reasons.content import content_words, keys
    from textsamverkan.claims.reasons.direction import compare_direction
    from textsamverkan.claims.reasons.negation import compare_negation
    from textsamverkan.claims.reasons.numbers import compare_numbers

    lemmas = [frozenset(w.lemma for w in content_words(c["quote"])) for c in claims]
    all_keys = [keys(c["quote"]) for c in claims]
    index: dict[str, list[int]] = {}
    for i, words in enumerate(lemmas):
        for word in words:
            index.setdefault(word, []).append(i)
    out: list[dict[str, Any]] = []
    for i, words in enumerate(lemmas):
        candidates: dict[int, int] = {}
        for word in words:
            for j in index[word]:
                if j > i and claims[j]["doc_id"] != claims[i]["doc_id"]:
                    candidates[j] = candidates.get(j, 0) + 1
        for j, shared in sorted(candidates.items()):
            smaller = min(len(words), len(lemmas[j])) or 1
            if shared < MIN_SHARED or shared / smaller < MIN_OVERLAP:
                continue
            a, b = claims[i]["quote"], claims[j]["quote"]
            conflict: dict[str, list[list[str]]] = {}
            for outcome in (compare_numbers(a, b), compare_direction(a, b), compare_negation(a, b)):
                if outcome.conflict:
                    conflict[outcome.kind] = [list(p) for p in outcome.conflict]
            if not conflict:
                continue
            shared_words = sorted(words & lemmas[j] & all_keys[j])
            out.append(
                {
                    "subject": " ".join(shared_words[:6]),
                    "kinds": sorted(conflict),
                    "doc_id_a": claims[i]["doc_id"],
                    "start_a": claims[i]["start"],
                    "end_a": claims[i]["end"],
                    "quote_a": a,
                    "doc_id_b": claims[j]["doc_id"],
                    "start_b": claims[j]["start"],
                    "end_b": claims[j]["end"],
                    "quote_b": b,
                    "reasons": {"conflict": conflict},
                }
            )
            if len(out) >= max_pairs:
                return out
    return out

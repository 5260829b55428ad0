"""Representative example passages of a theme: the most typical first, spread over documents.

"Typical" is the cosine similarity of a passage's word counts to the theme's centroid (the mean of all its
passages' normalised word counts), so a passage that uses the words the theme's passages share ranks first and
an odd passage that merely matched a rule ranks last. The pick then takes one passage per document, most typical
document first, before a second from any document, so five quotes never all come from one article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from textsamverkan.analysis.types import CodedPassage

_WORD = re.compile(r"\w{3,}")


def _vector(text: str) -> dict[str, float]:
    counts = Counter(w.casefold() for w in _WORD.findall(text) if not w.isdigit())
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {w: v / norm for w, v in counts.items()} if norm else {}


def typicality(passages: Sequence[CodedPassage]) -> list[float]:
    """Each passage's cosine similarity to the centroid of all the passages (0 for a passage without words)."""
    vectors = [_vector(p.quote) for p in passages]
    centroid: Counter[str] = Counter()
    for v in vectors:
        centroid.update(v)
    norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    return [sum(x * centroid[w] for w, x in v.items()) / norm for v in vectors]


def representative_passages(passages: Sequence[CodedPassage], limit: int = 5) -> list[CodedPassage]:
    """Up to `limit` distinct passages, most typical first, at most one per document until every document has
    given one. Ties break on score, then document and offset, so the pick is deterministic."""
    unique = list({(p.doc_id, p.start, p.end): p for p in passages}.values())
    scores = typicality(unique)
    ranked = sorted(zip(unique, scores, strict=True), key=lambda ps: (-round(ps[1], 9), -ps[0].score,
                                                                      ps[0].doc_id, ps[0].start, ps[0].end))
    picked: list[CodedPassage] = []
    rounds: dict[str, int] = Counter()
    while len(picked) < min(limit, len(ranked)):
        level = min(rounds[p.doc_id] for p, _ in ranked if p not in picked)
        for p, _ in ranked:
            if len(picked) >= limit:
                break
            if p not in picked and rounds[p.doc_id] == level:
                picked.append(p)
                rounds[p.doc_id] += 1
    return picked

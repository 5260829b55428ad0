"""Okapi BM25 over lemmatised passages (simplemma lemmas), small and dependency-free."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

STOPWORDS = frozenset(
    [
        "och",
        "i",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "av",
        "för",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "var",
        "jag",
        "men",
        "så",
        "vi",
        "man",
        "från",
        "kan",
        "ska",
        "eller",
        "när",
        "där",
        "också",
        "vid",
        "då",
        "hur",
        "detta",
        "här",
        "nu",
        "vad",
        "mycket",
        "skulle",
        "sig",
        "du",
        "ni",
        "dem",
        "deras",
        "denna",
        "dessa",
        "alla",
        "under",
        "efter",
        "utan",
        "inom",
        "mellan",
        "över",
        "mot",
        "bara",
        "även",
        "sin",
        "sitt",
        "sina",
        "vara",
        "bli",
        "blir",
        "blev",
        "ha",
        "hade",
        "finns",
        "fanns",
        "få",
        "får",
        "något",
        "några",
        "någon",
        "mer",
        "mest",
        "andra",
        "annan",
        "annat",
        "upp",
        "ut",
        "in",
        "ju",
        "väl",
        "nog",
        "liksom",
        "alltså",
        "bland",
        "göra",
        "gör",
        "gjort",
    ]
)


def terms(text: str) -> list[str]:
    """Content-word lemmas of `text`: simplemma lemmas, lower-cased, without stop words, digits or punctuation."""
    from textsamverkan.themes.sentences import tokenize

    out = []
    for token in tokenize(text):
        lemma = token.lemma.lower()
        if token.upos != "X" or len(lemma) < 2 or lemma in STOPWORDS:
            continue
        out.append(lemma)
    return out


class BM25:
    """Okapi BM25 (k1, b) over a fixed list of term lists; `scores(query_terms)` gives one score per document."""

    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.counts = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.avg_length = sum(self.lengths) / len(self.lengths) if self.lengths else 0.0
        df: Counter[str] = Counter()
        for counts in self.counts:
            df.update(counts.keys())
        n = len(self.counts)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: Sequence[str]) -> list[float]:
        out = []
        for counts, length in zip(self.counts, self.lengths, strict=True):
            norm = self.k1 * (1 - self.b + self.b * length / self.avg_length) if self.avg_length else self.k1
            total = 0.0
            for term in set(query):
                tf = counts.get(term, 0)
                if tf:
                    total += self.idf[term] * tf * (self.k1 + 1) / (tf + norm)
            out.append(total)
        return out

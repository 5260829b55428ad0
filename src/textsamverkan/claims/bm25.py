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
        "alls",
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
        # spoken forms of the words above and speech's fillers: a transcript's "nånting" or "ehm" claims nothing
        "någonting",
        "nånting",
        "nåt",
        "nån",
        "nåra",
        "nånsin",
        "någonsin",
        "mej",
        "dej",
        "sej",
        "sån",
        "sånt",
        "sånna",
        "sådant",
        "sådana",
        "såhär",
        "ehm",
        "hmm",
        "mm",
        "eh",
        "öh",
        "öhm",
        "äh",
        "ähm",
        "asså",
        "jaa",
        "okej",
        # connectives that add, and claim nothing of their own
        "därtill",
        "dessutom",
        "därutöver",
        # connectives that tie parts together: "varav" for "och av dem", "plus" for "och", "huruvida" for "om"
        "varav",
        "huruvida",
        "plus",
        # units as notes shorten them, which the number check reads ("3 ggr/dag", "2 tim")
        "ggr",
        "tim",
        "min",
        "milj",
        "mkr",
        "tkr",
    ]
)


def terms(text: str) -> list[str]:
    """Content-word lemmas of `text`: simplemma lemmas, lower-cased, without stop words, digits or punctuation."""
    from textsamverkan.segment.sentences import tokenize

    out = []
    for token in tokenize(text):
        lemma = token.lemma.lower()
        if token.upos != "X" or len(lemma) < 2 or lemma in STOPWORDS:
            continue
        out.append(lemma)
    return out


class BM25:
    """Okapi BM25 (k1, b) over a fixed list of term lists; `scores(query_terms)` gives one score per document.

    An inverted index (term → documents and counts) makes a query cost the length of its terms' postings, not the
    size of the corpus, so linking 1,000 statements against tens of thousands of passages takes seconds.
    """

    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        import numpy as np

        self.k1 = k1
        self.b = b
        self.n = len(documents)
        lengths = np.array([len(doc) for doc in documents], dtype=np.float64)
        avg_length = float(lengths.mean()) if self.n else 0.0
        self.norm = k1 * (1 - b + b * lengths / avg_length) if avg_length else np.full(self.n, k1)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for index, doc in enumerate(documents):
            for term, tf in Counter(doc).items():
                docs, tfs = postings.setdefault(term, ([], []))
                docs.append(index)
                tfs.append(tf)
        self.postings = {
            t: (np.array(d, dtype=np.int64), np.array(f, dtype=np.float64)) for t, (d, f) in postings.items()
        }
        self.idf = {t: math.log(1 + (self.n - len(d) + 0.5) / (len(d) + 0.5)) for t, (d, _) in postings.items()}

    def scores(self, query: Sequence[str]) -> list[float]:
        import numpy as np

        out = np.zeros(self.n, dtype=np.float64)
        for term in set(query):
            if term in self.postings:
                docs, tfs = self.postings[term]
                out[docs] += self.idf[term] * tfs * (self.k1 + 1) / (tfs + self.norm[docs])
        return [float(x) for x in out]

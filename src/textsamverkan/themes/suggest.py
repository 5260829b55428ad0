"""Codebook suggestions: candidate terms for one code, found in the corpus, for a researcher to accept or reject.

Four kinds of candidate, each with how often it occurs and example sentences (nothing is added to the codebook):
- `compound`: corpus words that share a head with one of the code's terms but that its rules do not match
  ("engångsrock" beside `-skyddsrock`: same head "rock");
- `synonym`: corpus words the bundled Swedish thesaurus lists as synonyms of one of the code's terms
  ("immunisera" beside the prevention term "vaccinera");
- `associated`: words much more frequent in the sentences the code's rules match than elsewhere (smoothed
  log-odds), not yet terms;
- `model`: words frequent in the model layer's hits for the code (when its hits are given) but absent from the rules.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.matcher import LexicalMatcher
from textsamverkan.themes.terms import INFLECTIONS
from textsamverkan.themes.types import ThemeHit

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
MIN_COUNT = 2
PART = 4  # shortest head or modifier shared with a term
MIN_ASSOCIATED = 3
SUFFIXES = frozenset(["ning", "tning", "ering", "ande", "ende", "het", "skap", "else", "ighet", "ling", "ring"])


@dataclass(frozen=True)
class Suggestion:
    """One candidate term: the word (lemma), the kind, a score for ranking, its count and example sentences."""

    word: str
    kind: str
    score: float
    count: int
    examples: tuple[str, ...]
    reason: str


def suggest_terms(
    codebook: Codebook,
    code: str,
    sentences: Sequence[Sentence],
    *,
    model_hits: Sequence[ThemeHit] = (),
    limit: int = 20,
    examples: int = 2,
) -> list[Suggestion]:
    """Candidate terms for `code` from `sentences` (see the module docstring), best first within each kind."""
    from spacy.lang.sv.stop_words import STOP_WORDS as STOP_WORDS_SV

    from textsamverkan.nlp.thesaurus import thesaurus

    matcher = LexicalMatcher(codebook)
    cc = next((c for c in matcher.codes if c.code.id == code), None)
    if cc is None:
        raise KeyError(code)
    term_words = [matcher.index.terms[t].word.lower() for _, t in cc.terms]
    documents = matcher.documents(sentences)
    coded = [code in matcher.match(s, documents.get(s.doc_id)) for s in sentences]
    model_keys = {(h.doc_id, h.start) for h in model_hits if h.code == code}
    in_code: Counter[str] = Counter()
    out_code: Counter[str] = Counter()
    in_model: Counter[str] = Counter()
    where: dict[str, list[str]] = defaultdict(list)
    known: set[str] = set()
    surfaces: Counter[str] = Counter()
    for s, is_coded in zip(sentences, coded, strict=True):
        words = set()
        for tok in s.tokens:
            surfaces[tok.text.lower()] += 1
            lemma = (tok.lemma or tok.text).lower()
            if not _WORD.fullmatch(lemma) or lemma in STOP_WORDS_SV:
                continue
            if matcher.index.lookup(tok.text, tok.lemma) & {t for _, t in cc.terms}:
                known.add(lemma)
                continue
            words.add(lemma)
        for w in words:
            (in_code if is_coded else out_code)[w] += 1
            if (s.doc_id, s.start) in model_keys:
                in_model[w] += 1
            if len(where[w]) < examples:
                where[w].append(" ".join(s.text.split())[:200])
    total_in, total_out = max(sum(in_code.values()), 1), max(sum(out_code.values()), 1)
    vocabulary = {w for w in (set(in_code) | set(out_code)) if in_code[w] + out_code[w] >= MIN_COUNT} | known
    vocabulary |= {w for w, k in surfaces.items() if k >= MIN_COUNT}
    out: list[Suggestion] = []
    seen: set[str] = set()
    for w in sorted(set(in_code) | set(out_code)):
        n = in_code[w] + out_code[w]
        if n < MIN_COUNT or w in known:
            continue
        shared = _shared_part(w, term_words, vocabulary)
        if shared:
            reason = f"shares the head '{shared}' with a term; {in_code[w]} of {n} sentences coded {code}"
            out.append(Suggestion(w, "compound", _coded_share(in_code[w], in_model[w], n), n, tuple(where[w]), reason))
            seen.add(w)
    synonyms = thesaurus()
    for w in sorted(set(in_code) | set(out_code)):
        n = in_code[w] + out_code[w]
        term = next((t for t in term_words if t in synonyms.get(w, ())), "")
        if term and w not in seen and w not in known and n >= MIN_COUNT:
            reason = f"a synonym of the term '{term}'; {in_code[w]} of {n} sentences coded {code}"
            out.append(Suggestion(w, "synonym", _coded_share(in_code[w], in_model[w], n), n, tuple(where[w]), reason))
            seen.add(w)
    for w, k in in_code.items():
        if w in seen or k < MIN_COUNT:
            continue
        odds = math.log((k + 0.5) / total_in) - math.log((out_code[w] + 0.5) / total_out)
        if odds > 1.5 and k >= MIN_ASSOCIATED:
            out.append(Suggestion(w, "associated", round(odds * math.log1p(k), 3), k + out_code[w], tuple(where[w]),
                                  f"{k} of its sentences coded {code}, {out_code[w]} not"))
            seen.add(w)
    for w, k in in_model.items():
        if w not in seen and k >= MIN_COUNT:
            out.append(Suggestion(w, "model", float(k), k, tuple(where[w]), f"in {k} model hits for {code}"))
    ranked: list[Suggestion] = []
    for kind in ("compound", "synonym", "associated", "model"):
        ranked += sorted((x for x in out if x.kind == kind), key=lambda x: (-x.score, x.word))[:limit]
    return ranked


def _coded_share(coded: int, model_hits: int, count: int) -> float:
    """A candidate's rank: how much of its use the code (rules or model) covers, times how common it is."""
    return round((coded + model_hits + 0.5) / (count + 1) * math.log1p(count), 3)


def _shared_part(word: str, terms: Sequence[str], vocabulary: set[str]) -> str:
    """A head (the last part, at least PART letters, itself a word of the corpus, not a suffix) that `word` shares
    with one of the terms, else '': a compound is a kind of its head, so "engångsrock" is a candidate beside
    "skyddsrock"."""
    for t in terms:
        if word == t:
            continue
        for n in range(len(t) - 3, PART - 1, -1):
            head = t[-n:]
            if head not in vocabulary or head in SUFFIXES:
                continue
            if any(word.endswith(head + e) and len(word) - n - len(e) >= 3 for e in INFLECTIONS):
                return head
    return ""

"""The learned layer of the theme coder: one logistic regression per code, weakly supervised by the rules.

The lexical rules label a corpus (positives: sentences a code's rules match; negatives: every other sentence,
uncoded or coded otherwise). Each classifier sees a sentence's lemmas and the parts of its compounds with the
words the rules matched **masked out**, so it has to learn the context a code's sentences share ("boende",
"personal", "prover", "svar") rather than relearn the rule words. A code's threshold is the lowest score at which
the classifier agrees with the rules on held-out sentences at precision `target_precision`; a code without enough
positives, or that never reaches the precision, gets no model. Model hits are added only where the rules found
nothing for that code, with `method = "model"` and evidence: the score and threshold, the words that pushed the
score up, and the nearest rule-labelled training sentences. Fixed seeds: the same corpus gives the same model.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.matcher import LexicalMatcher
from textsamverkan.themes.types import ThemeHit

MODEL_CODER_VERSION = "themes.model_coder.v2"
MIN_POSITIVES = 25
EXAMPLE_WEIGHT = 5.0
SEED = 13
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# compound parts: a long word also contributes its last 5-8 letters ("plastrock" → "…rock" features shared with
# "skyddsrock"), so unseen compounds meet their heads
HEAD_LENGTHS = (5, 6, 7, 8)


def sentence_features(sentence: Sentence, masked: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """Space-joined feature words of a sentence: lower-cased lemmas and compound heads, masked tokens left out."""
    out: list[str] = []
    for k, tok in enumerate(sentence.tokens):
        if k in masked:
            continue
        lemma = (tok.lemma or tok.text).lower()
        if not _WORD.fullmatch(lemma):
            continue
        out.append(lemma)
        if len(lemma) >= 10:
            out.extend("~" + lemma[-n:] for n in HEAD_LENGTHS)
    return " ".join(out)


def _matched_tokens(sentence: Sentence, spans: Sequence[tuple[int, int]]) -> set[int]:
    return {k for k, t in enumerate(sentence.tokens) for a, b in spans if t.start < b and a < t.end}


@dataclass
class CodeModel:
    code: str
    threshold: float
    coef: Any
    intercept: float
    positives: int
    heldout_precision: float
    heldout_recall: float
    examples: list[str] = field(default_factory=list)
    example_rows: Any = None


@dataclass
class ModelCoder:
    """Fitted per-code classifiers over one shared vocabulary (and, when `embedder` is set, the sentence's static
    embedding); `code(sentences, lexical_hits)` adds model hits."""

    vectorizer: Any
    models: dict[str, CodeModel]
    training_sentences: int
    embedder: str | None = None
    version: str = MODEL_CODER_VERSION

    def features(self, texts: Sequence[str], plain: Sequence[str]) -> tuple[Any, Any]:
        """(sparse word features, full feature matrix with the embedding appended when there is one)."""
        x = self.vectorizer.transform(texts)
        return x, _with_embedding(x, plain, self.embedder)

    def scores(self, sentences: Sequence[Sentence]) -> tuple[Any, dict[str, Any]]:
        import numpy as np

        x, full = self.features([sentence_features(s) for s in sentences], [s.text for s in sentences])
        out = {}
        for cid, m in self.models.items():
            z = full @ m.coef + m.intercept
            out[cid] = 1.0 / (1.0 + np.exp(-np.asarray(z).ravel()))
        return x, out

    def code(self, sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit] = ()) -> list[ThemeHit]:
        """Model hits for codes the rules did not already give a sentence (sentence order, then codebook order)."""
        if not sentences or not self.models:
            return []
        import numpy as np

        have = {(h.doc_id, h.start, h.code) for h in lexical_hits}
        x, scores = self.scores(sentences)
        vocab = self.vectorizer.get_feature_names_out()
        hits: list[ThemeHit] = []
        for n, s in enumerate(sentences):
            for cid, m in self.models.items():
                score = float(scores[cid][n])
                if score < m.threshold or (s.doc_id, s.start, cid) in have:
                    continue
                row = x[n]
                contrib = row.multiply(m.coef[: row.shape[1]].reshape(1, -1)).tocsr()
                order = np.argsort(-contrib.data)[:5]
                words = [str(vocab[contrib.indices[i]]) for i in order if contrib.data[i] > 0]
                sims = (m.example_rows @ row.T).toarray().ravel() if m.example_rows is not None else np.zeros(0)
                near = [m.examples[i] for i in np.argsort(-sims)[:2] if sims[i] > 0]
                evidence = {"score": round(score, 4), "threshold": round(m.threshold, 4), "words": words,
                            "nearest": near, "model": self.version}
                hits.append(ThemeHit(s.doc_id, s.start, s.end, cid, round(score, 4), "model", evidence))
        return hits


def fit_model_coder(
    codebook: Codebook,
    sentences: Sequence[Sentence],
    *,
    target_precision: float = 0.7,
    heldout_share: float = 0.25,
    seed: int = SEED,
    embedder: str | None = "static-sv",
    mask_embedding: bool = False,
    examples: Sequence[tuple[Sentence, frozenset[str]]] = (),
    example_weight: float = EXAMPLE_WEIGHT,
    use_exemplars: bool = True,
) -> ModelCoder:
    """Fit one classifier per code on rule labels of `sentences` (see the module docstring).

    `embedder` ("static-sv"; None for words only) appends each sentence's embedding to the features, of the whole
    sentence unless `mask_embedding`. `target_precision` is measured against the rules, which miss true positives,
    so real precision is higher: 0.7 against the rules kept precision at 1.00 on the tuning set (chosen there).
    `examples` are sentences labelled by people (e.g. codings imported from a QDPX project): they join the training
    data with their own labels and weight `example_weight`, as do the codebook's exemplars when `use_exemplars`.
    They are never used to choose thresholds (those come from held-out rule-labelled sentences only).
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    matcher = LexicalMatcher(codebook)
    codes = [c.id for c in codebook.codes if c.codable]
    labelled = list(examples)
    if use_exemplars:
        labelled += exemplar_examples(codebook)
    n_corpus = len(sentences)
    matches: list[dict[str, Any]] = [matcher.match(s) for s in sentences]
    sentences = [*sentences, *(s for s, _ in labelled)]
    matches += [dict.fromkeys(codes_of) for _, codes_of in labelled]
    rng = np.random.default_rng(seed)
    heldout = rng.random(len(sentences)) < heldout_share
    heldout[n_corpus:] = False
    weights = np.ones(len(sentences), dtype=np.float32)
    weights[n_corpus:] = example_weight
    # one masked view per sentence: all rule-matched tokens of every code masked, so no code learns rule words
    masked_docs, masked_plain = [], []
    for s, m in zip(sentences, matches, strict=True):
        spans = [sp for rules in m.values() if rules for r in rules for sp in r.spans]
        masked = _matched_tokens(s, spans)
        masked_docs.append(sentence_features(s, masked))
        masked_plain.append(" ".join(t.text for k, t in enumerate(s.tokens) if k not in masked))
    vectorizer = TfidfVectorizer(token_pattern=r"\S+", min_df=3, max_df=0.3, sublinear_tf=True, dtype=np.float32)
    x_words = vectorizer.fit_transform(masked_docs)
    x_all = _with_embedding(x_words, masked_plain if mask_embedding else [s.text for s in sentences], embedder)
    train = ~heldout
    models: dict[str, CodeModel] = {}
    for cid in codes:
        y = np.array([cid in m for m in matches])
        if y[train].sum() < MIN_POSITIVES or y[heldout].sum() < 5:
            continue
        clf = LogisticRegression(C=2.0, class_weight="balanced", max_iter=300, random_state=seed)
        clf.fit(x_all[train], y[train], sample_weight=weights[train])
        p = clf.predict_proba(x_all[heldout])[:, 1]
        yh = y[heldout]
        threshold, prec, rec = _threshold_for_precision(p, yh, target_precision)
        if threshold is None:
            continue
        pos = np.flatnonzero(y & train)[:200]
        models[cid] = CodeModel(
            cid, threshold, clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0]), int(y.sum()),
            prec, rec, [" ".join(sentences[i].text.split())[:200] for i in pos], x_words[pos],
        )
    return ModelCoder(vectorizer, models, len(sentences), embedder)


EMBEDDING_WEIGHT = 1.0


def examples_from_codings(
    sentences: Sequence[Sentence], codings: Sequence[tuple[str, int, int, str]], *, min_overlap: float = 0.5
) -> list[tuple[Sentence, frozenset[str]]]:
    """Labelled examples from people's codings: (doc_id, start, end, code) spans, e.g. the selections of a QDPX
    project coded in a QDA program. A sentence gets every code whose codings cover at least `min_overlap` of it;
    sentences of coded documents that no coding covers become negatives (an empty code set), so a coder's "not
    this" teaches as much as their "this"."""
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, start, end, code in codings:
        by_doc.setdefault(doc_id, []).append((start, end, code))
    out: list[tuple[Sentence, frozenset[str]]] = []
    for s in sentences:
        spans = by_doc.get(s.doc_id)
        if spans is None:
            continue
        length = max(s.end - s.start, 1)
        covered: dict[str, int] = {}
        for start, end, code in spans:
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0:
                covered[code] = covered.get(code, 0) + overlap
        out.append((s, frozenset(c for c, n in covered.items() if n / length >= min_overlap)))
    return out


def exemplar_examples(codebook: Codebook) -> list[tuple[Sentence, frozenset[str]]]:
    """The codebook's exemplar sentences as labelled examples of their codes."""
    from textsamverkan.segment.sentences import simple_sentences

    out: list[tuple[Sentence, frozenset[str]]] = []
    for c in codebook.codes:
        for n, e in enumerate(c.exemplars):
            for s in simple_sentences(f"exemplar/{c.id}/{n}", e.text, [(0, len(e.text))]):
                out.append((s, frozenset([c.id])))
    return out


def _with_embedding(x: Any, texts: Sequence[str], embedder: str | None) -> Any:
    """The sparse word features with the texts' sentence embeddings appended (unchanged without an embedder)."""
    if embedder is None:
        return x
    import scipy.sparse as sp

    from textsamverkan.embed import load_embedder

    vectors = load_embedder(embedder).encode(list(texts), kind="passage")
    return sp.hstack([x, sp.csr_matrix(vectors * EMBEDDING_WEIGHT)], format="csr")


def _threshold_for_precision(
    scores: Any, gold: Any, target: float, min_hits: int = 5
) -> tuple[float | None, float, float]:
    """The lowest score threshold whose held-out precision (against the rules) is at least `target`."""
    import numpy as np

    order = np.argsort(-scores)
    tp = np.cumsum(gold[order])
    k = np.arange(1, len(order) + 1)
    precision = tp / k
    ok = np.flatnonzero((precision >= target) & (k >= min_hits))
    if not len(ok):
        return None, 0.0, 0.0
    i = ok.max()
    total = max(int(gold.sum()), 1)
    return float(scores[order[i]]), float(precision[i]), float(tp[i] / total)


def corpus_key(codebook: Codebook, sentences: Sequence[Sentence]) -> str:
    """Cache key of a fit: the coder version, the codebook's rules and the training sentences."""
    h = hashlib.sha256(MODEL_CODER_VERSION.encode())
    rules = [(c.id, c.terms, c.phrases, c.patterns, c.not_terms, c.exclude, c.exemplars) for c in codebook.codes]
    h.update(repr(rules).encode())
    for s in sentences:
        h.update(s.text.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:24]


def _options_text(options: dict[str, Any]) -> str:
    """The fit options as text that is the same in every process (labels are sets, whose order is not)."""
    canonical = {
        k: [(s.doc_id, s.start, s.end, s.text, sorted(codes)) for s, codes in v] if k == "examples" else v
        for k, v in options.items()
    }
    return repr(sorted(canonical.items()))


def cached_model_coder(
    codebook: Codebook, sentences: Sequence[Sentence], cache_dir: Path, **options: Any
) -> ModelCoder:
    """`fit_model_coder`, pickled under cache_dir by `corpus_key` (and the options) so a rerun does not refit."""
    key = corpus_key(codebook, sentences) + hashlib.sha256(_options_text(options).encode()).hexdigest()[:8]
    path = cache_dir / f"model_coder-{key}.pkl"
    if path.exists():
        with path.open("rb") as f:
            loaded: ModelCoder = pickle.load(f)
        return loaded
    coder = fit_model_coder(codebook, sentences, **options)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as f:
        pickle.dump(coder, f)
    tmp.replace(path)
    return coder

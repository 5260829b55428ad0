"""The learned layer of the theme coder: one logistic regression per code, trained on labelled sentences.

The rules catch a code's usual wording; people also describe the same things in other words ("pinnar i näsan",
"vi ringde runt till alla som träffat den smittade"). The layer learns those from labelled sentences that ship with
the tool (data/training_sv.jsonl: implicit and explicit mentions of each code, look-alikes and uncoded care talk,
written by hand for the default codebook), ordinary text that belongs to no code (data/background_sv.txt), the
codebook's exemplars and, when given, people's own codings. Features: a sentence's lemmas and compound heads, the
codebook's trigger words left out (`model_views`), and its static-sv embedding. A code's threshold is chosen out
of fold for precision `target_precision` on sentences the rules do not already code; a code without enough labelled
sentences, or that never reaches the precision, gets no model.

The same classifiers are fitted a second time over a sentence model's embedding (`SENTENCE_EMBEDDER`, e5-small-sv),
which reads a sentence as a whole and so catches more of what people say in other words, and less reliably alone.
A sentence gets a code when the two agree on average: the mean of each model's score over its own threshold reaches
`agreement` (`AGREEMENT` unless the run sets `--model-agreement`), or `CONTEXT_RELIEF` less when the sentence before
or after it in its document has the code (`--model-context`): a subject runs over several turns of talk;
`SPOKEN_CONTEXT_RELIEF` less in a transcript, a document with speaker turns (`--model-context-spoken`). In a
transcript a model fitted on labelled transcripts (`themes/context_model.py`) decides instead, from the sentence's
agreement and its neighbours', when there is one (`--no-context-model` for the relief). The
sentence model is run only on the sentences where the first model's score leaves that possible (a few in a hundred on
formal text), so coding stays cheap.
Model hits are added only where the rules found nothing for that code, with `method = "model"` and evidence: the
scores and thresholds, the words that pushed the score up, and the nearest labelled sentences. A document of
`OFF_TOPIC_SENTENCES` sentences or more where the rules find no code is about something else, and the layer adds
nothing there. The fit does not depend on the corpus being coded,
so it is cached once per codebook; fixed seeds: the same inputs give the same model.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from collections import Counter, OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.context_model import (
    CONTEXT_PRECISION,
    RULE_AGREEMENT,
    TRANSCRIPTS_FILE,
    ContextModel,
    context_features,
    fit_context_model,
    labelled_transcripts,
)
from textsamverkan.themes.matcher import MATCHER_VERSION, LexicalMatcher, code_sentences
from textsamverkan.themes.statements import names_only
from textsamverkan.themes.types import ThemeHit

MODEL_CODER_VERSION = "themes.model_coder.v12"
TRAINING_FILE = Path(__file__).resolve().parent / "data" / "training_sv.jsonl"
BACKGROUND_FILE = Path(__file__).resolve().parent / "data" / "background_sv.txt"
MIN_LABELLED = 10
EXAMPLE_WEIGHT = 2.0
TARGET_PRECISION = 0.9
SENTENCE_EMBEDDER = "e5-small-sv"
# the mean of the two models' score/threshold ratios a hit needs (the default of `themes --model-agreement`): chosen
# on whole documents, where most sentences are care talk of no code: 1.0 in round 9 (hits right 51 times in 59, at
# 0.90 69 in 110); 0.95 since the training sentences hold whole labelled documents (round 12: best core and all-code
# F1 on the five read sets of documents; benchmarks/RESULTS.md)
AGREEMENT = 0.95
# how much less agreement a sentence next to one with the code needs: chosen on the eight sets of documents of round
# 15 (the best all-code F1 whose core precision is at most 0.01 below none; benchmarks/RESULTS.md)
CONTEXT_RELIEF = 0.1
# the same in a transcript (a document where ingest found speaker turns), where people keep to a subject for several
# sentences without naming it again: chosen on the spoken documents of the ten read sets of documents in theme round
# 22 (the best all-code F1 whose core precision is at most 0.02 below 0.1's) and decided on a set of speech nobody
# had read (benchmarks/RESULTS.md)
SPOKEN_CONTEXT_RELIEF = 0.3
FOLDS = 5
C_VALUE = 2.0
SEED = 13
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# compound parts: a long word also contributes its last 5-8 letters ("plastrock" → "…rock" features shared with
# "skyddsrock"), so unseen compounds meet their heads
HEAD_LENGTHS = (5, 6, 7, 8)
GRAM = 4
# a model hit needs three words or more: "Läkemedelsverket ska" (a list's lead-in) says too little to code, while
# "Engångsrockar tog slut." says enough
MIN_WORDS = 3
# a document of this many sentences where the rules find none of the codebook's subjects is about something else
# (nuclear waste, young people's housing, gig platforms): the learned layer leaves it alone (`off_topic_documents`)
OFF_TOPIC_SENTENCES = 8


def feature_groups(sentence: Sentence, masked: set[int] = frozenset()) -> list[tuple[str, list[str]]]:  # type: ignore[assignment]
    """Each unmasked word's lower-cased lemma with the features it gives: the lemma, its compound heads ("~rock") and
    its letter 4-grams ("#rock": so "engångsrockar" and "plastförkläden" share pieces with words the training
    sentences used)."""
    out: list[tuple[str, list[str]]] = []
    for k, tok in enumerate(sentence.tokens):
        if k in masked:
            continue
        lemma = (tok.lemma or tok.text).lower()
        if not _WORD.fullmatch(lemma):
            continue
        features = [lemma]
        if len(lemma) >= 10:
            features.extend("~" + lemma[-n:] for n in HEAD_LENGTHS)
        marked = f"<{lemma}>"
        features.extend("#" + marked[i : i + GRAM] for i in range(len(marked) - GRAM + 1))
        out.append((lemma, features))
    return out


def sentence_features(sentence: Sentence, masked: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """Space-joined features of a sentence (`feature_groups`), masked tokens left out."""
    return " ".join(f for _lemma, features in feature_groups(sentence, masked) for f in features)


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
    matcher: LexicalMatcher
    embedder: str | None = None
    mask: str = "words"
    version: str = MODEL_CODER_VERSION
    # the same classifiers over a sentence model's embedding; when set, a hit needs the two to agree (see above)
    second: ModelCoder | None = None
    # the mean score/threshold ratio a hit needs; not part of the fit, so one cached fit serves every setting
    agreement: float = AGREEMENT
    # how much less agreement a sentence needs when the sentence before or after it in its document has the code
    context_relief: float = CONTEXT_RELIEF
    # the same in a transcript
    spoken_relief: float = SPOKEN_CONTEXT_RELIEF
    # in a transcript, the model that decides from a sentence's neighbours instead of the relief (None: the relief)
    context: ContextModel | None = None

    def scores(self, sentences: Sequence[Sentence]) -> tuple[Any, dict[str, Any]]:
        """(sparse word features, each code's score per sentence)."""
        import numpy as np

        docs, plain = model_views(sentences, self.matcher, self.mask)
        x = self.vectorizer.transform(docs)
        full = _with_embedding(x, plain, self.embedder)
        out = {}
        for cid, m in self.models.items():
            z = full @ m.coef + m.intercept
            out[cid] = 1.0 / (1.0 + np.exp(-np.asarray(z).ravel()))
        return x, out

    def code(
        self, sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit] = (), spoken: Collection[str] = ()
    ) -> list[ThemeHit]:
        """Model hits for codes the rules did not already give a sentence (sentence order, then codebook order); none
        in a document the rules find off the codebook's subjects (`off_topic_documents`). A sentence next to one
        that has the code (from the rules or the model) needs `context_relief` less agreement, or `spoken_relief`
        less in the documents `spoken` names (transcripts): a subject runs over several turns of talk or lines of a
        list. In a transcript the `context` model, when there is one, decides instead of the relief."""
        off_topic = off_topic_documents(sentences, lexical_hits)
        sentences = [s for s in sentences if s.doc_id not in off_topic]
        if not sentences or not self.models:
            return []
        import numpy as np

        have = {(h.doc_id, h.start, h.code) for h in lexical_hits}
        x, scores = self.scores(sentences)
        pairs = self._open_pairs(sentences, have)
        # without a sentence model a hit needs the first model's threshold itself
        needed = self.agreement if self.second is not None else 1.0
        second = self._second_scores(sentences, scores, self._possible(scores, pairs, needed))
        found = {pair: self._agreement(*pair, scores, second) for pair in pairs}
        coded = {pair for pair, (agreement, _e) in found.items() if agreement >= needed}
        talk = {s.doc_id for s in sentences if s.doc_id in spoken} if self.reads_transcripts else set()
        if self.context is not None and talk:
            cut = self.context.cut
            tables = self._context_tables(sentences, talk, pairs, scores, second, have, self.context.codes)
            for doc_pairs, table in tables:
                for pair, probability in zip(doc_pairs, self.context.probability(table), strict=True):
                    if probability >= cut and pair not in coded:
                        agreement, evidence = self._agreement(*pair, scores, second)
                        context = {"probability": round(float(probability), 4), "cut": round(cut, 4)}
                        found[pair] = (agreement, {**evidence, "context_model": context})
                        coded.add(pair)
        relief = {s.doc_id: self.spoken_relief if s.doc_id in spoken else self.context_relief for s in sentences}
        near = [
            pair for pair in self._next_to_coded(sentences, pairs, coded, have)
            if relief[sentences[pair[0]].doc_id] and sentences[pair[0]].doc_id not in talk
        ]  # fmt: skip
        if near:
            lowest = needed - max(relief.values())
            more = self._second_scores(sentences, scores, self._possible(scores, near, lowest), known=second)
            for pair in near:
                agreement, evidence = self._agreement(*pair, scores, more)
                less = relief[sentences[pair[0]].doc_id]
                if agreement >= needed - less:
                    found[pair] = (agreement, {**evidence, "context": True, "relief": less})
                    coded.add(pair)
        vocab = self.vectorizer.get_feature_names_out()
        hits: list[ThemeHit] = []
        for n, cid in pairs:
            if (n, cid) not in coded:
                continue
            s, m = sentences[n], self.models[cid]
            evidence = found[(n, cid)][1]
            row = x[n]
            contrib = row.multiply(m.coef[: row.shape[1]].reshape(1, -1)).tocsr()
            evidence["words"] = self._pushing_words(s, dict(zip(vocab[contrib.indices], contrib.data, strict=True)))
            sims = (m.example_rows @ row.T).toarray().ravel() if m.example_rows is not None else np.zeros(0)
            evidence["nearest"] = [m.examples[i] for i in np.argsort(-sims)[:2] if sims[i] > 0]
            evidence["model"] = self.version
            hits.append(ThemeHit(s.doc_id, s.start, s.end, cid, evidence["score"], "model", evidence))
        return hits

    def _open_pairs(
        self, sentences: Sequence[Sentence], have: set[tuple[str, int, str]]
    ) -> list[tuple[int, str]]:
        """The (sentence, code) pairs the layer may code: not coded by the rules, in a sentence that says something
        (not too short, not names alone: a heading, a header line, `names_only`)."""
        open_rows = [
            n for n, s in enumerate(sentences)
            if sum(1 for t in s.tokens if _WORD.fullmatch(t.text)) >= MIN_WORDS and not names_only(s.text)
        ]  # fmt: skip
        return [(n, cid) for n in open_rows for cid in self.models if (sentences[n].doc_id, sentences[n].start, cid)
                not in have]  # fmt: skip

    @property
    def reads_transcripts(self) -> bool:
        """Whether a transcript is read by the context model (it needs the sentence model's agreement)."""
        return self.context is not None and self.second is not None

    def _context_tables(
        self, sentences: Sequence[Sentence], talk: Collection[str], pairs: Sequence[tuple[int, str]],
        scores: dict[str, Any], second: dict[str, dict[int, float]], have: set[tuple[str, int, str]],
        codes: Sequence[str],
    ) -> list[tuple[list[tuple[int, str]], Any]]:  # fmt: skip
        """Per document in `talk` with open pairs: those pairs and their `context_features` (a column per code of
        `codes`). The sentence model reads every open sentence there (`second` is filled in place), since a
        neighbour's agreement counts too."""
        rows = {n for n, _ in pairs if sentences[n].doc_id in talk}
        second.update(self._second_scores(sentences, scores, {cid: rows for cid in self.models}, known=second))
        members: dict[str, list[int]] = {}
        for n, s in enumerate(sentences):
            if s.doc_id in talk:
                members.setdefault(s.doc_id, []).append(n)
        open_pairs: dict[str, list[tuple[int, str]]] = {}
        for n, cid in pairs:
            if n in rows:
                open_pairs.setdefault(sentences[n].doc_id, []).append((n, cid))
        return [
            (doc_pairs, self._context_table(sentences, members[doc_id], doc_pairs, scores, second, have, codes))
            for doc_id, doc_pairs in open_pairs.items()
        ]

    def _context_table(
        self, sentences: Sequence[Sentence], members: Sequence[int], open_pairs: Sequence[tuple[int, str]],
        scores: dict[str, Any], second: dict[str, dict[int, float]], have: set[tuple[str, int, str]],
        codes: Sequence[str],
    ) -> Any:  # fmt: skip
        """`context_features` of one document (its sentences' indices `members`, in order) for its open pairs, with
        a column per code of `codes`."""
        import numpy as np

        column = {cid: j for j, cid in enumerate(codes)}
        local = {n: i for i, n in enumerate(members)}
        agreement = np.zeros((len(members), len(codes)))
        has = np.zeros((len(members), len(codes)))
        for i, n in enumerate(members):
            s = sentences[n]
            for j, cid in enumerate(codes):
                if (s.doc_id, s.start, cid) in have:
                    agreement[i, j], has[i, j] = RULE_AGREEMENT, 1.0
                elif n in second.get(cid, {}):
                    agreement[i, j] = self._agreement(n, cid, scores, second)[0]
                    has[i, j] = float(agreement[i, j] >= self.agreement)
        texts = [sentences[n].text for n in members]
        words = [sum(1 for t in sentences[n].tokens if _WORD.fullmatch(t.text)) for n in members]
        return context_features(texts, words, agreement, has, [(local[n], column[cid]) for n, cid in open_pairs])

    def _agreement(
        self, n: int, cid: str, scores: dict[str, Any], second: dict[str, dict[int, float]]
    ) -> tuple[float, dict[str, Any]]:
        """A sentence's agreement for a code (the mean of the two models' score/threshold ratios; the first model's
        ratio alone without a sentence model) and the evidence that shows it."""
        m = self.models[cid]
        score = float(scores[cid][n])
        evidence: dict[str, Any] = {"score": round(score, 4), "threshold": round(m.threshold, 4)}
        if self.second is None:
            return score / m.threshold, evidence
        other = self.second.models[cid]
        other_score = float(second.get(cid, {}).get(n, 0.0))
        agreement = (score / m.threshold + other_score / other.threshold) / 2
        evidence["sentence_model"] = {"score": round(other_score, 4), "threshold": round(other.threshold, 4)}
        evidence["agreement"] = round(agreement, 4)
        return agreement, evidence

    def _possible(
        self, scores: dict[str, Any], pairs: Sequence[tuple[int, str]], agreement: float
    ) -> dict[str, set[int]]:
        """The sentences, per code, where the sentence model can make a difference: the mean of the two ratios can
        reach `agreement` only when the first model's ratio is at least 2·agreement − 1/threshold (the second
        model's score is at most 1), so only those sentences are embedded."""
        if self.second is None:
            return {}
        needed: dict[str, set[int]] = {cid: set() for cid in self.models}
        for n, cid in pairs:
            floor = 2 * agreement - 1 / self.second.models[cid].threshold
            if float(scores[cid][n]) / self.models[cid].threshold >= floor:
                needed[cid].add(n)
        return needed

    def _second_scores(
        self, sentences: Sequence[Sentence], scores: dict[str, Any], needed: dict[str, set[int]],
        known: dict[str, dict[int, float]] | None = None,
    ) -> dict[str, dict[int, float]]:  # fmt: skip
        """The sentence model's score per code for the `needed` sentences, embedding only those `known` lacks; a
        sentence it reads gets every code's score (a score that cannot reach the agreement changes no decision)."""
        if self.second is None:
            return {}
        out = {cid: dict((known or {}).get(cid, {})) for cid in self.models}
        rows = sorted({n for cid, ns in needed.items() for n in ns if n not in out[cid]})
        if rows:
            _x, found = self.second.scores([sentences[n] for n in rows])
            for k, n in enumerate(rows):
                for cid in self.models:
                    out[cid][n] = float(found[cid][k])
        return out

    @staticmethod
    def _next_to_coded(
        sentences: Sequence[Sentence], pairs: Sequence[tuple[int, str]], coded: set[tuple[int, str]],
        have: set[tuple[str, int, str]],
    ) -> list[tuple[int, str]]:  # fmt: skip
        """The (sentence, code) pairs not yet coded whose neighbour in the same document has the code."""
        def has(k: int, cid: str) -> bool:
            return (k, cid) in coded or (sentences[k].doc_id, sentences[k].start, cid) in have

        return [
            (n, cid) for n, cid in pairs
            if (n, cid) not in coded and any(
                0 <= k < len(sentences) and sentences[k].doc_id == sentences[n].doc_id and has(k, cid)
                for k in (n - 1, n + 1)
            )
        ]  # fmt: skip

    def _pushing_words(self, sentence: Sentence, contribution: dict[str, float]) -> list[str]:
        """The sentence's words (lemmas) whose features pushed a code's score up most, at most five: each word's
        lemma, compound heads and letter grams counted together, so the evidence names words, not pieces."""
        masked = self.matcher.trigger_tokens(sentence) if self.mask != "none" else set()
        weight: dict[str, float] = {}
        for lemma, features in feature_groups(sentence, masked):
            weight[lemma] = weight.get(lemma, 0.0) + sum(float(contribution.get(f, 0.0)) for f in set(features))
        ranked = sorted(weight.items(), key=lambda kv: -kv[1])
        return [w for w, v in ranked if v > 0][:5]


def off_topic_documents(sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit]) -> set[str]:
    """The documents among `sentences` that are off the codebook's subjects (`is_off_topic`)."""
    coded = Counter(h.doc_id for h in lexical_hits)
    length = Counter(s.doc_id for s in sentences)
    return {doc_id for doc_id, n in length.items() if is_off_topic(n, coded[doc_id])}


def is_off_topic(sentences: int, rule_hits: int) -> bool:
    """A document of at least `OFF_TOPIC_SENTENCES` sentences where the rules (and exemplars) coded nothing. On the
    Riksdag and government text the learned layer's hits in such documents were mostly wrong (a reading of round 6's
    hits: 10 of 13); a shorter text, a quote or a single sentence, is too short to tell."""
    return sentences >= OFF_TOPIC_SENTENCES and rule_hits == 0


def fit_model_coder(
    codebook: Codebook,
    *,
    embedder: str | None = "static-sv",
    sentence_embedder: str | None = SENTENCE_EMBEDDER,
    **options: Any,
) -> ModelCoder:
    """Fit one classifier per code over `embedder`'s features and, with a `sentence_embedder`, the same classifiers
    over that model's embedding; a code keeps a model only when both have one (see the module docstring). `options`:
    those of `fit_classifiers`."""
    first = fit_classifiers(codebook, embedder=embedder, **options)
    if sentence_embedder is None:
        return first
    second = fit_classifiers(codebook, embedder=sentence_embedder, **options)
    both = set(first.models) & set(second.models)
    first.models = {cid: m for cid, m in first.models.items() if cid in both}
    second.models = {cid: m for cid, m in second.models.items() if cid in both}
    first.second = second
    first.context = fit_transcript_context(first, codebook)
    return first


def fit_transcript_context(
    coder: ModelCoder, codebook: Codebook, precision: float = CONTEXT_PRECISION
) -> ContextModel | None:
    """The context model for `coder` (see `themes/context_model.py`), fitted on the bundled transcripts as the coder
    itself reads them: their lines' sentences, the rules' hits and the two models' agreements; its cut is chosen for
    out-of-fold `precision`."""
    import numpy as np

    from textsamverkan.segment.sentences import simple_sentences

    codes = list(coder.models)
    tables: list[Any] = []
    labels: list[bool] = []
    groups: list[str] = []
    for doc, lines, codes_of_line in labelled_transcripts(codes):
        text, spans = "", []
        for line in lines:
            spans.append((len(text), len(text) + len(line)))
            text += line + "\n"
        sentences = simple_sentences(doc, text, spans)
        hits = code_sentences(sentences, codebook, matcher=coder.matcher)
        if is_off_topic(len(sentences), len(hits)):
            continue
        have = {(h.doc_id, h.start, h.code) for h in hits}
        _x, scores = coder.scores(sentences)
        pairs = coder._open_pairs(sentences, have)
        line_of = [next(k for k, (a, b) in enumerate(spans) if a <= s.start < b) for s in sentences]
        for doc_pairs, table in coder._context_tables(sentences, {doc}, pairs, scores, {}, have, codes):
            tables.append(table)
            labels.extend(cid in codes_of_line[line_of[n]] for n, cid in doc_pairs)
            groups.extend([doc] * len(doc_pairs))
    if not tables:
        return None
    return fit_context_model(np.vstack(tables), np.array(labels), groups, codes, precision)


def fit_classifiers(
    codebook: Codebook,
    *,
    target_precision: float = TARGET_PRECISION,
    seed: int = SEED,
    embedder: str | None = "static-sv",
    examples: Sequence[tuple[Sentence, frozenset[str]]] = (),
    example_weight: float = EXAMPLE_WEIGHT,
    use_bundled: bool = True,
    use_exemplars: bool = True,
    folds: int = FOLDS,
    mask: str = "words",
) -> ModelCoder:
    """Fit one classifier per code over one embedder's features.

    Training rows: the bundled training and background sentences (`use_bundled`), the codebook's exemplars
    (`use_exemplars`) and `examples` (e.g. codings imported from a QDPX project, weight `example_weight`). A code's
    threshold is the lowest score at which its out-of-fold predictions, on the rows whose rules do not already give
    the code, reach `target_precision`; a code with fewer than `MIN_LABELLED` positives, or that never reaches it,
    gets no model. `embedder` ("static-sv"; None for words only) appends each sentence's embedding.
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    matcher = LexicalMatcher(codebook)
    labelled = [
        *(bundled_examples(codebook) if use_bundled else ()),
        *(exemplar_examples(codebook) if use_exemplars else ()),
    ]
    weights = np.ones(len(labelled) + len(examples), dtype=np.float32)
    weights[len(labelled):] = example_weight
    labelled += examples
    rows = [s for s, _ in labelled]
    rule_codes = [frozenset(c for c, rules in matcher.match(s).items() if rules) for s in rows]
    vectorizer = TfidfVectorizer(token_pattern=r"\S+", min_df=2, max_df=0.3, sublinear_tf=True, dtype=np.float32)
    docs, plain = model_views(rows, matcher, mask)
    x_words = vectorizer.fit_transform(docs)
    x_all = _with_embedding(x_words, plain, embedder, remember=True)
    fold = np.random.default_rng(seed).permutation(len(rows)) % folds
    models: dict[str, CodeModel] = {}
    for cid in (c.id for c in codebook.codes if c.codable):
        y = np.array([cid in codes for _, codes in labelled])
        if y.sum() < MIN_LABELLED:
            continue
        oof = np.zeros(len(rows))
        for k in range(folds):
            held = fold == k
            oof[held] = _fit_one(x_all[~held], y[~held], weights[~held], seed).predict_proba(x_all[held])[:, 1]
        # the layer only adds hits the rules did not make, so precision is measured where the rules are silent
        open_rows = np.array([cid not in codes for codes in rule_codes])
        threshold, prec, rec = _threshold_for_precision(oof[open_rows], y[open_rows], target_precision)
        if threshold is None:
            continue
        clf = _fit_one(x_all, y, weights, seed)
        pos = np.flatnonzero(y)[:200]
        models[cid] = CodeModel(
            cid, threshold, clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0]), int(y.sum()),
            prec, rec, [" ".join(rows[i].text.split())[:200] for i in pos], x_words[pos],
        )  # fmt: skip
    return ModelCoder(vectorizer, models, len(rows), matcher, embedder, mask)


def model_views(sentences: Sequence[Sentence], matcher: LexicalMatcher, mask: str) -> tuple[list[str], list[str]]:
    """What the classifiers see of each sentence: its feature words and the text it embeds. The codebook's trigger
    words are left out (`mask` "words": of the words, "all": of the embedded text too, "none": kept), so the layer
    learns what the rules cannot see rather than relearning the rules, and a word the rules deliberately require
    context for ("socialtjänstlagen" alone is not sol_hsl) cannot code a sentence on its own."""
    docs, plain = [], []
    for s in sentences:
        masked = matcher.trigger_tokens(s) if mask != "none" else set()
        docs.append(sentence_features(s, masked))
        plain.append(" ".join(t.text for k, t in enumerate(s.tokens) if k not in masked) if mask == "all" else s.text)
    return docs, plain


def _fit_one(x: Any, y: Any, weights: Any, seed: int) -> Any:
    """One code's logistic regression (balanced classes, fixed seed)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C_VALUE, class_weight="balanced", max_iter=500, random_state=seed)
    clf.fit(x, y, sample_weight=weights)
    return clf


def bundled_examples(codebook: Codebook) -> list[tuple[Sentence, frozenset[str]]]:
    """The labelled sentences that ship with the tool, each with the codes this codebook has: data/training_sv.jsonl
    (implicit and explicit mentions of the default codebook's codes, look-alikes, uncoded care talk) and
    data/background_sv.txt (news and Riksdag sentences that belong to no code)."""
    import json

    known = {c.id for c in codebook.codes if c.codable}
    out: list[tuple[Sentence, frozenset[str]]] = []
    for line in TRAINING_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.append((_one_sentence(f"training/{item['id']}", item["text"]), frozenset(item["codes"]) & known))
    for n, line in enumerate(BACKGROUND_FILE.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            out.append((_one_sentence(f"background/{n}", line), frozenset()))
    return out


def _one_sentence(doc_id: str, text: str) -> Sentence:
    """A labelled text as one sentence (its label is the whole text's, so it is not split)."""
    from textsamverkan.segment.sentences import tokenize

    text = " ".join(text.split())
    return Sentence(doc_id, 0, len(text), text, tokenize(text))


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


def _with_embedding(x: Any, texts: Sequence[str], embedder: str | None, *, remember: bool = False) -> Any:
    """The sparse word features with the texts' sentence embeddings appended (unchanged without an embedder). Each
    text is embedded once: `remember` keeps the training sentences' vectors for the process (embedded once however
    often the layer is refitted, e.g. with people's codings); a corpus's sentences are kept for the last
    `RECENT_TEXTS` texts (repeated boilerplate, copies of a document)."""
    if embedder is None:
        return x
    import numpy as np
    import scipy.sparse as sp

    known = _REMEMBERED.setdefault(embedder, {}) if remember else _RECENT.setdefault(embedder, OrderedDict())
    new = sorted({t for t in texts if t not in known})
    if new:
        # one text at a time unless the embedder's vectors do not depend on the batch (see BATCH_INDEPENDENT)
        batch = 32 if embedder in BATCH_INDEPENDENT else 1
        known.update(zip(new, _loaded_embedder(embedder).encode(new, kind="passage", batch_size=batch), strict=True))
    vectors = np.stack([known[t] for t in texts])
    if isinstance(known, OrderedDict):
        for t in texts:
            known.move_to_end(t)
        while len(known) > RECENT_TEXTS:
            known.popitem(last=False)
    return sp.hstack([x, sp.csr_matrix(vectors * EMBEDDING_WEIGHT)], format="csr")


RECENT_TEXTS = 20_000
# static-sv is a mean of token vectors, the same in any batch; e5-small-sv's int8 model quantizes activations over
# the whole batch (and pads it), so a sentence's vector would depend on its neighbours and a hit near the threshold
# could differ between one process and several workers: it embeds one sentence at a time
BATCH_INDEPENDENT = frozenset(["static-sv"])
_REMEMBERED: dict[str, dict[str, Any]] = {}
_RECENT: dict[str, OrderedDict[str, Any]] = {}


@functools.cache
def _loaded_embedder(name: str) -> Any:
    """The embedder, loaded once per process (coding calls for it once per shard)."""
    from textsamverkan.embed import load_embedder

    return load_embedder(name)


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


_FITTED: dict[str, ModelCoder] = {}


def fit_key(codebook: Codebook, options: dict[str, Any]) -> str:
    """Cache key of a fit: the coder version, the matcher's (the rules' hits are among its features and labels), the
    bundled sentences, the codebook's rules and the fit options."""
    h = hashlib.sha256(MODEL_CODER_VERSION.encode())
    h.update(MATCHER_VERSION.encode())
    h.update(TRAINING_FILE.read_bytes())
    h.update(BACKGROUND_FILE.read_bytes())
    h.update(TRANSCRIPTS_FILE.read_bytes())
    rules = [(c.id, c.terms, c.phrases, c.patterns, c.not_terms, c.exclude, c.exemplars) for c in codebook.codes]
    h.update(repr(rules).encode())
    h.update(_options_text(options).encode())
    return h.hexdigest()[:24]


def _options_text(options: dict[str, Any]) -> str:
    """The fit options as text that is the same in every process (labels are sets, whose order is not)."""
    canonical = {
        k: [(s.doc_id, s.start, s.end, s.text, sorted(codes)) for s, codes in v] if k == "examples" else v
        for k, v in options.items()
    }
    return repr(sorted(canonical.items()))


def default_cache_dir() -> Path:
    """Where fitted coders are kept between runs: the user's cache folder ($XDG_CACHE_HOME or ~/.cache), since a fit
    depends on the codebook and the tool's own training sentences, not on a project's corpus."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "textsamverkan" / "model_coder"


def cached_model_coder(codebook: Codebook, *, cache_dir: Path | None = None, **options: Any) -> ModelCoder:
    """`fit_model_coder`, pickled under cache_dir by `fit_key` (and kept for the process), so a rerun on any corpus
    does not refit."""
    key = fit_key(codebook, options)
    cache_dir = cache_dir or default_cache_dir()
    path = cache_dir / f"model_coder-{key}.pkl"
    if key not in _FITTED:
        if path.exists():
            with path.open("rb") as f:
                _FITTED[key] = pickle.load(f)
        else:
            _FITTED[key] = fit_model_coder(codebook, **options)
    coder = _FITTED[key]
    if path.exists():
        return coder
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as f:
        pickle.dump(coder, f)
    tmp.replace(path)
    return coder

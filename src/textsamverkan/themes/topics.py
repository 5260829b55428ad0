"""Inductive themes: BERTopic over passages with precomputed embeddings, guided by the codebook, reproducible.

Passages (paragraph or turn blocks) and their embeddings come in; topics come out with c-TF-IDF words, their
passages and the most representative passages (closest to the topic centroid, with offsets). Every random choice
is fixed: UMAP gets `random_state` (which also makes it single-threaded), HDBSCAN is deterministic given its input,
and representatives are chosen by similarity, not sampled, so the same input and settings give identical topics.
`language="swedish"` keeps å, ä and ö in topic words (BERTopic otherwise strips non-ASCII letters when no embedding
model is given, see LIBRARY-NOTES); stop words are spaCy's Swedish list; words are lemmatised with simplemma so
"skyddsutrustningen" and "skyddsutrustning" count together.

Guidance: with `guided=True` and an embedder, each codable code's terms become a BERTopic seed topic (seed words
are embedded, passages close to them are nudged towards them, and the words get a c-TF-IDF boost).
`map_topics_to_codes` then compares every topic with every code, by the cosine similarity of the topic centroid to
the code's exemplars and by overlap of topic words with code terms, so topics that match no code stand out as new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.semantic import TextEmbedder
from textsamverkan.themes.topic_sample import OUTLIER, assign_by_centroid, stratified_sample, unit_vector

if TYPE_CHECKING:
    FloatMatrix = npt.NDArray[np.float32]

TOPICS_VERSION = "themes.topics.v1"
# Words frequent in every document of this domain that say nothing about a topic.
DOMAIN_STOP_WORDS = frozenset(
    [
        "också", "bland", "vill", "kan", "ska", "många", "mycket", "finns", "gäller", "genom", "olika", "även", "få",
        "får", "fått", "göra", "gjort", "gör", "inom", "samt", "sätt", "dessa", "detta", "denna", "kommer", "varit",
        "vara", "blir", "bli", "blev", "ju", "väl", "nog", "bara", "redan", "just", "här", "där", "sedan", "nu", "idag",
        "dag", "år"
    ]
)


@dataclass(frozen=True)
class Passage:
    """A passage of a document: offsets into its canonical text and the text itself."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TopicSettings:
    """Settings of a topic run; all of them are recorded with the results."""

    min_topic_size: int = 10
    n_neighbors: int = 15
    n_components: int = 5
    umap_epochs: int | None = None  # None: UMAP's default (200 for large inputs, 500 for small)
    low_memory: bool = True
    seed: int = 42
    top_n_words: int = 10
    n_representatives: int = 3
    guided: bool = True
    seed_words_per_code: int = 12
    lemmatize: bool = True
    sample: int = 0  # fit on at most this many passages (stratified), assign the rest by centroid; 0: fit on all

    def as_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


@dataclass(frozen=True)
class Topic:
    """One discovered topic: id (-1 = outliers), its c-TF-IDF words, size and representative passages."""

    id: int
    size: int
    words: tuple[tuple[str, float], ...]
    representatives: tuple[Passage, ...]

    @property
    def label(self) -> str:
        return "_".join(w for w, _ in self.words[:4]) or "outliers"


@dataclass(frozen=True)
class TopicResult:
    """Topics (outlier topic -1 first when present) and each passage's topic, in input order."""

    topics: tuple[Topic, ...]
    assignments: tuple[int, ...]
    settings: TopicSettings
    guided: bool = False
    seed_codes: tuple[str, ...] = field(default=())
    fitted_on: int = 0  # passages the model was fitted on (all of them unless `settings.sample` is smaller)


@dataclass(frozen=True)
class TopicCodeRow:
    """How one topic relates to the codebook: the closest code and the evidence, and whether it is new."""

    topic: int
    size: int
    label: str
    best_code: str
    similarity: float
    overlap: tuple[str, ...]
    new: bool
    score: float = 0.0
    margin: float = 0.0
    second_code: str = ""


@dataclass(frozen=True)
class TopicMapping:
    """The words-and-rules link of a topic to the codebook: the best code, its score (0–1), the margin over the
    runner-up, the topic words that are the code's terms, and whether the topic is `new` (no code clearly wins)."""

    code: str
    score: float
    margin: float
    second: str
    overlap: tuple[str, ...]
    new: bool


# A topic gets a code only when the code's score is at least MIN_TOPIC_SCORE and beats the runner-up by
# MIN_TOPIC_MARGIN; otherwise it is `new`. Score = half the share of the topic's passages coded with the code (by the
# run: rules and learned layer), half the topic words that are the code's terms (three or more count fully).
MIN_TOPIC_SCORE = 0.3
MIN_TOPIC_MARGIN = 0.15
FULL_OVERLAP_WORDS = 3


# Words the lemmatizer gets wrong for topic words ("äldre" → "gammal", "född" → "föda"): kept as written.
LEMMA_KEEP = frozenset(
    ["äldre", "äldres", "född", "födda", "vård", "omsorg", "boende", "boendet", "smittad", "anhöriga", "anhörig",
     "närstående", "sjuka", "läkare", "anställda", "anställd", "unga", "ungas"]
)


def swedish_stop_words() -> list[str]:
    """spaCy's Swedish stop words plus a few domain-general ones, sorted (deterministic vectorizer vocabulary)."""
    from spacy.lang.sv.stop_words import STOP_WORDS

    from textsamverkan.themes.topic_text import FURNITURE_WORDS

    return sorted(set(STOP_WORDS) | DOMAIN_STOP_WORDS | FURNITURE_WORDS)


def _tokenizer(lemmatize: bool) -> Any:
    import re

    from textsamverkan.segment.sentences import simple_lemma
    from textsamverkan.themes.topic_text import FURNITURE_WORDS

    word = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*", re.UNICODE)

    def lemma(w: str) -> str:
        lw = w.lower()
        if w.isupper() or lw in LEMMA_KEEP:
            return lw
        return simple_lemma(w).lower()

    def tokens(text: str) -> list[str]:
        found = [w for w in word.findall(text) if w.lower() not in FURNITURE_WORDS]  # "maj" before it becomes "maja"
        if lemmatize:
            return [lemma(w) for w in found]
        return [w.lower() for w in found]

    return tokens


class _EmbedderBackend:
    """Adapts an `Embedder` to BERTopic's backend interface (used only for seed words)."""

    def __new__(cls, embedder: TextEmbedder) -> Any:
        from bertopic.backend import BaseEmbedder

        class Backend(BaseEmbedder):  # type: ignore[misc]
            def __init__(self, inner: TextEmbedder) -> None:
                super().__init__()
                self.inner = inner

            def embed(self, documents: Sequence[str], verbose: bool = False) -> npt.NDArray[np.float32]:
                return self.inner.encode(list(documents), kind="passage")

        return Backend(embedder)


def seed_topics(codebook: Codebook, per_code: int) -> tuple[list[str], list[list[str]]]:
    """(code ids, seed word lists): each codable code's single-word, lower-case terms, as written, in order."""
    ids: list[str] = []
    lists: list[list[str]] = []
    for code in codebook.codes:
        if not code.codable:
            continue
        words = [t.word for t in code.terms if not t.exact_case and t.word.isalpha()]
        words = list(dict.fromkeys(words))[:per_code]
        if words:
            ids.append(code.id)
            lists.append(words)
    return ids, lists


def fit_topics(
    passages: Sequence[Passage],
    embeddings: npt.NDArray[np.float32],
    *,
    codebook: Codebook | None = None,
    embedding_model: Any = None,
    settings: TopicSettings | None = None,
    strata: Sequence[str] | None = None,
) -> TopicResult:
    """Fit BERTopic on passages with their precomputed embeddings.

    `embedding_model` is needed only for guidance (seed words must be embedded by the model that embedded the
    passages): an `Embedder` from textsamverkan.embed, or anything BERTopic accepts (e.g. a fitted scikit-learn
    pipeline). Without it, or without a codebook, or with `settings.guided` off, topics are unguided.
    With `settings.sample` smaller than the corpus, the model is fitted on a sample stratified by `strata` (one
    label per passage, e.g. region and kind) and every other passage gets the topic of the closest centroid
    (`topic_sample`); topic words come from the sample, sizes and representatives from all passages.
    """
    from bertopic import BERTopic
    from bertopic.vectorizers import ClassTfidfTransformer
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    s = settings or TopicSettings()
    if len(passages) != embeddings.shape[0]:
        raise ValueError(f"{embeddings.shape[0]} embeddings for {len(passages)} passages")
    np.random.seed(s.seed)
    from textsamverkan.themes.topic_text import clean_topic_texts

    fit_index = list(range(len(passages)))
    if s.sample and len(passages) > s.sample:
        keys = [f"{p.doc_id}\0{p.start}" for p in passages]
        fit_index = stratified_sample(
            keys, strata or [""] * len(passages), s.sample, seed=s.seed, floor=s.min_topic_size
        )  # fmt: skip
    fit_passages = [passages[i] for i in fit_index]
    texts = clean_topic_texts([p.text for p in fit_passages], [p.doc_id for p in fit_passages])
    # a copy: guided BERTopic edits embeddings in place
    vectors = np.array(embeddings[fit_index], dtype=np.float32, copy=True)
    umap_model = UMAP(
        n_neighbors=s.n_neighbors,
        n_components=s.n_components,
        min_dist=0.0,
        metric="cosine",
        random_state=s.seed,
        low_memory=s.low_memory,
        n_epochs=s.umap_epochs,
    )
    hdbscan_model = HDBSCAN(
        min_cluster_size=s.min_topic_size, metric="euclidean", cluster_selection_method="eom", prediction_data=False
    )
    vectorizer = CountVectorizer(
        tokenizer=_tokenizer(s.lemmatize),
        lowercase=False,
        token_pattern=None,
        stop_words=swedish_stop_words(),
    )  # no min_df: c-TF-IDF counts words over one joined document per topic
    seed_ids: list[str] = []
    seed_lists: list[list[str]] | None = None
    backend: Any = None
    if s.guided and codebook is not None and embedding_model is not None:
        seed_ids, lists = seed_topics(codebook, s.seed_words_per_code)
        seed_lists = lists or None
        backend = _EmbedderBackend(embedding_model) if hasattr(embedding_model, "model_id") else embedding_model
    model = BERTopic(
        language="swedish",
        embedding_model=backend,
        umap_model=umap_model,
        hdbscan_model=hdbscan_model,
        vectorizer_model=vectorizer,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        top_n_words=s.top_n_words,
        min_topic_size=s.min_topic_size,
        seed_topic_list=seed_lists,
        calculate_probabilities=False,
        verbose=False,
    )
    assigned, _ = model.fit_transform(texts, embeddings=vectors)
    if len(fit_index) < len(passages):
        assignments = tuple(assign_by_centroid(embeddings, fit_index, [int(t) for t in assigned]))
    else:
        assignments = tuple(int(t) for t in assigned)
    topics = _topics(model, passages, embeddings, assignments, s)
    return TopicResult(
        topics, assignments, s, guided=seed_lists is not None, seed_codes=tuple(seed_ids), fitted_on=len(fit_index)
    )


def _topics(
    model: Any,
    passages: Sequence[Passage],
    embeddings: npt.NDArray[np.float32],
    assignments: tuple[int, ...],
    s: TopicSettings,
) -> tuple[Topic, ...]:
    labels = np.array(assignments)
    out: list[Topic] = []
    for tid in sorted(set(assignments)):
        members = np.flatnonzero(labels == tid)
        raw_words = model.get_topic(tid) or []
        words = tuple((str(w), round(float(v), 6)) for w, v in raw_words if w)
        reps: tuple[Passage, ...] = ()
        if tid != OUTLIER:
            centroid = unit_vector(embeddings[members].mean(axis=0))
            sims = embeddings[members] @ centroid
            order = sorted(range(len(members)), key=lambda i: (-round(float(sims[i]), 6), int(members[i])))
            reps = tuple(passages[int(members[i])] for i in order[: s.n_representatives])
        out.append(Topic(tid, int(members.size), words, reps))
    return tuple(out)


def topic_centroids(result: TopicResult, embeddings: npt.NDArray[np.float32]) -> dict[int, npt.NDArray[np.float32]]:
    """Unit-length mean embedding of each non-outlier topic."""
    labels = np.array(result.assignments)
    return {
        t.id: unit_vector(embeddings[labels == t.id].mean(axis=0).astype(np.float32))
        for t in result.topics
        if t.id != OUTLIER
    }


def map_topics_to_codes(
    result: TopicResult,
    embeddings: npt.NDArray[np.float32],
    codebook: Codebook,
    *,
    embedder: TextEmbedder | None = None,
    passages: Sequence[Passage] | None = None,
    passage_codes: Sequence[frozenset[str]] | None = None,
) -> list[TopicCodeRow]:
    """For each topic, the code its words and passages point to, with the margin; `new` unless one code clearly wins.

    The decision is by words and coding (`map_topic_words`) over the topic's passages (all members when `passages`
    is given, else its representatives); `passage_codes`, one set per passage of `passages`, are the codes the run
    gave each passage (rules and learned layer), else the rules are run on the passages. The embedding similarity
    between the topic centroid and the code's exemplars is computed when an embedder is given and shown, but does
    not decide: it is compressed and uncalibrated (e5-small-sv put every off-domain topic at 0.86–0.90 from some
    code)."""
    from textsamverkan.themes.matcher import LexicalMatcher

    codes = [c for c in codebook.codes if c.codable]
    centroids = topic_centroids(result, embeddings)
    sim = np.zeros((len(result.topics), len(codes)), dtype=np.float32)
    if embedder is not None and centroids:
        texts, owner = [], []
        for j, c in enumerate(codes):
            for e in c.exemplars:
                texts.append(e.text)
                owner.append(j)
        if texts:
            ex = embedder.encode(texts, kind="passage")
            owner_arr = np.array(owner)
            for i, t in enumerate(result.topics):
                if t.id in centroids:
                    sv = ex @ centroids[t.id]
                    for j in range(len(codes)):
                        cols = owner_arr == j
                        if cols.any():
                            sim[i, j] = float(sv[cols].max())
    members: dict[int, list[str]] = {}
    member_codes: dict[int, list[frozenset[str]]] = {}
    if passages is not None:
        for n, (p, tid) in enumerate(zip(passages, result.assignments, strict=True)):
            members.setdefault(tid, []).append(p.text)
            if passage_codes is not None:
                member_codes.setdefault(tid, []).append(passage_codes[n])
    matcher = LexicalMatcher(codebook)
    rows: list[TopicCodeRow] = []
    for i, t in enumerate(result.topics):
        if t.id == OUTLIER:
            continue
        texts_of = members.get(t.id) or [p.text for p in t.representatives]
        m = map_topic_words(
            [w for w, _ in t.words], texts_of, codebook, matcher=matcher, coded=member_codes.get(t.id)
        )  # fmt: skip
        j = next(k for k, c in enumerate(codes) if c.id == m.code)
        rows.append(
            TopicCodeRow(t.id, t.size, t.label, m.code, round(float(sim[i, j]), 4), m.overlap, m.new, m.score,
                         m.margin, m.second)
        )
    return rows


def map_topic_words(
    words: Sequence[str],
    passages: Sequence[str],
    codebook: Codebook,
    *,
    matcher: Any = None,
    coded: Sequence[frozenset[str]] | None = None,
) -> TopicMapping:
    """Score every code by the share of `passages` coded with it and by the topic `words` that are its terms
    (lemma- and compound-aware, not_terms respected: "läroplan" is not a care plan); see MIN_TOPIC_SCORE. `coded`:
    each passage's codes as the run gave them (so what the learned layer codes in other words counts); without it
    the rules are run on the passages."""
    from textsamverkan.segment.sentences import simple_sentences
    from textsamverkan.themes.matcher import LexicalMatcher

    lex = matcher or LexicalMatcher(codebook)
    codes = [c for c in codebook.codes if c.codable]
    if coded is None:
        coded = [
            frozenset(cid for s in simple_sentences("topic", text, [(0, len(text))]) for cid in lex.match(s))
            for text in passages
        ]
    shares = dict.fromkeys((c.id for c in codes), 0)
    for found in coded:
        for cid in found & shares.keys():
            shares[cid] += 1
    overlap: dict[str, list[str]] = {c.id: [] for c in codes}
    for w in words:
        hits = lex.match(simple_sentences("topic", w, [(0, len(w))])[0]) if w.strip() else {}
        for cid in hits:
            if cid in overlap:
                overlap[cid].append(w)
    scores = {
        c.id: 0.5 * (shares[c.id] / len(passages) if passages else 0.0)
        + 0.5 * min(1.0, len(overlap[c.id]) / FULL_OVERLAP_WORDS)
        for c in codes
    }
    ranked = sorted(codes, key=lambda c: (-round(scores[c.id], 6), [x.id for x in codes].index(c.id)))
    best, second = ranked[0], ranked[1] if len(ranked) > 1 else ranked[0]
    score = round(scores[best.id], 4)
    margin = round(scores[best.id] - (scores[second.id] if second is not best else 0.0), 4)
    new = score < MIN_TOPIC_SCORE or margin < MIN_TOPIC_MARGIN
    return TopicMapping(best.id, score, margin, second.id, tuple(overlap[best.id]), new)


def _overlap(words: Sequence[str], code: Any) -> list[str]:
    terms = [term.word.lower() for term in code.terms] + [w.word.lower() for p in code.phrases for w in p.words]
    found = []
    for w in words:
        lw = w.lower()
        if any(lw == t or (len(t) >= 4 and (lw.startswith(t) or lw.endswith(t))) for t in terms):
            found.append(w)
    return found


def topic_rows(result: TopicResult, mapping: Sequence[TopicCodeRow] = ()) -> list[dict[str, str | int | float]]:
    """Rows for topics.csv: one per topic with its words, mapped code, and representative passages with offsets."""
    by_topic = {m.topic: m for m in mapping}
    rows: list[dict[str, str | int | float]] = []
    for t in result.topics:
        m = by_topic.get(t.id)
        rows.append(
            {
                "topic": t.id,
                "size": t.size,
                "label": t.label,
                "words": " ".join(w for w, _ in t.words),
                "best_code": m.best_code if m else "",
                "similarity": m.similarity if m else 0.0,
                "overlap": " ".join(m.overlap) if m else "",
                "score": m.score if m else 0.0,
                "margin": m.margin if m else 0.0,
                "second_code": m.second_code if m else "",
                "new": int(m.new) if m else 0,
                "representatives": " | ".join(f"{p.doc_id}:{p.start}-{p.end}" for p in t.representatives),
            }
        )
    return rows

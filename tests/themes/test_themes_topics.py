"""Inductive topics with BERTopic: identical topics on a rerun, Swedish words intact, guided by the codebook,
representative passages with offsets, and a mapping to codes where an unlisted theme stands out as new.

The corpus is synthetic (four vocabularies, 40 passages each) with TF-IDF + SVD embeddings, so no model is needed;
UMAP's first fit compiles with numba (about 10 s), so both fits share one module fixture."""

from __future__ import annotations

import random

import numpy as np
import numpy.typing as npt
import pytest

from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.topics import (
    Passage,
    TopicResult,
    TopicSettings,
    fit_topics,
    map_topics_to_codes,
    swedish_stop_words,
    topic_rows,
)

VOCABULARIES = {
    "ppe": "skyddsutrustning munskydd visir handskar förkläden beställning lager brist leverans",
    "testing": "testning provtagning smittspårning antigentest provsvar positiva testkapacitet personal",
    "care_plans": "vårdplan brytpunktssamtal SIP genomförandeplan anhöriga uppdatera individuell planering",
    "ferries": "färja hamn turlista båt resenärer skärgård sjöfart kaj",
}
Fitted = tuple[list[Passage], npt.NDArray[np.float32], object, TopicResult, TopicResult]
FILLER = ["och", "det", "är", "att", "vi", "har", "en", "som", "för", "med", "på", "i", "av", "till"]


def _corpus() -> list[Passage]:
    rng = random.Random(7)
    passages = []
    for name, vocabulary in VOCABULARIES.items():
        words = vocabulary.split()
        for i in range(40):
            tokens = [rng.choice(words) for _ in range(12)] + [rng.choice(FILLER) for _ in range(8)]
            rng.shuffle(tokens)
            text = " ".join(tokens)
            passages.append(Passage(f"doc-{name}", i * 1000, i * 1000 + len(text), text))
    return passages


@pytest.fixture(scope="module")
def fitted(default_codebook: Codebook) -> Fitted:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline

    passages = _corpus()
    pipeline = make_pipeline(TfidfVectorizer(), TruncatedSVD(20, random_state=0))
    emb = pipeline.fit_transform([p.text for p in passages]).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    before = emb.copy()
    settings = TopicSettings(min_topic_size=10, n_representatives=2)
    first = fit_topics(passages, emb, codebook=default_codebook, embedding_model=pipeline, settings=settings)
    second = fit_topics(passages, emb, codebook=default_codebook, embedding_model=pipeline, settings=settings)
    assert np.array_equal(emb, before), "fit_topics must not change the caller's embeddings"
    return passages, emb, pipeline, first, second


def test_rerun_gives_identical_topics(fitted: Fitted) -> None:
    _, _, _, first, second = fitted
    assert first == second
    assert first.guided and first.seed_codes[:3] == ("ppe", "testing", "care_plans")


def test_topics_recover_the_vocabularies_with_swedish_words(fitted: Fitted) -> None:
    passages, _, _, result, _ = fitted
    assert sorted(t.size for t in result.topics if t.id != -1) == [40, 40, 40, 40]
    labels = np.array(result.assignments)
    for t in result.topics:
        docs = {passages[i].doc_id for i in np.flatnonzero(labels == t.id)}
        assert len(docs) == 1, (t.id, docs)  # each topic is one vocabulary
        assert len(t.representatives) == 2
        assert all(r.doc_id in docs and r.end - r.start == len(r.text) for r in t.representatives)
    words = {w for t in result.topics for w, _ in t.words}
    assert {"skärgård", "förkläde", "brytpunktssamtal"} <= words  # å, ä, ö kept; lemmatised (förkläden → förkläde)
    assert not words & set(swedish_stop_words())


def test_mapping_to_codes_flags_the_unlisted_theme(fitted: Fitted, default_codebook: Codebook) -> None:
    passages, emb, _, result, _ = fitted
    rows = map_topics_to_codes(result, emb, default_codebook)
    labels = np.array(result.assignments)
    by_doc = {}
    for r in rows:
        doc = passages[int(np.flatnonzero(labels == r.topic)[0])].doc_id
        by_doc[doc] = r
    assert by_doc["doc-ppe"].best_code == "ppe" and not by_doc["doc-ppe"].new
    assert by_doc["doc-testing"].best_code == "testing" and "antigentest" in by_doc["doc-testing"].overlap
    assert by_doc["doc-care_plans"].best_code == "care_plans"
    assert by_doc["doc-ferries"].new and not by_doc["doc-ferries"].overlap
    table = topic_rows(result, rows)
    assert len(table) == len(result.topics)
    assert all(str(r["representatives"]).startswith("doc-") for r in table)


def test_a_corpus_larger_than_the_sample_is_fitted_on_a_stratified_sample(fitted: Fitted) -> None:
    passages, emb, _, full, _ = fitted
    settings = TopicSettings(min_topic_size=10, n_representatives=2, guided=False, sample=100)
    strata = [p.doc_id for p in passages]  # one vocabulary per document: 25 of each in the sample
    result = fit_topics(passages, emb, settings=settings, strata=strata)
    assert result.fitted_on == 100 and full.fitted_on == len(passages)
    assert len(result.assignments) == len(passages)
    labels = np.array(result.assignments)
    topics = [t for t in result.topics if t.id != -1]
    assert len(topics) == 4
    for t in topics:
        assert len({passages[i].doc_id for i in np.flatnonzero(labels == t.id)}) == 1  # still one vocabulary each
    assert sum(t.size for t in topics) >= 0.9 * len(passages)  # passages outside the sample joined their topics
    assert result == fit_topics(passages, emb, settings=settings, strata=strata)

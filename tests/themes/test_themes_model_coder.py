"""The learned layer: weakly supervised by the rules, it learns a code's context words, adds `method = "model"` hits
with evidence only where the rules found nothing, and gives the same model for the same corpus (fixed seeds)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from textsamverkan.segment.sentences import Sentence, simple_sentences
from textsamverkan.themes.codebook import Codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.model_coder import cached_model_coder, fit_model_coder


def _corpus() -> list[Sentence]:
    """Rule-coded ppe sentences share context words (leverans, lager, brist, visir-free); other sentences do not."""
    rng = random.Random(0)
    ppe = ["Leveransen av skyddsutrustning till lagret på boendet var försenad igen.",
           "Bristen på skyddsutrustning i lagret gjorde leveransen akut.",
           "Kommunen fick en leverans av munskydd till lagret."]
    other = ["Kommunen byggde en ny skola i centrum.", "Regeringen presenterade budgeten för nästa år.",
             "Vädret var kallt under hela veckan.", "Eleverna läste böcker i biblioteket.",
             "Tåget var försenat på grund av snö.", "Politikerna debatterade skatterna länge."]
    texts = [rng.choice(ppe) for _ in range(80)] + [rng.choice(other) for _ in range(220)]
    rng.shuffle(texts)
    out: list[Sentence] = []
    for n, t in enumerate(texts):
        out += simple_sentences(f"d{n}", t, [(0, len(t))])
    return out


@pytest.fixture(scope="module")
def fitted(default_codebook: Codebook):  # type: ignore[no-untyped-def]
    return fit_model_coder(default_codebook, _corpus(), embedder=None)


def test_learns_context_and_reports_evidence(default_codebook: Codebook, fitted) -> None:  # type: ignore[no-untyped-def]
    assert "ppe" in fitted.models
    text = "Leveransen till lagret var försenad och bristen stor."
    sents = simple_sentences("x", text, [(0, len(text))])
    assert "ppe" not in LexicalMatcher(default_codebook).match(sents[0])
    hits = [h for h in fitted.code(sents) if h.code == "ppe"]
    assert len(hits) == 1
    hit = hits[0]
    assert hit.method == "model"
    assert hit.score >= hit.evidence["threshold"]
    assert set(hit.evidence) >= {"score", "threshold", "words", "nearest"}
    assert any(w in ("leverans", "lager", "brist", "leveransen", "lagret", "bristen") for w in hit.evidence["words"])
    assert hit.evidence["nearest"]


def test_no_model_hit_where_the_rules_already_coded(default_codebook: Codebook, fitted) -> None:  # type: ignore[no-untyped-def]
    text = "Leveransen av skyddsutrustning till lagret var försenad."
    sents = simple_sentences("x", text, [(0, len(text))])
    lexical = code_sentences(sents, default_codebook)
    assert any(h.code == "ppe" for h in lexical)
    assert not [h for h in fitted.code(sents, lexical) if h.code == "ppe"]


def test_unrelated_sentences_stay_uncoded(fitted) -> None:  # type: ignore[no-untyped-def]
    text = "Eleverna läste böcker i biblioteket."
    assert fitted.code(simple_sentences("x", text, [(0, len(text))])) == []


def test_deterministic_and_cached(default_codebook: Codebook, fitted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    again = fit_model_coder(default_codebook, _corpus(), embedder=None)
    assert {c: m.threshold for c, m in again.models.items()} == {c: m.threshold for c, m in fitted.models.items()}
    first = cached_model_coder(default_codebook, _corpus(), tmp_path, embedder=None)
    assert len(list(tmp_path.glob("*.pkl"))) == 1
    second = cached_model_coder(default_codebook, _corpus(), tmp_path, embedder=None)
    assert second.models.keys() == first.models.keys()


def test_people_codings_become_examples() -> None:
    from textsamverkan.themes.model_coder import examples_from_codings

    text = "Vi fick inga rockar. Bussen kom sent. Alla testades."
    sents = simple_sentences("doc", text, [(0, len(text))])
    other = simple_sentences("other", "Ingen kodade detta.", [(0, 19)])
    examples = examples_from_codings([*sents, *other], [("doc", 0, 20, "ppe"), ("doc", 38, 52, "testing")])
    assert [(s.text, set(c)) for s, c in examples] == [
        ("Vi fick inga rockar.", {"ppe"}),
        ("Bussen kom sent.", set()),  # a coded document's uncoded sentence: a negative
        ("Alla testades.", {"testing"}),
    ]  # the uncoded document gives nothing


def test_examples_join_training_with_their_labels(default_codebook: Codebook) -> None:
    corpus = _corpus()
    text = "Rockarna i förrådet räckte inte till personalen."
    labelled = [(s, frozenset({"ppe"})) for s in simple_sentences("h", text, [(0, len(text))])] * 3
    with_people = fit_model_coder(default_codebook, corpus, embedder=None, examples=labelled)
    without = fit_model_coder(default_codebook, corpus, embedder=None)
    probe = simple_sentences("p", "Rockarna räckte inte.", [(0, 21)])
    assert with_people.scores(probe)[1]["ppe"][0] > without.scores(probe)[1]["ppe"][0]

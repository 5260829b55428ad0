"""Codebook suggestions: compounds sharing a head with a code's terms and words associated with its sentences are
proposed with examples; words the rules already match are not; nothing changes in the codebook."""

from __future__ import annotations

import pytest

from textsamverkan.segment.sentences import Sentence, simple_sentences
from textsamverkan.themes.codebook import Codebook, dump_codebook
from textsamverkan.themes.suggest import suggest_terms


def _sentences(texts: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for n, t in enumerate(texts):
        out += simple_sentences(f"d{n}", t, [(0, len(t))])
    return out


CORPUS = [
    "Personalen bar skyddsrockar och visir på boendet.",
    "Vi fick engångsrockar från tandläkaren.",
    "Engångsrockar tog slut på boendet.",
    "En rock hängde i hallen.",
    "Det var en rock i garderoben.",
] + ["Leverantören skickade skyddsutrustning och plastförkläden i kartonger."] * 3 + [
    "Kommunen byggde en ny skola.",
    "Kartonger med böcker stod i skolan.",
] * 2


def test_compound_with_a_terms_head_is_suggested(default_codebook: Codebook) -> None:
    before = dump_codebook(default_codebook)
    found = suggest_terms(default_codebook, "ppe", _sentences(CORPUS))
    compounds = {s.word: s for s in found if s.kind == "compound"}
    assert "engångsrock" in compounds or "engångsrockar" in compounds
    s = compounds.get("engångsrock") or compounds["engångsrockar"]
    assert "rock" in s.reason and s.examples
    assert dump_codebook(default_codebook) == before  # suggestions never change the codebook


def test_associated_words_and_known_terms(default_codebook: Codebook) -> None:
    found = suggest_terms(default_codebook, "ppe", _sentences(CORPUS))
    words = {s.word for s in found}
    assert "leverantör" in words or "leverantören" in words
    assert not words & {"skyddsutrustning", "visir", "skyddsrock", "skyddsrockar"}


def test_unknown_code(default_codebook: Codebook) -> None:
    with pytest.raises(KeyError):
        suggest_terms(default_codebook, "no_such_code", [])


def test_words_of_the_learned_layers_hits_are_suggested(default_codebook: Codebook) -> None:
    """A word the rules lack but the learned layer codes as ppe ("sopsäckar" worn as protection) is proposed."""
    from textsamverkan.themes.matcher import code_sentences
    from textsamverkan.themes.model_coder import cached_model_coder

    said = "Vi klippte hål i sopsäckar och drog dem över kläderna innan vi gick in till de sjuka."
    sentences = _sentences([said, said, "Kommunen byggde en ny skola."])  # in two documents
    coder = cached_model_coder(default_codebook)
    hits = coder.code(sentences, code_sentences(sentences, default_codebook))
    assert [h.code for h in hits].count("ppe") == 2
    found = {s.word: s for s in suggest_terms(default_codebook, "ppe", sentences, model_hits=hits)}
    assert found["sopsäck"].kind == "model" and found["sopsäck"].examples


def test_a_thesaurus_synonym_of_a_term_is_suggested(default_codebook: Codebook) -> None:
    """"immunisera" is the thesaurus's synonym of the prevention term "vaccinera"; the rules do not know it."""
    corpus = ["Alla boende skulle immuniseras före jul.", "Personalen immuniserades i januari."]
    found = {s.word: s for s in suggest_terms(default_codebook, "prevention", _sentences(corpus))}
    assert found["immunisera"].kind == "synonym"
    assert "vaccinera" in found["immunisera"].reason and found["immunisera"].examples

"""Fixtures for the theme tests: the default codebook and matcher (built once), and a sentence helper that
tokenises with the model-free fallback (simple tokenizer + simplemma lemmas), so no NLP backend is needed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from textsamverkan.segment.sentences import Sentence, simple_sentences
from textsamverkan.themes.codebook import Codebook, load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher


@pytest.fixture(scope="session")
def default_codebook() -> Codebook:
    return load_default_codebook()


@pytest.fixture(scope="session")
def default_matcher(default_codebook: Codebook) -> LexicalMatcher:
    return LexicalMatcher(default_codebook)


@pytest.fixture(scope="session")
def sentence() -> Callable[[str], Sentence]:
    """Make one Sentence (tokens with simplemma lemmas) of a text that is a single sentence."""

    def make(text: str) -> Sentence:
        found = simple_sentences("doc", text, [(0, len(text))])
        assert len(found) == 1, [s.text for s in found]
        return found[0]

    return make


@pytest.fixture(scope="session")
def codes_of(default_matcher: LexicalMatcher, sentence: Callable[[str], Sentence]) -> Callable[[str], set[str]]:
    """The codes the default codebook's lexical rules assign to a one-sentence text."""

    def codes(text: str) -> set[str]:
        return set(default_matcher.match(sentence(text)))

    return codes

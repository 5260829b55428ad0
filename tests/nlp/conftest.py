"""Shared NLP fixtures: the bundled spaCy and Stanza backends, loaded once per test session (real models)."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.nlp.backend import get_backend
from textsamverkan.nlp.types import NlpBackend

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def spacy_default() -> NlpBackend:
    """The bundled spaCy pipeline in its default configuration (parser and NER off, senter on)."""
    return get_backend("spacy", str(REPO / "models" / "sv_core_textsamverkan"))


@pytest.fixture(scope="session")
def spacy_parser() -> NlpBackend:
    """The bundled spaCy pipeline with the dependency parser and NER on."""
    return get_backend("spacy", str(REPO / "models" / "sv_core_textsamverkan"), parser=True, ner=True)


@pytest.fixture(scope="session")
def stanza_bundled() -> NlpBackend:
    """The bundled Stanza pipeline (tokenize, pos, lemma) from models/stanza_sv."""
    return get_backend("stanza", None)

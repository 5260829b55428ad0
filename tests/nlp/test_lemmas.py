"""The simplemma lemma fallback: when it replaces a model's lemma and when it leaves it alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.nlp.lemmas import LemmaFallback


def test_unseen_open_class_words_get_simplemmas_lemma() -> None:
    fb = LemmaFallback(known_forms=frozenset({"vården"}))
    assert fb.lemma("Smittskyddsläkarna", "NOUN", "Smittskyddsläkarna") == "smittskyddsläkare"
    assert fb.lemma("äldreboendena", "NOUN", "äldreboendena") == "äldreboende"


def test_seen_words_closed_classes_and_names_keep_the_model_lemma() -> None:
    fb = LemmaFallback(known_forms=frozenset({"vården"}))
    assert fb.lemma("vården", "NOUN", "vård") == "vård"  # seen in training: trust the model
    assert fb.lemma("dem", "PRON", "de") == "de"  # closed class
    assert fb.lemma("Stockholms", "PROPN", "Stockholm") == "Stockholm"


def test_without_a_vocabulary_only_copied_forms_are_replaced() -> None:
    fb = LemmaFallback(known_forms=None)
    assert fb.lemma("skyddsutrustningen", "NOUN", "skyddsutrustningen") == "skyddsutrustning"
    assert fb.lemma("skyddsutrustningen", "NOUN", "skyddsutrustning") == "skyddsutrustning"
    assert fb.lemma("Xyzqvistarna", "NOUN", "Xyzqvistarna") == "xyzqvistarna"  # unknown: lower-cased copy


def test_create_reads_the_models_training_forms(tmp_path: Path) -> None:
    (tmp_path / "train_forms.txt").write_text("vården\nkommunen\n", encoding="utf-8")
    fb = LemmaFallback.create("simplemma", tmp_path)
    assert fb is not None and fb.known_forms == frozenset({"vården", "kommunen", ""})
    assert LemmaFallback.create("none", tmp_path) is None
    with pytest.raises(UserError) as err:
        LemmaFallback.create("simplema", tmp_path)
    assert "Did you mean 'simplemma'?" in err.value.message


def test_the_fallback_reads_the_lexicon_simplemma_itself_loaded() -> None:
    # one decoded copy per process: a second factory decoded the 964k forms again (about 1 s and 90 MB)
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    from textsamverkan.nlp.lemmas import _simplemma_sv

    assert _simplemma_sv() is DEFAULT_DICTIONARY_FACTORY.get_dictionary("sv")

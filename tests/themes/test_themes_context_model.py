"""The context model's features and fit (themes/context_model.py): a sentence is read with the sentences around it,
and the cut is chosen for precision out of fold, by document."""

from __future__ import annotations

import numpy as np
import pytest

from textsamverkan.themes.context_model import FEATURES, context_features, fit_context_model


def _document() -> tuple[list[str], list[int], np.ndarray, np.ndarray]:
    texts = [
        "Intervjuare: Hur gick testningen till?",
        "Vi fick ta prov på varandra i bilen.",
        "Och svaret kom aldrig.",
        "Sen åt vi lunch i parken.",
    ]
    words = [5, 8, 4, 6]
    # two codes: column 0 (the rules coded the question, the layer's agreement coded the swab), column 1 nowhere
    agreement = np.array([[1.5, 0.0], [1.1, 0.2], [0.6, 0.3], [0.1, 0.1]])
    has = (agreement >= 0.95).astype(float)
    return texts, words, agreement, has


def test_a_line_after_one_with_the_code_is_read_as_following_it() -> None:
    texts, words, agreement, has = _document()
    x = context_features(texts, words, agreement, has, [(2, 0), (2, 1), (3, 0)])
    assert x.shape == (3, len(FEATURES) + 2)
    feature = {name: k for k, name in enumerate(FEATURES)}
    answer, other_code, lunch = x
    assert answer[feature["neighbour has the code"]] == 1.0 and answer[feature["the sentence before has the code"]] == 1
    assert answer[feature["a question just before has the code"]] == 1.0
    assert answer[feature["opens with a pronoun"]] == 0.0  # "Och svaret": a conjunction, then a noun
    assert answer[feature["agreement x neighbour has the code"]] == pytest.approx(0.6)
    assert other_code[feature["neighbour has the code"]] == 0.0
    assert lunch[feature["neighbour has the code"]] == 0.0 and lunch[feature["a sentence within two has the code"]] == 1
    assert lunch[feature["a question just before has the code"]] == 0.0  # the question is three lines up
    assert list(answer[len(FEATURES):]) == [1.0, 0.0] and list(other_code[len(FEATURES):]) == [0.0, 1.0]
    assert answer[feature["share of the document's sentences with the code"]] == pytest.approx(0.5)


def test_a_pronoun_or_a_question_shows_in_the_features() -> None:
    texts = ["Anna: Det tog tre veckor innan vi fick dem.", "Kom de nånsin?"]
    x = context_features(texts, [8, 3], np.zeros((2, 1)), np.zeros((2, 1)), [(0, 0), (1, 0)])
    feature = {name: k for k, name in enumerate(FEATURES)}
    assert x[0, feature["opens with a pronoun"]] == 1.0 and x[0, feature["is a question"]] == 0.0
    assert x[1, feature["is a question"]] == 1.0


def _pairs(n_docs: int, seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_docs * 50, len(FEATURES) + 2))
    y = (x[:, 0] + 0.5 * x[:, 2] + rng.normal(scale=0.5, size=len(x))) > 1.2
    return x, y, [f"doc{k // 50}" for k in range(len(x))]


def test_the_cut_reaches_the_precision_out_of_fold_and_the_fit_repeats() -> None:
    x, y, groups = _pairs(40, 0)
    model = fit_context_model(x, y, groups, ["a", "b"], precision=0.9)
    assert model is not None and model.positives == int(y.sum())
    assert model.heldout_precision >= 0.9 and 0.0 < model.heldout_recall < 1.0
    chosen = model.probability(x) >= model.cut
    assert (y[chosen].mean()) >= 0.85  # in sample, about as precise as out of fold
    again = fit_context_model(x, y, groups, ["a", "b"], precision=0.9)
    assert again is not None and again.cut == model.cut and np.array_equal(again.coef, model.coef)


def test_too_few_labelled_pairs_give_no_model() -> None:
    x, y, groups = _pairs(2, 1)
    assert int(y.sum()) < 100
    assert fit_context_model(x, y, groups, ["a", "b"]) is None

"""Agreement measures against their references: scikit-learn's kappa, Krippendorff's 2011 example and package."""

from __future__ import annotations

import random

import pytest

from textsamverkan.coding.measures import (
    alpha_from_table,
    brennan_prediger,
    cohen_kappa,
    cohen_kappa_labels,
    exact_interval,
    krippendorff_alpha_nominal,
    percent_agreement,
    wilson_interval,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the nominal example: 4 coders, 12 units.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def _labels(both: int, only_a: int, only_b: int, neither: int) -> tuple[list[int], list[int]]:
    a = [1] * both + [1] * only_a + [0] * only_b + [0] * neither
    b = [1] * both + [0] * only_a + [1] * only_b + [0] * neither
    return a, b


def test_kappa_matches_scikit_learn_to_1e9() -> None:
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(7)
    for _ in range(200):
        table = [rng.randint(0, 40) for _ in range(4)]
        a, b = _labels(*table)
        expected = cohen_kappa_score(a, b) if len(set(a) | set(b)) > 1 else None
        ours = cohen_kappa(*table)
        if expected is None or ours is None or expected != expected:
            continue
        assert ours == pytest.approx(expected, abs=1e-9)
    for _ in range(50):  # several categories
        a = [rng.choice("xyzw") for _ in range(60)]
        b = [x if rng.random() < 0.6 else rng.choice("xyzw") for x in a]
        assert cohen_kappa_labels(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


def test_nvivo_worked_example_by_counts() -> None:
    # 1,000 characters; A codes 0-125, B 75-200: 50 both, 75 + 75 one only, 800 neither
    assert percent_agreement(50, 75, 75, 800) == pytest.approx(0.85)
    assert round(cohen_kappa(50, 75, 75, 800) or 0, 4) == 0.3143


def test_krippendorff_2011_example_gives_0_743() -> None:
    assert round(krippendorff_alpha_nominal(KRIPPENDORFF_2011) or 0, 3) == 0.743


def test_alpha_matches_the_krippendorff_package() -> None:
    krippendorff = pytest.importorskip("krippendorff")
    import numpy as np

    reference = krippendorff.alpha(reliability_data=np.array(KRIPPENDORFF_2011, dtype=float),
                                   level_of_measurement="nominal")
    assert krippendorff_alpha_nominal(KRIPPENDORFF_2011) == pytest.approx(reference, abs=1e-9)
    rng = random.Random(3)
    for _ in range(30):
        data = [[rng.choice([1, 2, 3, None]) for _ in range(25)] for _ in range(3)]
        matrix = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
        expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
        assert krippendorff_alpha_nominal(data) == pytest.approx(expected, abs=1e-9)
        table = [rng.randint(1, 30) for _ in range(4)]
        a, b = _labels(*table)
        expected = krippendorff.alpha(reliability_data=np.array([a, b], dtype=float), level_of_measurement="nominal")
        assert alpha_from_table(*table) == pytest.approx(expected, abs=1e-9)


def test_degenerate_tables_have_no_measure() -> None:
    assert cohen_kappa(0, 0, 0, 50) is None and alpha_from_table(0, 0, 0, 50) is None
    assert percent_agreement(0, 0, 0, 0) is None
    assert brennan_prediger(0.5, 1) is None and brennan_prediger(0.75, 2) == pytest.approx(0.5)


def test_intervals_for_a_proportion() -> None:
    # 27 of 30: Wilson (0.7438, 0.9654) by hand; Clopper–Pearson is wider, (0.7347, 0.9789)
    low, high = wilson_interval(27, 30) or (0, 0)
    assert low == pytest.approx(0.7438, abs=1e-4) and high == pytest.approx(0.9654, abs=1e-4)
    low, high = exact_interval(27, 30) or (0, 0)
    assert low == pytest.approx(0.7347, abs=1e-3) and high == pytest.approx(0.9789, abs=1e-3)
    assert exact_interval(0, 10) == (0.0, pytest.approx(0.3085, abs=1e-4))
    assert wilson_interval(0, 0) is None

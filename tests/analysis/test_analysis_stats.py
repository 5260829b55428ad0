"""Rate intervals, tests of association and FDR correction against hand computations and scipy."""

from __future__ import annotations

import math
from itertools import product

import pytest
from scipy import stats

from textsamverkan.analysis.stats import (
    association_test,
    benjamini_hochberg,
    cluster_permutation_test,
    poisson_interval,
    rate_with_interval,
)


def test_garwood_interval_matches_published_values() -> None:
    # Exact Poisson 95 % limits for 0 and 5 events (tables in e.g. Ulm 1990): 0–3.689 and 1.623–11.668.
    assert poisson_interval(0) == pytest.approx((0.0, 3.68888), abs=1e-4)
    assert poisson_interval(5) == pytest.approx((1.62349, 11.66833), abs=1e-4)
    low, high = poisson_interval(5, confidence=0.90)
    assert low > 1.62349 and high < 11.66833  # a narrower interval at 90 %


def test_rate_per_thousand_words_scales_the_interval() -> None:
    rate = rate_with_interval(5, 2000)
    assert rate.rate == pytest.approx(2.5)
    assert (rate.low, rate.high) == pytest.approx((1.62349 / 2, 11.66833 / 2), abs=1e-4)
    empty = rate_with_interval(3, 0)
    assert empty.rate is None and empty.low is None and empty.high is None


def test_chi_square_on_a_large_table_matches_scipy() -> None:
    coded, totals = [30, 50, 40], [100, 100, 100]
    result = association_test(coded, totals)
    reference = stats.chi2_contingency([[30, 70], [50, 50], [40, 60]], correction=False)
    assert result.method == "chi-square"
    assert result.statistic == pytest.approx(8.3333333)  # by hand: expected 40/60 in each row
    assert result.statistic == pytest.approx(reference.statistic)
    assert result.p_value == pytest.approx(reference.pvalue)
    assert result.df == 2
    assert result.cramers_v == pytest.approx(math.sqrt(8.3333333 / 300))


def test_two_small_groups_use_fishers_exact_test() -> None:
    result = association_test([3, 0], [3, 3])
    assert result.method == "fisher-exact"
    assert result.p_value == pytest.approx(0.1)  # by hand: 2 × 1/C(6,3)
    other = association_test([1, 6], [10, 10])
    assert other.p_value == pytest.approx(stats.fisher_exact([[1, 9], [6, 4]]).pvalue)
    assert "Fisher" in other.note


def _exact_permutation_p(coded: list[int], totals: list[int]) -> float:
    """Sum of multivariate hypergeometric probabilities of tables at least as extreme (X² ≥ observed)."""
    m, n = sum(coded), sum(totals)

    def x2(cs: tuple[int, ...]) -> float:
        return sum((c - t * m / n) ** 2 / (t * m / n) + ((t - c) - t * (n - m) / n) ** 2 / (t * (n - m) / n)
                   for c, t in zip(cs, totals, strict=True))

    observed = x2(tuple(coded))
    p = 0.0
    for cs in product(*(range(t + 1) for t in totals)):
        if sum(cs) != m:
            continue
        prob = math.prod(math.comb(t, c) for c, t in zip(cs, totals, strict=True)) / math.comb(n, m)
        if x2(cs) >= observed - 1e-9:
            p += prob
    return p


def test_many_small_groups_use_a_seeded_monte_carlo_test_close_to_the_exact_p() -> None:
    coded, totals = [4, 0, 1, 1], [5, 4, 4, 5]
    result = association_test(coded, totals, permutations=20_000, seed=7)
    assert result.method == "monte-carlo chi-square"
    assert "seed 7" in result.note and "20000" in result.note
    exact = _exact_permutation_p(coded, totals)
    assert result.p_value == pytest.approx(exact, abs=0.01)
    again = association_test(coded, totals, permutations=20_000, seed=7)
    assert again.p_value == result.p_value  # fixed seed, same answer


def test_nothing_to_test_is_said_not_tested() -> None:
    assert association_test([0, 0], [10, 12]).method == "not tested"
    assert association_test([10, 12], [10, 12]).p_value is None
    assert association_test([3], [10]).note.startswith("fewer than two groups")
    # a group without units is left out rather than dividing by zero
    assert association_test([30, 50, 0], [100, 100, 0]).groups == 2


def test_benjamini_hochberg_by_hand_and_against_scipy() -> None:
    p = [0.01, 0.04, 0.03, 0.2]
    adjusted = benjamini_hochberg(p)
    assert adjusted == pytest.approx([0.04, 0.0533333, 0.0533333, 0.2])
    assert adjusted == pytest.approx(list(stats.false_discovery_control(p)))
    with_gaps = benjamini_hochberg([None, 0.01, None, 0.04])
    assert with_gaps[0] is None and with_gaps[2] is None
    assert with_gaps[1:4:2] == pytest.approx([0.02, 0.04])


def _exact_cluster_p(groups: list[int], coded: list[int], totals: list[int]) -> tuple[float, float]:
    """η² by hand, and the share of all orderings of the labels over clusters with η² at least as large."""
    from itertools import permutations

    shares = [c / t for c, t in zip(coded, totals, strict=True)]
    grand = sum(shares) / len(shares)
    total = sum((s - grand) ** 2 for s in shares)

    def eta2(labels: tuple[int, ...]) -> float:
        out = 0.0
        for g in set(labels):
            members = [s for s, lab in zip(shares, labels, strict=True) if lab == g]
            out += len(members) * (sum(members) / len(members) - grand) ** 2
        return out / total

    observed = eta2(tuple(groups))
    orders = list(permutations(groups))
    return observed, sum(eta2(o) >= observed - 1e-9 for o in orders) / len(orders)


def test_cluster_permutation_matches_exact_enumeration() -> None:
    groups, coded, totals = [0, 0, 0, 1, 1, 1], [5, 3, 1, 0, 1, 0], [6, 4, 2, 3, 5, 2]
    result = cluster_permutation_test(groups, coded, totals, permutations=20_000, seed=3)
    eta2, exact_p = _exact_cluster_p(groups, coded, totals)
    assert result.method == "cluster permutation" and "6 clusters" in result.note
    assert result.statistic == pytest.approx(eta2)
    assert result.p_value == pytest.approx(exact_p, abs=0.01)


def test_one_prolific_author_is_not_evidence_about_a_group() -> None:
    # Region 0: one author with 30 documents, all coded, and four authors with 3 uncoded documents each;
    # region 1: five authors with 6 documents each, one coded per author.
    groups = [0] * 5 + [1] * 5
    coded = [30, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    totals = [30, 3, 3, 3, 3, 6, 6, 6, 6, 6]
    by_document = association_test([sum(coded[:5]), sum(coded[5:])], [sum(totals[:5]), sum(totals[5:])])
    by_author = cluster_permutation_test(groups, coded, totals, permutations=5000, seed=1)
    assert by_document.p_value is not None and by_document.p_value < 1e-4
    assert by_author.p_value is not None and by_author.p_value > 0.2


def test_cluster_bootstrap_interval_is_seeded_and_needs_two_clusters() -> None:
    from textsamverkan.analysis.stats import cluster_bootstrap_interval

    first = cluster_bootstrap_interval([20, 1, 0], [1000, 1000, 1000], seed=7)
    assert first == cluster_bootstrap_interval([20, 1, 0], [1000, 1000, 1000], seed=7)
    assert first is not None and first[0] < 2.0 and first[1] > 10.0
    equal = cluster_bootstrap_interval([5, 5, 5], [1000, 1000, 1000])
    assert equal == pytest.approx((5.0, 5.0))
    assert cluster_bootstrap_interval([5], [1000]) is None
    assert cluster_bootstrap_interval([5, 3], [1000, 0]) is None  # a cluster without words does not count

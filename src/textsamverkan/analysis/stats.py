"""Statistics for comparing groups: exact Poisson rate intervals, tests of association, FDR correction.

scipy is imported inside the functions (it is an optional, heavier dependency).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textsamverkan.errors import E_MISSING_PACKAGE, UserError

DEFAULT_PERMUTATIONS = 10_000
DEFAULT_SEED = 20_201
MIN_EXPECTED = 5.0


def _scipy_stats() -> Any:
    try:
        from scipy import stats
    except ImportError as exc:  # pragma: no cover - scipy is in the nlp extra
        raise UserError(
            E_MISSING_PACKAGE,
            "the comparison statistics need scipy, which is not installed",
            "Install it with: pip install 'scipy>=1.11' (or pip install 'textsamverkan[nlp]').",
        ) from exc
    return stats


def poisson_interval(count: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Garwood) confidence interval for a Poisson count: chi-square quantiles of 2k and 2k+2 degrees."""
    if count < 0:
        raise ValueError("count must be non-negative")
    stats = _scipy_stats()
    alpha = 1.0 - confidence
    low = 0.0 if count == 0 else float(stats.chi2.ppf(alpha / 2, 2 * count)) / 2
    high = float(stats.chi2.ppf(1 - alpha / 2, 2 * count + 2)) / 2
    return low, high


@dataclass(frozen=True)
class Rate:
    """A count per `per` words with its exact interval; None where there are no words to divide by."""

    count: int
    words: int
    rate: float | None
    low: float | None
    high: float | None


def rate_with_interval(count: int, words: int, *, per: float = 1000.0, confidence: float = 0.95) -> Rate:
    """`count` per `per` words, and the Garwood interval scaled the same way."""
    if words <= 0:
        return Rate(count, words, None, None, None)
    low, high = poisson_interval(count, confidence)
    scale = per / words
    return Rate(count, words, count * scale, low * scale, high * scale)


@dataclass(frozen=True)
class TestResult:
    """The outcome of one test of association between group and coded/not coded.

    `method` is "chi-square", "fisher-exact", "monte-carlo chi-square" or "not tested"; `note` says why that
    method was chosen (or why no test was possible) in words fit for a table.
    """

    method: str
    statistic: float | None
    df: int | None
    p_value: float | None
    cramers_v: float | None
    min_expected: float | None
    groups: int
    note: str


def association_test(
    coded: Sequence[int],
    totals: Sequence[int],
    *,
    min_expected: float = MIN_EXPECTED,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
) -> TestResult:
    """Test whether being coded depends on the group, from per-group coded counts and unit totals.

    The table is groups × (coded, not coded). Pearson's chi-square (no continuity correction) where every
    expected count is at least `min_expected`; otherwise Fisher's exact test for two groups, and for more groups
    a Monte-Carlo permutation chi-square: tables with the same margins drawn from the multivariate
    hypergeometric distribution (`permutations` draws, fixed `seed`), p = (1 + #{X² ≥ observed}) / (1 + draws).
    Groups with no units are left out.
    """
    if len(coded) != len(totals):
        raise ValueError("coded and totals must have the same length")
    pairs = [(int(c), int(t)) for c, t in zip(coded, totals, strict=True) if t > 0]
    if any(c < 0 or c > t for c, t in pairs):
        raise ValueError("each coded count must lie between 0 and its group's total")
    k = len(pairs)
    n = sum(t for _, t in pairs)
    m = sum(c for c, _ in pairs)
    if k < 2:
        return TestResult("not tested", None, None, None, None, None, k, "fewer than two groups with units")
    if m == 0 or m == n:
        state = "no unit is coded" if m == 0 else "every unit is coded"
        return TestResult("not tested", None, None, None, None, None, k, f"{state}: nothing to compare")
    expected = [(t * m / n, t * (n - m) / n) for _, t in pairs]
    smallest = min(min(e) for e in expected)
    statistic = _pearson(pairs, m, n)
    df = k - 1
    v = math.sqrt(statistic / n)  # Cramér's V for a k × 2 table: min(k, 2) - 1 = 1
    stats = _scipy_stats()
    if smallest >= min_expected:
        p = float(stats.chi2.sf(statistic, df))
        return TestResult("chi-square", statistic, df, p, v, smallest, k,
                          f"Pearson chi-square, df={df}; smallest expected count {smallest:.3g}")
    if k == 2:
        (a, n1), (b, n2) = pairs
        _, p_fisher = stats.fisher_exact([[a, n1 - a], [b, n2 - b]], alternative="two-sided")
        return TestResult("fisher-exact", statistic, df, float(p_fisher), v, smallest, k,
                          f"Fisher's exact test (two-sided): smallest expected count {smallest:.3g} < "
                          f"{min_expected:g}")
    p_mc = _permutation_p(pairs, m, n, statistic, permutations, seed)
    return TestResult("monte-carlo chi-square", statistic, df, p_mc, v, smallest, k,
                      f"Monte-Carlo permutation chi-square, {permutations} tables with fixed margins, seed {seed} "
                      f"(p ≥ {1 / (permutations + 1):.2g}): smallest expected count {smallest:.3g} < {min_expected:g}")


def _pearson(pairs: Sequence[tuple[int, int]], m: int, n: int) -> float:
    total = 0.0
    for c, t in pairs:
        for observed, column in ((c, m), (t - c, n - m)):
            e = t * column / n
            total += (observed - e) ** 2 / e
    return total


def _permutation_p(
    pairs: Sequence[tuple[int, int]], m: int, n: int, observed: float, draws: int, seed: int
) -> float:
    import numpy as np

    rng = np.random.default_rng(seed)
    totals = np.array([t for _, t in pairs], dtype=np.int64)
    expected_c = totals * m / n
    expected_u = totals * (n - m) / n
    hits = 0
    done = 0
    batch = 2000
    while done < draws:
        size = min(batch, draws - done)
        c = rng.multivariate_hypergeometric(totals, m, size=size)
        u = totals - c
        x2 = ((c - expected_c) ** 2 / expected_c).sum(axis=1) + ((u - expected_u) ** 2 / expected_u).sum(axis=1)
        hits += int((x2 >= observed - 1e-9 * max(1.0, observed)).sum())
        done += size
    return (1 + hits) / (1 + draws)


def benjamini_hochberg(p_values: Sequence[float | None]) -> list[float | None]:
    """Benjamini–Hochberg adjusted p-values (false discovery rate); None entries stay None and are not counted."""
    indexed = [(p, i) for i, p in enumerate(p_values) if p is not None]
    adjusted: list[float | None] = [None] * len(p_values)
    m = len(indexed)
    running = 1.0
    for rank, (p, i) in reversed(list(enumerate(sorted(indexed), start=1))):
        running = min(running, p * m / rank)
        adjusted[i] = min(1.0, running)
    return adjusted


def cluster_permutation_test(
    cluster_group: Sequence[int],
    cluster_coded: Sequence[int],
    cluster_totals: Sequence[int],
    *,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
) -> TestResult:
    """Association test when units come in clusters nested in groups (documents by the same author or speaker).

    Documents of one author are not independent, and one prolific author can make a region look different.
    So each cluster counts once: its share of coded units. The statistic is η², the part of the variance of
    the clusters' shares that lies between groups; group labels are permuted among clusters (`permutations`
    times, fixed `seed`) and p = (1 + #{η² ≥ observed}) / (1 + permutations). `cluster_group[i]` is the group
    index of cluster i; clusters without units are left out.
    """
    import numpy as np

    if not len(cluster_group) == len(cluster_coded) == len(cluster_totals):
        raise ValueError("cluster_group, cluster_coded and cluster_totals must have the same length")
    keep = [i for i, t in enumerate(cluster_totals) if t > 0]
    labels = np.asarray([cluster_group[i] for i in keep], dtype=np.int64)
    shares = np.asarray([cluster_coded[i] / cluster_totals[i] for i in keep], dtype=np.float64)
    k = len(set(labels.tolist()))
    if k < 2:
        return TestResult("not tested", None, None, None, None, None, k, "fewer than two groups with units")
    total_ss = float(((shares - shares.mean()) ** 2).sum())
    if total_ss == 0.0:
        return TestResult("not tested", None, None, None, None, None, k,
                          "every cluster has the same share of coded units: nothing to compare")
    groups = int(labels.max()) + 1
    sizes = np.bincount(labels, minlength=groups).astype(np.float64)
    present = sizes > 0
    grand = float(shares.mean())

    def between(label_rows: Any) -> Any:
        rows = label_rows.shape[0]
        offsets = label_rows + groups * np.arange(rows)[:, None]
        sums = np.bincount(offsets.ravel(), weights=np.tile(shares, rows), minlength=rows * groups)
        sums = sums.reshape(rows, groups)[:, present]
        n = sizes[present]
        return ((sums / n - grand) ** 2 * n).sum(axis=1)

    observed = float(between(labels[None, :])[0])
    rng = np.random.default_rng(seed)
    hits = done = 0
    while done < permutations:
        size = min(1000, permutations - done)
        shuffled = rng.permuted(np.tile(labels, (size, 1)), axis=1)
        hits += int((between(shuffled) >= observed - 1e-12 * max(1.0, observed)).sum())
        done += size
    p = (1 + hits) / (1 + permutations)
    return TestResult("cluster permutation", observed / total_ss, k - 1, p, None, None, k,
                      f"statistic: η² of the {len(keep)} clusters' coded shares (each cluster counts once); group "
                      f"labels permuted among clusters, {permutations} permutations, seed {seed} "
                      f"(p ≥ {1 / (permutations + 1):.2g})")


DEFAULT_BOOTSTRAP = 1000


def cluster_bootstrap_interval(
    counts: Sequence[int],
    words: Sequence[int],
    *,
    per: float = 1000.0,
    confidence: float = 0.95,
    replicates: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
) -> tuple[float, float] | None:
    """A percentile bootstrap interval of a rate whose units come in clusters (documents, or authors).

    `counts[i]` and `words[i]` are the coded passages and words of cluster i. Whole clusters are drawn with
    replacement (`replicates` times, fixed `seed`) and the rate sum(counts) / sum(words) recomputed, so 21 passages
    from two documents get an interval as wide as those two documents differ, not one that treats every passage as
    independent. None where there are fewer than two clusters with words (a bootstrap over one cluster says nothing).
    """
    import numpy as np

    if len(counts) != len(words):
        raise ValueError("counts and words must have the same length")
    pairs = [(c, w) for c, w in zip(counts, words, strict=True) if w > 0]
    if len(pairs) < 2:
        return None
    c = np.asarray([p[0] for p in pairs], dtype=np.float64)
    w = np.asarray([p[1] for p in pairs], dtype=np.float64)
    rng = np.random.default_rng(seed)
    rates: list[Any] = []
    done = 0
    while done < replicates:
        size = min(500, replicates - done)
        draws = rng.integers(0, len(pairs), size=(size, len(pairs)))
        rates.append(c[draws].sum(axis=1) / w[draws].sum(axis=1) * per)
        done += size
    values = np.concatenate(rates)
    alpha = 1.0 - confidence
    low, high = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)

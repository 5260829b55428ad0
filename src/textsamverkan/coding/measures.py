"""Agreement measures and intervals on plain counts: % agreement, Cohen's kappa, Krippendorff's alpha (nominal),
Brennan & Prediger's kappa, and Wilson / exact (Clopper–Pearson) intervals for a proportion.

Kappa follows Cohen (1960) as scikit-learn's `cohen_kappa_score` computes it; alpha follows Krippendorff (2011),
"Computing Krippendorff's Alpha-Reliability", from the coincidence matrix (any number of coders, missing values).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence

Z95 = 1.959963984540054


def percent_agreement(both: int, a_only: int, b_only: int, neither: int) -> float | None:
    """Share of units on which the two coders agree (coded by both or by neither)."""
    n = both + a_only + b_only + neither
    return (both + neither) / n if n else None


def cohen_kappa(both: int, a_only: int, b_only: int, neither: int) -> float | None:
    """Cohen's kappa of a 2 × 2 table; None when chance agreement is total (nothing to agree on)."""
    return cohen_kappa_matrix([[neither, b_only], [a_only, both]])


def cohen_kappa_matrix(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cohen's kappa of a square confusion matrix (rows: coder A's category, columns: coder B's)."""
    k = len(matrix)
    n = sum(sum(row) for row in matrix)
    if n == 0:
        return None
    observed = sum(matrix[i][i] for i in range(k)) / n
    rows = [sum(matrix[i]) / n for i in range(k)]
    cols = [sum(matrix[i][j] for i in range(k)) / n for j in range(k)]
    expected = sum(r * c for r, c in zip(rows, cols, strict=True))
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def cohen_kappa_labels(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two coders' labels for the same units (nominal, any number of categories)."""
    if len(a) != len(b):
        raise ValueError("both coders must label the same units")
    labels = sorted({*a, *b}, key=repr)
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for x, y in zip(a, b, strict=True):
        matrix[index[x]][index[y]] += 1
    return cohen_kappa_matrix(matrix)


def alpha_from_coincidences(coincidences: Mapping[tuple[Hashable, Hashable], float]) -> float | None:
    """Krippendorff's alpha (nominal) from a coincidence matrix {(c, k): o_ck}; None when there is no variation."""
    totals: dict[Hashable, float] = defaultdict(float)
    for (c, _), value in coincidences.items():
        totals[c] += value
    n = sum(totals.values())
    if n <= 1:
        return None
    disagreement = sum(v for (c, k), v in coincidences.items() if c != k)
    expected = n * n - sum(t * t for t in totals.values())  # sum over c != k of n_c * n_k
    if expected <= 0:
        return None
    return 1.0 - (n - 1) * disagreement / expected


def krippendorff_alpha_nominal(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data: rows are coders, columns units, None a missing value.

    Units with fewer than two values are left out, as Krippendorff prescribes.
    """
    if not data:
        return None
    width = len(data[0])
    if any(len(row) != width for row in data):
        raise ValueError("every coder's row must have one value per unit")
    coincidences: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for u in range(width):
        values = [row[u] for row in data if row[u] is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    coincidences[(c, k)] += pairs / (m - 1)
    return alpha_from_coincidences(coincidences)


def alpha_from_table(both: int, a_only: int, b_only: int, neither: int) -> float | None:
    """Krippendorff's alpha (nominal) of two coders' binary decisions (coded or not) on every unit."""
    return alpha_from_coincidences({
        (1, 1): 2.0 * both, (0, 0): 2.0 * neither, (1, 0): float(a_only + b_only), (0, 1): float(a_only + b_only),
    })


def brennan_prediger(observed: float | None, categories: int) -> float | None:
    """Brennan & Prediger's (1981) kappa: chance agreement fixed at 1 / categories (MAXQDA's segment kappa)."""
    if observed is None or categories < 2:
        return None
    chance = 1.0 / categories
    return (observed - chance) / (1.0 - chance)


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for a proportion (95 % by default); None when n is 0."""
    if n <= 0:
        return None
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def exact_interval(successes: int, n: int, level: float = 0.95) -> tuple[float, float] | None:
    """Clopper–Pearson ("exact") interval for a proportion; None when n is 0."""
    if n <= 0:
        return None
    from scipy.stats import beta

    tail = (1 - level) / 2
    low = 0.0 if successes == 0 else float(beta.ppf(tail, successes, n - successes + 1))
    high = 1.0 if successes == n else float(beta.ppf(1 - tail, successes + 1, n - successes))
    return low, high

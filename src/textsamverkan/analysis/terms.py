"""Distinctive terms per group: log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

Each group is compared with all other groups together. With y_w the term's count in the group, n the group's
tokens, and the rest of the corpus written with a prime, the prior gives each term a pseudo-count
α_w = α0 · π_w, where π_w is the term's share of a background (by default the pooled counts of all groups):

    δ_w = log((y_w + α_w) / (n + α0 − y_w − α_w)) − log((y'_w + α_w) / (n' + α0 − y'_w − α_w))
    σ²_w ≈ 1 / (y_w + α_w) + 1 / (y'_w + α_w)          z_w = δ_w / σ_w

A z above 1.96 marks a term used clearly more in the group than elsewhere; the prior keeps rare terms from
dominating the way raw log-odds let them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textsamverkan.analysis.groups import Unit, UnitKey, build_units, parse_keys
from textsamverkan.analysis.types import DocInfo

DEFAULT_ALPHA0 = 1000.0
_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?", re.UNICODE)

TERM_COLUMNS = ["group", "term", "count", "count_rest", "per_1000", "per_1000_rest", "log_odds", "z"]


def distinctive_terms(
    counts: Mapping[str, Mapping[str, int]],
    *,
    background: Mapping[str, int] | None = None,
    alpha0: float = DEFAULT_ALPHA0,
    top: int = 15,
    min_count: int = 3,
) -> list[dict[str, Any]]:
    """The `top` terms with the highest z per group (each group against the rest), as rows for a table.

    `counts` maps each group to its term counts (tokens or lemmas). `background` gives the prior's term shares
    (default: the pooled counts); `alpha0` is the prior's total pseudo-count. Terms seen fewer than `min_count`
    times in the group are left out. Only terms with z > 0 (over-represented in the group) are returned.
    """
    pooled: Counter[str] = Counter()
    for group_counts in counts.values():
        pooled.update({t: c for t, c in group_counts.items() if c > 0})
    prior_counts = Counter({t: c for t, c in (background or pooled).items() if c > 0})
    prior_total = sum(prior_counts.values())
    total = sum(pooled.values())
    rows: list[dict[str, Any]] = []
    for group in sorted(counts):
        own = counts[group]
        n = sum(c for c in own.values() if c > 0)
        n_rest = total - n
        scored: list[dict[str, Any]] = []
        for term, y in own.items():
            if y < min_count:
                continue
            share = prior_counts.get(term, 0) / prior_total if prior_total else 0.0
            alpha = alpha0 * share
            if alpha <= 0:  # a term absent from the background gets the smallest prior seen, not zero
                alpha = alpha0 / max(1, prior_total)
            y_rest = pooled[term] - y
            delta = _log_odds(y, n, alpha, alpha0) - _log_odds(y_rest, n_rest, alpha, alpha0)
            z = delta / math.sqrt(1 / (y + alpha) + 1 / (y_rest + alpha))
            if z <= 0:
                continue
            scored.append({
                "group": group,
                "term": term,
                "count": y,
                "count_rest": y_rest,
                "per_1000": round(1000 * y / n, 3) if n else None,
                "per_1000_rest": round(1000 * y_rest / n_rest, 3) if n_rest else None,
                "log_odds": round(delta, 4),
                "z": round(z, 3),
            })
        scored.sort(key=lambda r: (-r["z"], r["term"]))
        rows.extend(scored[:top])
    return rows


def _log_odds(y: float, n: float, alpha: float, alpha0: float) -> float:
    return math.log((y + alpha) / max(n + alpha0 - y - alpha, 1e-12))


def group_term_counts(
    unit_counts: Mapping[str, Mapping[str, int]] | Mapping[UnitKey, Mapping[str, int]],
    docs: Sequence[DocInfo],
    by: str | Sequence[str],
) -> dict[str, Counter[str]]:
    """Sum per-document term counts (keyed by doc_id, or by (doc_id, speaker) for speaker keys) into groups.

    Group names are the key values joined by " × ", as in the comparison table.
    """
    keys = parse_keys(by, docs)
    units, _ = build_units(docs, [], keys)
    groups: dict[str, Counter[str]] = {}
    for raw_key, term_counts in unit_counts.items():
        key: UnitKey = raw_key if isinstance(raw_key, tuple) else (raw_key, None)
        unit: Unit | None = units.get(key)
        if unit is None:
            continue
        groups.setdefault(" × ".join(unit.group), Counter()).update(term_counts)
    return groups


def simple_term_counts(text: str, *, stopwords: Iterable[str] = (), min_length: int = 2) -> Counter[str]:
    """Lower-cased word counts from a text, without stopwords: a stand-in where no lemma layer is stored."""
    stop = {w.casefold() for w in stopwords}
    return Counter(w for w in _WORD.findall(text.casefold()) if len(w) >= min_length and w not in stop)

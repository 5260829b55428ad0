"""Agreement between two codings (coder A and coder B), per code and overall, the way QDA tools measure it.

Units:
- "character" (NVivo's coding comparison): every character of every document is a unit, coded with a code when a
  selection with that code covers it. Counted from merged intervals, never character by character.
- "sentence" / "passage": the given spans (`segments`) are the units; a unit is coded with a code when a
  selection with that code overlaps it by at least one character.
- "segment" (MAXQDA's segment agreement): each coder's coded segments are the units; a segment of A and one of B
  with the same code match when their overlap (intersection / union) reaches `min_overlap` (MAXQDA's default
  90 %). Matched pairs count as agreements, unmatched segments as disagreements; there is no "coded by neither"
  cell, so Cohen's kappa and alpha are undefined and Brennan & Prediger's kappa (chance = 1 / number of codes) is
  given instead, as MAXQDA does.

`exclude_uncoded` leaves out text that nobody coded with any code (characters or spans), which users of NVivo ask
for because long uncoded stretches inflate % agreement.

Measures per code: % agreement, Cohen's kappa, Krippendorff's alpha (nominal, two coders), and precision, recall
and F1 of B with A as the reference. The "(all codes)" row pools the unit × code decisions of every code.
Intervals: a seeded percentile bootstrap (default 1,000 replicates) that resamples documents (units within a
document are not independent), or units when asked (optimistic; it treats every character as independent).
"""

from __future__ import annotations

import bisect
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textsamverkan.coding.measures import (
    alpha_from_table,
    brennan_prediger,
    cohen_kappa,
    percent_agreement,
)
from textsamverkan.errors import E_MALFORMED, E_OPTION, UserError
from textsamverkan.export.qda_types import Coding

Unit = Literal["character", "sentence", "passage", "segment"]
UNITS: tuple[Unit, ...] = ("character", "sentence", "passage", "segment")
Resample = Literal["documents", "units"]
Interval = tuple[int, int]
ALL_CODES = "(all codes)"
COLUMNS = [
    "code", "unit", "coder_a", "coder_b", "units", "both", "only_a", "only_b", "neither", "percent_agreement",
    "percent_low", "percent_high", "kappa", "kappa_low", "kappa_high", "alpha", "alpha_low", "alpha_high",
    "kappa_bp", "precision", "recall", "f1", "documents",
]


@dataclass(frozen=True)
class Counts:
    """A 2 × 2 agreement table: units coded by both, by A only, by B only, by neither."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b,
                      self.neither + other.neither)

    @property
    def total(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.both, self.only_a, self.only_b, self.neither)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same characters (touching ones joined, empty ones dropped)."""
    merged: list[list[int]] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def covered(intervals: Sequence[Interval]) -> int:
    return sum(e - s for s, e in intervals)


def intersect(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """The intervals covered by both merged lists."""
    i = j = 0
    out: list[Interval] = []
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if high > low:
            out.append((low, high))
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _overlaps(merged: Sequence[Interval], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether a merged interval list overlaps [start, end) by at least one character."""
    i = bisect.bisect_left(starts, end)  # intervals starting before `end`
    return i > 0 and merged[i - 1][1] > start


def unit_counts(
    a: Sequence[Coding],
    b: Sequence[Coding],
    *,
    unit: Unit = "character",
    lengths: Mapping[str, int] | None = None,
    segments: Mapping[str, Sequence[Interval]] | None = None,
    codes: Sequence[str] | None = None,
    exclude_uncoded: bool = False,
    min_overlap: float = 0.9,
) -> dict[str, dict[str, Counts]]:
    """The agreement table of each code in each document: {code: {document: Counts}}.

    Character units need each document's length in `lengths` (documents nobody coded count too, as uncoded text;
    a coded document without a length is taken to end where its last selection ends). Sentence and passage units
    need `segments` for every coded document.
    """
    if unit not in UNITS:
        raise UserError(E_OPTION, f"unknown unit '{unit}'", f"Choose one of: {', '.join(UNITS)}.")
    code_list = list(codes) if codes is not None else sorted({c.code for c in (*a, *b)})
    a_by = _by_doc_code(a)
    b_by = _by_doc_code(b)
    if unit == "segment":
        if not 0 < min_overlap <= 1:
            raise UserError(E_OPTION, f"min_overlap must be above 0 and at most 1, not {min_overlap}",
                            "MAXQDA's default is 0.9 (90 % overlap).")
        docs = sorted({c.source for c in (*a, *b)})
        return {code: {d: _segment_match(a_by[d].get(code, []), b_by[d].get(code, []), min_overlap) for d in docs}
                for code in code_list}
    if unit == "character":
        ends: dict[str, int] = defaultdict(int)
        for c in (*a, *b):
            ends[c.source] = max(ends[c.source], c.end)
        given = lengths or {}
        docs = sorted(set(given) | set(ends))
        out: dict[str, dict[str, Counts]] = {code: {} for code in code_list}
        for d in docs:
            length = max(given.get(d, 0), ends.get(d, 0))
            universe = (merge(iv for by in (a_by[d], b_by[d]) for ivs in by.values() for iv in ivs)
                        if exclude_uncoded else [(0, length)])
            size = covered(universe)
            for code in code_list:
                ma, mb = merge(a_by[d].get(code, [])), merge(b_by[d].get(code, []))
                both = covered(intersect(ma, mb))
                ca, cb = covered(ma), covered(mb)
                out[code][d] = Counts(both, ca - both, cb - both, size - (ca + cb - both))
        return out
    if segments is None:
        raise UserError(E_MALFORMED, f"{unit} units need the {unit} spans of every document",
                        "Pass segments (e.g. the stored sentence spans per document), or use character units.")
    missing = sorted({c.source for c in (*a, *b)} - set(segments))
    if missing:
        raise UserError(E_MALFORMED, f"no {unit} spans given for document(s) {', '.join(missing[:5])}",
                        f"Pass the {unit} spans of every coded document, or use character units.")
    out = {code: {} for code in code_list}
    for d in sorted(segments):
        spans = sorted(segments[d])
        merged = {side: {code: merge(ivs) for code, ivs in by[d].items()} for side, by in (("a", a_by), ("b", b_by))}
        starts = {side: {code: [s for s, _ in m] for code, m in per.items()} for side, per in merged.items()}
        if exclude_uncoded:
            anything = merge(iv for per in merged.values() for m in per.values() for iv in m)
            first = [s for s, _ in anything]
            spans = [sp for sp in spans if _overlaps(anything, first, *sp)]
        for code in code_list:
            counts = [0, 0, 0, 0]
            ma, mb = merged["a"].get(code, []), merged["b"].get(code, [])
            sa, sb = starts["a"].get(code, []), starts["b"].get(code, [])
            for start, end in spans:
                in_a, in_b = _overlaps(ma, sa, start, end), _overlaps(mb, sb, start, end)
                counts[0 if in_a and in_b else 1 if in_a else 2 if in_b else 3] += 1
            out[code][d] = Counts(*counts)
    return out


def _by_doc_code(codings: Sequence[Coding]) -> defaultdict[str, dict[str, list[Interval]]]:
    out: defaultdict[str, dict[str, list[Interval]]] = defaultdict(dict)
    for c in codings:
        out[c.source].setdefault(c.code, []).append((c.start, c.end))
    return out


def _segment_match(a: Sequence[Interval], b: Sequence[Interval], min_overlap: float) -> Counts:
    """One-to-one matching of A's and B's segments, best overlap first (ties by position)."""
    sa, sb = sorted(set(a)), sorted(set(b))
    pairs = []
    for i, (s1, e1) in enumerate(sa):
        for j, (s2, e2) in enumerate(sb):
            if s2 >= e1:
                break
            inter = min(e1, e2) - max(s1, s2)
            if inter <= 0:
                continue
            share = inter / (max(e1, e2) - min(s1, s2))
            if share >= min_overlap:
                pairs.append((-share, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    matched = len(used_a)
    return Counts(matched, len(sa) - matched, len(sb) - matched, 0)


def compare_codings(
    a: Sequence[Coding],
    b: Sequence[Coding],
    *,
    unit: Unit = "character",
    lengths: Mapping[str, int] | None = None,
    segments: Mapping[str, Sequence[Interval]] | None = None,
    codes: Sequence[str] | None = None,
    exclude_uncoded: bool = False,
    min_overlap: float = 0.9,
    coder_a: str = "A",
    coder_b: str = "B",
    bootstrap: int = 1000,
    resample: Resample = "documents",
    seed: int = 0,
    level: float = 0.95,
) -> list[dict[str, Any]]:
    """One row per code and a pooled "(all codes)" row comparing coding `b` with coding `a` (see the module
    docstring). `bootstrap=0` leaves the intervals out."""
    if resample not in ("documents", "units"):
        raise UserError(E_OPTION, f"resample must be 'documents' or 'units', not '{resample}'",
                        "Resample documents unless you have a single document.")
    tables = unit_counts(a, b, unit=unit, lengths=lengths, segments=segments, codes=codes,
                         exclude_uncoded=exclude_uncoded, min_overlap=min_overlap)
    code_list = list(tables)
    docs = sorted({d for per in tables.values() for d in per})
    rows = []
    for code in [*code_list, ALL_CODES]:
        per_doc = ([sum((tables[c].get(d, Counts()) for c in code_list), Counts()) for d in docs]
                   if code == ALL_CODES else [tables[code].get(d, Counts()) for d in docs])
        total = sum(per_doc, Counts())
        row = _row(code, unit, coder_a, coder_b, total, len(code_list), len(docs))
        if bootstrap > 0:
            _intervals(row, per_doc, unit, len(code_list), bootstrap, resample, seed, level)
        rows.append(row)
    return rows


def measures(counts: Counts, unit: Unit, categories: int) -> dict[str, float | None]:
    """% agreement, kappa, alpha and Brennan–Prediger kappa of one table, as `compare_codings` reports them."""
    both, only_a, only_b, _ = counts.as_tuple()
    if unit == "segment":
        n = both + only_a + only_b
        observed = both / n if n else None
        return {"percent_agreement": observed, "kappa": None, "alpha": None,
                "kappa_bp": brennan_prediger(observed, max(categories, 2))}
    return {"percent_agreement": percent_agreement(*counts.as_tuple()), "kappa": cohen_kappa(*counts.as_tuple()),
            "alpha": alpha_from_table(*counts.as_tuple()), "kappa_bp": None}


def _row(code: str, unit: Unit, coder_a: str, coder_b: str, counts: Counts, categories: int,
         documents: int) -> dict[str, Any]:
    values = measures(counts, unit, categories)
    both, only_a, only_b, neither = counts.as_tuple()
    precision = both / (both + only_b) if both + only_b else None
    recall = both / (both + only_a) if both + only_a else None
    f1 = (2 * precision * recall / (precision + recall) if precision and recall
          else 0.0 if precision is not None and recall is not None else None)
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update({"code": code, "unit": unit, "coder_a": coder_a, "coder_b": coder_b, "units": counts.total,
                "both": both, "only_a": only_a, "only_b": only_b, "neither": neither, "precision": precision,
                "recall": recall, "f1": f1, "documents": documents, **values})
    return row


def _intervals(row: dict[str, Any], per_doc: Sequence[Counts], unit: Unit, categories: int, replicates: int,
               resample: Resample, seed: int, level: float) -> None:
    import numpy as np

    rng = np.random.default_rng([seed, zlib.crc32(str(row["code"]).encode("utf-8"))])
    table = np.array([c.as_tuple() for c in per_doc], dtype=np.float64).reshape(-1, 4)
    if resample == "documents":
        if len(table) < 2:
            return
        picks = rng.integers(0, len(table), size=(replicates, len(table)))
        sums = table[picks].sum(axis=1)
    else:
        total = table.sum(axis=0)
        n = int(total.sum())
        if n == 0:
            return
        sums = rng.multinomial(n, total / n, size=replicates).astype(np.float64)
    stats = _vector_measures(sums, unit, categories)
    tail = (1 - level) / 2 * 100
    for name, prefix in (("percent_agreement", "percent"), ("kappa", "kappa"), ("alpha", "alpha")):
        values = stats[name]
        finite = values[np.isfinite(values)]
        if row[name] is None or finite.size < replicates * 0.5:
            continue
        row[f"{prefix}_low"] = float(np.percentile(finite, tail))
        row[f"{prefix}_high"] = float(np.percentile(finite, 100 - tail))


def _vector_measures(sums: Any, unit: Unit, categories: int) -> dict[str, Any]:
    import numpy as np

    both, only_a, only_b, neither = sums[:, 0], sums[:, 1], sums[:, 2], sums[:, 3]
    with np.errstate(divide="ignore", invalid="ignore"):
        if unit == "segment":
            observed = both / (both + only_a + only_b)
            nan = np.full_like(observed, np.nan)
            return {"percent_agreement": observed, "kappa": nan, "alpha": nan}
        n = sums.sum(axis=1)
        observed = (both + neither) / n
        pa, pb = (both + only_a) / n, (both + only_b) / n
        expected = pa * pb + (1 - pa) * (1 - pb)
        kappa = np.where(expected < 1, (observed - expected) / (1 - expected), np.nan)
        d = only_a + only_b
        n0, n1 = 2 * neither + d, 2 * both + d
        alpha = np.where(n0 * n1 > 0, 1 - (2 * n - 1) * d / (n0 * n1), np.nan)
    return {"percent_agreement": observed, "kappa": kappa, "alpha": alpha}

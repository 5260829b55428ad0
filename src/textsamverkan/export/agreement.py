"""Agreement between two coding sets (e.g. a researcher's QDA coding and the automatic coding), per code.

Units, chosen because coders rarely select the same characters but do agree on which text is about what:
- "character" (default): every character of every source is a unit; a unit is coded with a code when some
  selection with that code covers it. Counts are computed from merged intervals, not character by character.
- "segment": pass `segments` (e.g. the stored sentence spans per source); a segment is coded with a code when a
  selection with that code overlaps it by at least one character.

Per code, with the first set as the reference: precision = both / coded by the other set, recall = both / coded
by the reference, F1, and Cohen's kappa over all units (coded or not by each set). A row "(all codes)" pools
the counts of every code (micro average).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textsamverkan.analysis.types import CodedPassage
from textsamverkan.errors import E_MALFORMED, UserError
from textsamverkan.export.qda_types import Coding

ALL_CODES = "(all codes)"
AGREEMENT_COLUMNS = [
    "code", "unit", "units", "both", "reference_only", "other_only", "neither", "precision", "recall", "f1",
    "kappa",
]
Interval = tuple[int, int]


def passage_codings(passages: Iterable[CodedPassage], code_names: Mapping[str, str] | None = None) -> list[Coding]:
    """Coded passages as a coding set comparable with one read from a QDA project: the source is the document id
    (the name `write_passages_qdpx` gives each source) and the code is the theme's name in `code_names`."""
    names = code_names or {}
    return sorted({Coding(p.doc_id, p.start, p.end, names.get(p.theme, p.theme)) for p in passages})


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same characters (touching ones joined)."""
    merged: list[list[int]] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def covered(intervals: Sequence[Interval]) -> int:
    return sum(e - s for s, e in intervals)


def intersection(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Characters covered by both merged interval lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if high > low:
            total += high - low
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def agreement(
    reference: Sequence[Coding],
    other: Sequence[Coding],
    *,
    lengths: Mapping[str, int] | None = None,
    segments: Mapping[str, Sequence[Interval]] | None = None,
    codes: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """One row per code (and a pooled row) comparing `other` with `reference`; see the module docstring.

    Character units need each source's length in `lengths` (a source without one is taken to end where its
    last selection ends, which leaves uncoded text after it out of kappa). Segment units need `segments` for
    every coded source.
    """
    code_list = list(codes) if codes is not None else sorted({c.code for c in (*reference, *other)})
    counts: dict[str, list[int]] = {}
    for code in code_list:
        ref = [c for c in reference if c.code == code]
        oth = [c for c in other if c.code == code]
        if segments is not None:
            counts[code] = _segment_counts(ref, oth, segments, [*reference, *other])
        else:
            counts[code] = _character_counts(ref, oth, lengths or {}, [*reference, *other])
    unit = "segment" if segments is not None else "character"
    rows = [_row(code, unit, *counts[code]) for code in code_list]
    pooled = [sum(counts[c][i] for c in code_list) for i in range(4)]
    rows.append(_row(ALL_CODES, unit, *pooled))
    return rows


def _character_counts(
    ref: Sequence[Coding], oth: Sequence[Coding], lengths: Mapping[str, int], every: Sequence[Coding]
) -> list[int]:
    ends: dict[str, int] = defaultdict(int)
    for c in every:
        ends[c.source] = max(ends[c.source], c.end)
    sources = sorted(set(lengths) | set(ends))
    ref_by, oth_by = _by_source(ref), _by_source(oth)
    both = ref_only = oth_only = neither = 0
    for source in sources:
        total = max(lengths.get(source, 0), ends.get(source, 0))
        a = merge(ref_by.get(source, []))
        b = merge(oth_by.get(source, []))
        common = intersection(a, b)
        both += common
        ref_only += covered(a) - common
        oth_only += covered(b) - common
        neither += total - covered(a) - covered(b) + common
    return [both, ref_only, oth_only, neither]


def _segment_counts(
    ref: Sequence[Coding], oth: Sequence[Coding], segments: Mapping[str, Sequence[Interval]], every: Sequence[Coding]
) -> list[int]:
    missing = sorted({c.source for c in every} - set(segments))
    if missing:
        raise UserError(E_MALFORMED, f"no segments given for source(s) {', '.join(missing[:5])}",
                        "Pass the segments (e.g. sentence spans) of every coded source, or use character units.")
    ref_by, oth_by = _by_source(ref), _by_source(oth)
    both = ref_only = oth_only = neither = 0
    for source, units in sorted(segments.items()):
        a = ref_by.get(source, [])
        b = oth_by.get(source, [])
        for seg_start, seg_end in units:
            in_a = any(s < seg_end and e > seg_start for s, e in a)
            in_b = any(s < seg_end and e > seg_start for s, e in b)
            both += in_a and in_b
            ref_only += in_a and not in_b
            oth_only += in_b and not in_a
            neither += not in_a and not in_b
    return [both, ref_only, oth_only, neither]


def _by_source(codings: Sequence[Coding]) -> dict[str, list[Interval]]:
    out: dict[str, list[Interval]] = defaultdict(list)
    for c in codings:
        out[c.source].append((c.start, c.end))
    return out


def cohen_kappa(both: int, ref_only: int, oth_only: int, neither: int) -> float | None:
    """Cohen's kappa of a 2 × 2 agreement table; None when chance agreement is total (nothing to agree on)."""
    n = both + ref_only + oth_only + neither
    if n == 0:
        return None
    observed = (both + neither) / n
    p_ref = (both + ref_only) / n
    p_oth = (both + oth_only) / n
    expected = p_ref * p_oth + (1 - p_ref) * (1 - p_oth)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def _row(code: str, unit: str, both: int, ref_only: int, oth_only: int, neither: int) -> dict[str, Any]:
    precision = both / (both + oth_only) if both + oth_only else None
    recall = both / (both + ref_only) if both + ref_only else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (
        0.0 if precision is not None and recall is not None else None)
    kappa = cohen_kappa(both, ref_only, oth_only, neither)
    return {
        "code": code,
        "unit": unit,
        "units": both + ref_only + oth_only + neither,
        "both": both,
        "reference_only": ref_only,
        "other_only": oth_only,
        "neither": neither,
        "precision": _r(precision),
        "recall": _r(recall),
        "f1": _r(f1),
        "kappa": _r(kappa),
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

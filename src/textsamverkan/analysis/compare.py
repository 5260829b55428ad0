"""Compare groups (regions, periods, kinds, speakers, …) on coded themes.

Per group and theme: coded passages, words, passages per 1,000 words with an exact Poisson (Garwood) interval,
and the share of documents with at least one coded passage; each cell carries the ids of up to three example
passages so every number leads back to text. Because passages of one document (or one author) are not independent,
every rate also has a cluster-aware interval: the wider of the Poisson interval and a seeded bootstrap over
documents (or over the `cluster`, e.g. authors). Per theme: a test of association between group and coded/not coded
(chi-square, Fisher's exact test or a seeded Monte-Carlo permutation test where counts are small), with
Benjamini–Hochberg adjusted p-values across themes.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.analysis.groups import (
    NO_SPEAKER,
    UNKNOWN,
    Unit,
    UnitKey,
    build_units,
    by_speaker,
    parse_keys,
    unit_of,
)
from textsamverkan.analysis.stats import (
    DEFAULT_BOOTSTRAP,
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    MIN_EXPECTED,
    TestResult,
    association_test,
    benjamini_hochberg,
    cluster_bootstrap_interval,
    cluster_permutation_test,
    rate_with_interval,
)
from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import E_OPTION, UserError

GROUP_SEPARATOR = " × "
CELL_COLUMNS = [
    "group", "theme", "passages", "words", "per_1000", "per_1000_low", "per_1000_high",
    "per_1000_low_clustered", "per_1000_high_clustered",
    "documents", "documents_coded", "share_documents", "clusters", "clusters_coded", "examples",
]
TEST_COLUMNS = [
    "theme", "method", "statistic", "df", "p_value", "p_adjusted", "cramers_v", "groups", "units",
    "units_coded", "min_expected", "highest_group", "highest_share", "lowest_group", "lowest_share", "note",
]
GROUP_COLUMNS = ["group", "documents", "units", "words"]
THEME_COLUMNS = [
    "theme", "passages", "words", "per_1000", "per_1000_low", "per_1000_high", "per_1000_low_clustered",
    "per_1000_high_clustered", "documents", "documents_coded", "share_documents", "clusters", "clusters_coded",
    "examples",
]
NO_CLUSTER = ("none", "no", "off", "")


@dataclass
class Comparison:
    """The tables of one comparison, as lists of dicts ready for CSV, JSON, XLSX and the report."""

    keys: tuple[str, ...]
    cells: list[dict[str, Any]]
    tests: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    themes: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table by name, in the order an export writes them."""
        return {"comparison": self.cells, "tests": self.tests, "groups": self.groups, "themes": self.themes}

    def columns(self) -> dict[str, list[str]]:
        """The column order of each table (group key columns first)."""
        keys = list(self.keys) if len(self.keys) > 1 else []
        return {
            "comparison": [*keys, *CELL_COLUMNS],
            "tests": TEST_COLUMNS,
            "groups": [*keys, *GROUP_COLUMNS],
            "themes": THEME_COLUMNS,
        }


def compare(
    passages: Sequence[CodedPassage],
    docs: Sequence[DocInfo],
    *,
    by: str | Sequence[str] = "region",
    themes: Sequence[str] | None = None,
    confidence: float = 0.95,
    examples: int = 3,
    include_unknown: bool = True,
    min_expected: float = MIN_EXPECTED,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    cluster: str | None = None,
    min_documents: int = 1,
    bootstrap: int = DEFAULT_BOOTSTRAP,
) -> Comparison:
    """Compare the groups given by `by` (one key or several, e.g. "region,half") on each theme.

    `themes` fixes the themes and their order (themes never coded still get rows of zeros); by default the
    themes found in `passages`. Passages of documents not in `docs` are ignored (and noted). Identical passages
    (same document, offsets and theme) count once. With `include_unknown=False` units whose group value is
    unknown (no region, a date too coarse for the period) are left out.

    `cluster` (e.g. "author" from `DocInfo.extra`, or "speaker" with speaker keys) names who produced each unit;
    the tests then permute group labels among whole clusters, so one prolific author cannot make a group look
    different on their own; the clustered intervals draw whole clusters (documents when `cluster` is None), and
    `clusters`/`clusters_coded` count them per cell. Groups with fewer than `min_documents` documents keep their
    rows but are never named the highest or lowest group of a theme; groups tied at the top or bottom are named
    together ("tie: A, B").
    """
    keys = parse_keys(by, docs)
    notes: list[str] = []
    doc_ids = {d.doc_id for d in docs}
    kept, dropped = _clean_passages(passages, doc_ids, themes)
    notes.extend(dropped)
    theme_list = list(themes) if themes is not None else sorted({p.theme for p in kept})
    units, unit_notes = build_units(docs, kept, keys)
    notes.extend(unit_notes)
    speakerwise = by_speaker(keys)
    clusters = _clusters(docs, kept, keys, cluster) if cluster else None
    cluster_of: dict[UnitKey, str] = clusters or {k: k[0] for k in units}
    all_units = units
    if not include_unknown:
        before = len(units)
        units = {k: u for k, u in units.items() if UNKNOWN not in u.group}
        if before != len(units):
            notes.append(f"{before - len(units)} unit(s) with an unknown group value left out")

    group_units: dict[tuple[str, ...], list[Unit]] = defaultdict(list)
    for unit in units.values():
        group_units[unit.group].append(unit)
    group_order = sorted(group_units, key=_group_sort_key)

    by_cell: dict[tuple[tuple[str, ...], str], list[CodedPassage]] = defaultdict(list)
    coded_units: dict[tuple[tuple[str, ...], str], set[UnitKey]] = defaultdict(set)
    for p in kept:
        key = unit_of(p, speakerwise, all_units)
        found = units.get(key)
        if found is None:
            continue
        by_cell[(found.group, p.theme)].append(p)
        coded_units[(found.group, p.theme)].add(key)

    cells: list[dict[str, Any]] = []
    tests: list[dict[str, Any]] = []
    overall: list[dict[str, Any]] = []
    boot = _Bootstrap(cluster_of, speakerwise, all_units, confidence, bootstrap, seed)
    for theme in theme_list:
        theme_cells = [
            _cell_row(keys, group, theme, group_units[group], by_cell.get((group, theme), []),
                      coded_units.get((group, theme), set()), examples, boot)
            for group in group_order
        ]
        cells.extend(theme_cells)
        small = {GROUP_SEPARATOR.join(g) for g in group_order
                 if len({u.key[0] for u in group_units[g]}) < min_documents}
        tests.append(_test_row(theme, group_order, group_units, coded_units, theme_cells,
                               min_expected=min_expected, permutations=permutations, seed=seed,
                               speakerwise=speakerwise, clusters=clusters, small=small))
        overall.append(_theme_row(theme, units, by_cell, coded_units, examples, boot))
    for row, adjusted in zip(tests, benjamini_hochberg([t["p_value"] for t in tests]), strict=True):
        row["p_adjusted"] = _sig(adjusted)

    group_rows = []
    for group in group_order:
        members = group_units[group]
        row = _group_columns(keys, group)
        row.update({
            "documents": len({u.key[0] for u in members}),
            "units": len(members),
            "words": sum(u.words for u in members),
        })
        group_rows.append(row)
    settings = {
        "by": list(keys), "themes": theme_list, "confidence": confidence, "examples": examples,
        "include_unknown": include_unknown, "min_expected": min_expected, "permutations": permutations,
        "seed": seed, "unit": "speaker within document" if speakerwise else "document", "cluster": cluster,
        "intervals_over": cluster or "document", "bootstrap": bootstrap, "min_documents": min_documents,
    }
    return Comparison(keys, cells, tests, group_rows, overall, notes, settings)


def _cell_row(
    keys: Sequence[str],
    group: tuple[str, ...],
    theme: str,
    members: Sequence[Unit],
    passages: Sequence[CodedPassage],
    coded: set[UnitKey],
    examples: int,
    boot: _Bootstrap,
) -> dict[str, Any]:
    """One group × theme cell: passages, words, rate with interval, documents coded, example passage ids."""
    row = _group_columns(keys, group)
    row.update(_theme_columns(theme, passages, members, coded, examples, boot, salt=row["group"]))
    return row


def _clean_passages(
    passages: Sequence[CodedPassage], doc_ids: set[str], themes: Sequence[str] | None
) -> tuple[list[CodedPassage], list[str]]:
    """Passages of known documents and chosen themes, one per (document, offsets, theme), best score kept."""
    notes: list[str] = []
    wanted = set(themes) if themes is not None else None
    best: dict[tuple[str, int, int, str], CodedPassage] = {}
    outside = duplicates = 0
    for p in passages:
        if p.doc_id not in doc_ids:
            outside += 1
            continue
        if wanted is not None and p.theme not in wanted:
            continue
        key = (p.doc_id, p.start, p.end, p.theme)
        if key in best:
            duplicates += 1
            if p.score <= best[key].score:
                continue
        best[key] = p
    if outside:
        notes.append(f"{outside} passage(s) belong to documents outside the comparison; ignored")
    if duplicates:
        notes.append(f"{duplicates} duplicate passage(s) (same document, offsets and theme) counted once")
    kept = sorted(best.values(), key=lambda p: (p.doc_id, p.start, p.end, p.theme))
    return kept, notes


def _group_sort_key(group: tuple[str, ...]) -> tuple[tuple[bool, str], ...]:
    return tuple((value == UNKNOWN or value.startswith("("), value.casefold()) for value in group)


def _group_columns(keys: Sequence[str], group: tuple[str, ...]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    if len(keys) > 1:
        row.update(dict(zip(keys, group, strict=True)))
    row["group"] = GROUP_SEPARATOR.join(group)
    return row


def _examples(passages: Sequence[CodedPassage], limit: int) -> list[str]:
    ranked = sorted(passages, key=lambda p: (-p.score, p.doc_id, p.start, p.end))
    return [p.ref for p in ranked[:limit]]


def _test_row(
    theme: str,
    group_order: Sequence[tuple[str, ...]],
    group_units: dict[tuple[str, ...], list[Unit]],
    coded_units: dict[tuple[tuple[str, ...], str], set[UnitKey]],
    theme_cells: Sequence[dict[str, Any]],
    *,
    min_expected: float,
    permutations: int,
    seed: int,
    speakerwise: bool,
    clusters: dict[UnitKey, str] | None,
    small: set[str] | None = None,
) -> dict[str, Any]:
    coded = [len(coded_units.get((g, theme), set())) for g in group_order]
    totals = [len(group_units[g]) for g in group_order]
    if clusters is None:
        result = association_test(coded, totals, min_expected=min_expected, permutations=permutations, seed=seed)
    else:
        result = _cluster_test(theme, group_order, group_units, coded_units, clusters, permutations, seed)
    shares = [(c["share_documents"], c["group"]) for c in theme_cells
              if c["share_documents"] is not None and c["group"] not in (small or set())]
    highest = _extreme(shares, max)
    lowest = _extreme(shares, min)
    unit_word = "speakers within documents" if speakerwise else "documents"
    return {
        "theme": theme,
        "method": result.method,
        "statistic": _r(result.statistic),
        "df": result.df,
        "p_value": _sig(result.p_value),
        "p_adjusted": None,
        "cramers_v": _r(result.cramers_v),
        "groups": result.groups,
        "units": sum(totals),
        "units_coded": sum(coded),
        "min_expected": _r(result.min_expected),
        "highest_group": highest[1],
        "highest_share": highest[0],
        "lowest_group": lowest[1],
        "lowest_share": lowest[0],
        "note": f"{result.note}; units: {unit_word}"
        + (f"; {len(small)} group(s) below the minimum size not ranked highest or lowest" if small else ""),
    }


TIE_NAMES = 3


def tie_label(groups: Sequence[str]) -> str:
    """One group's name, or the tied groups named as a tie: "tie: A, B" or "tie of 12 groups: A, B, C, …"."""
    if len(groups) == 1:
        return groups[0]
    if len(groups) <= TIE_NAMES:
        return "tie: " + ", ".join(groups)
    return f"tie of {len(groups)} groups: " + ", ".join(groups[:TIE_NAMES]) + ", …"


def _extreme(shares: Sequence[tuple[float, str]], pick: Any) -> tuple[float | None, str | None]:
    """The highest (lowest) share and the group(s) holding it; a tie names every tied group, never the first."""
    if not shares:
        return None, None
    value = pick(s for s, _ in shares)
    return value, tie_label([g for s, g in shares if s == value])



def _clusters(
    docs: Sequence[DocInfo], passages: Sequence[CodedPassage], keys: Sequence[str], cluster: str
) -> dict[UnitKey, str]:
    """The cluster (e.g. author) of every unit, for tests that permute whole clusters."""
    key = parse_keys(cluster, docs)[0]
    if by_speaker([key]) and not by_speaker(keys):
        raise UserError(E_OPTION, f"cannot cluster by '{cluster}' when grouping by {', '.join(keys)}",
                        "A speaker cluster needs speaker groups (e.g. --by speaker_role); for documents use a "
                        "document field such as author.")
    units, _ = build_units(docs, passages, [*keys, key])
    # A unit whose author (speaker) is unknown is its own cluster: lumping every unknown together would make one
    # giant "author" of them.
    return {k: u.group[-1] if u.group[-1] not in (UNKNOWN, NO_SPEAKER) else f"(document {k[0]})"
            for k, u in units.items()}


def _cluster_test(
    theme: str,
    group_order: Sequence[tuple[str, ...]],
    group_units: dict[tuple[str, ...], list[Unit]],
    coded_units: dict[tuple[tuple[str, ...], str], set[UnitKey]],
    clusters: dict[UnitKey, str],
    permutations: int,
    seed: int,
) -> TestResult:
    """Clusters are (cluster value, group) pairs, so a cluster that spans groups is split, never merged."""
    index: dict[tuple[str, int], int] = {}
    group_of: list[int] = []
    coded: list[int] = []
    totals: list[int] = []
    for g_index, group in enumerate(group_order):
        coded_here = coded_units.get((group, theme), set())
        for unit in group_units[group]:
            key = (clusters.get(unit.key, UNKNOWN), g_index)
            if key not in index:
                index[key] = len(group_of)
                group_of.append(g_index)
                coded.append(0)
                totals.append(0)
            i = index[key]
            totals[i] += 1
            coded[i] += unit.key in coded_here
    used = sorted(set(group_of))
    remap = {g: i for i, g in enumerate(used)}
    return cluster_permutation_test([remap[g] for g in group_of], coded, totals,
                                    permutations=permutations, seed=seed)


def _theme_row(
    theme: str,
    units: dict[UnitKey, Unit],
    by_cell: dict[tuple[tuple[str, ...], str], list[CodedPassage]],
    coded_units: dict[tuple[tuple[str, ...], str], set[UnitKey]],
    examples: int,
    boot: _Bootstrap,
) -> dict[str, Any]:
    passages = [p for (_, t), ps in by_cell.items() if t == theme for p in ps]
    coded = {k for (_, t), ks in coded_units.items() if t == theme for k in ks}
    return _theme_columns(theme, passages, list(units.values()), coded, examples, boot, salt="")


class _Bootstrap:
    """Cluster-aware intervals: passages and words summed per cluster, then `cluster_bootstrap_interval`."""

    def __init__(self, cluster_of: dict[UnitKey, str], speakerwise: bool, all_units: dict[UnitKey, Unit],
                 confidence: float, replicates: int, seed: int) -> None:
        self.cluster_of, self.speakerwise, self.all_units = cluster_of, speakerwise, all_units
        self.confidence, self.replicates, self.seed = confidence, replicates, seed

    def cluster(self, key: UnitKey) -> str:
        return self.cluster_of.get(key, key[0])

    def interval(self, theme: str, salt: str, members: Sequence[Unit], passages: Sequence[CodedPassage],
                 low: float | None, high: float | None) -> tuple[float | None, float | None]:
        """The wider of the Poisson interval (`low`, `high`) and the bootstrap over clusters."""
        if low is None or high is None or self.replicates <= 0:
            return low, high
        words: dict[str, int] = defaultdict(int)
        counts: dict[str, int] = defaultdict(int)
        for unit in members:
            words[self.cluster(unit.key)] += unit.words
        for p in passages:
            counts[self.cluster(unit_of(p, self.speakerwise, self.all_units))] += 1
        names = sorted(words)
        seed = (self.seed + zlib.crc32(f"{salt}\x1f{theme}".encode())) % 2**32
        found = cluster_bootstrap_interval([counts[n] for n in names], [words[n] for n in names],
                                           confidence=self.confidence, replicates=self.replicates, seed=seed)
        if found is None:
            return low, high
        return min(low, found[0]), max(high, found[1])


def _theme_columns(
    theme: str,
    passages: Sequence[CodedPassage],
    members: Sequence[Unit],
    coded: set[UnitKey],
    examples: int,
    boot: _Bootstrap,
    *,
    salt: str,
) -> dict[str, Any]:
    """The columns a cell and a whole-corpus theme row share: counts, rates with intervals, documents, clusters,
    examples."""
    words = sum(u.words for u in members)
    docs = {u.key[0] for u in members}
    coded_docs = {k[0] for k in coded}
    rate = rate_with_interval(len(passages), words, confidence=boot.confidence)
    low, high = boot.interval(theme, salt, members, passages, rate.low, rate.high)
    return {
        "theme": theme,
        "passages": len(passages),
        "words": words,
        "per_1000": _r(rate.rate),
        "per_1000_low": _r(rate.low),
        "per_1000_high": _r(rate.high),
        "per_1000_low_clustered": _r(low),
        "per_1000_high_clustered": _r(high),
        "documents": len(docs),
        "documents_coded": len(coded_docs),
        "share_documents": _r(len(coded_docs) / len(docs)) if docs else None,
        "clusters": len({boot.cluster(u.key) for u in members}),
        "clusters_coded": len({boot.cluster(k) for k in coded}),
        "examples": _examples(passages, examples),
    }


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _sig(value: float | None) -> float | None:
    """Four significant digits: p-values stay readable and tables stay byte-identical across runs."""
    return None if value is None else float(f"{value:.4g}")


AUTHOR_FIELDS = ("author", "författare")


def resolve_cluster(
    cluster: str | None, docs: Sequence[DocInfo], by: str | Sequence[str]
) -> tuple[str | None, list[str]]:
    """The cluster a comparison should use, and a note saying why.

    An explicit `cluster` is kept ("none" turns clustering off). Without one, a grouping whose units come in
    clusters is clustered by default: speaker groups by speaker when a speaker talks in several documents, document
    groups by author when the documents have an author field and some author wrote several of them. Tests and
    intervals that treat one prolific author's documents as independent evidence mislead; say so instead.
    """
    if cluster is not None and cluster.strip().casefold() in NO_CLUSTER:
        return None, []
    if cluster:
        return cluster, []
    keys = parse_keys(by, docs)
    if by_speaker(keys):
        in_docs: dict[str, int] = defaultdict(int)
        for d in docs:
            for name in d.speakers:
                in_docs[name] += 1
        repeated = sum(1 for n in in_docs.values() if n > 1)
        if repeated:
            return "speaker", [f"tests and intervals clustered by speaker by default ({repeated} speaker(s) talk in "
                               "several documents); --cluster none counts every speaker turn apart"]
        return None, []
    for name in AUTHOR_FIELDS:
        written: dict[str, int] = defaultdict(int)
        for d in docs:
            if d.extra.get(name):
                written[d.extra[name]] += 1
        if written and max(written.values()) > 1 and name not in keys:
            return name, [f"tests and intervals clustered by {name} by default ({sum(written.values())} documents "
                          f"by {len(written)} {name}s, up to {max(written.values())} by one); --cluster none "
                          "counts every document apart"]
    return None, []

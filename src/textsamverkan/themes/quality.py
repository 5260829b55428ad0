"""Quality of theme coding against sentence-level gold: per-theme precision, recall, F1, and the errors.

Gold format (../shared/gold/seed_themes.json): {"themes": {id: description}, "items": [{"document", "anchor",
"themes"}]}. Each anchor is an exact substring of one sentence or bullet; the item's themes are those a careful
coder assigns to that sentence (an empty list: none of the gold's themes applies). A prediction for an item is the
set of codes hit on the sentence(s) the anchor overlaps, restricted to the gold's themes; an anchor in text that
is not coded (boilerplate) predicts nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textsamverkan.errors import E_METADATA, UserError
from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.types import ThemeHit

CORE_THEMES = ("ppe", "testing", "care_plans", "sol_hsl")


@dataclass(frozen=True)
class GoldItem:
    """One gold sentence: the document, an exact anchor inside the sentence, and its themes."""

    document: str
    anchor: str
    themes: frozenset[str]


@dataclass(frozen=True)
class Gold:
    """Gold themes (id → description) and items."""

    themes: dict[str, str]
    items: tuple[GoldItem, ...]


@dataclass(frozen=True)
class Scores:
    """Counts and precision/recall/F1 (0 where undefined) for one theme or a micro-average."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ItemResult:
    """What was predicted for one gold item, and the sentence text it was judged on."""

    item: GoldItem
    predicted: frozenset[str]
    sentence: str
    evidence: dict[str, list[str]] = field(default_factory=dict)

    @property
    def false_positives(self) -> frozenset[str]:
        return self.predicted - self.item.themes

    @property
    def false_negatives(self) -> frozenset[str]:
        return self.item.themes - self.predicted


@dataclass(frozen=True)
class QualityReport:
    """Per-theme scores, micro-averages over the core and over all gold themes, and every item's result."""

    per_theme: dict[str, Scores]
    micro_core: Scores
    micro_all: Scores
    results: tuple[ItemResult, ...]

    @property
    def errors(self) -> list[ItemResult]:
        return [r for r in self.results if r.false_positives or r.false_negatives]


def load_gold(path: str | Path) -> Gold:
    """Read a gold file; E109 when it is not in the expected shape."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        items = tuple(
            GoldItem(str(it["document"]), str(it["anchor"]), frozenset(str(t) for t in it["themes"]))
            for it in data["items"]
        )
        themes = {str(k): str(v) for k, v in data["themes"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(E_METADATA, f"{p}: not a theme gold file ({exc})",
                        'expected {"themes": {...}, "items": [{"document", "anchor", "themes"}]}') from exc
    return Gold(themes, items)


def _hits_by_sentence(hits: Iterable[ThemeHit]) -> dict[tuple[str, int, int], list[ThemeHit]]:
    out: dict[tuple[str, int, int], list[ThemeHit]] = {}
    for h in hits:
        out.setdefault((h.doc_id, h.start, h.end), []).append(h)
    return out


def evaluate(
    gold: Gold,
    texts: Mapping[str, str],
    sentences: Mapping[str, Sequence[Sentence]],
    hits: Iterable[ThemeHit],
    *,
    core: Sequence[str] = CORE_THEMES,
) -> QualityReport:
    """Score `hits` against the gold; `texts` and `sentences` are keyed by the gold's document names."""
    by_sentence = _hits_by_sentence(hits)
    theme_ids = list(gold.themes)
    counts = {t: [0, 0, 0] for t in theme_ids}
    results: list[ItemResult] = []
    for item in gold.items:
        text = texts.get(item.document)
        if text is None:
            raise UserError(E_METADATA, f"gold names document '{item.document}', which is not loaded",
                            "evaluate on the documents the gold file was made for")
        at = text.find(item.anchor)
        if at < 0:
            raise UserError(E_METADATA, f"gold anchor not found in {item.document}: {item.anchor!r}",
                            "the document text changed since the gold was made; update the anchor")
        end = at + len(item.anchor)
        overlapping = [s for s in sentences.get(item.document, ()) if s.start < end and at < s.end]
        predicted: set[str] = set()
        evidence: dict[str, list[str]] = {}
        for s in overlapping:
            for h in by_sentence.get((s.doc_id, s.start, s.end), ()):
                if h.code in gold.themes:
                    predicted.add(h.code)
                    evidence.setdefault(h.code, []).extend(_describe(h))
        results.append(
            ItemResult(item, frozenset(predicted), " ".join(s.text for s in overlapping), evidence)
        )
        for t in theme_ids:
            if t in predicted and t in item.themes:
                counts[t][0] += 1
            elif t in predicted:
                counts[t][1] += 1
            elif t in item.themes:
                counts[t][2] += 1
    per_theme = {t: Scores(*c) for t, c in counts.items()}
    return QualityReport(
        per_theme=per_theme,
        micro_core=_micro(per_theme, [t for t in core if t in per_theme]),
        micro_all=_micro(per_theme, theme_ids),
        results=tuple(results),
    )


def _describe(hit: ThemeHit) -> list[str]:
    out = [f"{r['rule']} {r['text']}" for r in hit.evidence.get("rules", [])]
    if "exemplar" in hit.evidence:
        out.append(f"{hit.evidence['exemplar']} sim={hit.evidence['similarity']}")
    return out


def _micro(per_theme: Mapping[str, Scores], themes: Sequence[str]) -> Scores:
    return Scores(
        sum(per_theme[t].tp for t in themes), sum(per_theme[t].fp for t in themes), sum(per_theme[t].fn for t in themes)
    )


def format_report(report: QualityReport, *, core: Sequence[str] = CORE_THEMES) -> str:
    """The report as Markdown: a score table, the two micro-averages, then every error with its evidence."""
    lines = [
        "| theme | gold | predicted | TP | FP | FN | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for t, s in report.per_theme.items():
        mark = " (core)" if t in core else ""
        lines.append(
            f"| {t}{mark} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.fp} | {s.fn} | "
            f"{s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} |"
        )
    for name, s in (("micro, core themes", report.micro_core), ("micro, all gold themes", report.micro_all)):
        lines.append(f"| **{name}** | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.fp} | {s.fn} | "
                     f"{s.precision:.2f} | {s.recall:.2f} | **{s.f1:.2f}** |")
    lines.append("")
    errors = report.errors
    lines.append(f"Errors ({len(errors)} of {len(report.results)} gold sentences):")
    lines.append("")
    for r in errors:
        fp = ", ".join(sorted(r.false_positives)) or "-"
        fn = ", ".join(sorted(r.false_negatives)) or "-"
        lines.append(f"- {r.item.document[:3]} «{r.item.anchor}» — missed: {fn}; spurious: {fp}")
        for code in sorted(r.false_positives):
            for ev in r.evidence.get(code, []):
                lines.append(f"    - {code}: {ev}")
    return "\n".join(lines)


def plain_text_documents(
    folder: str | Path,
) -> tuple[dict[str, str], dict[str, list[Sentence]]]:
    """Read every .txt file of a folder the way ingest does (normalise, find blocks, drop boilerplate) and split
    the content blocks with `simple_sentences`: (texts, sentences), both keyed by file name."""
    from textsamverkan.ingest.normalise import normalise
    from textsamverkan.ingest.structure import content_blocks, find_blocks
    from textsamverkan.segment.sentences import simple_sentences

    texts: dict[str, str] = {}
    sentences: dict[str, list[Sentence]] = {}
    for path in sorted(Path(folder).glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8")).text
        regions = [(b.start, b.end) for b in content_blocks(find_blocks(text))]
        texts[path.name] = text
        sentences[path.name] = simple_sentences(path.name, text, regions)
    return texts, sentences

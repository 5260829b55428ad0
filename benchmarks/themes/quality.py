"""Theme coding quality on the development gold: per-theme precision/recall/F1 and the errors, as Markdown.

Lexical rules always; add `--embedder e5-small-sv` for semantic matching at the codebook's thresholds, and
`--calibrate` to sweep the semantic threshold (semantic matching alone, and lexical + semantic) — the basis of the
`semantic.threshold` written in the codebook. Documents are read from ../shared/corpora/seeds the way ingest
reads them (normalise, blocks, boilerplate dropped) and split with `simple_sentences`.

    .venv/bin/python benchmarks/themes/quality.py [--codebook FILE] [--embedder NAME] [--calibrate] [--out FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

import numpy as np

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import Codebook, load_default_codebook
from textsamverkan.themes.codebook_files import load_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.quality import (
    QualityReport,
    evaluate,
    format_report,
    load_gold,
    plain_text_documents,
)
from textsamverkan.themes.types import ThemeHit

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()


def _hits(
    cb: Codebook,
    sentences: dict[str, list[Sentence]],
    scorer: object = None,
    vectors: dict[str, np.ndarray] | None = None,
) -> list[ThemeHit]:
    matcher = LexicalMatcher(cb)
    out: list[ThemeHit] = []
    for doc, sents in sentences.items():
        out.extend(
            code_sentences(sents, cb, matcher=matcher, scorer=scorer,  # type: ignore[arg-type]
                           vectors=vectors[doc] if vectors else None)
        )
    return out


def _nlp_sentences(
    name: str, texts: dict[str, str], simple: dict[str, list[Sentence]]
) -> tuple[dict[str, list[Sentence]], str]:
    """Re-split the same content regions with an NLP backend (regions = the lines simple_sentences kept)."""
    from textsamverkan.nlp.annotate import annotate_text
    from textsamverkan.nlp.backend import get_backend
    from textsamverkan.segment.sentences import sentences_from_spans

    backend = get_backend(name)
    out: dict[str, list[Sentence]] = {}
    for doc, text in texts.items():
        regions = _line_regions(text, simple[doc])
        out[doc] = sentences_from_spans(doc, text, annotate_text(text, regions, backend))
    info = backend.info
    return out, f"{info.backend} {info.model}@{info.version}"


def _line_regions(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The lines the simple splitter coded (content blocks), as regions."""
    regions: list[tuple[int, int]] = []
    for s in sentences:
        start = text.rfind("\n", 0, s.start) + 1
        end = text.find("\n", s.end)
        end = len(text) if end < 0 else end
        if not regions or regions[-1] != (start, end):
            regions.append((start, end))
    return regions


def _line(label: str, r: QualityReport) -> str:
    c, a = r.micro_core, r.micro_all
    return (f"| {label} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.3f} | "
            f"{a.precision:.2f} | {a.recall:.2f} | {a.f1:.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--codebook", type=Path)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seed_themes.json")
    ap.add_argument("--seeds", type=Path, default=SHARED / "corpora" / "seeds")
    ap.add_argument("--embedder")
    ap.add_argument("--nlp", help="split and lemmatise with this NLP backend (e.g. spacy) instead of simple_sentences")
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--model", action="store_true", help="also report rules + the learned layer (model_coder)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    cb = load_codebook(args.codebook) if args.codebook else load_default_codebook()
    gold = load_gold(args.gold)
    texts, sentences = plain_text_documents(args.seeds)
    splitter = "simple_sentences (regex + simplemma)"
    if args.nlp:
        sentences, splitter = _nlp_sentences(args.nlp, texts, sentences)
    n_sent = sum(len(s) for s in sentences.values())
    out = [f"# Theme quality on {args.gold.name} ({len(gold.items)} gold sentences; {n_sent} sentences coded)", ""]
    out += [f"Codebook: {cb.source}", "", f"Sentences and lemmas: {splitter}", "", "## Lexical rules", ""]
    lexical = evaluate(gold, texts, sentences, _hits(cb, sentences))
    out += [format_report(lexical), ""]
    if args.model:
        from textsamverkan.segment.turns import segment_turns
        from textsamverkan.themes.model_coder import cached_model_coder

        coder = cached_model_coder(cb)
        hits = _hits(cb, sentences)
        for doc, sents in sentences.items():
            # a transcript (speaker turns, as ingest finds them) reads its neighbouring sentences more generously
            hits += coder.code(sents, hits, [doc] if segment_turns(texts[doc]).turns else [])
        out += ["## Lexical rules + learned layer", "", format_report(evaluate(gold, texts, sentences, hits)), ""]

    if args.embedder:
        from textsamverkan.embed.backend import load_embedder
        from textsamverkan.themes.semantic import ExemplarScorer

        t0 = time.perf_counter()
        embedder = load_embedder(args.embedder)
        scorer = ExemplarScorer(cb, embedder)
        vectors = {doc: scorer.encode(s) for doc, s in sentences.items()}
        seconds = time.perf_counter() - t0
        out += [f"## Lexical + semantic ({embedder.model_id}; thresholds from the codebook)", "",
                f"Embedding {n_sent} sentences and the exemplars took {seconds:.0f} s.", ""]
        combined = evaluate(gold, texts, sentences, _hits(cb, sentences, scorer, vectors))
        out += [format_report(combined), ""]
        if args.calibrate:
            out += ["## Threshold sweep (one threshold for every code)", "",
                    "| threshold / method | core P | core R | core F1 | all P | all R | all F1 |",
                    "|---|---|---|---|---|---|---|"]
            no_rules = dataclasses.replace(
                cb,
                codes=tuple(dataclasses.replace(c, terms=(), phrases=(), patterns=()) for c in cb.codes),
            )
            for t in np.arange(0.80, 0.971, 0.01):
                t = round(float(t), 2)
                for label, book in (("semantic only", no_rules), ("lexical + semantic", cb)):
                    codes = tuple(dataclasses.replace(c, threshold=None) for c in book.codes)
                    b = dataclasses.replace(book, semantic_threshold=t, codes=codes)
                    s = ExemplarScorer(b, embedder)
                    s.vectors = scorer.vectors  # same exemplars, same order: reuse their embeddings
                    report = evaluate(gold, texts, sentences, _hits(b, sentences, s, vectors))
                    out.append(_line(f"{t:.2f} {label}", report))
            out.append("")
    text = "\n".join(out)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

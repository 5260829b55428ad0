"""Quality and speed of PII detection on the seeded synthetic set (synthetic.py), with and without the NER.

Usage: python benchmarks/pii/bench.py [--seed 0] [--documents 60] [--no-ner] [--heldout --seed 7] [--stress --seed 7]
Seed 0 of the default lists is the set the rules were tuned on; `--heldout` (other name lists, extra sentence
forms) with another seed is the set they were not. Detection runs as the corpus path does (`detect_corpus`: the NER
batched over all documents, names propagated across the corpus); the time covers everything but loading the model.
Structured identifiers count as found when the detected span and type equal the gold ones; names when a PERSON
detection covers the gold span exactly. Precision counts every detection of that type against the gold set
(look-alikes such as order and case numbers are in the text as negatives). "In the detector's lists" means the
name's first word is in the detector's first-name list.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate

from textsamverkan.pii.corpus import REVIEW_FLOOR, detect_corpus
from textsamverkan.pii.detect import DEFAULT_MIN_CONFIDENCE
from textsamverkan.pii.names import first_names
from textsamverkan.segment.names import fold

TYPES = ["PERSONNUMMER", "SAMORDNINGSNUMMER", "TELEFON", "E-POST", "ADRESS", "PERSON"]
STRUCTURED = {"PERSONNUMMER", "SAMORDNINGSNUMMER", "TELEFON", "E-POST"}


def evaluate(docs: list, ner: object | None) -> dict[str, object]:  # type: ignore[type-arg]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    misses: list[str] = []
    start, cpu = time.perf_counter(), time.process_time()
    texts = {f"d{i}": text for i, (text, _) in enumerate(docs)}
    found_by_doc = detect_corpus(texts, {}, ner=ner, min_confidence=DEFAULT_MIN_CONFIDENCE)  # type: ignore[arg-type]
    found_all = [found_by_doc[doc_id] for doc_id in texts]
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    # Names among the review list's candidates (down to confidence 0.3), where a researcher can still catch them.
    floor = detect_corpus(texts, {}, ner=ner, min_confidence=REVIEW_FLOOR)  # type: ignore[arg-type]
    reviewable = sum(
        1
        for doc_id, (_text, gold) in zip(texts, docs, strict=True)
        for g in gold
        if g.type == "PERSON" and any(d.type == "PERSON" and d.start <= g.start and g.end <= d.end
                                      for d in floor[doc_id])
    )
    firsts = first_names()
    words = sum(len(text.split()) for text, _ in docs)
    listed: Counter[str] = Counter()
    listed_total: Counter[str] = Counter()
    for (_text, gold), found in zip(docs, found_all, strict=True):
        gold_keys = {(g.start, g.end, g.type) for g in gold}
        found_keys = {(d.start, d.end, d.type) for d in found}
        for g in gold:
            key = "listed" if fold(g.text.split()[0]) in firsts else "unlisted"
            if g.type == "PERSON":
                listed_total[key] += 1
            if (g.start, g.end, g.type) in found_keys:
                tp[g.type] += 1
                if g.type == "PERSON":
                    listed[key] += 1
            else:
                fn[g.type] += 1
                misses.append(f"{g.type}: {g.text}")
        for d in found:
            if (d.start, d.end, d.type) not in gold_keys:
                fp[d.type] += 1
                misses.append(f"FP {d.type}: {d.text} ({d.source})")
    rows = {}
    for kind in [*TYPES, "structured"]:
        kinds = STRUCTURED if kind == "structured" else {kind}
        t, f, n = sum(tp[k] for k in kinds), sum(fp[k] for k in kinds), sum(fn[k] for k in kinds)
        rows[kind] = (t + n, t / (t + f) if t + f else 1.0, t / (t + n) if t + n else 1.0)
    return {"rows": rows, "words_per_s": words / seconds, "words_per_cpu_s": words / cpu_seconds, "words": words,
            "misses": misses, "reviewable": reviewable,
            "names": {k: (listed[k], listed_total[k]) for k in listed_total}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--no-ner", action="store_true")
    parser.add_argument("--heldout", action="store_true", help="the held-out name lists and sentence forms")
    parser.add_argument("--stress", action="store_true", help="held-out names in sentence forms no cue covers")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--speed", nargs="*", type=Path, default=[], metavar="FILE",
                        help="also time detection over these text files (real text: speed only)")
    args = parser.parse_args()
    docs = generate(args.seed, args.documents, heldout=args.heldout, stress=args.stress)
    which = "stress (held-out names)" if args.stress else "held-out" if args.heldout else "tuning"
    print(f"{sum(len(g) for _, g in docs)} gold spans in {len(docs)} documents, {which} lists, seed {args.seed}")
    finders: list[tuple[str, object | None]] = [("rules only", None)]
    if not args.no_ner:
        from textsamverkan.pii.ner import NerPersonFinder

        finder = NerPersonFinder()
        finder("uppvärmning")
        finders.append(("rules + NER", finder))
    detect_corpus({"warm": "Anna Berg ringde."}, {})
    if args.speed:
        texts = {str(p): p.read_text(encoding="utf-8") for p in args.speed}
        words = sum(len(t.split()) for t in texts.values())
        for label, finder in finders:
            start, cpu = time.perf_counter(), time.process_time()
            detect_corpus(texts, {}, ner=finder)  # type: ignore[arg-type]
            wall, used = time.perf_counter() - start, time.process_time() - cpu
            print(f"{label} over {len(texts)} files, {words:,} words: {words / wall:,.0f} words/s "
                  f"({words / used:,.0f} per CPU second)")
    for label, finder in finders:
        result = evaluate(docs, finder)
        print(f"\n{label}: {result['words_per_s']:,.0f} words/s ({result['words_per_cpu_s']:,.0f} per CPU second) "
              f"over {result['words']:,} words")
        print(f"{'type':<18} {'gold':>5} {'precision':>9} {'recall':>7}")
        for kind, (gold, precision, recall) in result["rows"].items():  # type: ignore[attr-defined]
            print(f"{kind:<18} {gold:>5} {precision:>9.3f} {recall:>7.3f}")
        for group, (hit, total) in sorted(result["names"].items()):  # type: ignore[attr-defined]
            print(f"names {group} in the detector's lists: recall {hit / total:.3f} ({hit}/{total})")
        people = result["rows"]["PERSON"][0]  # type: ignore[index]
        print(f"names covered by a candidate in the review list (confidence >= {REVIEW_FLOOR}): "
              f"{result['reviewable'] / max(1, people):.3f}")
        if args.show_misses:
            for line in sorted(Counter(result["misses"]).items())[:80]:  # type: ignore[arg-type]
                print("  ", line)


if __name__ == "__main__":
    main()

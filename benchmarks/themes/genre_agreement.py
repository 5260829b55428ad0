"""Round 18's experiment: the learned layer with another agreement on written documents only (spoken ones keep the
shipped agreement), scored on sets of documents with their own genre labels as an upper bound for a genre read from
the text. Not adopted (benchmarks/RESULTS.md, "Theme coding, round 18").

    .venv/bin/python benchmarks/themes/genre_agreement.py [--grid 0.95,1.0,off] [--sets ,2,3,4,5,6,7,8,9,10]
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from devset import CORE_THEMES, HERE, counts, document_predictions, load_items, prf

from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import cached_model_coder

SPOKEN = frozenset(["interview", "podcast", "focus", "debate"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grid", default="0.95,1.0,1.05,1.1,1.2,off", help="agreements for written documents; off: rules")
    ap.add_argument("--sets", default=",2,3,4,5,6,7,8,9,10", help="numbers of devset_documentsN.jsonl ('' = the first)")
    args = ap.parse_args()
    grid = [None if a == "off" else float(a) for a in args.grid.split(",")]
    shipped = cached_model_coder(load_default_codebook())
    means: dict[float | None, list[float]] = {a: [] for a in grid}
    for number in args.sets.split(","):
        name = f"devset_documents{number}.jsonl"
        items = load_items(HERE / name)
        spoken = [i for i, it in enumerate(items) if it["genre"] in SPOKEN]
        written = [i for i, it in enumerate(items) if it["genre"] not in SPOKEN]
        spoken_pred = document_predictions([items[i] for i in spoken], with_model=True, coder=shipped)
        for agreement in grid:
            coder = replace(shipped, agreement=agreement) if agreement is not None else None
            written_items = [items[i] for i in written]
            written_pred = document_predictions(written_items, with_model=coder is not None, coder=coder)
            preds: list[set[str]] = [set() for _ in items]
            for i, p in (*zip(spoken, spoken_pred, strict=True), *zip(written, written_pred, strict=True)):
                preds[i] = p
            p, r, f1 = prf(*counts(items, preds, list(CORE_THEMES)))
            means[agreement].append(f1)
            print(f"{name:28s} written agreement {agreement}: core P {p:.3f} R {r:.3f} F1 {f1:.3f}", flush=True)
    for agreement, f1s in means.items():
        print(f"written agreement {agreement}: mean core F1 {sum(f1s) / len(f1s):.4f}")


if __name__ == "__main__":
    main()

"""Evaluate `link` on eval_statements.json: recall@1, recall@5 and no-support accuracy over the seed corpus.

Usage: .venv/bin/python benchmarks/claims/eval_link.py [--embedder static-sv] [--sweep]
Ingests corpora/seeds into a temporary database. A supported statement is a hit at k when one of the top-k passages
contains its anchor; an unsupported one is right when the best score falls below the threshold. `--sweep` prints a
grid over weight and threshold (how the defaults in claims/link.py were chosen).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def evaluate(linker: Any, items: list[dict[str, Any]], threshold: float) -> dict[str, float]:
    """recall@1, recall@5 over supported statements; no-support accuracy and overall support-decision accuracy."""
    at1 = at5 = nosup = decided = 0
    supported = [i for i in items if i["anchor"]]
    unsupported = [i for i in items if not i["anchor"]]
    for item in items:
        result = linker.link(item["statement"], k=5, judge=False)
        best = result.supports[0].score
        if item["anchor"]:
            hits = [item["anchor"] in s.quote for s in result.supports]
            at1 += hits[0]
            at5 += any(hits)
            decided += best >= threshold
        else:
            nosup += best < threshold
            decided += best < threshold
    return {
        "recall@1": at1 / len(supported),
        "recall@5": at5 / len(supported),
        "no_support_accuracy": nosup / len(unsupported),
        "decision_accuracy": decided / len(items),
    }


def main() -> None:
    from textsamverkan.claims.link import DEFAULT_THRESHOLD, DEFAULT_WEIGHT
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
    from textsamverkan.stages.link import build_linker
    from textsamverkan.store import connect
    from textsamverkan.store.documents import list_doc_ids

    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="static-sv")
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    items = json.loads((HERE / "eval_statements.json").read_text(encoding="utf-8"))["statements"]
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "eval.db")
        ingest_paths(conn, [REPO / "corpora" / "seeds"], IngestOptions())
        linker = build_linker(conn, list_doc_ids(conn), embedder=args.embedder)
        texts = "\n".join(linker.quotes)
        missing = [i["anchor"] for i in items if i["anchor"] and i["anchor"] not in texts]
        if missing:
            raise SystemExit(f"anchors not found in any passage: {missing}")
        if args.sweep:
            for weight in (0.0, 0.3, 0.5, 0.7, 1.0):
                linker.weight = weight
                for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55):
                    print(weight, threshold, evaluate(linker, items, threshold))
        linker.weight = DEFAULT_WEIGHT
        scores = evaluate(linker, items, DEFAULT_THRESHOLD)
        print(
            json.dumps(
                {
                    "embedder": args.embedder,
                    "weight": DEFAULT_WEIGHT,
                    "threshold": DEFAULT_THRESHOLD,
                    "statements": len(items),
                    **scores,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()

"""Evaluate claim verification on verify_dev.json (or the tuning set): verdict accuracy per kind and recall@5.

Usage: .venv/bin/python benchmarks/claims/eval_verify.py [--set dev|tune|heldout|heldout2] [--show]
       [--embedder static-sv]
Ingests corpora/seeds plus the three government pages named in the set (from the shared data folder beside the
repository) into a temporary database, links every statement (k=5) and compares the overall verdict with the
expected one. A supported statement is right when the verdict is `supported`; a near-miss or unrelated one is right
when it is `contradicted`, `partly`, `no_evidence` or `conflicting`. recall@5: the anchored passage is among the
five candidates (statements with an anchor).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = (REPO / ".." / "shared" / "data").resolve()


def main() -> None:
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
    from textsamverkan.stages.link import build_linker
    from textsamverkan.store import connect
    from textsamverkan.store.documents import list_doc_ids

    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="dev", choices=("dev", "tune", "heldout", "heldout2"))
    parser.add_argument("--embedder", default="static-sv")
    parser.add_argument("--show", action="store_true", help="print every statement with its verdict and reasons")
    parser.add_argument("--rules-only", action="store_true", help="without the learned verifier (as link by default)")
    args = parser.parse_args()
    data = json.loads((HERE / f"verify_{args.set}.json").read_text(encoding="utf-8"))
    paths = [REPO / p if p.startswith("corpora") else SHARED / p for p in data["corpus"]]
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "eval.db")
        ingest_paths(conn, paths, IngestOptions())
        linker = build_linker(conn, list_doc_ids(conn), embedder=args.embedder)
        texts = "\n".join(linker.quotes)
        missing = [i["anchor"] for i in data["statements"] if i["anchor"] and i["anchor"] not in texts]
        if missing:
            raise SystemExit(f"anchors not found in any passage: {missing}")
        right: dict[str, list[bool]] = defaultdict(list)
        recall: list[bool] = []
        t0 = time.perf_counter()
        for item in data["statements"]:
            result = linker.link(item["statement"], k=5, learned=not args.rules_only)
            ok = (result.verdict == "supported") == (item["expected"] == "supported")
            right[item["kind"]].append(ok)
            if item["anchor"]:
                recall.append(any(item["anchor"] in s.quote for s in result.supports))
            if args.show:
                chosen = result.supports[result.decided_by] if result.decided_by is not None else None
                j = chosen.judgement if chosen else None
                print(f"{'OK ' if ok else 'BAD'} [{item['kind']}] {result.verdict}: {item['statement']}")
                if j:
                    print(f"      evidence: {j.evidence.quote[:160]}")
                    print(f"      reasons: {json.dumps(j.reasons, ensure_ascii=False)}")
        seconds = time.perf_counter() - t0
    supported = right["paraphrase"]
    rest = [x for kind, xs in right.items() if kind != "paraphrase" for x in xs]
    report = {
        "set": args.set,
        "statements": len(data["statements"]),
        "accuracy_supported": round(sum(supported) / len(supported), 3),
        "accuracy_not_supported": round(sum(rest) / len(rest), 3),
        "recall@5": round(sum(recall) / len(recall), 3),
        "per_kind": {kind: f"{sum(xs)}/{len(xs)}" for kind, xs in sorted(right.items())},
        "seconds": round(seconds, 1),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

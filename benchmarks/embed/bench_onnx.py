"""e5-small-sv through torch vs onnxruntime (fp32, int8): the quality gate, speed side by side, and the cost of
the cached `embed` path over a plain encode.

Usage: python benchmarks/embed/bench_onnx.py [--passages 128] [--sentences 256] [--rounds 2] [--json out.json]

1. Quality gate on benchmarks/embed/eval_sv.json: a variant passes when its retrieval R@1, R@5 and MRR are within
   1 point of e5-small-sv-torch and its pair accuracy is no lower. The default ("e5-small-sv") should be the
   fastest variant that passes (backend.DEFAULT_E5_VARIANT); the script says whether it is.
2. Speed: each variant in a fresh Python process (import, model load and encoding all timed: what a user waits
   for), on the same passages (the eval pool, 400-700 characters) and sentences (the eval pairs and queries),
   variants interleaved over --rounds rounds; the median is reported.
3. Product path: with the default variant loaded once, `embed_texts_cached` into a fresh SQLite store (the
   `embed` command's path) against one plain `encode` of the same passages, against the old chunking (64 texts
   per call), and the cache's bookkeeping alone (an embedder that replays precomputed vectors).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

T_START = time.perf_counter()
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = HERE / "eval_sv.json"
VARIANTS = ("e5-small-sv-torch", "e5-small-sv-onnx", "e5-small-sv-onnx-int8")
REFERENCE = "e5-small-sv-torch"


def texts(n_passages: int, n_sentences: int) -> tuple[list[str], list[str]]:
    """Fixed passages and sentences from the evaluation set (no shared data needed)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    passages = [p["text"] for p in data["retrieval"]["passages"]][:n_passages]
    sents = [x[k] for x in data["pairs"] for k in ("anchor", "paraphrase", "distractor")]
    sents += [q["query"] for q in data["retrieval"]["queries"]]
    while len(sents) < n_sentences:
        sents = sents + [s + " " for s in sents]  # new strings, same length: nothing is cached anywhere
    return passages, sents[:n_sentences]


def child(variant: str, n_passages: int, n_sentences: int) -> int:
    """Run in a fresh process: import, load, encode; print the timings as JSON."""
    passages, sents = texts(n_passages, n_sentences)
    from textsamverkan.embed import load_embedder

    emb = load_embedder(variant)
    t_loaded = time.perf_counter()
    emb.encode(passages, kind="passage", batch_size=64)
    t_pass = time.perf_counter()
    emb.encode(sents, kind="query", batch_size=64)
    t_sent = time.perf_counter()
    print(json.dumps({
        "load_s": t_loaded - T_START, "passages_s": t_pass - t_loaded, "sentences_s": t_sent - t_pass,
        "total_s": t_sent - T_START, "passages_per_s": len(passages) / (t_pass - t_loaded),
        "sentences_per_s": len(sents) / (t_sent - t_pass), "model_id": emb.model_id,
    }))  # fmt: skip
    return 0


def speed(n_passages: int, n_sentences: int, rounds: int) -> dict[str, dict[str, float]]:
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in VARIANTS}
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "HF_HUB_OFFLINE": "1"}
    for r in range(rounds):
        for variant in VARIANTS:
            t0 = time.perf_counter()
            out = subprocess.run(
                [sys.executable, __file__, "--child", variant, "--passages", str(n_passages),
                 "--sentences", str(n_sentences)],
                check=True, capture_output=True, text=True, env=env,
            )  # fmt: skip
            res = json.loads(out.stdout.strip().splitlines()[-1])
            res["process_s"] = time.perf_counter() - t0
            runs[variant].append(res)
            print(f"round {r + 1} {variant}: {res['process_s']:.1f} s", file=sys.stderr)
    keys = ("load_s", "passages_per_s", "sentences_per_s", "process_s")
    return {v: {k: statistics.median(x[k] for x in rs) for k in keys} for v, rs in runs.items()}


def quality() -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(HERE))
    from eval_embed import eval_pairs, eval_retrieval

    from textsamverkan.embed import load_embedder

    data = json.loads(DATA.read_text(encoding="utf-8"))
    out: dict[str, dict[str, float]] = {}
    for variant in VARIANTS:
        emb = load_embedder(variant)

        def encode(ts: Any, kind: Any, emb: Any = emb) -> Any:
            return emb.encode(list(ts), kind=kind, batch_size=64)

        p, r = eval_pairs(encode, data["pairs"]), eval_retrieval(encode, data["retrieval"])
        out[variant] = {"pair_acc": p["accuracy"], "pair_auc": p["auc"], **r}
        print(f"quality {variant}: done", file=sys.stderr)
    return out


def passes_gate(q: dict[str, float], ref: dict[str, float]) -> bool:
    """R@1, R@5, MRR within 1 point of the reference; pair accuracy no lower."""
    close = all(q[k] >= ref[k] - 0.01 for k in ("r@1", "r@5", "mrr"))
    return close and q["pair_acc"] >= ref["pair_acc"]


class _Replay:
    """An embedder that returns precomputed vectors: what is left is the cache's own cost."""

    def __init__(self, emb: Any, texts: list[str]) -> None:
        self.inner, self.prefixes, self.model_id, self.dim = emb, emb.prefixes, emb.model_id + "-replay", emb.dim
        self.vectors = dict(zip(texts, emb.encode(texts), strict=True))

    def encode(self, texts: Any, *, kind: Any = "passage", batch_size: int = 32, show_progress: bool = False) -> Any:
        import numpy as np

        return np.stack([self.vectors[t] for t in texts])


def product_path(n_passages: int, rounds: int) -> dict[str, float]:
    """Passages/s of each path, median over `rounds` interleaved rounds (each into a fresh store)."""
    from textsamverkan.embed import load_embedder
    from textsamverkan.embed.cache import embed_texts_cached
    from textsamverkan.store.db import connect

    passages, _ = texts(n_passages, 0)
    emb = load_embedder()
    replay = _Replay(emb, passages)
    paths: dict[str, tuple[Any, dict[str, Any] | None]] = {
        "plain encode": (emb, None),
        "embed_texts_cached": (emb, {}),
        "embed_texts_cached, 64 texts per call (before)": (emb, {"commit_every": 64}),
        "embed_texts_cached bookkeeping only (hash, look-up, write)": (replay, {}),
    }
    rates: dict[str, list[float]] = {label: [] for label in paths}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for label, (embedder, kwargs) in paths.items():
                t0 = time.perf_counter()
                if kwargs is None:
                    embedder.encode(passages, kind="passage", batch_size=64)
                else:
                    conn: sqlite3.Connection = connect(Path(tmp) / f"{r}-{len(rates[label])}-{hash(label)}.db")
                    embed_texts_cached(conn, embedder, passages, kind="passage", progress=False, **kwargs)
                    conn.close()
                rates[label].append(len(passages) / (time.perf_counter() - t0))
                print(f"product path {label}: {rates[label][-1]:.1f} passages/s", file=sys.stderr)
    return {label: statistics.median(rs) for label, rs in rates.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--passages", type=int, default=128)
    ap.add_argument("--sentences", type=int, default=256)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: quality,speed,product")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if args.child:
        return child(args.child, args.passages, args.sentences)
    skip = set(args.skip.split(","))
    from textsamverkan.embed.backend import DEFAULT_E5_VARIANT
    from textsamverkan.embed.onnx_backend import available_cores

    results: dict[str, Any] = {"cores": available_cores(), "load_average": os.getloadavg()[0]}
    print(f"- {available_cores()} cores available, load average {os.getloadavg()[0]:.1f} at the start\n")
    if "quality" not in skip:
        q = results["quality"] = quality()
        ref = q[REFERENCE]
        print("| variant | pair acc. | pair AUC | R@1 | R@5 | MRR | gate |\n|---|---|---|---|---|---|---|")
        for v, m in q.items():
            gate = "reference" if v == REFERENCE else ("passes" if passes_gate(m, ref) else "fails")
            print(f"| {v} | {m['pair_acc']:.3f} | {m['pair_auc']:.3f} | {m['r@1']:.3f} | {m['r@5']:.3f} "
                  f"| {m['mrr']:.3f} | {gate} |")  # fmt: skip
        print()
    if "speed" not in skip:
        s = results["speed"] = speed(args.passages, args.sentences, args.rounds)
        base = s[REFERENCE]["process_s"]
        print(f"{args.passages} passages + {args.sentences} sentences per process, median of {args.rounds} rounds\n")
        print("| variant | import + load (s) | passages/s | sentences/s | whole process (s) | speed-up |")
        print("|---|---|---|---|---|---|")
        for v, m in s.items():
            print(f"| {v} | {m['load_s']:.1f} | {m['passages_per_s']:.1f} | {m['sentences_per_s']:.1f} "
                  f"| {m['process_s']:.1f} | {base / m['process_s']:.1f}× |")  # fmt: skip
        print()
    if "quality" not in skip and "speed" not in skip:
        q, s = results["quality"], results["speed"]
        passing = [v for v in VARIANTS if v != REFERENCE and passes_gate(q[v], q[REFERENCE])]
        fastest = min(passing, key=lambda v: s[v]["process_s"]) if passing else "e5-small-sv-onnx"
        results["gate_choice"] = fastest
        verdict = "agrees" if fastest == DEFAULT_E5_VARIANT else "DISAGREES: update DEFAULT_E5_VARIANT"
        print(f"fastest variant within the gate: {fastest}; the default is {DEFAULT_E5_VARIANT} ({verdict})\n")
    if "product" not in skip:
        pp = results["product"] = product_path(args.passages, args.rounds)
        print(f"product path, {DEFAULT_E5_VARIANT}, {args.passages} passages, model loaded once, median of "
              f"{args.rounds} interleaved rounds\n")  # fmt: skip
        print("| path | passages/s |\n|---|---|")
        for label, rate in pp.items():
            print(f"| {label} | {rate:.1f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

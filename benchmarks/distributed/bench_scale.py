"""Scale benchmark of the Dask engine: lexical theme coding (and optionally embedding) of a synthetic corpus
in-process, on 1 and on 2 local workers; throughput, peak memory per worker, and a projection to 10 M passages.

Usage: python benchmarks/distributed/bench_scale.py [--passages 20000] [--repeats 3] [--embed 0] [--json out.json]

Corpus: passages of 3-6 sentences drawn (seeded) from the sentences of benchmarks/embed/eval_sv.json (public
Swedish government and Riksdag paragraphs plus sentences written for the project), lightly perturbed (numbers
changed, a sentence order shuffled), so the corpus is as large as asked and the same on every machine. Outputs of
every configuration are compared (sha256 of the theme table; embeddings within 1e-6). Cluster start-up is timed
apart from the work. Figures on a shared machine are noisy: say so when you report them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent / "embed" / "eval_sv.json"
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def synthetic_corpus(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """`n` (doc_id, passage) pairs resampled from the evaluation set's text."""
    data = json.loads(EVAL.read_text(encoding="utf-8"))
    pool = [s for p in data["retrieval"]["passages"] for s in _SENT.split(p["text"]) if len(s) > 20]
    pool += [x[k] for x in data["pairs"] for k in ("anchor", "paraphrase", "distractor")]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sents = [rng.choice(pool) for _ in range(rng.randint(3, 6))]
        text = " ".join(sents)
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
        docs.append((f"syn{i:08d}", text))
    return docs


def theme_digest(hits: list[Any]) -> str:
    rows = [(h.doc_id, h.start, h.end, h.code, h.score, h.method, h.evidence) for doc in hits for h in doc.hits]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _maxrss_mib() -> float:
    """This process's peak resident memory: VmHWM, the high-water mark of its own address space.

    Not `getrusage(...).ru_maxrss`: Linux carries that across exec, so a worker spawned by a large parent reports
    the parent's size at the fork (all workers then show one and the same figure, growing with the corpus held in
    the parent), which is what the first scale runs measured.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return kib / 1024


def run_config(workers: int, stage: str, items: Any, repeats: int) -> dict[str, Any]:
    """Time `stage` over `items` `repeats` times with `workers` (0 = in-process); median seconds, outputs."""
    from textsamverkan.distributed.engine import dask_client
    from textsamverkan.distributed.tasks import code_documents_sharded, embed_texts_sharded
    from textsamverkan.themes.codebook import default_codebook_path

    codebook = default_codebook_path().read_text(encoding="utf-8")
    docs = [(d, t, [(0, len(t))], []) for d, t in items] if stage == "themes" else []

    def once(scheduler: str | None) -> Any:
        if stage == "themes":
            return code_documents_sharded(docs, codebook_yaml=codebook, scheduler=scheduler)
        threads = 1 if scheduler else None
        return embed_texts_sharded(items, scheduler=scheduler, threads=threads, shard_size=256)

    times: list[float] = []
    out: Any = None
    if workers == 0:
        for _ in range(repeats):
            t0 = time.perf_counter()
            out = once(None)
            times.append(time.perf_counter() - t0)
        return {"seconds": statistics.median(times), "start_s": 0.0, "peak_mib": [_maxrss_mib()], "out": out}
    t0 = time.perf_counter()
    with dask_client(workers=workers) as client:
        start_s = time.perf_counter() - t0
        address = client.scheduler.address
        for _ in range(repeats):
            t0 = time.perf_counter()
            out = once(address)
            times.append(time.perf_counter() - t0)
        peaks = sorted(client.run(_maxrss_mib).values())
    return {"seconds": statistics.median(times), "start_s": start_s, "peak_mib": peaks, "out": out}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--embed", type=int, default=0, help="also embed this many passages (0 = skip)")
    ap.add_argument("--workers", default="0,1,2", help="configurations to run, e.g. 0,1,2 or 2 (0 = in-process)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    import os

    docs = synthetic_corpus(args.passages)
    print(f"- {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; {len(docs):,} passages\n")
    results: dict[str, Any] = {}
    stages: list[tuple[str, Any]] = [("themes", docs)]
    if args.embed:
        stages.append(("embed", [t for _, t in docs[: args.embed]]))
    head = ["stage", "workers", "passages", "seconds (median)", "passages/s", "speed-up", "cluster start (s)"]
    print("| " + " | ".join([*head, "peak MiB per worker"]) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for stage, items in stages:
        base: dict[str, Any] | None = None
        for workers in [int(w) for w in args.workers.split(",")]:
            res = run_config(workers, stage, items, args.repeats if stage == "themes" else 1)
            if base is None:
                base = res
            if stage == "themes":
                same = theme_digest(res["out"]) == theme_digest(base["out"])
            else:
                import numpy as np

                same = bool(np.abs(res["out"] - base["out"]).max() <= 1e-6)
            rate = len(items) / res["seconds"]
            results[f"{stage}/{workers}"] = {k: v for k, v in res.items() if k != "out"} | {"identical": same}
            peaks = ", ".join(f"{p:.0f}" for p in res["peak_mib"])
            print(f"| {stage} | {workers or 'in-process'} | {len(items):,} | {res['seconds']:.1f} | {rate:,.0f} "
                  f"| {base['seconds'] / res['seconds']:.2f}× | {res['start_s']:.1f} | {peaks} |"
                  + ("" if same else " OUTPUT DIFFERS"), flush=True)  # fmt: skip
    if "themes/0" not in results or "themes/2" not in results:
        return write_json(args.json, results)
    per_core = len(docs) / results["themes/0"]["seconds"]
    eff = (results["themes/0"]["seconds"] / results["themes/2"]["seconds"]) / 2
    print(f"\nthemes: {per_core:,.0f} passages/s on one core; 2-worker efficiency {eff:.2f}")
    for cores in (2, 16, 64):
        hours = 10_000_000 / (per_core * cores * min(1.0, eff)) / 3600
        print(f"- 10 M passages on {cores} cores: about {hours:.1f} h of lexical theme coding")
    return write_json(args.json, results)


def write_json(path: Path | None, results: dict[str, Any]) -> int:
    if path:
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput of `annotate` on the Riksdag interpellations, beside raw `nlp.pipe` of the same model.

    python benchmarks/nlp/bench_annotate.py                 # every configuration, each in a fresh process
    python benchmarks/nlp/bench_annotate.py --config annotate-default --docs 300

Each document is the interpellation's title, background (context) and question text; regions are its blocks
(textsamverkan.ingest.structure.find_blocks), as the CLI would pass them. Words are non-space tokens. Each
configuration runs in its own process so its peak memory (ru_maxrss) is its own; one CPU thread throughout.
Words per CPU second (process time) are reported beside wall-clock words per second, because the machine this
was measured on was shared: CPU time is what the process itself spent, whatever else was running.
Configurations (each: raw `nlp.pipe` of the loaded pipeline over the same line pieces, nothing converted, and
`annotate_many`, alternated 3 times; the best of each is reported, which is the least disturbed by other load):
  default: the spacy backend's defaults (parser off, NER off, senter, simplemma fallback);
  parser: parser on; ner: NER on (parser off); stanza: the bundled Stanza model (annotate only, once).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
CSV_PATH = REPO / ".." / "shared" / "data" / "riksdagen" / "interpellations" / "interpellations_2020_2021.csv"
CONFIGS = ("default", "parser", "ner", "stanza")
REPEATS = 3


def load_documents(n_docs: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, block regions) for the first n_docs interpellations."""
    from textsamverkan.ingest.structure import content_blocks, find_blocks

    csv.field_size_limit(sys.maxsize)
    docs = []
    with CSV_PATH.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = "\n\n".join(row[f] for f in ("title", "context_text", "question_text") if row[f])
            regions = [(b.start, b.end) for b in content_blocks(find_blocks(text))]
            docs.append((text, regions))
            if len(docs) >= n_docs:
                break
    return docs


def run_config(config: str, n_docs: int) -> dict[str, Any]:
    """Load the backend once, then time raw `nlp.pipe` and `annotate_many` alternately, REPEATS times each."""
    if config == "stanza":  # torch only where it is used: importing it would inflate the spaCy peak memory
        import torch

        torch.set_num_threads(1)
    from textsamverkan.nlp.annotate import annotate_many
    from textsamverkan.nlp.backend import get_backend
    from textsamverkan.segment.sentences import pieces_of

    docs = load_documents(n_docs)
    t_load = time.perf_counter()
    if config == "stanza":
        backend: Any = get_backend("stanza", None)
    else:
        backend = get_backend("spacy", None, parser=config == "parser", ner=config == "ner")
    load_s = time.perf_counter() - t_load
    pieces = [text[s:e] for text, regions in docs for s, e in pieces_of(text, regions)]

    def raw() -> int:
        return sum(sum(1 for t in doc if not t.is_space) for doc in backend.nlp.pipe(pieces, batch_size=64))

    def annotate() -> int:
        return sum(sum(1 for s in spans if s.layer == "token") for spans in annotate_many(docs, backend))

    runs: dict[str, list[tuple[float, float]]] = {"raw": [], "annotate": []}
    words = 0
    for _ in range(1 if config == "stanza" else REPEATS):
        for name, fn in (("raw", raw), ("annotate", annotate)):
            if name == "raw" and config == "stanza":
                continue
            t0, c0 = time.perf_counter(), time.process_time()
            words = fn()
            runs[name].append((time.perf_counter() - t0, time.process_time() - c0))
    out: dict[str, Any] = {"config": config, "docs": len(docs), "pieces": len(pieces), "words": words}
    for name, times in runs.items():
        if times:
            best_wall = min(t for t, _ in times)
            best_cpu = min(c for _, c in times)
            out[f"{name}_words_per_s"] = round(words / best_wall)
            out[f"{name}_words_per_cpu_s"] = round(words / best_cpu)
    if runs["raw"]:
        out["overhead_wall"] = round(out["raw_words_per_s"] / out["annotate_words_per_s"], 3)
        out["overhead_cpu"] = round(out["raw_words_per_cpu_s"] / out["annotate_words_per_cpu_s"], 3)
    out.update(
        load_s=round(load_s, 2),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        model=backend.info.as_attrs()["model"],
        loadavg_1min=os.getloadavg()[0],
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", choices=CONFIGS, default=None, help="run one configuration in this process")
    ap.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated configurations to run")
    ap.add_argument("--docs", type=int, default=400, help="number of interpellations (all: 1382)")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "nlp" / "bench_results.json")
    args = ap.parse_args()
    if args.config:
        print(json.dumps(run_config(args.config, args.docs)))
        return
    results = []
    for config in args.configs.split(","):
        cmd = [sys.executable, __file__, "--config", config, "--docs", str(args.docs)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        results.append(json.loads(out))
        print(out, flush=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

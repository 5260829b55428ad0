"""BERTopic speed on 20,000 passages with precomputed embeddings (target: ≤ 120 s on 2 cores).

Passages are blocks of real Swedish text (Riksdag interpellations, government pages, ~590k words), long blocks
cut into groups of sentences of about 22 words (--words), which yields 20,000 passages. The embeddings stand in for
a sentence model's: TF-IDF + truncated SVD to 384 dimensions, L2-normalised (the topic model only sees vectors;
computing them is not part of the timing). Each configuration runs in a fresh process, so the time includes
importing BERTopic and numba's first-call compilation.

    .venv/bin/python benchmarks/themes/speed_topics.py [--passages 20000]
    .venv/bin/python benchmarks/themes/speed_topics.py --sample 5000   # fitted on a sample, against the full fit

With --sample N the configurations are: the full fit, the full fit with another seed (how much BERTopic itself
moves), and the fit on a sample of N passages with the rest assigned to the closest topic centroid; agreement with
the full fit is the adjusted Rand index over every passage's topic (outliers counted as one more topic).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD = r"""
import json, pickle, sys, time
t0 = time.perf_counter()
import numpy as np
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.topics import TopicSettings, fit_topics, map_topics_to_codes
data = pickle.load(open(sys.argv[1], "rb"))
settings = TopicSettings(**json.loads(sys.argv[2]))
guided = json.loads(sys.argv[3])
t_load = time.perf_counter() - t0
cb = load_default_codebook()
t1 = time.perf_counter()
result = fit_topics(data["passages"], data["embeddings"], codebook=cb,
                    embedding_model=data["pipeline"] if guided else None, settings=settings)
t_fit = time.perf_counter() - t1
rows = map_topics_to_codes(result, data["embeddings"], cb)
outliers = sum(1 for a in result.assignments if a == -1)
print(json.dumps({"seconds_total": time.perf_counter() - t0, "seconds_fit": t_fit, "seconds_load": t_load,
                  "topics": sum(1 for t in result.topics if t.id != -1), "outliers": outliers,
                  "new": sum(r.new for r in rows), "labels": [t.label for t in result.topics[:8]],
                  "assignments": list(result.assignments)}))
"""


def build(n: int, args_words: int) -> dict[str, object]:
    import re

    import numpy as np
    from corpus import documents
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline

    from textsamverkan.segment.sentences import split_line
    from textsamverkan.themes.topics import Passage

    passages: list[Passage] = []
    for doc_id, text, regions in documents():
        for start, end in regions:
            block = text[start:end]
            if len(re.findall(r"\w+", block)) < 8:
                continue
            chunk_start, words = None, 0
            for a, b in split_line(block.replace("\n", " ")):
                chunk_start = a if chunk_start is None else chunk_start
                words += len(re.findall(r"\w+", block[a:b]))
                if words >= args_words:
                    passages.append(Passage(doc_id, start + chunk_start, start + b, block[chunk_start:b]))
                    chunk_start, words = None, 0
            if chunk_start is not None and words >= 8:
                passages.append(Passage(doc_id, start + chunk_start, end, block[chunk_start:]))
    passages = passages[:n]
    pipeline = make_pipeline(TfidfVectorizer(sublinear_tf=True, min_df=2), TruncatedSVD(384, random_state=0))
    emb = pipeline.fit_transform([p.text for p in passages]).astype(np.float32)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
    return {"passages": passages, "embeddings": emb, "pipeline": pipeline}


def main() -> None:
    import pickle

    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=20000)
    ap.add_argument("--words", type=int, default=22, help="words per passage (about)")
    ap.add_argument("--sample", type=int, default=0, help="compare a fit on this many passages with the full fit")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = build(args.passages, args.words)
    passages: list[Any] = data["passages"]  # type: ignore[assignment]
    n = len(passages)
    words = sum(len(p.text.split()) for p in passages)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{n} passages, {words} words; corpus and embeddings built in {time.perf_counter() - t0:.0f} s")
    configs: list[tuple[str, dict[str, int], bool]] = [
        ("default (UMAP n_epochs auto = 200, low_memory)", {}, False),
        ("UMAP n_epochs=100", {"umap_epochs": 100}, False),
        ("guided by the codebook (seed words via the SVD pipeline)", {}, True),
    ]
    if args.sample:
        configs = [
            ("default, fitted on every passage", {}, False),
            ("default, another seed (7)", {"seed": 7}, False),
            (f"fitted on a sample of {args.sample:,}, the rest by centroid", {"sample": args.sample}, False),
        ]
    full: list[int] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.pkl"
        path.write_bytes(pickle.dumps(data))
        for label, settings, guided in configs:
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), json.dumps(settings), json.dumps(guided)],
                capture_output=True, text=True, check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"- {label}: {r['seconds_total']:.0f} s in all (fit {r['seconds_fit']:.0f} s); "
                  f"{r['topics']} topics, {r['outliers']} outliers, {r['new']} not linked to a code; "
                  f"load average {os.getloadavg()[0]:.1f}")
            print(f"    first topics: {r['labels']}")
            if args.sample:
                from sklearn.metrics import adjusted_rand_score

                full = full or r["assignments"]
                print(f"    agreement with the full fit (adjusted Rand index): "
                      f"{adjusted_rand_score(full, r['assignments']):.3f}")


if __name__ == "__main__":
    main()

"""Embedding speed on this machine: sentences/s and passages/s for each system (single process, all cores).

Usage: python benchmarks/embed/speed_embed.py [--systems ...] [--sentences N] [--passages N]
Texts: sentences and passages of the regeringen.se pages in ../shared/data (deterministic selection).
Slow systems (the transformers) get at most --slow-sentences sentences; the rate is what matters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from embed.build.corpus import (
    regeringen_paragraphs,
    sample_passages,
    shared_data_dir,
    split_sentences,
)
from systems import SYSTEMS, Encode, Kind, load_system

FAST = {"static-sv", "tfidf"}


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def rate(encode: Encode, texts: list[str], kind: Kind) -> float:
    """Texts per second for one call over `texts` (after a small warm-up call)."""
    encode(texts[:8], kind)
    t0 = time.perf_counter()
    encode(texts, kind)
    return len(texts) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--sentences", type=int, default=20_000)
    ap.add_argument("--slow-sentences", type=int, default=256)
    ap.add_argument("--passages", type=int, default=64)
    args = ap.parse_args(argv)
    data = shared_data_dir()
    if data is None:
        print("../shared/data not found", file=sys.stderr)
        return 1
    sents = sorted({s for _, p in regeringen_paragraphs(data) for s in split_sentences(p) if len(s) >= 20})
    random.Random(0).shuffle(sents)
    while len(sents) < args.sentences:
        sents = sents + sents
    passages = sample_passages(data, args.passages, min_chars=400, max_chars=700)
    import torch

    print(f"- date: {dt.date.today().isoformat()}")
    print(f"- machine: {cpu_name()}, {os.cpu_count()} cores, torch threads {torch.get_num_threads()}")
    print(f"- Python {platform.python_version()}, torch {torch.__version__}")
    print(f"- sentences: mean {sum(map(len, sents[:1000])) / 1000:.0f} characters; passages: 400-700 characters\n")
    print("| system | sentences/s | passages/s | sentences timed |")
    print("|---|---|---|---|")
    for name in args.systems.split(","):
        n = args.sentences if name in FAST else args.slow_sentences
        texts = sents[:n]
        encode = load_system(name, fit_texts=sents[: args.sentences])
        s_rate = rate(encode, texts, "passage")
        p_rate = rate(encode, passages, "passage")
        print(f"| {name} | {s_rate:,.0f} | {p_rate:,.1f} | {n:,} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

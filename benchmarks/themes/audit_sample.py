"""Sample lexical hits per code and genre on the shared Riksdag interpellations and government pages, for reading.

Prints `n` random hits (seed 7 unless --seed) per code and genre as `code | genre | pool size | sentence`;
precision by reading is the share a reader marks right. Judgements are kept in audit_judgements_*.tsv.

    .venv/bin/python benchmarks/themes/audit_sample.py [--n 6]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents

from textsamverkan.segment.sentences import simple_sentences
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=6)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--codes", default="", help="comma-separated codes (default: all)")
    args = ap.parse_args()
    cb = load_default_codebook()
    m = LexicalMatcher(cb)
    pools: dict[tuple[str, str], list[str]] = {}
    for doc_id, text, regions in documents():
        genre = "riksdag" if doc_id.startswith("ip/") else "government"
        for s in simple_sentences(doc_id, text, regions):
            for code in m.match(s):
                pools.setdefault((code, genre), []).append(" ".join(s.text.split()))
    rng = random.Random(args.seed)
    wanted = set(filter(None, args.codes.split(",")))
    for c in cb.codes:
        if wanted and c.id not in wanted:
            continue
        for genre in ("riksdag", "government"):
            pool = pools.get((c.id, genre), [])
            for t in rng.sample(pool, min(args.n, len(pool))):
                print(f"{c.id}\t{genre}\t{len(pool)}\t{t[:260]}")


if __name__ == "__main__":
    main()

"""Sample hits per code and genre on the shared Riksdag interpellations and government pages, for reading.

Prints `n` random hits (seed 7 unless --seed) per code and genre as `code | genre | pool size | sentence`;
precision by reading is the share a reader marks right. Judgements are kept in audit_judgements_*.tsv.
`--model`: the learned layer's hits instead (those the rules did not make), on the documents its background
sentences did not come from. `--both`: the rules' and the layer's hits together on those documents, as `themes`
codes them, each line ending in its method (`lexical` or `model`); hide that column from a reader who judges them.
Since theme round 25 the documents are read as `themes` reads them: a passage that heads a section is not coded.

    .venv/bin/python benchmarks/themes/audit_sample.py [--n 6] [--model [--agreement 0.95] | --both]
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import background_documents, documents

from textsamverkan.segment.sentences import simple_sentences
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.model_coder import AGREEMENT, cached_model_coder


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=6)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--codes", default="", help="comma-separated codes (default: all)")
    ap.add_argument("--model", action="store_true", help="sample the learned layer's hits instead of the rules'")
    ap.add_argument("--both", action="store_true", help="sample the rules' and the layer's hits together")
    ap.add_argument("--mask", default="words", help="the learned layer's `mask` option")
    ap.add_argument("--agreement", type=float, default=None, help="the learned layer's agreement (default: its own)")
    args = ap.parse_args()
    cb = load_default_codebook()
    m = LexicalMatcher(cb)
    options = {} if args.mask == "words" else {"mask": args.mask}  # the default fit, cached once per codebook
    coder = cached_model_coder(cb, **options) if args.model or args.both else None
    if coder is not None:
        coder = replace(coder, agreement=args.agreement or AGREEMENT)
    skip = background_documents() if coder is not None else set()
    pools: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (code, genre) → (sentence, method)
    for doc_id, text, regions in documents(headings=False):
        if doc_id in skip:
            continue
        genre = "riksdag" if doc_id.startswith("ip/") else "government"
        sentences = simple_sentences(doc_id, text, regions)
        if coder is None:
            coded = [(s, code, "lexical") for s in sentences for code in m.match(s)]
        else:
            by_start = {s.start: s for s in sentences}
            rule_hits = code_sentences(sentences, cb, matcher=m)
            hits = [*(rule_hits if args.both else []), *coder.code(sentences, rule_hits)]
            coded = [(by_start[h.start], h.code, h.method) for h in hits]
        for s, code, method in coded:
            pools.setdefault((code, genre), []).append((" ".join(s.text.split()), method))
    if args.model:
        print("pool sizes:", {f"{c}/{g}": len(v) for (c, g), v in sorted(pools.items())})
    rng = random.Random(args.seed)
    wanted = set(filter(None, args.codes.split(",")))
    for c in cb.codes:
        if wanted and c.id not in wanted:
            continue
        for genre in ("riksdag", "government"):
            pool = pools.get((c.id, genre), [])
            for text, method in rng.sample(pool, min(args.n, len(pool))):
                print(f"{c.id}\t{genre}\t{len(pool)}\t{text[:260]}" + (f"\t{method}" if args.both else ""))


if __name__ == "__main__":
    main()

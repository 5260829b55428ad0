"""Refresh the passage pool of eval_sv.json from ../shared/data and check that every query's target is in it.

    python benchmarks/embed/build_eval_set.py [--shared ../shared]

The pairs and the reformulated queries in eval_sv.json were written by hand for this project and are kept as
they are; the pool is every prose paragraph (250-1,000 characters) of the regeringen.se pages and the 2020-2021
interpellations that mentions at least two domain terms (embed.build.corpus.domain_passages).
A passage's id is the first 10 hex digits of the sha256 of its text, so ids survive a reordering of the sources.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from embed.build.corpus import DEFAULT_SHARED, domain_passages, shared_data_dir

DATA = Path(__file__).resolve().parent / "eval_sv.json"


def passage_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    data_dir = shared_data_dir(args.shared)
    if data_dir is None:
        print(f"no shared data under {args.shared}", file=sys.stderr)
        return 1
    data = json.loads(DATA.read_text(encoding="utf-8"))
    pool = [{"id": passage_id(t), "source": d, "text": t} for d, t in domain_passages(data_dir)]
    ids = {p["id"] for p in pool}
    missing = [q["id"] for q in data["retrieval"]["queries"] if q["target"] not in ids]
    if missing:
        print(f"targets missing from the new pool: {missing}", file=sys.stderr)
        return 1
    data["retrieval"]["passages"] = pool
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(pool)} passages, {len(data['retrieval']['queries'])} queries, {len(data['pairs'])} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

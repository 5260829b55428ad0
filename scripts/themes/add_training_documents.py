"""Append whole labelled documents to the learned theme coder's training sentences (themes/data/training_sv.jsonl).

A document written and labelled by hand (one JSON object a line: `doc`, `genre`, `n`, `codes`, `implicit`,
`context_only`, `text`, the format of benchmarks/themes/devset_documents*.jsonl) becomes training rows in its
natural proportions, most of them care talk no code fits, which single sentences written for a code do not teach.
Left out: lines whose code is clear only from the lines around them (`context_only`: the classifiers read one
sentence), lines of fewer than three words, lines already in the file, and lines that share 60 % or more of their
words with a sentence of any evaluation set under benchmarks/themes/ (Jaccard over lower-cased word sets), so no
evaluation sentence is trained on. The ids are `prefix` and a running number; kinds follow the labels (implicit,
explicit, neutral).

    .venv/bin/python scripts/themes/add_training_documents.py --prefix v FILE.jsonl [FILE.jsonl …] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TRAINING = REPO / "src" / "textsamverkan" / "themes" / "data" / "training_sv.jsonl"
EVALUATION = REPO / "benchmarks" / "themes"
MAX_OVERLAP = 0.6
MIN_WORDS = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def evaluation_sentences() -> list[frozenset[str]]:
    """The word sets of every sentence of every evaluation set (`text` or `sentence` field)."""
    out = []
    for path in sorted(EVALUATION.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out.append(words(item.get("text") or item.get("sentence") or ""))
    return [w for w in out if w]


def too_close(text: frozenset[str], evaluation: list[frozenset[str]]) -> bool:
    return any(len(text & e) / len(text | e) >= MAX_OVERLAP for e in evaluation if text & e)


def training_rows(lines: list[dict[str, Any]], prefix: str, start: int, known: set[str],
                  evaluation: list[frozenset[str]]) -> tuple[list[dict[str, Any]], Counter[str]]:  # fmt: skip
    """The rows to append, numbered from `start`, and how many lines were left out and why."""
    rows: list[dict[str, Any]] = []
    left_out: Counter[str] = Counter()
    for item in lines:
        text = " ".join(item["text"].split())
        if item.get("context_only"):
            left_out["context only"] += 1
        elif len(_WORD.findall(text)) < MIN_WORDS:
            left_out["under three words"] += 1
        elif text in known:
            left_out["already in the file"] += 1
        elif too_close(words(text), evaluation):
            left_out["close to an evaluation sentence"] += 1
        else:
            kind = ("implicit" if item.get("implicit") else "explicit") if item["codes"] else "neutral"
            rows.append({"id": f"{prefix}{start + len(rows):04d}", "genre": item["genre"], "kind": kind,
                         "codes": sorted(item["codes"]), "text": text})  # fmt: skip
            known.add(text)
    return rows, left_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--prefix", required=True, help="the id letter of these rows (one no earlier writer used)")
    parser.add_argument("--dry-run", action="store_true", help="count, write nothing")
    args = parser.parse_args()
    existing = [json.loads(line) for line in TRAINING.read_text(encoding="utf-8").splitlines() if line.strip()]
    if any(r["id"].startswith(args.prefix) for r in existing):
        raise SystemExit(f"prefix {args.prefix!r} is taken")
    lines = [json.loads(line) for f in args.files for line in f.read_text(encoding="utf-8").splitlines()
             if line.strip()]  # fmt: skip
    rows, left_out = training_rows(lines, args.prefix, 1, {r["text"] for r in existing}, evaluation_sentences())
    print(f"{len(lines)} lines: {len(rows)} rows", dict(Counter(r["kind"] for r in rows)), "left out", dict(left_out))
    if not args.dry_run:
        with TRAINING.open("a", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

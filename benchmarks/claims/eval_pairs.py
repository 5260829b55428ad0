"""Verdicts on statement–evidence pairs (verify_pairs.jsonl): the verifier alone, without retrieval.

verify_pairs.jsonl: 659 pairs written on 2026-12-02 by someone who had not read the verifier's code or output, on
299 evidence sentences copied from 161 government pages and Riksdag interpellations in ../shared/data that no
other claims set uses: per evidence one restatement in other words (`supported`), one near-miss (`not_supported`:
number, date, direction, negation, antonym, actor, place, object, an added claim, a half-true claim) and for 61 an
unrelated statement. It was first made as training data for a learned verifier; it is used as a tuning set (its
failures were read), so its figures are not held out.

    .venv/bin/python benchmarks/claims/eval_pairs.py [--show KIND]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    from textsamverkan.claims.verdict import judge_evidence

    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the pairs of this kind with their verdicts and reasons")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (HERE / "verify_pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        verdict, _confidence, reasons = judge_evidence(row["statement"], row["evidence"], row["evidence"])
        verdicts[row["kind"]][verdict] += 1
        if args.show == row["kind"]:
            print(f"{verdict}: {row['statement']}\n  evidence: {row['evidence']}")
            print("  " + json.dumps(reasons, ensure_ascii=False))
    print("| kind | n | supported | partly | contradicted | no_evidence | right |")
    print("|---|---|---|---|---|---|---|")
    right_total = {True: [0, 0], False: [0, 0]}
    for kind, counts in sorted(verdicts.items()):
        n = sum(counts.values())
        should_support = kind == "restatement"
        right = counts["supported"] if should_support else n - counts["supported"]
        right_total[should_support][0] += right
        right_total[should_support][1] += n
        cells = " | ".join(str(counts[v]) for v in ("supported", "partly", "contradicted", "no_evidence"))
        print(f"| {kind} | {n} | {cells} | {right}/{n} |")
    (a, b), (c, d) = right_total[True], right_total[False]
    print(f"\nrestatements `supported`: {a}/{b} = {a / b:.2f}; near-misses and unrelated not `supported`: "
          f"{c}/{d} = {c / d:.2f}")


if __name__ == "__main__":
    main()

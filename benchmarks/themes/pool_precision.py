"""Precision by reading of one code's rule hits on the shared Riksdag interpellations and government pages, from every
blind judgement kept (`JUDGEMENTS`): each hit is joined to its readings by its sentence, and counts right when most of
its readers said `y`, half when they split. Hits nobody read are counted apart; the figure is the share of read hits
that are right, per genre.

Where the rules were mended on these very readings (theme round 30 for `medicines`, round 32 for `competence`), the
figure is optimistic.

    .venv/bin/python benchmarks/themes/pool_precision.py [--code medicines] [--list]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents

from textsamverkan.segment.sentences import simple_sentences
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences

HERE = Path(__file__).resolve().parent
# every folder of blind readings of formal-text hits (round 25 on); the single files beside them audit the learned layer
JUDGEMENTS = tuple(sorted(p.name for p in HERE.glob("audit_judgements_round*") if p.is_dir()))


def readings(code: str) -> dict[str, list[str]]:
    """Every reader's `y`/`n` per sentence judged for `code`."""
    out: dict[str, list[str]] = {}
    for folder in JUDGEMENTS:
        for path in sorted((HERE / folder).glob("*.tsv")):
            with path.open(encoding="utf-8") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    if row["code"] == code:
                        out.setdefault(row["sentence"].strip(), []).extend([row["reader_a"], row["reader_b"]])
    return out


def right(said: list[str]) -> float:
    """1 when most readers said `y`, 0 when most said `n`, 0.5 when they split."""
    yes, no = said.count("y"), said.count("n")
    return 1.0 if yes > no else 0.0 if no > yes else 0.5


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", default="medicines")
    ap.add_argument("--list", action="store_true", help="print every hit with its readings")
    args = ap.parse_args()
    said = readings(args.code)
    cb = load_default_codebook()
    matcher = LexicalMatcher(cb)
    tally: dict[str, list[float]] = {}
    unread: dict[str, int] = {}
    for doc_id, text, regions in documents(headings=False):
        genre = "riksdag" if doc_id.startswith("ip/") else "government"
        sentences = simple_sentences(doc_id, text, regions)
        by_start = {s.start: s for s in sentences}
        for hit in code_sentences(sentences, cb, matcher=matcher):
            if hit.code != args.code:
                continue
            sentence = by_start[hit.start].text.strip()
            judged = said.get(sentence)
            if args.list:
                print(f"{genre}\t{''.join(judged or '-')}\t{sentence}")
            if judged:
                tally.setdefault(genre, []).append(right(judged))
            else:
                unread[genre] = unread.get(genre, 0) + 1
    print(f"| `{args.code}` | hits | read | right (split = half) | precision by reading |")
    print("|---|---|---|---|---|")
    for genre in ("government", "riksdag"):
        scores = tally.get(genre, [])
        n = len(scores) + unread.get(genre, 0)
        precision = f"{sum(scores) / len(scores):.2f}" if scores else "–"
        print(f"| {genre} | {n} | {len(scores)} | {sum(scores):g} | {precision} |")


if __name__ == "__main__":
    main()

"""The learned layer with its own agreement and context relief on one side of the genres, the other side keeping
the shipped settings; scored on sets of documents with their own genre labels, as an upper bound for a genre read
from the text. Round 18 raised the agreement on written documents (`--side written`, not adopted); round 22 lowers
the agreement and raises the relief on spoken ones (`--side spoken`), scoring spoken lines only
(benchmarks/RESULTS.md, "Theme coding, round 18" and "round 22").

    .venv/bin/python benchmarks/themes/genre_agreement.py [--side written|spoken] [--grid 0.95,1.0,off]
        [--reliefs 0.1,0.2] [--sets ,2,3,4,5,6,7,8,9,10]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace

from devset import CORE_THEMES, HERE, counts, document_predictions, load_items, prf

from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import cached_model_coder

SPOKEN = frozenset(["interview", "podcast", "focus", "debate"])


def figures(items: list[dict[str, object]], pred: list[set[str]], all_codes: list[str]) -> tuple[float, ...]:
    """Core P, R, F1; all-codes F1; recall in other words and its precision (core codes) of `pred` on `items`."""
    p, r, f1 = prf(*counts(items, pred, list(CORE_THEMES)))
    all_f1 = prf(*counts(items, pred, all_codes))[2]
    implicit = [n for n, it in enumerate(items) if it["kind"] == "implicit"]
    ip, ir, _ = prf(*counts([items[n] for n in implicit], [pred[n] for n in implicit], list(CORE_THEMES)))
    return p, r, f1, all_f1, ir, ip


def describe(row: Sequence[float], digits: int = 3) -> str:
    """One line of `figures`."""
    p, r, f1, all_f1, ir, ip = (f"{x:.{digits}f}" for x in row)
    return f"core P {p} R {r} F1 {f1}; all F1 {all_f1}; in other words R {ir} (P {ip})"


def mean(rows: list[tuple[float, ...]]) -> list[float]:
    """Column means of rows of `figures`."""
    return [sum(col) / len(rows) for col in zip(*rows, strict=True)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--side", choices=("written", "spoken"), default="written", help="the genres the grid applies to")
    ap.add_argument("--grid", default="0.95,1.0,1.05,1.1,1.2,off", help="agreements for that side; off: rules")
    ap.add_argument("--reliefs", default="", help="context reliefs for that side (default: the shipped one)")
    ap.add_argument("--sets", default=",2,3,4,5,6,7,8,9,10", help="numbers of devset_documentsN.jsonl ('' = the first)")
    args = ap.parse_args()
    grid = [None if a == "off" else float(a) for a in args.grid.split(",")]
    codebook = load_default_codebook()
    shipped = cached_model_coder(codebook)
    all_codes = [code.id for code in codebook.codes]
    reliefs = [float(r) for r in args.reliefs.split(",")] if args.reliefs else [shipped.context_relief]
    settings = [(a, r) for a in grid for r in (reliefs if a is not None else reliefs[:1])]
    sums: dict[tuple[float | None, float], list[tuple[float, ...]]] = {s: [] for s in settings}
    for number in args.sets.split(","):
        name = f"devset_documents{number}.jsonl"
        items = load_items(HERE / name)
        side = [i for i, it in enumerate(items) if (it["genre"] in SPOKEN) == (args.side == "spoken")]
        other = [i for i, it in enumerate(items) if i not in set(side)]
        # spoken lines alone are scored on the spoken side; the written side scores whole sets, as round 18 did
        scored = side if args.side == "spoken" else list(range(len(items)))
        other_pred = (
            document_predictions([items[i] for i in other], with_model=True, coder=shipped)
            if args.side == "written"
            else [set[str]() for _ in other]
        )
        for agreement, relief in settings:
            # on the spoken side the relief is also the transcripts' (documents with speaker turns, since round 22)
            spoken = {"spoken_relief": relief} if args.side == "spoken" else {}
            coder = None
            if agreement is not None:
                coder = replace(shipped, agreement=agreement, context_relief=relief, **spoken)
            side_pred = document_predictions([items[i] for i in side], with_model=coder is not None, coder=coder)
            preds: list[set[str]] = [set() for _ in items]
            for i, p in (*zip(side, side_pred, strict=True), *zip(other, other_pred, strict=True)):
                preds[i] = p
            row = figures([items[i] for i in scored], [preds[i] for i in scored], all_codes)
            sums[(agreement, relief)].append(row)
            print(f"{name:28s} {args.side} agreement {agreement} relief {relief}: {describe(row)}", flush=True)
    for (agreement, relief), rows in sums.items():
        print(f"{args.side} agreement {agreement} relief {relief}: mean {describe(mean(rows), 4)}")


if __name__ == "__main__":
    main()

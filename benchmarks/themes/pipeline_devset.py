"""Theme coding of the whole-document dev sets through `ingest` and `themes`, as a user runs them.

`devset.py --set devset_documentsN.jsonl` codes each document's lines itself (structure read, headings left out),
which measures the coder; this script writes each document to a text file, ingests the files (blocks, speaker
turns, passages) and runs the themes stage (rules and the learned layer, no topics), then reads the stored theme
spans back onto the set's lines. What ingest loses or misreads (a transcript's turns, passages) shows here and not
there.

    .venv/bin/python benchmarks/themes/pipeline_devset.py --sets 11,12,13,14 [--no-model]

Prints core-seven precision, recall and F1 per genre and overall, and all-fourteen F1 overall. Never used to fit or
tune: see README.md in this folder.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, cast

from devset import CORE_THEMES, HERE, load_items

CORE = set(CORE_THEMES)


def load(sets: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each document's lines, in order, from the named sets ("" or "1" is devset_documents.jsonl)."""
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in sets:
        for row in load_items(HERE / f"devset_documents{'' if n in ('', '1') else n}.jsonl"):
            docs[str(row["doc"])].append(cast(dict[str, Any], row))
    return docs


def coded_lines(docs: dict[str, list[dict[str, Any]]], *, model: bool) -> dict[str, list[set[str]]]:
    """Each document's lines' codes as `ingest` and `themes` store them (a hit counts on the line it starts in)."""
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
    from textsamverkan.stages.themes import run_themes
    from textsamverkan.store import connect

    out: dict[str, list[set[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for doc, rows in docs.items():
            path = Path(tmp) / f"{doc}.txt"
            path.write_text("\n".join(str(r["text"]) for r in rows) + "\n", encoding="utf-8")
            files.append(path)
        conn = connect(Path(tmp) / "devset.db")
        ingest_paths(conn, files, IngestOptions())
        run_themes(conn, settings={"topics": False, "model_coder": model}, outputs=Path(tmp) / "outputs")
        for doc_id, text in conn.execute("SELECT doc_id, text FROM documents").fetchall():
            rows = docs[doc_id.rsplit("/", 1)[-1].removesuffix(".txt")]
            starts, pos = [], 0
            for r in rows:  # each line's place in the stored text (normalising keeps the lines' order)
                found = text.find(str(r["text"]), pos)
                starts.append(found)
                pos = max(pos, found)
            codes: list[set[str]] = [set() for _ in rows]
            spans = conn.execute("SELECT start, label FROM spans WHERE doc_id = ? AND layer = 'theme'", (doc_id,))
            for start, label in spans.fetchall():
                line = max((k for k, s in enumerate(starts) if 0 <= s <= start), default=0)
                codes[line].add(label)
            out[doc_id.rsplit("/", 1)[-1].removesuffix(".txt")] = codes
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="11,12,13,14", help="set numbers, comma-separated (1 is the first)")
    parser.add_argument("--no-model", action="store_true", help="the rules alone")
    args = parser.parse_args()
    docs = load(args.sets.split(","))
    predicted = coded_lines(docs, model=not args.no_model)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for doc, rows in docs.items():
        for row, codes in zip(rows, predicted[doc], strict=True):
            gold = {str(c) for c in row["codes"]}
            for key, keep in ((str(row["genre"]), CORE), ("all, core seven", CORE), ("all, fourteen codes", None)):
                g, p = (gold, codes) if keep is None else (gold & keep, codes & keep)
                counts[key][0] += len(g & p)
                counts[key][1] += len(p - g)
                counts[key][2] += len(g - p)
    print(f"sets {args.sets}, {'rules alone' if args.no_model else 'rules + learned layer'}, through ingest and themes")
    print("| slice | P | R | F1 |\n|---|---|---|---|")
    for key, (tp, fp, fn) in sorted(counts.items(), key=lambda kv: (kv[0].startswith("all"), kv[0])):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {key} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")


if __name__ == "__main__":
    main()

"""Theme round 25: would a vote of the nearest bundled training sentences add what the learned layer misses in speech?
Each sentence of the spoken documents of the named sets (the interviewer's questions left out, as `themes` does) is
compared with every bundled training and background sentence by e5-small-sv float32 vectors; its `--k` nearest vote
for their codes, weighted by similarity to the fourth power. A line the shipped tool leaves without a code whose vote
reaches a bar gets it; the table shows what that adds, right and wrong against the writers' labels.

    .venv/bin/python benchmarks/themes/knn_vote.py [--sets ,2,3,…,21] [--k 15]
"""

from __future__ import annotations

import argparse

import numpy as np
from devset import HERE, document_predictions, document_sentences, load_items
from genre_agreement import SPOKEN

from textsamverkan.embed import load_embedder
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import bundled_examples

BARS = (0.5, 0.6, 0.7, 0.8)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="," + ",".join(str(n) for n in range(2, 22)))
    ap.add_argument("--k", type=int, default=15)
    args = ap.parse_args()
    codebook = load_default_codebook()
    codes = [code.id for code in codebook.codes]
    embedder = load_embedder("e5-small-sv-onnx")  # float32: a vector does not depend on its batch
    examples = bundled_examples(codebook)
    known = embedder.encode([s.text for s, _ in examples], kind="passage", batch_size=32)
    labels = np.array([[c in codes_of for c in codes] for _, codes_of in examples], dtype=np.float32)
    lines: dict[tuple[str, int, str], tuple[float, bool, bool]] = {}  # (set, line, code) → (vote, writer, tool)
    for number in args.sets.split(","):
        items = [it for it in load_items(HERE / f"devset_documents{number}.jsonl") if it["genre"] in SPOKEN]
        tool = document_predictions(items, with_model=True, questions=False)
        for doc in document_sentences(items, questions=False):
            if not doc.sentences:
                continue
            similar = embedder.encode([s.text for s in doc.sentences], kind="passage", batch_size=32) @ known.T
            for row, sentence in zip(similar, doc.sentences, strict=True):
                nearest = np.argsort(-row)[: args.k]
                weights = np.maximum(row[nearest], 0) ** 4
                vote = (weights[:, None] * labels[nearest]).sum(axis=0) / max(float(weights.sum()), 1e-9)
                i = doc.item_of(sentence.start)
                for j, code in enumerate(codes):
                    key = (number, i, code)
                    if key not in lines or vote[j] > lines[key][0]:
                        lines[key] = (float(vote[j]), code in items[i]["codes"], code in tool[i])
    coded = sum(1 for _v, writer, _t in lines.values() if writer)
    tp = sum(1 for _v, writer, tool_has in lines.values() if writer and tool_has)
    fp = sum(1 for _v, writer, tool_has in lines.values() if tool_has and not writer)

    def f1(right: int, wrong: int) -> float:
        return 2 * right / (2 * right + wrong + coded - right)

    print(f"{coded} coded pairs; the tool: P {tp / (tp + fp):.3f} R {tp / coded:.3f} F1 {f1(tp, fp):.3f}")
    for bar in BARS:
        right = sum(1 for v, writer, tool_has in lines.values() if v >= bar and writer and not tool_has)
        wrong = sum(1 for v, writer, tool_has in lines.values() if v >= bar and not writer and not tool_has)
        after = f1(tp + right, fp + wrong)
        print(f"vote >= {bar}: adds {right} right, {wrong} wrong; F1 {f1(tp, fp):.3f} -> {after:.3f}")


if __name__ == "__main__":
    main()

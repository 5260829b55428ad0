"""How far the theme coder is from a careful reader: two coders per set, who saw only the code descriptions and a
one-page brief (human_coders/BRIEF.md, codes.md), coded every line of the spoken sets `devset_documents20` and
`devset_documents21` blind. Each coder, and the shipped coder (rules and learned layer, through `themes`' reading of
whole documents, the interviewer's questions left out), is scored against the set's writer; the two coders against
each other; and the shipped coder against the first coder. `--answers-only` scores the lines that are not questions.

    .venv/bin/python benchmarks/themes/human_agreement.py [--answers-only]
"""

from __future__ import annotations

import argparse
import json

from devset import HERE, document_predictions, is_question_line, load_items
from genre_agreement import describe, figures

from textsamverkan.themes.codebook import load_default_codebook

CODERS = HERE / "human_coders"
SETS = {20: ("A", "B"), 21: ("C", "D")}


def coder_labels(name: str, number: int) -> list[set[str]]:
    """One coder's codes per line of a set, in the set's order."""
    path = CODERS / f"coder{name}_set{number}.jsonl"
    return [set(json.loads(line)["codes"]) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers-only", action="store_true", help="score only the lines that are not questions")
    args = ap.parse_args()
    codes = [code.id for code in load_default_codebook().codes]
    for number, (first, second) in SETS.items():
        items = load_items(HERE / f"devset_documents{number}.jsonl")
        labels = {name: coder_labels(name, number) for name in (first, second)}
        assert all(len(v) == len(items) for v in labels.values()), "a coder's file does not match the set"
        tool = document_predictions(items, with_model=True, questions=False)
        scored = [i for i, it in enumerate(items) if not (args.answers_only and is_question_line(str(it["text"])))]

        def score(reference: list[dict[str, object]], pred: list[set[str]], scored: list[int] = scored) -> str:
            return describe(figures([reference[i] for i in scored], [pred[i] for i in scored], codes))

        print(f"devset_documents{number}, {len(scored)} lines")
        for name, pred in ((f"coder {first}", labels[first]), (f"coder {second}", labels[second]), ("tool", tool)):
            print(f"  {name:8s} against the writer:  {score(items, pred)}")
        # another coder as the reference; "in other words" stays the writer's mark of a line
        as_reference = {
            name: [dict(it, codes=sorted(v[i])) for i, it in enumerate(items)] for name, v in labels.items()
        }
        print(f"  coder {first} against coder {second}: {score(as_reference[second], labels[first])}")
        print(f"  tool against coder {first}:    {score(as_reference[first], tool)}")


if __name__ == "__main__":
    main()

"""Theme round 23's experiment: in a transcript, a sentence also counts as next to one with the code when a sentence
of the same speaker turn has it, not only the sentence before or after. Scored on the spoken documents of sets of
documents (their own genre labels), turns read as runs of lines from one "Label:" line to the next.

    .venv/bin/python benchmarks/themes/turn_context.py [--reliefs 0.2,0.3] [--sets ,2,3,4,5,6,7,8,9,10]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace

from devset import HERE, document_predictions, load_items
from genre_agreement import SPOKEN, describe, figures, mean

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import ModelCoder, cached_model_coder

_LABEL = re.compile(r"^[A-ZÅÄÖ][\w .-]{0,40}:\s")


@dataclass
class TurnCoder(ModelCoder):
    """The shipped layer, with a speaker's turn as context as well as the neighbouring sentences."""

    def _next_to_coded(  # type: ignore[override]
        self,
        sentences: Sequence[Sentence],
        pairs: Sequence[tuple[int, str]],
        coded: set[tuple[int, str]],
        have: set[tuple[str, int, str]],
    ) -> list[tuple[int, str]]:
        turn: list[int] = []
        for n, s in enumerate(sentences):
            new = n == 0 or s.doc_id != sentences[n - 1].doc_id or bool(_LABEL.match(s.text))
            turn.append((turn[-1] + 1 if turn else 0) if new else turn[-1])

        def has(k: int, cid: str) -> bool:
            return (k, cid) in coded or (sentences[k].doc_id, sentences[k].start, cid) in have

        members: dict[int, list[int]] = {}
        for n, t in enumerate(turn):
            members.setdefault(t, []).append(n)
        out = []
        for n, cid in pairs:
            if (n, cid) in coded:
                continue
            near = {k for k in (n - 1, n + 1) if 0 <= k < len(sentences) and sentences[k].doc_id == sentences[n].doc_id}
            near |= set(members[turn[n]]) - {n}
            if any(has(k, cid) for k in near):
                out.append((n, cid))
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reliefs", default="0.2,0.3")
    ap.add_argument("--sets", default=",2,3,4,5,6,7,8,9,10", help="numbers of devset_documentsN.jsonl ('' = the first)")
    args = ap.parse_args()
    codebook = load_default_codebook()
    shipped = cached_model_coder(codebook)
    all_codes = [code.id for code in codebook.codes]
    turned = TurnCoder(**{f.name: getattr(shipped, f.name) for f in fields(shipped)})
    variants = [("neighbours", shipped), ("turn", turned)]
    settings = [(name, float(r)) for name, _ in variants for r in args.reliefs.split(",")]
    sums: dict[tuple[str, float], list[tuple[float, ...]]] = {s: [] for s in settings}
    for number in args.sets.split(","):
        name = f"devset_documents{number}.jsonl"
        items = [it for it in load_items(HERE / name) if it["genre"] in SPOKEN]
        for variant, relief in settings:
            coder = replace(dict(variants)[variant], spoken_relief=relief)
            row = figures(items, document_predictions(items, with_model=True, coder=coder), all_codes)
            sums[(variant, relief)].append(row)
            print(f"{name:28s} {variant} relief {relief}: {describe(row)}", flush=True)
    for (variant, relief), rows in sums.items():
        print(f"{variant} relief {relief}: mean {describe(mean(rows), 4)}")


if __name__ == "__main__":
    main()

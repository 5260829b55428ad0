"""Theme round 23's experiment: in a transcript, a sentence also counts as next to one with the code when a sentence
of the same speaker turn has it, not only the sentence before or after. Scored on the spoken documents of sets of
documents (their own genre labels), turns read as runs of lines from one "Label:" line to the next.

    .venv/bin/python benchmarks/themes/turn_context.py [--reliefs 0.2,0.3] [--sets ,2,3,4,5,6,7,8,9,10]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

from devset import CORE_THEMES, HERE, counts, document_predictions, load_items, prf
from genre_agreement import SPOKEN

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
            base = dict(variants)[variant]
            coder = type(base)(**{f.name: getattr(base, f.name) for f in fields(base)} | {"spoken_relief": relief})
            pred = document_predictions(items, with_model=True, coder=coder)
            p, r, f1 = prf(*counts(items, pred, list(CORE_THEMES)))
            all_f1 = prf(*counts(items, pred, all_codes))[2]
            implicit = [n for n, it in enumerate(items) if it["kind"] == "implicit"]
            ip, ir, _ = prf(*counts([items[n] for n in implicit], [pred[n] for n in implicit], list(CORE_THEMES)))
            sums[(variant, relief)].append((p, r, f1, all_f1, ir, ip))
            print(
                f"{name:28s} {variant} relief {relief}: core P {p:.3f} R {r:.3f} F1 {f1:.3f}; all F1 {all_f1:.3f}; "
                f"in other words R {ir:.3f} (P {ip:.3f})",
                flush=True,
            )
    for (variant, relief), rows in sums.items():
        mean = [sum(col) / len(rows) for col in zip(*rows, strict=True)]
        print(
            f"{variant} relief {relief}: mean core P {mean[0]:.4f} R {mean[1]:.4f} F1 {mean[2]:.4f}; "
            f"all F1 {mean[3]:.4f}; in other words R {mean[4]:.4f} (P {mean[5]:.4f})"
        )


if __name__ == "__main__":
    main()

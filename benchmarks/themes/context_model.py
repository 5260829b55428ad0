"""Theme round 24: in a transcript, the context model (themes/context_model.py) against the fixed relief of round 22,
on the spoken documents of sets of documents (their own genre labels). `--precision` refits the context model's cut
for other out-of-fold precisions (the shipped one is `CONTEXT_PRECISION`); `--keep-relief` also keeps the relief's
hits beside the model's. `--answers-only` scores only the lines that are not the interviewer's or moderator's
questions, and `--drop-questions` leaves those out before coding, as `themes` does. `--sentence-embedder NAME`
adds the whole layer refitted with its sentence model on another embedder (round 25: the float32 graph,
"e5-small-sv-onnx"); `--side written` scores the written documents instead.

    .venv/bin/python benchmarks/themes/context_model.py [--precision 0.75,0.8,0.85,0.9] [--keep-relief]
        [--answers-only [--drop-questions]] [--sentence-embedder NAME] [--side spoken|written]
        [--sets ,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]
"""

from __future__ import annotations

import argparse
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from devset import HERE, document_predictions, is_question_line, load_items
from genre_agreement import SPOKEN, describe, figures, mean

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import ModelCoder, cached_model_coder, fit_transcript_context
from textsamverkan.themes.types import ThemeHit


@dataclass
class BothCoder(ModelCoder):
    """The context model's hits and the relief's together."""

    def code(
        self, sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit] = (), spoken: Collection[str] = ()
    ) -> list[ThemeHit]:
        hits = super().code(sentences, lexical_hits, spoken)
        seen = {(h.doc_id, h.start, h.code) for h in hits}
        relief = replace(self, context=None)
        return hits + [h for h in ModelCoder.code(relief, sentences, lexical_hits, spoken)
                       if (h.doc_id, h.start, h.code) not in seen]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--precision", default="", help="out-of-fold precisions to refit the cut for (default: shipped)")
    ap.add_argument("--keep-relief", action="store_true")
    ap.add_argument("--answers-only", action="store_true", help="score the lines that are not questions")
    ap.add_argument("--drop-questions", action="store_true", help="leave the questions out before coding")
    ap.add_argument("--sentence-embedder", default="", help="also the layer refitted on this sentence embedder")
    ap.add_argument("--side", choices=("spoken", "written"), default="spoken")
    ap.add_argument("--sets", default=",2,3,4,5,6,7,8,9,10,11,12,13,14,15,16")
    args = ap.parse_args()
    codebook = load_default_codebook()
    shipped = cached_model_coder(codebook)
    all_codes = [code.id for code in codebook.codes]
    variants: list[tuple[str, ModelCoder]] = [("relief 0.3", replace(shipped, context=None))]
    for target in args.precision.split(",") if args.precision else []:
        variants.append((f"context P{target}", replace(shipped, context=fit_transcript_context(
            shipped, codebook, float(target)))))  # fmt: skip
    if not args.precision:
        variants.append(("context (shipped)", shipped))
    if args.sentence_embedder:
        refit = cached_model_coder(codebook, sentence_embedder=args.sentence_embedder)
        variants.append((f"on {args.sentence_embedder}", refit))
    if args.keep_relief:
        variants = [variants[0], *((f"{name} + relief", BothCoder(**vars(c))) for name, c in variants[1:])]
    sums: dict[str, list[tuple[float, ...]]] = {name: [] for name, _ in variants}
    for number in args.sets.split(","):
        name = f"devset_documents{number}.jsonl"
        items = [it for it in load_items(HERE / name) if (it["genre"] in SPOKEN) == (args.side == "spoken")]
        scored = [i for i, it in enumerate(items) if not (args.answers_only and is_question_line(str(it["text"])))]
        for variant, coder in variants:
            pred = document_predictions(items, with_model=True, coder=coder, questions=not args.drop_questions)
            row = figures([items[i] for i in scored], [pred[i] for i in scored], all_codes)
            sums[variant].append(row)
            print(f"{name:28s} {variant:24s}: {describe(row)}", flush=True)
    for variant, rows in sums.items():
        print(f"{variant:24s}: mean {describe(mean(rows), 4)}")


if __name__ == "__main__":
    main()

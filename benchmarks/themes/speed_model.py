"""Cost of the model layer (themes/model_coder.py): fitting once on the bundled labelled sentences (no cache), and
coding per 100,000 words of two kinds of text: the Riksdag interpellations, government pages and seed corpus (~600k
words of formal text, little of it about care) and the held-out care-talk sets (interview speech and care-policy
prose, nearly every sentence about care: the worst case for the sentence model, which reads only the sentences the
first model could code).

Both include the embeddings; loading the embedders is timed separately.

    .venv/bin/python benchmarks/themes/speed_model.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import HERE, load_items, sentences_of, training_sentences

from textsamverkan.embed import load_embedder
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.model_coder import fit_model_coder


def main() -> None:
    cb = load_default_codebook()
    t0 = time.perf_counter()
    load_embedder("static-sv")
    load_embedder("e5-small-sv")
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    coder = fit_model_coder(cb)
    t_fit = time.perf_counter() - t0
    print(f"codes with a model: {', '.join(coder.models)}")
    print(f"load static-sv and e5-small-sv: {t_load:.1f} s (once per process)")
    print(f"fit: {t_fit:.1f} s on {coder.training_sentences} labelled sentences (once per codebook)")
    care = [s for name in ("devset_interview.jsonl", "devset_policy.jsonl") for ss in sentences_of(
        load_items(HERE / name)) for s in ss]
    for label, sentences in (("formal text", training_sentences()), ("care talk", care)):
        words = sum(s.words for s in sentences)
        per = 100_000 / words
        matcher = LexicalMatcher(cb)
        t0 = time.perf_counter()
        lexical = code_sentences(sentences, cb, matcher=matcher)
        t_lex = time.perf_counter() - t0
        read = _count_sentence_model_reads(coder)
        t0 = time.perf_counter()
        model_hits = coder.code(sentences, lexical)
        t_code = time.perf_counter() - t0
        print(f"{label}: {len(sentences)} sentences, {words} words")
        print(f"  lexical coding: {t_lex:.2f} s = {t_lex * per:.2f} s per 100k words")
        print(f"  model coding: {t_code:.1f} s = {t_code * per:.1f} s per 100k words; {len(model_hits)} model hits "
              f"beside {len(lexical)} lexical; the sentence model read {read[0]} sentences "
              f"({read[0] / len(sentences):.1%})")


def _count_sentence_model_reads(coder: Any) -> list[int]:
    """A counter of the sentences the paired sentence model embeds from now on (0 when the layer has none)."""
    read = [0]
    if coder.second is None:
        return read
    scores = coder.second.scores

    def counting(sentences: Any) -> Any:
        read[0] += len(sentences)
        return scores(sentences)

    coder.second.scores = counting
    return read


if __name__ == "__main__":
    main()

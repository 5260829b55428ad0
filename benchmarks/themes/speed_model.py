"""Cost of the model layer (themes/model_coder.py): fitting once on the bundled labelled sentences (no cache), and
coding per 100,000 words of the Riksdag interpellations, government pages and seed corpus (~600k words).

Both include the static-sv embeddings; loading the embedder is timed separately.

    .venv/bin/python benchmarks/themes/speed_model.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import training_sentences

from textsamverkan.embed import load_embedder
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.model_coder import fit_model_coder


def main() -> None:
    sentences = training_sentences()
    words = sum(s.words for s in sentences)
    cb = load_default_codebook()
    t0 = time.perf_counter()
    load_embedder("static-sv")
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    coder = fit_model_coder(cb)
    t_fit = time.perf_counter() - t0
    matcher = LexicalMatcher(cb)
    t0 = time.perf_counter()
    lexical = code_sentences(sentences, cb, matcher=matcher)
    t_lex = time.perf_counter() - t0
    t0 = time.perf_counter()
    model_hits = coder.code(sentences, lexical)
    t_code = time.perf_counter() - t0
    per = 100_000 / words
    print(f"{len(sentences)} sentences, {words} words; codes with a model: {', '.join(coder.models)}")
    print(f"load static-sv: {t_load:.1f} s (once per process)")
    print(f"fit: {t_fit:.1f} s on {coder.training_sentences} labelled sentences (once per codebook)")
    print(f"lexical coding: {t_lex:.2f} s = {t_lex * per:.2f} s per 100k words")
    print(f"model coding: {t_code:.1f} s = {t_code * per:.1f} s per 100k words; {len(model_hits)} model hits "
          f"beside {len(lexical)} lexical")


if __name__ == "__main__":
    main()

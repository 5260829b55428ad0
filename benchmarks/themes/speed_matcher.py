"""Lexical theme coding speed (words/s) on annotated text: the default codebook over ~600k words of real Swedish.

Sentences and tokens are made first with the model-free `simple_sentences` (timed separately; an NLP pipeline
would take its place), then `LexicalMatcher.match` runs over every sentence: once with a cold word-form cache
and once warm. Target: ≥ 200,000 words/s.

    .venv/bin/python benchmarks/themes/speed_matcher.py
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents

from textsamverkan.segment.sentences import simple_sentences
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher


def main() -> None:
    docs = list(documents())
    t0 = time.perf_counter()
    sentences = [s for doc_id, text, regions in docs for s in simple_sentences(doc_id, text, regions)]
    t_split = time.perf_counter() - t0
    words = sum(s.words for s in sentences)
    tokens = sum(len(s.tokens) for s in sentences)
    codebook = load_default_codebook()
    results = []
    matcher = LexicalMatcher(codebook)
    for label in ("cold cache", "warm cache"):
        t0 = time.perf_counter()
        coded = sum(1 for s in sentences if matcher.match(s))
        seconds = time.perf_counter() - t0
        results.append((label, seconds, coded))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average at end {os.getloadavg()[0]:.1f}")
    print(f"{len(docs)} documents, {len(sentences)} sentences, {words} words ({tokens} tokens)")
    print(f"simple_sentences (tokenise + simplemma lemmas): {t_split:.1f} s = {words / t_split:,.0f} words/s")
    for label, seconds, coded in results:
        print(f"lexical coding, {label}: {seconds:.2f} s = {words / seconds:,.0f} words/s; {coded} sentences coded")


if __name__ == "__main__":
    main()

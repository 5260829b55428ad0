"""Cost of the model layer (themes/model_coder.py): fitting once on the bundled labelled sentences (no cache), and
coding per 100,000 words of two kinds of text: the Riksdag interpellations, government pages and seed corpus (~600k
words of formal text, little of it about care) and the held-out care-talk sets (interview speech and care-policy
prose, nearly every sentence about care: the worst case for the sentence model, which reads only the sentences the
first model could code); and transcripts, where the context model has the sentence model read every sentence that
may be coded, with and without it.

Both include the embeddings; loading the embedders is timed separately.

    .venv/bin/python benchmarks/themes/speed_model.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import HERE, document_sentences, load_items, sentences_of, training_sentences
from genre_agreement import SPOKEN

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
    _transcripts(cb, coder)


def _transcripts(cb: Any, coder: Any) -> None:
    """Coding transcripts (the spoken documents of the first ten sets of documents, each coded as `themes` codes a
    document with speaker turns), read by the context model and, for comparison, with the relief; the sentence
    vectors kept between runs are cleared first, so each run embeds what it reads."""
    from dataclasses import replace

    from textsamverkan.themes import model_coder

    documents = []
    for number in ["", *map(str, range(2, 11))]:
        items = [it for it in load_items(HERE / f"devset_documents{number}.jsonl") if it["genre"] in SPOKEN]
        documents += [d for d in document_sentences(items) if d.spoken]
    words = sum(s.words for d in documents for s in d.sentences)
    sentences = sum(len(d.sentences) for d in documents)
    print(f"transcripts: {len(documents)} documents, {sentences} sentences, {words} words")
    matcher = LexicalMatcher(cb)
    for label, variant in (("relief (--no-context-model)", replace(coder, context=None)), ("context model", coder)):
        model_coder._RECENT.clear()
        read = _count_sentence_model_reads(variant)
        t0 = time.perf_counter()
        hits = 0
        for d in documents:
            hits += len(variant.code(d.sentences, code_sentences(d.sentences, cb, matcher=matcher), [d.doc]))
        took = time.perf_counter() - t0
        print(f"  {label}: {took:.1f} s = {took * 100_000 / words:.1f} s per 100k words; {hits} model hits; the "
              f"sentence model read {read[0]} sentences ({read[0] / sentences:.1%})")


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

"""How the learned layer's two models are combined: each rule for a hit compared on labelled sets.

The shipped fit (cached once per codebook) holds the same classifiers twice, over the word features plus a static-sv
embedding and over the word features plus an e5-small-sv embedding (themes/model_coder.py). This scores every
sentence with both and compares ways of deciding a hit from the two ratios score/threshold: either model alone,
either, both, the mean of the ratios at 1.0, 0.95, 0.90 (shipped) and 0.85, and the e5 model where the word model
reaches half its threshold. Rows: core 7 P / R / F1, implicit core mentions P / R, distractors coded (rules and layer
together).

    .venv/bin/python benchmarks/themes/pairing_variants.py [--sets devset_paraphrase.jsonl tuneset_paraphrase.jsonl]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from devset import CORE_THEMES, HERE, counts, load_items, prf, sentences_of

from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences
from textsamverkan.themes.model_coder import _WORD, MIN_WORDS, cached_model_coder

Rule = Callable[[float, float], bool]  # (word model ratio, e5 model ratio) -> hit
RULES: dict[str, Rule] = {
    "word model alone": lambda w, e: w >= 1,
    "e5 model alone": lambda w, e: e >= 1,
    "either model": lambda w, e: w >= 1 or e >= 1,
    "both models": lambda w, e: w >= 1 and e >= 1,
    "mean of the ratios >= 1.0": lambda w, e: (w + e) / 2 >= 1.0,
    "mean of the ratios >= 0.95": lambda w, e: (w + e) / 2 >= 0.95,
    "mean of the ratios >= 0.90 (shipped)": lambda w, e: (w + e) / 2 >= 0.90,
    "mean of the ratios >= 0.85": lambda w, e: (w + e) / 2 >= 0.85,
    "e5 where the word model reaches half": lambda w, e: e >= 1 and w >= 0.5,
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="*", default=["devset_paraphrase.jsonl", "tuneset_paraphrase.jsonl"])
    args = ap.parse_args()
    cb = load_default_codebook()
    matcher = LexicalMatcher(cb)
    word = cached_model_coder(cb)  # the shipped fit: the word model, with the e5 model as its `second`
    e5 = word.second
    assert e5 is not None
    codes = sorted(word.models)
    for name in args.sets:
        items = load_items(HERE / name)
        per_item = sentences_of(items)
        predictions: dict[str, list[set[str]]] = {rule: [] for rule in RULES}
        for sentences in per_item:
            ruled = {h.code for h in code_sentences(sentences, cb, matcher=matcher)}
            _x, word_scores = word.scores(sentences)
            _y, e5_scores = e5.scores(sentences)
            for rule, decide in RULES.items():
                pred = set(ruled)
                for n, s in enumerate(sentences):
                    if sum(1 for t in s.tokens if _WORD.fullmatch(t.text)) < MIN_WORDS:
                        continue
                    for cid in codes:
                        w = word_scores[cid][n] / word.models[cid].threshold
                        e = e5_scores[cid][n] / e5.models[cid].threshold
                        if decide(w, e):
                            pred.add(cid)
                predictions[rule].append(pred)
        implicit = [i for i, it in enumerate(items) if it["kind"] == "implicit"]
        distractors = [i for i, it in enumerate(items) if it["kind"] == "distractor"]
        print(f"\n{name}\n| rule | core P / R / F1 | implicit P / R | distractors coded |\n|---|---|---|---|")
        for rule, pred in predictions.items():
            p, r, f = prf(*counts(items, pred, list(CORE_THEMES)))
            ip, ir, _f = prf(*counts([items[i] for i in implicit], [pred[i] for i in implicit], list(CORE_THEMES)))
            coded = sum(1 for i in distractors if pred[i])
            print(f"| {rule} | {p:.2f} / {r:.2f} / {f:.2f} | {ip:.2f} / {ir:.2f} | {coded} of {len(distractors)} |")


if __name__ == "__main__":
    main()

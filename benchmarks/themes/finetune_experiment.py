"""A fine-tuned sentence classifier as the theme coder's learned layer: trained and measured against the shipped one
(logistic regressions over words and two embeddings, model_coder.py) on every set of whole documents.

Model: the bundled e5-small-sv read as "query: sentence"; the lower 8 layers stay as they are (their states are
computed once), the top 4 and a linear head with one output per code (sigmoid, binary cross-entropy) are trained
(AdamW, warm-up over a tenth of the steps then linear decay, seed 0). Data: the bundled training sentences
(themes/data/training_sv.jsonl) and every third sentence of the ordinary text (background_sv.txt; the shipped layer
learns from all of it); one sentence in five (by a hash of its text) is held out and chooses each code's threshold:
the lowest probability where held-out sentences at or above it have the code `--precision` of the time.

A sentence gets a model hit for a code the rules did not give it, as the shipped layer's hits are added (none in a
document the rules find off the codebook's subjects, none in a line of fewer than three words or names only). Each
set of documents is coded as `themes` codes it (benchmarks/themes/devset.py): the rules alone, rules + the shipped
layer, rules + the fine-tuned classifier, rules + both, and the shipped layer with the fine-tuned classifier in the
place of its sentence model (a hit needs the word model and the classifier to agree).

    .venv/bin/python benchmarks/themes/finetune_experiment.py [--epochs 4] [--keep DIR] [--precision 0.9 0.8]

`--keep DIR` keeps the trained weights (and reads them from there on the next run instead of training again).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import devset

sys.path.insert(0, str(devset.HERE.parent))
from top_layers import first, optimiser_for, top_forward, train_step

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import _WORD, BACKGROUND_FILE, MIN_WORDS, TRAINING_FILE, off_topic_documents
from textsamverkan.themes.statements import names_only
from textsamverkan.themes.types import ThemeHit

REPO = devset.HERE.parents[1]
PROMPT = "query: "
MAX_LENGTH, BATCH, SEED, LAYERS, LR = 96, 32, 0, 4, 1e-4
BACKGROUND_EVERY = 3  # a third of the ordinary sentences: they teach little after the first few thousand
DOCUMENT_SETS = ["devset_documents.jsonl"] + [f"devset_documents{n}.jsonl" for n in range(2, 13)]


def held_out(text: str) -> bool:
    """One sentence in five, by a stable hash of its text."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def training_rows(codes: Sequence[str]) -> list[tuple[str, list[float]]]:
    """(text, one 0/1 per code) for every bundled training sentence and a third of the background."""
    rows = []
    for line in TRAINING_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            rows.append((item["text"], [1.0 if c in item["codes"] else 0.0 for c in codes]))
    background = [line for line in BACKGROUND_FILE.read_text(encoding="utf-8").splitlines() if line]
    return rows + [(line, [0.0] * len(codes)) for line in background[::BACKGROUND_EVERY]]


class Classifier:
    """e5-small-sv with its top layers and a head per code trained on labelled sentences."""

    def __init__(self, n_codes: int) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        random.seed(SEED)
        torch.manual_seed(SEED)
        base = REPO / "models" / "e5-small-sv"
        self.tokenizer = AutoTokenizer.from_pretrained(base)
        self.encoder = AutoModel.from_pretrained(base)
        self.encoder.eval()
        self.first_trained = len(self.encoder.encoder.layer) - LAYERS
        self.top = torch.nn.ModuleList(self.encoder.encoder.layer[self.first_trained :])
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_codes)

    def lower_states(self, texts: Sequence[str]) -> list[Any]:
        import torch

        out = []
        for at in range(0, len(texts), 64):
            batch = self.tokenizer([PROMPT + t for t in texts[at : at + 64]], padding=True, truncation=True,
                                   max_length=MAX_LENGTH, return_tensors="pt")  # fmt: skip
            with torch.no_grad():
                hidden = self.encoder.embeddings(input_ids=batch["input_ids"],
                                                 token_type_ids=batch.get("token_type_ids"))  # fmt: skip
                mask = (1.0 - batch["attention_mask"][:, None, None, :].float()) * torch.finfo(torch.float32).min
                for layer in self.encoder.encoder.layer[: self.first_trained]:
                    hidden = first(layer(hidden, attention_mask=mask))
            out += [hidden[j, : int(batch["attention_mask"][j].sum())].clone() for j in range(hidden.shape[0])]
        return out

    def forward(self, states: list[Any]) -> Any:
        return top_forward(self.top, self.head, states)

    def train(self, texts: Sequence[str], labels: Sequence[list[float]], epochs: int) -> None:
        import torch

        started = time.time()
        states = self.lower_states(texts)
        print(f"lower states of {len(texts)} sentences: {time.time() - started:.0f} s", flush=True)
        target = torch.tensor(labels)
        optimiser, schedule = optimiser_for(self.top, self.head, epochs * -(-len(texts) // BATCH), LR)
        # batches of similar length pad less: shuffle, then sort within windows of 50 batches
        self.top.train()
        for epoch in range(epochs):
            order = list(range(len(texts)))
            random.shuffle(order)
            windows = [sorted(order[a : a + 50 * BATCH], key=lambda i: states[i].shape[0])
                       for a in range(0, len(order), 50 * BATCH)]  # fmt: skip
            batches = [w[a : a + BATCH] for w in windows for a in range(0, len(w), BATCH)]
            random.shuffle(batches)
            total = 0.0
            for picked in batches:
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    self.forward([states[i] for i in picked]), target[picked]
                )
                total += train_step(loss, optimiser, schedule) * len(picked)
            print(f"epoch {epoch + 1}: loss {total / len(texts):.4f} ({time.time() - started:.0f} s)", flush=True)
        self.top.eval()

    def probabilities(self, texts: Sequence[str]) -> list[list[float]]:
        import torch

        if not texts:
            return []
        states = self.lower_states(texts)
        out: list[list[float]] = []
        with torch.no_grad():
            for at in range(0, len(states), 64):
                out += torch.sigmoid(self.forward(states[at : at + 64])).tolist()
        return out

    def save(self, folder: Path) -> None:
        import torch

        folder.mkdir(parents=True, exist_ok=True)
        torch.save({"top": self.top.state_dict(), "head": self.head.state_dict()}, folder / "weights.pt")

    def load(self, folder: Path) -> None:
        import torch

        saved = torch.load(folder / "weights.pt")
        self.top.load_state_dict(saved["top"])
        self.head.load_state_dict(saved["head"])
        self.top.eval()


def threshold_for(probs: Sequence[float], gold: Sequence[bool], precision: float) -> float:
    """The lowest probability at or above which held-out sentences have the code `precision` of the time."""
    ranked = sorted(zip(probs, gold, strict=True), reverse=True)
    right = 0
    best = 1.01
    for n, (p, g) in enumerate(ranked, start=1):
        right += g
        if right / n >= precision and g:
            best = p
    return best


class FineTunedCoder:
    """The classifier as the learned layer codes: hits for codes the rules did not give a sentence."""

    def __init__(self, classifier: Classifier, codes: Sequence[str], thresholds: dict[str, float],
                 also: Any = None) -> None:  # fmt: skip
        self.classifier, self.codes, self.thresholds, self.also = classifier, list(codes), thresholds, also
        self.cache: dict[str, list[float]] = {}

    def probabilities(self, texts: Sequence[str]) -> list[list[float]]:
        """Each text's probability per code; a text read before in this run is not read again."""
        todo = [t for t in texts if t not in self.cache]
        for text, probs in zip(todo, self.classifier.probabilities(todo), strict=True):
            self.cache[text] = probs
        return [self.cache[t] for t in texts]

    def code(self, sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit] = ()) -> list[ThemeHit]:
        extra = self.also.code(sentences, lexical_hits) if self.also is not None else []
        off_topic = off_topic_documents(sentences, lexical_hits)
        have = {(h.doc_id, h.start, h.code) for h in [*lexical_hits, *extra]}
        open_ = [s for s in sentences if s.doc_id not in off_topic and not names_only(s.text)
                 and sum(1 for t in s.tokens if _WORD.fullmatch(t.text)) >= MIN_WORDS]  # fmt: skip
        probabilities = self.probabilities([s.text for s in open_])
        hits = list(extra)
        for s, row in zip(open_, probabilities, strict=True):
            for code, p in zip(self.codes, row, strict=True):
                if p >= self.thresholds[code] and (s.doc_id, s.start, code) not in have:
                    hits.append(ThemeHit(s.doc_id, s.start, s.end, code, p, "model", {"score": p}))
        return hits


class AsSentenceModel:
    """The classifier in the place of the shipped layer's sentence model (`ModelCoder.second`): a hit then needs the
    word model and the fine-tuned classifier to agree, each against its own threshold."""

    def __init__(self, coder: FineTunedCoder) -> None:
        from types import SimpleNamespace

        self.coder = coder
        self.models = {c: SimpleNamespace(threshold=t) for c, t in coder.thresholds.items()}

    def scores(self, sentences: Sequence[Sentence]) -> tuple[None, dict[str, Any]]:
        import numpy as np

        table = np.array(self.coder.probabilities([s.text for s in sentences])).reshape(len(sentences), -1)
        return None, {c: table[:, k] for k, c in enumerate(self.coder.codes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="keep the weights here (and reuse them when they are there)")
    parser.add_argument("--precision", type=float, nargs="+", default=[0.9, 0.8])
    args = parser.parse_args()
    codebook = load_default_codebook()
    codes = [c.id for c in codebook.codes if c.codable]
    rows = training_rows(codes)
    train = [r for r in rows if not held_out(r[0])]
    fold = [r for r in rows if held_out(r[0])]
    classifier = Classifier(len(codes))
    if args.keep is not None and (args.keep / "weights.pt").exists():
        classifier.load(args.keep)
    else:
        classifier.train([t for t, _ in train], [y for _, y in train], args.epochs)
        if args.keep is not None:
            classifier.save(args.keep)
    fold_probs = classifier.probabilities([t for t, _ in fold])
    from textsamverkan.themes.model_coder import cached_model_coder

    shipped = devset._with_agreement(cached_model_coder(codebook, **devset.MODEL_OPTIONS))
    for precision in args.precision:
        thresholds = {c: threshold_for([p[k] for p in fold_probs], [y[k] == 1.0 for _, y in fold], precision)
                      for k, c in enumerate(codes)}  # fmt: skip
        print(f"\nthresholds at held-out precision {precision}: " + json.dumps({c: round(t, 3)
              for c, t in thresholds.items()}))  # fmt: skip
        tuned = FineTunedCoder(classifier, codes, thresholds)
        both = FineTunedCoder(classifier, codes, thresholds, also=shipped)
        from dataclasses import replace

        agreeing = replace(shipped, second=AsSentenceModel(tuned))
        print("| set | rules | + shipped layer | + fine-tuned | + both | + word model and fine-tuned agree |"
              "  (core P / R / F1; implicit R)")
        for name in DOCUMENT_SETS:
            items = devset.load_items(devset.HERE / name)
            cells = []
            for coder in (None, shipped, tuned, both, agreeing):
                preds = devset.document_predictions(items, with_model=coder is not None, coder=coder)
                core = devset.prf(*devset.counts(items, preds, list(devset.CORE_THEMES)))
                imp = [i for i, it in enumerate(items) if it["kind"] == "implicit"]
                implicit = devset.prf(*devset.counts([items[i] for i in imp], [preds[i] for i in imp],
                                                     list(devset.CORE_THEMES)))  # fmt: skip
                cells.append(f"{core[0]:.2f} / {core[1]:.2f} / {core[2]:.3f}; {implicit[1]:.2f}")
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()

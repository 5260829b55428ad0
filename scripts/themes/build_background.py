"""Build the learned theme coder's background sentences (src/textsamverkan/themes/data/background_sv.txt).

Ordinary Swedish text that belongs to no code teaches each code's classifier what text outside care looks like;
without it the classifier, trained only on care sentences, takes "skydd av natur" for protective equipment. Four
open sources from ../shared/data, `--per-source` sentences each: news sentences of the Swedish NER corpus
(Språkbanken Webbnyheter 2012 via klintan/swedish-ner-corpus, CC BY 4.0), Riksdag interpellations that match no
health keyword, government pages and Riksdag interpellations on health (public documents, URL 9 §), of the last three
only the documents whose id hashes to an even number (`corpus.background_documents`), so the other halves stay
unseen for measuring precision on real text. Sentences the rules code are left out, and so are sentences that people
labelled with a code in the training file (training_sv.jsonl); the health interpellations teach the classifiers that
care-policy prose is not by itself a mention of a code.

    .venv/bin/python scripts/themes/build_background.py [--per-source 3000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks" / "themes"))
from corpus import DATA, background_documents, interpellation_background, raw_documents  # noqa: E402

OUT = REPO / "src" / "textsamverkan" / "themes" / "data" / "background_sv.txt"
TRAINING = OUT.with_name("training_sv.jsonl")
SEED = 2026
MIN_WORDS = 6


def ner_sentences() -> list[str]:
    """The NER corpus's training sentences, tokens joined back into text."""
    out, tokens = [], []
    path = DATA / "ner" / "klintan-swedish-ner-corpus" / "train_corpus.txt"
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 2:
            tokens.append(parts[0].replace("\u00ad", ""))
        elif not parts and tokens:
            text = " ".join(tokens)
            text = re.sub(r" ([.,:;!?)»”])", r"\1", text)
            out.append(re.sub(r"([(«“]) ", r"\1", text))
            tokens = []
    return out


def riksdag_sentences() -> tuple[list[str], list[str], list[str]]:
    """Sentences of the background half of the interpellations with no health keyword, of the background half of the
    government pages, and of the background half of the health interpellations."""
    from textsamverkan.ingest.normalise import normalise
    from textsamverkan.segment.sentences import simple_sentences

    health = interpellation_background(health=True)
    allowed = background_documents()
    riksdag: list[str] = []
    government: list[str] = []
    riksdag_health: list[str] = []
    for doc_id, raw in raw_documents():
        if doc_id in allowed:
            text = normalise(raw).text
            into = riksdag_health if doc_id in health else riksdag if doc_id.startswith("ip/") else government
            into += [s.text for s in simple_sentences(doc_id, text, [(0, len(text))])]
    return riksdag, government, riksdag_health


def main() -> None:
    from textsamverkan.segment.sentences import simple_sentences
    from textsamverkan.themes.codebook import load_default_codebook
    from textsamverkan.themes.matcher import LexicalMatcher

    parser = argparse.ArgumentParser()
    parser.add_argument("--per-source", type=int, default=3000)
    args = parser.parse_args()
    matcher = LexicalMatcher(load_default_codebook())
    rng = random.Random(SEED)
    chosen: list[str] = []
    training = TRAINING.read_text(encoding="utf-8").splitlines()
    labelled = {" ".join(json.loads(line)["text"].split()) for line in training if line.strip()}
    riksdag, government, riksdag_health = riksdag_sentences()
    for source in (ner_sentences(), riksdag, government, riksdag_health):
        pool = sorted({" ".join(t.split()) for t in source})
        pool = [t for t in pool if len(t.split()) >= MIN_WORDS and not t.startswith("#") and t not in labelled]
        rng.shuffle(pool)
        kept = []
        for text in pool:
            sentence = simple_sentences("bg", text, [(0, len(text))])
            if sentence and not any(matcher.match(s) for s in sentence):
                kept.append(text)
            if len(kept) == args.per_source:
                break
        chosen += kept
    OUT.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"{len(chosen)} sentences → {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()

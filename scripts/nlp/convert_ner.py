"""Convert the klintan Swedish NER corpus (CC BY 4.0, IO-tagged PER/ORG/LOC/MISC) to spaCy DocBin files.

Format quirks (see ../shared/data/ner/klintan-swedish-ner-corpus/NOTES.md): TAB or runs of spaces separate token
and label, `0` (zero) means outside, one train line has no label (skipped). IO tags cannot mark where two adjacent
entities of the same type meet, so a run of equal labels becomes one entity.

Output (default build/nlp/ner): train.spacy, dev.spacy (every 10th train sentence, for model selection) and
test.spacy (the corpus test split, for evaluation only); 10 sentences per doc so sentence context is realistic.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NER = REPO / ".." / "shared" / "data" / "ner" / "klintan-swedish-ner-corpus"
LABELS = {"PER", "ORG", "LOC", "MISC"}


def read_io(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as (token, label) lists; label "O" for outside."""
    sent: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
                continue
            if len(parts) < 2:  # the lone unlabelled token (a data error)
                continue
            label = parts[-1]
            sent.append((" ".join(parts[:-1]), label if label in LABELS else "O"))
    if sent:
        yield sent


def to_docbin(sentences: list[list[tuple[str, str]]], path: Path, per_doc: int = 10) -> None:
    """Write sentences as spaCy Docs (tokens joined by spaces, sentence starts and entity spans set)."""
    import spacy
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank("sv")
    db = DocBin(store_user_data=False)
    for i in range(0, len(sentences), per_doc):
        chunk = sentences[i : i + per_doc]
        words = [w for s in chunk for w, _ in s]
        labels = [lab for s in chunk for _, lab in s]
        starts: list[bool | int | None] = []
        for s in chunk:
            starts.extend([True] + [False] * (len(s) - 1))
        from spacy.tokens import Doc

        doc = Doc(nlp.vocab, words=words, sent_starts=starts)
        ents = []
        j = 0
        while j < len(labels):
            if labels[j] == "O":
                j += 1
                continue
            k = j
            while k + 1 < len(labels) and labels[k + 1] == labels[j] and not starts[k + 1]:
                k += 1
            ents.append(Span(doc, j, k + 1, label=labels[j]))
            j = k + 1
        doc.ents = ents
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "nlp" / "ner")
    args = ap.parse_args()
    train = list(read_io(NER / "train_corpus.txt"))
    test = list(read_io(NER / "test_corpus.txt"))
    to_docbin([s for i, s in enumerate(train) if i % 10 != 9], args.out / "train.spacy")
    to_docbin([s for i, s in enumerate(train) if i % 10 == 9], args.out / "dev.spacy")
    to_docbin(test, args.out / "test.spacy")
    print(f"train {len(train)} sentences (90% train / 10% dev), test {len(test)} sentences -> {args.out}")


if __name__ == "__main__":
    main()

"""Build small Swedish word vectors for Stanza's POS tagger from open text in ../shared/data (no download).

Text: the Riksdag interpellations (2020–2021, public documents), the regeringen.se pages (g0vse) and the
training treebank text (Talbanken v1 train, Talbanken v2 dev, PUD: CC BY-SA 4.0). Never LinES, never Talbanken test.

Method: lower-cased word counts with a symmetric window of 2, positive PMI (context distribution smoothed by 0.75),
truncated SVD (scikit-learn, fixed seed), rows scaled by sqrt(singular values) and L2-normalised. This is the
classic count-based alternative to word2vec; it needs no extra package and runs in about a minute.

Output: a word2vec-style text file and Stanza's `.pt` pretrain file (vocab + emb), which the tagger loads.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conllu import FORM, Sentence, read_conllu

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data"
TOKEN = re.compile(r"\w+(?:[-.:]\w+)*|[^\w\s]", re.UNICODE)


def public_paragraphs() -> Iterator[str]:
    """Paragraphs, as written, of the public Swedish text: Riksdag interpellations and regeringen.se pages."""
    csv.field_size_limit(sys.maxsize)
    with (DATA / "riksdagen" / "interpellations" / "interpellations_2020_2021.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for field in ("title", "context_text", "question_text"):
                yield from (p for p in (row.get(field) or "").split("\n") if p.strip())
    for md in sorted((DATA / "regeringen_g0vse" / "docs").rglob("*.md")):
        yield from (p for p in md.read_text(encoding="utf-8").split("\n") if p.strip())


def treebank_sentences(ud_train: Path) -> list[Sentence]:
    """The training treebank's sentences, each once (the training file repeats some to weight them)."""
    seen: set[str] = set()
    unique: list[Sentence] = []
    for sent in read_conllu(ud_train):
        sent_id = next((c for c in sent.comments if c.startswith("# sent_id")), sent.text())
        if sent_id not in seen:
            seen.add(sent_id)
            unique.append(sent)
    return unique


def open_text_paragraphs(ud_train: Path) -> Iterator[str]:
    """Everything open this script learns from, as raw text: public paragraphs, then the treebank sentences."""
    yield from public_paragraphs()
    yield from (sent.text() for sent in treebank_sentences(ud_train))


def corpus_lines(ud_train: Path) -> list[list[str]]:
    """Lower-cased token lists, one per paragraph/sentence (treebank sentences keep their own tokens)."""
    lines = [TOKEN.findall(p.lower()) for p in public_paragraphs()]
    # every row, empty nodes (elided words such as a repeated "göra") included, as the shipped vectors were built
    lines += [[r[FORM].lower() for r in sent.rows] for sent in treebank_sentences(ud_train)]
    return lines


def main() -> None:
    import numpy as np
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ud-train", type=Path, default=REPO / "build" / "nlp" / "ud" / "train.conllu")
    ap.add_argument("--out", type=Path, default=REPO / "build" / "nlp" / "vectors")
    ap.add_argument("--vocab", type=int, default=30000)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--window", type=int, default=2)
    args = ap.parse_args()

    lines = corpus_lines(args.ud_train)
    counts = Counter(w for line in lines for w in line)
    vocab = [w for w, c in counts.most_common(args.vocab) if c >= 2]
    index = {w: i for i, w in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    for line in lines:
        ids = [index.get(w, -1) for w in line]
        for i, a in enumerate(ids):
            if a < 0:
                continue
            for j in range(max(0, i - args.window), min(len(ids), i + args.window + 1)):
                if j != i and ids[j] >= 0:
                    rows.append(a)
                    cols.append(ids[j])
    n = len(vocab)
    cooc = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, n)).tocsr()
    total = cooc.sum()
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    ctx = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75
    ctx_p = ctx / ctx.sum()
    coo = cooc.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * ctx_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))
    u, s, _ = randomized_svd(ppmi, n_components=args.dim, random_state=0)
    vecs = u * np.sqrt(s)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8

    args.out.mkdir(parents=True, exist_ok=True)
    txt = args.out / "sv_open.vec.txt"
    with txt.open("w", encoding="utf-8") as fh:
        fh.write(f"{n} {args.dim}\n")
        for w, v in zip(vocab, vecs, strict=True):
            fh.write(w + " " + " ".join(f"{x:.5f}" for x in v) + "\n")
    from stanza.models.common.pretrain import Pretrain

    pt = args.out / "sv_open.pretrain.pt"
    pt.unlink(missing_ok=True)
    Pretrain(str(pt), str(txt)).load()
    print(f"{sum(counts.values())} tokens, {n} words x {args.dim} dims -> {pt}")


if __name__ == "__main__":
    main()

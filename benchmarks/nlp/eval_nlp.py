"""Evaluate NLP backends end to end on held-out Swedish data, through the same interface `annotate` uses.

    python benchmarks/nlp/eval_nlp.py                      # bundled spaCy (default + parser) and bundled Stanza
    python benchmarks/nlp/eval_nlp.py --only spacy --limit 20

Data (../shared/data): Talbanken UD v2 test (never trained on), LinES r2.16 test (a different genre; never trained
on: non-commercial) and the klintan NER test split. Each gold document (10 sentences) is given to the backend as
raw text; its tokens are aligned to the gold tokens by spaCy's `Example`, and scored with spaCy's scorer, the one
behind the published sv_core_news_* figures: UPOS and lemma accuracy, UAS/LAS without punctuation, sentence F, NER F.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts" / "nlp"))

DATASETS = {
    "talbanken_test": SHARED / "ud" / "UD_Swedish-Talbanken" / "sv_talbanken-ud-test.conllu",
    "lines_test": SHARED / "ud" / "UD_Swedish-LinES" / "r2.16-devtest" / "sv_lines-ud-test.conllu",
}
NER_TEST = SHARED / "ner" / "klintan-swedish-ner-corpus" / "test_corpus.txt"
PUBLISHED_SM = {"pos_acc": 94.9, "lemma_acc": 94.9, "dep_uas": 81.8, "dep_las": 76.4, "sents_f": 92.6, "ents_f": 74.7}


def ud_docs(path: Path, limit: int | None) -> list[Any]:
    """Gold spaCy Docs, 10 sentences each, from a CoNLL-U file."""
    import importlib

    import spacy

    converters: Any = importlib.import_module("spacy.training.converters")
    docs = list(converters.conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=10, no_print=True))
    vocab = spacy.blank("sv").vocab
    from spacy.tokens import DocBin

    out = list(DocBin(docs=docs).get_docs(vocab))
    return out[:limit] if limit else out


def ner_docs(limit: int | None) -> list[Any]:
    """Gold NER Docs (10 sentences each) from the klintan test split."""
    import importlib

    import spacy
    from spacy.tokens import DocBin

    convert_ner: Any = importlib.import_module("convert_ner")  # scripts/nlp, put on sys.path above
    read_io, to_docbin = convert_ner.read_io, convert_ner.to_docbin

    tmp = REPO / "build" / "nlp" / "eval_ner_test.spacy"
    to_docbin(list(read_io(NER_TEST)), tmp)
    docs = list(DocBin().from_disk(tmp).get_docs(spacy.blank("sv").vocab))
    return docs[:limit] if limit else docs


def predicted_doc(vocab: Any, text: str, piece: Any) -> Any:
    """A spaCy Doc built from a backend's PieceAnnotation (tokens, tags, lemmas, tree, sentences, entities)."""
    from spacy.tokens import Doc

    toks = piece.tokens
    words = [t.text for t in toks]
    spaces = [toks[i].end < (toks[i + 1].start if i + 1 < len(toks) else len(text)) for i in range(len(toks))]
    starts = {s for s, _ in piece.sentences}
    kwargs: dict[str, Any] = {
        "words": words,
        "spaces": spaces,
        "pos": [t.upos or "X" for t in toks],
        "lemmas": [t.lemma for t in toks],
        "morphs": [t.feats for t in toks],
        "ents": [t.ent or "O" for t in toks],
    }
    if toks and toks[0].head is not None:
        kwargs["heads"] = [t.head for t in toks]
        kwargs["deps"] = ["ROOT" if t.dep == "root" else (t.dep or "dep") for t in toks]  # spaCy's gold says ROOT
    else:
        kwargs["sent_starts"] = [t.start in starts for t in toks]
    return Doc(vocab, **kwargs)


def score(backend: Any, gold: list[Any], what: str) -> dict[str, float]:
    """Run the backend on the gold texts and score its predictions."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    texts = [d.text for d in gold]
    t0 = time.perf_counter()
    pieces = list(backend.annotate(texts))
    seconds = time.perf_counter() - t0
    examples = [Example(predicted_doc(g.vocab, t, p), g) for g, t, p in zip(gold, texts, pieces, strict=True)]
    out: dict[str, float] = {"words": float(sum(len(g) for g in gold)), "seconds": seconds}
    if what == "ner":
        ents = Scorer.score_spans(examples, "ents")
        out.update(ents_p=ents["ents_p"], ents_r=ents["ents_r"], ents_f=ents["ents_f"])
        return _percent(out)
    out.update(Scorer.score_tokenization(examples))
    out["pos_acc"] = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    out["lemma_acc"] = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    out["morph_acc"] = Scorer.score_token_attr(
        examples, "morph", getter=lambda t, attr: str(t.morph), missing_values={""}
    )["morph_acc"]
    out["sents_f"] = Scorer.score_spans(
        examples, "sents", has_annotation=lambda doc: doc.has_annotation("SENT_START")
    )["sents_f"]
    if pieces and pieces[0].tokens and pieces[0].tokens[0].head is not None:
        deps = Scorer.score_deps(examples, "dep", ignore_labels=("p", "punct"))
        out["dep_uas"], out["dep_las"] = deps["dep_uas"], deps["dep_las"]
    return _percent(out)


def _percent(scores: dict[str, float]) -> dict[str, float]:
    """Scores as percentages with two decimals (words and seconds as they are)."""
    return {k: (round(v * 100, 2) if k not in ("words", "seconds") and v is not None else v) for k, v in scores.items()}


def configurations(only: str | None, model: str | None) -> list[tuple[str, Callable[[], Any]]]:
    """Backends to score; `model` swaps the bundled spaCy pipeline for another one (a candidate build)."""
    from textsamverkan.nlp.backend import get_backend

    label = "bundled" if model is None else model
    ner = model is None  # a candidate UD build has no NER component
    with_ner = " + NER" if ner else ""  # main() scores NER for the configurations named so
    configs: list[tuple[str, Callable[[], Any]]] = [
        (f"spacy {label}, parser{with_ner}, model lemmas",
         lambda: get_backend("spacy", model, parser=True, ner=ner, lemma_fallback="none")),
        (f"spacy {label}, parser{with_ner} + simplemma fallback",
         lambda: get_backend("spacy", model, parser=True, ner=ner, lemma_fallback="simplemma")),
        # the backend default is this without NER (same UD scores: NER sets no token attributes they read)
        (f"spacy {label}, no parser (senter){with_ner} + simplemma fallback",
         lambda: get_backend("spacy", model, parser=False, ner=ner, lemma_fallback="simplemma")),
        ("stanza bundled, model lemmas", lambda: get_backend("stanza", None, lemma_fallback="none")),
        ("stanza bundled + simplemma fallback", lambda: get_backend("stanza", None, lemma_fallback="simplemma")),
    ]
    return [(n, f) for n, f in configs if only is None or n.startswith(only)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["spacy", "stanza"], default=None)
    ap.add_argument("--limit", type=int, default=None, help="documents per dataset (for a quick check)")
    ap.add_argument("--model", default=None, help="score this spaCy pipeline (name or path) instead of the bundled one")
    ap.add_argument("--dataset", choices=sorted(DATASETS), action="append", help="only these UD test sets")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "nlp" / "eval_results.json",
                    help="JSON output (committed runs: eval_results_spacy.json, eval_results_stanza.json)")
    args = ap.parse_args()

    gold = {name: ud_docs(path, args.limit) for name, path in DATASETS.items() if name in (args.dataset or DATASETS)}
    gold_ner = ner_docs(args.limit)
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, make in configurations(args.only, args.model):
        backend = make()
        results[name] = {ds: score(backend, docs, "ud") for ds, docs in gold.items()}
        if "NER" in name:
            results[name]["ner_test"] = score(backend, gold_ner, "ner")
        print(name, json.dumps(results[name], ensure_ascii=False), flush=True)
    results["published sv_core_news_sm 3.8 (talbanken test; NER on its own test)"] = {"talbanken_test": PUBLISHED_SM}
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(to_markdown(results))


def to_markdown(results: dict[str, dict[str, dict[str, float]]]) -> str:
    cols = ["token_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f"]
    lines = ["| configuration | data | " + " | ".join(cols) + " | ents_f |", "|---|---|" + "---|" * (len(cols) + 1)]
    for name, per in results.items():
        ner = per.get("ner_test", {}).get("ents_f", per.get("talbanken_test", {}).get("ents_f", ""))
        for ds, sc in per.items():
            if ds == "ner_test":
                continue
            row = [str(sc.get(c, "")) for c in cols]
            lines.append(f"| {name} | {ds} | " + " | ".join(row) + f" | {ner if ds == 'talbanken_test' else ''} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

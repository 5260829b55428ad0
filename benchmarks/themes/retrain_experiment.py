"""Theme round 20, measured and not adopted: the learned layer refitted with read sets of whole documents added to
its training sentences, with or without a gate that drops a model hit in a long stretch of a document where the
rules coded nothing.

The read sets of documents (`devset_documentsN.jsonl`, each judged once before any line was read) are labelled
whole documents like the training documents (`scripts/themes/add_training_documents.py`); added to the training
sentences they are no longer held-out sets, so this script measures on the sets it did not add. `--stretch W`:
a model hit is dropped when no sentence within W of it in its document has a rule hit and that window holds at least
`OFF_TOPIC_SENTENCES` sentences (applied to the layer's hits after coding). `--audit`: the learned layer's hits on
the shared Riksdag and government text, counted by the readings in `audit_judgements_model_*.tsv` (unread hits
listed). The fit is cached like the shipped one, under its own key.

    .venv/bin/python benchmarks/themes/retrain_experiment.py --add 1-16 [--stretch 10] [--audit] \
        --sets devset_documents17.jsonl devset_documents18.jsonl devset_interview.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "scripts" / "themes"))

import devset as d  # noqa: E402
from add_training_documents import training_rows, words  # noqa: E402

from textsamverkan.segment.sentences import Sentence, simple_sentences  # noqa: E402
from textsamverkan.themes import model_coder  # noqa: E402
from textsamverkan.themes.codebook import load_default_codebook  # noqa: E402
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences  # noqa: E402
from textsamverkan.themes.types import ThemeHit  # noqa: E402


def set_names(spec: str) -> list[str]:
    """"1-16" → devset_documents.jsonl, devset_documents2.jsonl … devset_documents16.jsonl."""
    low, _, high = spec.partition("-")
    return [f"devset_documents{'' if n == 1 else n}.jsonl" for n in range(int(low), int(high or low) + 1)]


def training_with(added: Sequence[str], folder: Path) -> Path:
    """The bundled training sentences plus the rows of the `added` sets (prefix z), left out what comes close to a
    sentence of any other evaluation set, written to `folder`."""
    bundled = model_coder.TRAINING_FILE.read_text(encoding="utf-8")
    evaluation = [
        words(item.get("text") or item.get("sentence") or "")
        for path in sorted(HERE.glob("*.jsonl"))
        if path.name not in added
        for item in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))
    ]
    lines = [item for name in added for item in d.load_items(HERE / name)]
    known = {json.loads(line)["text"] for line in bundled.splitlines() if line.strip()}
    rows, left_out = training_rows(lines, "z", 1, known, [e for e in evaluation if e])
    print(f"added {len(rows)} rows from {len(lines)} lines; left out {dict(left_out)}")
    path = folder / "training_sv.jsonl"
    path.write_text(bundled + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


class Gated:
    """A fitted layer whose hits far from any rule hit in a long document are dropped (`--stretch`)."""

    def __init__(self, coder: Any, stretch: int) -> None:
        self.coder, self.stretch = coder, stretch

    def code(self, sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit]) -> list[ThemeHit]:
        far = far_from_rules(sentences, lexical_hits, self.stretch)
        starts = {(sentences[n].doc_id, sentences[n].start) for n in far}
        return [h for h in self.coder.code(sentences, lexical_hits) if (h.doc_id, h.start) not in starts]


def far_from_rules(sentences: Sequence[Sentence], lexical_hits: Sequence[ThemeHit], stretch: int) -> set[int]:
    """Positions of `sentences` with no rule hit within `stretch` in their document, in a window of at least
    `OFF_TOPIC_SENTENCES` sentences."""
    coded = {(h.doc_id, h.start) for h in lexical_hits}
    by_doc: dict[str, list[int]] = {}
    for n, s in enumerate(sentences):
        by_doc.setdefault(s.doc_id, []).append(n)
    far: set[int] = set()
    for rows in by_doc.values():
        marks = [(sentences[n].doc_id, sentences[n].start) in coded for n in rows]
        for k, n in enumerate(rows):
            window = range(max(0, k - stretch), min(len(rows), k + stretch + 1))
            if len(window) >= model_coder.OFF_TOPIC_SENTENCES and not any(marks[j] for j in window):
                far.add(n)
    return far


def figures(name: str, coder: Any) -> str:
    """Core P / R / F1, recall (precision) in other words and all-14 F1 of one set."""
    items = d.load_items(HERE / name)
    if "doc" in items[0]:
        preds = d.document_predictions(items, with_model=True, coder=coder)
    else:  # single sentences: no document, no gate; the same fit, cached for the process
        preds = d.combined_coder(d.sentences_of(items))
    core = d.prf(*d.counts(items, preds, list(d.CORE_THEMES)))
    implicit = [i for i, it in enumerate(items) if it["kind"] == "implicit"]
    imp = d.prf(*d.counts([items[i] for i in implicit], [preds[i] for i in implicit], list(d.CORE_THEMES)))
    codes = [c.id for c in load_default_codebook().codes]
    every = d.prf(*d.counts(items, preds, codes))
    return (f"{name}: core {core[0]:.3f} / {core[1]:.3f} / {core[2]:.3f}; in other words {imp[1]:.3f} ({imp[0]:.3f});"
            f" all 14 F1 {every[2]:.3f}")


def audit(coder: Any) -> str:
    """The layer's hits on the real-text audit documents, counted by their readings."""
    from corpus import background_documents, documents

    readings: dict[tuple[str, str, str], str] = {}
    for path in sorted(HERE.glob("audit_judgements_model_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if not line.startswith("#") and len(cells) >= 5:
                readings[(cells[0], cells[1], cells[4][:260])] = cells[3]
    cb = load_default_codebook()
    matcher = LexicalMatcher(cb)
    skip = background_documents()
    counts = {"y": 0, "n": 0}
    unread = []
    for doc_id, text, regions in documents():
        if doc_id in skip:
            continue
        genre = "riksdag" if doc_id.startswith("ip/") else "government"
        sentences = simple_sentences(doc_id, text, regions)
        by_start = {s.start: s for s in sentences}
        for h in coder.code(sentences, code_sentences(sentences, cb, matcher=matcher)):
            said = " ".join(by_start[h.start].text.split())[:260]
            reading = readings.get((h.code, genre, said))
            if reading in counts:
                counts[reading] += 1
            else:
                unread.append(f"  unread: {h.code}\t{genre}\t{said}")
    return "\n".join([f"audit: {counts['y']} right, {counts['n']} wrong, {len(unread)} unread", *unread])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--add", default="", help="the read sets of documents to train on, as numbers: 1-16")
    ap.add_argument("--stretch", type=int, default=0, help="drop model hits this far from any rule hit (0: none)")
    ap.add_argument("--sets", nargs="*", default=[], help="sets to measure (never one that was added)")
    ap.add_argument("--audit", action="store_true")
    args = ap.parse_args()
    added = set_names(args.add) if args.add else []
    if overlap := set(added) & set(args.sets):
        raise SystemExit(f"measured on a set it trains on: {sorted(overlap)}")
    with tempfile.TemporaryDirectory() as folder:
        if added:
            model_coder.TRAINING_FILE = training_with(added, Path(folder))
        coder = d._with_agreement(model_coder.cached_model_coder(load_default_codebook(), **d.MODEL_OPTIONS))
        print(f"training sentences: {coder.training_sentences}")
        if args.stretch:
            coder = Gated(coder, args.stretch)
        for name in args.sets:
            print(figures(name, coder), flush=True)
        if args.audit:
            print(audit(coder))


if __name__ == "__main__":
    main()

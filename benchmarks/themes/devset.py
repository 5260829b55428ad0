"""Theme coding quality on the hand-written dev set (devset_paraphrase.jsonl): lexical rules alone and rules plus
the model layer, per code, per genre and per kind; and the topic→code mapping check (topics_check.jsonl).

Each dev item is one short text (usually one sentence); its predicted codes are the union over the sentences the
fast splitter makes of it. Never used to fit or tune: see README.md in this folder.

    .venv/bin/python benchmarks/themes/devset.py [--set devset_paraphrase.jsonl] [--no-model] [--errors]
        [--agreement 0.9]

`--set devset_documents.jsonl` (and `devset_documents2.jsonl`, `devset_documents3.jsonl`) codes ten whole documents
(one line per sentence) the way `themes` does, each document at once, page furniture left out as ingest leaves it out.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textsamverkan.segment.sentences import Sentence, simple_sentences
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.matcher import LexicalMatcher, code_sentences

HERE = Path(__file__).resolve().parent
# the seven core codes (the seed gold's core themes, themes/quality.py CORE_THEMES, are only the first four)
CORE_THEMES = (
    "ppe", "testing", "care_plans", "sol_hsl", "infection_control", "physician_access", "information_transfer"
)  # fmt: skip
MODEL_OPTIONS: dict[str, object] = {}
CODE_OPTIONS: dict[str, float] = {}  # how the fitted layer codes (--agreement), not part of the fit
Coder = Callable[[list[list[Sentence]]], list[set[str]]]


def load_items(path: Path) -> list[dict[str, object]]:
    """The set's items; a set of whole documents (devset_documents.jsonl: one line per sentence with its `doc` and
    number `n`) gets each line an id and a kind (implicit, explicit or uncoded) like the sets of single items."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for it in items:
        if "doc" in it:
            it["id"] = f"{it['doc']}/{it['n']}"
            it["kind"] = ("implicit" if it["implicit"] else "explicit") if it["codes"] else "uncoded"
    return items


def document_predictions(
    items: Sequence[dict[str, object]], with_model: bool, structure: bool = True, coder: Any = None,
    questions: bool = True,
) -> list[set[str]]:  # fmt: skip
    """Each line's codes when its whole document is coded at once, as `themes` does (the learned layer sees the
    document: a long one where the rules find nothing is left to them). With `structure`, as ingest reads a text
    file: lines it labels page furniture (contact lines, related links, cookie notices) are no passages and are not
    coded, nor are the headings of sections (since theme round 16); until round 10 of the theme benchmarks every line
    was coded (`--no-structure`). A document where ingest would find speaker turns is a transcript to the learned
    layer (since theme round 22). `coder` stands in for the shipped learned layer (an experiment's). Without
    `questions` the interviewer's and moderator's lines are left out before coding, as `themes` leaves them out."""
    from textsamverkan.themes.model_coder import cached_model_coder

    cb = load_default_codebook()
    m = LexicalMatcher(cb)
    if with_model and coder is None:
        coder = _with_agreement(cached_model_coder(cb, **MODEL_OPTIONS))
    coder = coder if with_model else None
    out: list[set[str]] = [set() for _ in items]
    for doc in document_sentences(items, structure, questions):
        hits = code_sentences(doc.sentences, cb, matcher=m)
        if coder is not None:
            hits += coder.code(doc.sentences, hits, [doc.doc] if doc.spoken else [])
        for h in hits:
            out[doc.item_of(h.start)].add(h.code)
    return out


@dataclass
class DocumentSentences:
    """One document of a set as `themes` reads it: its sentences, whether ingest finds speaker turns in it, and
    which of the set's items (lines) each character offset belongs to."""

    doc: str
    idx: list[int]
    spans: list[tuple[int, int]]
    sentences: list[Sentence]
    spoken: bool

    def item_of(self, offset: int) -> int:
        """The index (in the set) of the line that holds `offset`."""
        return self.idx[next(k for k, (a, b) in enumerate(self.spans) if a <= offset < b)]


def document_sentences(
    items: Sequence[dict[str, object]], structure: bool = True, questions: bool = True
) -> list[DocumentSentences]:
    """The set's documents, each joined from its lines and split into the sentences `themes` codes (see
    `document_predictions` for `structure` and `questions`)."""
    from textsamverkan.ingest.structure import BOILERPLATE, find_blocks
    from textsamverkan.segment.turns import segment_turns
    from textsamverkan.themes.statements import section_headings

    docs: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        docs.setdefault(str(it["doc"]), []).append(i)
    out = []
    for doc, idx in docs.items():
        spans, text = [], ""
        for i in idx:
            start = len(text)
            text += str(items[i]["text"]) + "\n"
            spans.append((start, len(text) - 1))
        spoken = False
        if structure:
            blocks = find_blocks(text)
            # page furniture is no passage, and a section's heading is not coded (as `themes` reads a document)
            passages = [(b.start, b.end, b.label) for b in blocks if b.label != BOILERPLATE]
            furniture = [(b.start, b.end) for b in blocks if b.label == BOILERPLATE]
            skipped = [*furniture, *section_headings(text, passages)]
            coded = [(a, b) for a, b in spans if not any(start <= a < end for start, end in skipped)]
            spoken = bool(segment_turns(text, exclude=furniture).turns)
        else:
            coded = spans
        if not questions:
            coded = [(a, b) for a, b in coded if not is_question_line(text[a:b])]
        out.append(DocumentSentences(doc, idx, spans, simple_sentences(doc, text, coded), spoken))
    return out


def is_question_line(text: str) -> bool:
    """A line the interviewer or moderator says ("Intervjuare: …", "Moderator: …"), which `themes` does not code."""
    from textsamverkan.segment.names import is_questioner_label

    label, colon, _rest = text.partition(":")
    return bool(colon) and len(label) <= 40 and is_questioner_label(label)


def sentences_of(items: Sequence[dict[str, object]]) -> list[list[Sentence]]:
    out = []
    for it in items:
        text = str(it["text"])
        out.append(simple_sentences(str(it["id"]), text, [(0, len(text))]))
    return out


def lexical_coder(items_sentences: list[list[Sentence]]) -> list[set[str]]:
    cb = load_default_codebook()
    m = LexicalMatcher(cb)
    return [{h.code for h in code_sentences(ss, cb, matcher=m)} for ss in items_sentences]


def training_sentences() -> list[Sentence]:
    """The unlabelled corpus the rules label: Riksdag interpellations, government pages and the seed corpus."""
    import sys

    sys.path.insert(0, str(HERE))
    from corpus import documents

    from textsamverkan.themes.quality import plain_text_documents

    out = [s for doc_id, text, regions in documents() for s in simple_sentences(doc_id, text, regions)]
    seeds = HERE.parents[1] / "corpora" / "seeds"
    _texts, seed_sentences = plain_text_documents(seeds)
    for sents in seed_sentences.values():
        out += sents
    return out


def combined_coder(items_sentences: list[list[Sentence]]) -> list[set[str]]:
    from textsamverkan.themes.model_coder import cached_model_coder

    cb = load_default_codebook()
    m = LexicalMatcher(cb)
    t0 = time.perf_counter()
    coder = _with_agreement(cached_model_coder(cb, **MODEL_OPTIONS))
    print(f"model layer: {coder.training_sentences} training sentences, fit or load {time.perf_counter() - t0:.1f} s")
    for cid, cm in coder.models.items():
        print(f"  {cid}: positives {cm.positives}, threshold {cm.threshold:.3f}, held-out P {cm.heldout_precision:.2f}"
              f" R {cm.heldout_recall:.2f}")
    out = []
    for ss in items_sentences:
        hits = code_sentences(ss, cb, matcher=m)
        hits += coder.code(ss, hits)
        out.append({h.code for h in hits})
    return out


def _with_agreement(coder: Any) -> Any:
    from dataclasses import replace

    return replace(coder, **CODE_OPTIONS)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(items: Sequence[dict[str, object]], pred: Sequence[set[str]], codes: Sequence[str]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for it, p in zip(items, pred, strict=True):
        gold = set(it["codes"]) & set(codes)  # type: ignore[call-overload]
        pp = p & set(codes)
        tp += len(gold & pp)
        fp += len(pp - gold)
        fn += len(gold - pp)
    return tp, fp, fn


def report(items: list[dict[str, object]], preds: dict[str, list[set[str]]]) -> str:
    cb = load_default_codebook()
    codes = [c.id for c in cb.codes if c.codable]
    names = list(preds)
    lines = ["| code | " + " | ".join(f"{n} P / R / F1" for n in names) + " |", "|---|" + "---|" * len(names)]
    for code in codes:
        cells = []
        for n in names:
            p, r, f = prf(*counts(items, preds[n], [code]))
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}")
        lines.append(f"| {code} | " + " | ".join(cells) + " |")
    others = [c for c in codes if c not in CORE_THEMES]
    for label, sel in (("micro, core 7", list(CORE_THEMES)), ("micro, other 7", others), ("micro, all 14", codes)):
        cells = []
        for n in names:
            p, r, f = prf(*counts(items, preds[n], sel))
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}")
        lines.append(f"| **{label}** | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| slice | n | " + " | ".join(f"{n} P / R / F1 (core)" for n in names) + " |")
    lines.append("|---|---|" + "---|" * len(names))
    for key in ("kind", "genre"):
        for value in sorted({str(it[key]) for it in items}):
            idx = [i for i, it in enumerate(items) if it[key] == value]
            sub = [items[i] for i in idx]
            cells = []
            for n in names:
                sp = [preds[n][i] for i in idx]
                p, r, f = prf(*counts(sub, sp, list(CORE_THEMES)))
                if value == "distractor":
                    wrong = sum(1 for s in sp if s)
                    cells.append(f"{wrong} of {len(idx)} coded")
                else:
                    cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}")
            lines.append(f"| {key}={value} | {len(idx)} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| genre | n | " + " | ".join(f"{n} P / R / F1 (all 14)" for n in names) + " |")
    lines.append("|---|---|" + "---|" * len(names))
    for value in sorted({str(it["genre"]) for it in items}):
        idx = [i for i, it in enumerate(items) if it["genre"] == value]
        sub = [items[i] for i in idx]
        cells = []
        for n in names:
            p, r, f = prf(*counts(sub, [preds[n][i] for i in idx], codes))
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f}")
        lines.append(f"| {value} | {len(idx)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def errors(items: list[dict[str, object]], pred: list[set[str]]) -> str:
    out = []
    for it, p in zip(items, pred, strict=True):
        gold = set(it["codes"])  # type: ignore[call-overload]
        if gold != p:
            out.append(f"{it['id']} {it['kind']:10} gold={sorted(gold)} pred={sorted(p)} | {it['text']}")
    return "\n".join(out)


def topic_check(path: Path, coder: Coder | None = None) -> str:
    """Topic mapping against hand labels; with a `coder`, each passage's codes are the coder's (as in a run, where
    the learned layer's hits count), else the rules run on the passages."""
    from textsamverkan.themes.topics import map_topic_words

    cb = load_default_codebook()
    topics = load_items(path)
    right = mapped = new_right = new_total = 0
    rows = []
    for t in topics:
        passages = [str(p) for p in t["passages"]]  # type: ignore[attr-defined]
        coded = None
        if coder is not None:
            coded = [frozenset(c) for c in coder([simple_sentences("p", p, [(0, len(p))]) for p in passages])]
        m = map_topic_words([str(w) for w in t["words"]], passages, cb, coded=coded)  # type: ignore[attr-defined]
        label = str(t["label"])
        got = "new" if m.new else m.code
        if got != "new":
            mapped += 1
            right += got == label
        else:
            new_total += 1
            new_right += label == "new"
        rows.append(f"| {t['id']} | {' '.join(map(str, t['words'][:5]))} | {label} | {got} | {m.margin:.2f} |")  # type: ignore[index]
    head = ["| topic | words | hand label | mapped | margin |", "|---|---|---|---|---|"]
    summary = (f"\nMapped to a code: {mapped} of {len(topics)}, right {right} ({right / max(mapped, 1):.0%}); "
               f"`new`: {new_total}, of which truly new {new_right} ({new_right / max(new_total, 1):.0%}).")
    return "\n".join(head + rows) + summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="devset_paraphrase.jsonl")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--topics", action="store_true")
    ap.add_argument(
        "--no-structure", action="store_true", help="documents: code every line, page furniture too (before round 10)"
    )
    ap.add_argument("--embedder", default=None)
    ap.add_argument("--target", type=float, default=None)
    ap.add_argument("--agreement", type=float, default=None, help="the learned layer's agreement (default: its own)")
    ap.add_argument("--no-bundled", action="store_true", help="leave out the bundled training sentences")
    ap.add_argument("--mask", choices=("none", "words", "all"), default=None, help="hide the rules' trigger words")
    ap.add_argument(
        "--examples", help="a labelled .jsonl (e.g. tuneset_paraphrase.jsonl) whose sentences teach the learned "
        "layer as people's codings do (`themes --learn-from`); never the evaluated set"
    )  # fmt: skip
    args = ap.parse_args()
    if args.examples:
        if args.examples == args.set:
            raise SystemExit("--examples must not be the evaluated set")
        labelled = load_items(HERE / args.examples)
        MODEL_OPTIONS["examples"] = [
            (s, frozenset(str(c) for c in it["codes"]))  # type: ignore[attr-defined]
            for it, sents in zip(labelled, sentences_of(labelled), strict=True)
            for s in sents
        ]
    if args.embedder:
        MODEL_OPTIONS["embedder"] = None if args.embedder == "none" else args.embedder
    if args.mask:
        MODEL_OPTIONS["mask"] = args.mask
    if args.no_bundled:
        MODEL_OPTIONS["use_bundled"] = False
    if args.target:
        MODEL_OPTIONS["target_precision"] = args.target
    if args.agreement:
        CODE_OPTIONS["agreement"] = args.agreement
    items = load_items(HERE / args.set)
    preds = {}
    if "doc" in items[0]:
        structure = not args.no_structure
        preds["lexical"] = document_predictions(items, with_model=False, structure=structure)
        if not args.no_model:
            preds["rules + model"] = document_predictions(items, with_model=True, structure=structure)
    else:
        ss = sentences_of(items)
        coders: dict[str, Coder] = {"lexical": lexical_coder}
        if not args.no_model:
            coders["rules + model"] = combined_coder
        for name, coder in coders.items():
            t0 = time.perf_counter()
            preds[name] = coder(ss)
            print(f"{name}: {time.perf_counter() - t0:.1f} s")
    print(report(items, preds))
    if args.errors:
        for name, p in preds.items():
            print(f"\n## errors, {name}\n" + errors(items, p))
    if args.topics:
        print("\n" + topic_check(HERE / "topics_check.jsonl", None if args.no_model else combined_coder))


if __name__ == "__main__":
    main()

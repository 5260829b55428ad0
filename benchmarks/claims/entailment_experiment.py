"""A learned entailment verifier on top of the rules: trained, measured and not adopted (RESULTS.md, "Claim
verification, round 4"). Reproduces every figure of that section.

Model: a cross-encoder from the bundled e5-small-sv (models/e5-small-sv): "query: statement" and "passage: evidence"
read as one pair; the lower 8 layers stay as they are (their states are computed once), the top 4 and a linear head
on the mean-pooled last layer are trained (AdamW, warm-up over a tenth of the steps then linear decay, binary
cross-entropy, seed 0; about 9 minutes on two cores).
Data: verify_pairs.jsonl and verify_train.jsonl (1,319 outsider-written pairs); the pairs of one evidence sentence
in five (by a hash of the evidence) are held out and choose the two thresholds:
- lift: a pair the rules judge `partly` only for want of words (no conflict, no missing number, date or name)
  becomes `supported` at or above the lowest probability where held-out lifts are restatements 95 % of the time;
- demote: a pair the rules judge `supported` becomes `partly` below the highest probability where held-out
  demotions are near-misses 60 % of the time.
Then, never used for training or thresholds: the blind pairs (verify_blind3.jsonl) and the link-level sets
(verify_dev/tune/heldout/heldout2.json, retrieval as `link` does it; the model reads at most 3 candidates a
statement), each with the rules alone, rules + lift, rules + lift + demote.

    .venv/bin/python benchmarks/claims/entailment_experiment.py [--out DIR]   # DIR: where to keep the weights
    .venv/bin/python benchmarks/claims/entailment_experiment.py --train pairs train blind3 blind4 --blind blind5

The shipped learned verifier (models/verifier-sv, claims/learned.py; RESULTS.md, "Claim verification, round 14")
is this script's model trained on eight writers' pairs, with its lift threshold:

    .venv/bin/python benchmarks/claims/entailment_experiment.py --train pairs train blind3 blind4 blind5 blind6 \
        blind7 blind8 --blind blind9 --out models/verifier-sv

The same model trained with three care sets as well (RESULTS.md, "Claim verification, round 29"; measured, not
shipped):

    .venv/bin/python benchmarks/claims/entailment_experiment.py --train pairs train blind3 blind4 blind5 blind6 \
        blind7 blind8 blind25 blind26 blind30 --blind blind27 blind28 blind29 --out DIR
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))
from top_layers import first, optimiser_for, top_forward, train_step  # noqa: E402

SHARED = (REPO / ".." / "shared" / "data").resolve()
TRAIN = [HERE / "verify_pairs.jsonl", HERE / "verify_train.jsonl"]
PROMPTS = ("query: ", "passage: ")
MAX_LENGTH, BATCH, SEED, LAYERS, EPOCHS, LR = 160, 16, 0, 4, 10, 1e-4
LIFT_PRECISION, DEMOTE_PRECISION = 0.95, 0.6
MODEL_CANDIDATES = 3

Scorer = Callable[[Sequence[tuple[str, str]]], list[float]]


def held_out(row: dict[str, Any]) -> bool:
    """One evidence sentence in five, with all its pairs, by a stable hash of its text."""
    return int(hashlib.sha256(row["evidence"].encode("utf-8")).hexdigest(), 16) % 5 == 0


def read_pairs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def train_model(rows: list[dict[str, Any]], out: Path | None, epochs: int = EPOCHS) -> Scorer:
    """Fine-tune the top layers and head on `rows` for `epochs`; the scorer reads any (statement, evidence) pairs."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    base = REPO / "models" / "e5-small-sv"
    tokenizer = AutoTokenizer.from_pretrained(base)
    encoder = AutoModel.from_pretrained(base)
    encoder.eval()
    first_trained = len(encoder.encoder.layer) - LAYERS

    def lower_states(pairs: Sequence[tuple[str, str]]) -> list[Any]:
        out_states = []
        for at in range(0, len(pairs), 32):
            chunk = pairs[at : at + 32]
            batch = tokenizer(
                [PROMPTS[0] + s for s, _ in chunk], [PROMPTS[1] + e for _, e in chunk],
                padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt",
            )  # fmt: skip
            with torch.no_grad():
                hidden = encoder.embeddings(input_ids=batch["input_ids"], token_type_ids=batch.get("token_type_ids"))
                mask = (1.0 - batch["attention_mask"][:, None, None, :].float()) * torch.finfo(torch.float32).min
                for layer in encoder.encoder.layer[:first_trained]:
                    hidden = first(layer(hidden, attention_mask=mask))
            out_states += [hidden[j, : int(batch["attention_mask"][j].sum())].clone() for j in range(len(chunk))]
        return out_states

    top = torch.nn.ModuleList(encoder.encoder.layer[first_trained:])
    head = torch.nn.Linear(encoder.config.hidden_size, 1)

    def forward(states: list[Any]) -> Any:
        return top_forward(top, head, states).squeeze(-1)

    started = time.time()
    states = lower_states([(r["statement"], r["evidence"]) for r in rows])
    labels = torch.tensor([1.0 if r["label"] == "supported" else 0.0 for r in rows])
    optimiser, schedule = optimiser_for(top, head, epochs * -(-len(rows) // BATCH), LR)
    top.train()
    for epoch in range(epochs):
        order = list(range(len(rows)))
        random.shuffle(order)
        total = 0.0
        for at in range(0, len(order), BATCH):
            picked = order[at : at + BATCH]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                forward([states[i] for i in picked]), labels[picked]
            )
            total += train_step(loss, optimiser, schedule) * len(picked)
        print(f"epoch {epoch + 1}: loss {total / len(rows):.3f} ({time.time() - started:.0f} s)", flush=True)
    top.eval()
    if out is not None:
        tensors = {f"layer.{first_trained + i}.{k}": v for i, layer in enumerate(top)
                   for k, v in layer.state_dict().items()}  # fmt: skip
        save_weights(out, tensors | {f"head.{k}": v for k, v in head.state_dict().items()})

    def score(pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not pairs:
            return []
        found = lower_states(pairs)
        with torch.no_grad():
            return [float(p) for at in range(0, len(found), 32) for p in torch.sigmoid(forward(found[at : at + 32]))]

    return score


def save_weights(out: Path, tensors: dict[str, Any]) -> None:
    """The trained top layers and head as the shipped model keeps them: half precision (14 MB), one file."""
    from safetensors.torch import save_file

    from textsamverkan.claims.learned import WEIGHTS

    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().half().contiguous() for k, v in tensors.items()}, str(out / WEIGHTS))


def save_manifest(out: Path, lift_at: float, trained_on: Sequence[str], pairs: int, epochs: int) -> None:
    """What claims/learned.py needs to run the model, and how it was made."""
    from textsamverkan.claims.learned import MANIFEST

    base = json.loads((REPO / "models" / "e5-small-sv" / "textsamverkan_model.json").read_text(encoding="utf-8"))
    manifest = {
        "base": "e5-small-sv", "base_sha256": base["source_sha256"], "trained_layers": LAYERS,
        "prompts": list(PROMPTS), "max_length": MAX_LENGTH, "lift_at": lift_at, "lift_precision": LIFT_PRECISION,
        "trained_on": [f"benchmarks/claims/verify_{name}.jsonl" for name in trained_on], "training_pairs": pairs,
        "seed": SEED, "epochs": epochs, "learning_rate": LR, "batch": BATCH,
        "made_by": "benchmarks/claims/entailment_experiment.py --train " + " ".join(trained_on)
        + f" --epochs {epochs} --out DIR",
    }  # fmt: skip
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def liftable(statement: str, evidence: str, context: str) -> bool:
    """The rules say `partly` only for want of content words (`Judgement.words_only`: no conflict, no missing
    number, date or name, no group of people missing where the evidence names another)."""
    from textsamverkan.claims.verdict import assess

    return assess(statement, evidence, context)[3]


def lift_threshold(probs: Sequence[float], gold: Sequence[bool], can: Sequence[bool]) -> float:
    """The lowest threshold at which the liftable held-out pairs at or above it are restatements at least
    `LIFT_PRECISION` of the time (at least five lifted); 1.0 when none qualifies."""
    for t in sorted({p for p, c in zip(probs, can, strict=True) if c}):
        above = [g for p, g, c in zip(probs, gold, can, strict=True) if c and p >= t]
        if len(above) >= 5 and sum(above) / len(above) >= LIFT_PRECISION:
            return t
    return 1.0


def demote_threshold(probs: Sequence[float], gold: Sequence[bool], supported: Sequence[bool]) -> float:
    """The highest threshold below which the held-out pairs the rules support are near-misses at least
    `DEMOTE_PRECISION` of the time (at least five demoted); 0.0 when none qualifies."""
    for t in sorted({p for p, s in zip(probs, supported, strict=True) if s}, reverse=True):
        below = [not g for p, g, s in zip(probs, gold, supported, strict=True) if s and p < t]
        if len(below) >= 5 and sum(below) / len(below) >= DEMOTE_PRECISION:
            return t
    return 0.0


def pair_verdicts(rows: list[dict[str, Any]], score: Scorer, lift_at: float, demote_below: float) -> dict[str, Any]:
    """Restatements supported and others not supported: rules alone, + lift, + lift and demote."""
    from textsamverkan.claims.verdict import judge_evidence

    rules = [judge_evidence(r["statement"], r["evidence"], r["evidence"])[0] for r in rows]
    can = [liftable(r["statement"], r["evidence"], r["evidence"]) for r in rows]
    asked = [n for n, v in enumerate(rules) if can[n] or v == "supported"]
    probs = dict(zip(asked, score([(rows[n]["statement"], rows[n]["evidence"]) for n in asked]), strict=True))
    lifted = ["supported" if can[n] and probs[n] >= lift_at else v for n, v in enumerate(rules)]
    demoted = ["partly" if rules[n] == "supported" and probs[n] < demote_below else v for n, v in enumerate(lifted)]
    return {name: _rates(rows, verdicts) for name, verdicts in
            (("rules", rules), ("rules + lift", lifted), ("rules + lift + demote", demoted))}  # fmt: skip


def _rates(rows: list[dict[str, Any]], verdicts: list[str]) -> str:
    yes = [v == "supported" for r, v in zip(rows, verdicts, strict=True) if r["label"] == "supported"]
    no = [v != "supported" for r, v in zip(rows, verdicts, strict=True) if r["label"] != "supported"]
    return f"restatements {sum(yes)}/{len(yes)}, others not supported {sum(no)}/{len(no)}"


def link_verdicts(name: str, score: Scorer, lift_at: float, demote_below: float) -> dict[str, Any]:
    """A link-level set as eval_verify.py runs it, with the model's second look on at most `MODEL_CANDIDATES`
    candidates a statement."""
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
    from textsamverkan.stages.link import build_linker
    from textsamverkan.store import connect
    from textsamverkan.store.documents import list_doc_ids

    data = json.loads((HERE / f"verify_{name}.json").read_text(encoding="utf-8"))
    paths = [REPO / p if p.startswith("corpora") else SHARED / p for p in data["corpus"]]
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "eval.db")
        ingest_paths(conn, paths, IngestOptions())
        linker = build_linker(conn, list_doc_ids(conn), embedder="static-sv")
        results = [linker.link(item["statement"], k=5) for item in data["statements"]]
    out: dict[str, Any] = {}
    for variant, demote in (("rules", None), ("rules + lift", 0.0), ("rules + lift + demote", demote_below)):
        right_yes, right_no = [], []
        for item, result in zip(data["statements"], results, strict=True):
            verdict = result.verdict
            if demote is not None:
                verdict = _second_look(result, score, lift_at, demote)
            (right_yes if item["expected"] == "supported" else right_no).append(
                (verdict == "supported") == (item["expected"] == "supported")
            )
        out[variant] = f"restatements {sum(right_yes)}/{len(right_yes)}, others right {sum(right_no)}/{len(right_no)}"
    return out


def _second_look(result: Any, score: Scorer, lift_at: float, demote_below: float) -> str:
    """The statement's verdict after the model reads its supported candidates (when it is supported or
    conflicting) or its liftable ones (when it is partly)."""
    from textsamverkan.claims.verdict import overall

    if result.verdict in ("supported", "conflicting"):
        wanted = [c for c, s in enumerate(result.supports) if s.judgement and s.judgement.verdict == "supported"]
    elif result.verdict == "partly":
        wanted = [c for c, s in enumerate(result.supports)
                  if s.judgement and liftable(result.statement, s.judgement.evidence.quote, f"{s.quote}\n{s.context}")]
    else:
        return str(result.verdict)
    wanted = wanted[:MODEL_CANDIDATES]
    judged = [(n, s.judgement) for n, s in enumerate(result.supports) if s.judgement is not None]
    quotes = {n: j.evidence.quote for n, j in judged}
    probs = dict(zip(wanted, score([(result.statement, quotes[c]) for c in wanted]), strict=True))
    judgements = []
    for n, j in judged:
        if n in probs and j.verdict == "supported" and probs[n] < demote_below:
            j = replace(j, verdict="partly")
        elif n in probs and j.verdict == "partly" and probs[n] >= lift_at:
            j = replace(j, verdict="supported")
        judgements.append(j)
    scores = [result.supports[n].score for n, _ in judged]
    verdict, _decided = overall(judgements, scores)
    return verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="write the model here as models/verifier-sv holds it")
    parser.add_argument(
        "--train", nargs="+", default=[p.stem.removeprefix("verify_") for p in TRAIN],
        help="pair sets to train on (default: pairs train, round 4's configuration)",
    )  # fmt: skip
    parser.add_argument("--blind", nargs="+", default=["blind3"], help="held-out pair sets to report")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the pairs (default {EPOCHS})")
    args = parser.parse_args()
    rows = [r for name in args.train for r in read_pairs(HERE / f"verify_{name}.jsonl")]
    train, fold = [r for r in rows if not held_out(r)], [r for r in rows if held_out(r)]
    score = train_model(train, args.out, args.epochs)
    from textsamverkan.claims.verdict import judge_evidence

    probs = score([(r["statement"], r["evidence"]) for r in fold])
    gold = [r["label"] == "supported" for r in fold]
    can = [liftable(r["statement"], r["evidence"], r["evidence"]) for r in fold]
    supported = [judge_evidence(r["statement"], r["evidence"], r["evidence"])[0] == "supported" for r in fold]
    lift_at, demote_below = lift_threshold(probs, gold, can), demote_threshold(probs, gold, supported)
    print(f"thresholds from {len(fold)} held-out pairs: lift at {lift_at:.4f}, demote below {demote_below:.4f}")
    if args.out is not None:
        save_manifest(args.out, lift_at, args.train, len(train), args.epochs)
    report = {"held-out fold (chose the thresholds)": pair_verdicts(fold, score, lift_at, demote_below)}
    for name in args.blind:
        report[f"verify_{name} pairs"] = pair_verdicts(read_pairs(HERE / f"verify_{name}.jsonl"), score, lift_at,
                                                       demote_below)  # fmt: skip
    for name in ("dev", "tune", "heldout", "heldout2"):
        report[f"verify_{name} (link)"] = link_verdicts(name, score, lift_at, demote_below)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""The learned verifier: a second look at candidates the rules judge `partly` only for want of words.

The rules find a statement's words, numbers, dates and names in its evidence; a restatement in other words ("går i
god för sju tiondelar" for "garanteras med upp till 70 procent") leaves words unfound and is judged `partly`. A
cross-encoder fine-tuned from e5-small-sv (models/verifier-sv: its top four layers and a head, trained on
statement–evidence pairs by eight writers; benchmarks/claims/entailment_experiment.py) reads statement and evidence
as one text and gives the probability that the evidence says the statement. A candidate is lifted to `supported`
only when the rules found no conflict, every number, date and name, and no group of people or kind of thing swapped
for another ("papperspåse" for "bomullspåse"; `Judgement.words_only`), and that probability reaches the model's
threshold, chosen on held-out pairs for 95 % restatements among the lifted. It never turns a verdict down; the
rules' reasons stay, with the probability beside them (`reasons["learned"]`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textsamverkan.errors import E_MODEL, UserError

if TYPE_CHECKING:
    from textsamverkan.claims.verdict import Judgement

MODEL_NAME = "verifier-sv"
WEIGHTS = "verifier.safetensors"
MANIFEST = "manifest.json"
# the candidates of one statement the model reads at most (in rank order): each costs a full e5-small-sv pass
MODEL_CANDIDATES = 3


def model_path() -> Path:
    """The folder of the verifier's weights and manifest, among the bundled models."""
    from textsamverkan.embed.backend import models_dir

    return models_dir() / MODEL_NAME


@functools.cache
def manifest() -> dict[str, Any]:
    """The model's manifest: its base model, the layers it replaces, its prompts and its lift threshold."""
    path = model_path() / MANIFEST
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        hint = "restore models/verifier-sv from the repository, or link with --no-learned-verifier"
        raise UserError(E_MODEL, f"the learned verifier is missing or unreadable: {path}", hint) from err
    return data


def second_look(statement: str, judgements: Sequence[Judgement]) -> list[Judgement]:
    """`judgements` with the first `MODEL_CANDIDATES` of those judged `partly` only for want of words read by the
    model, and each whose probability reaches the threshold made `supported`."""
    wanted = [n for n, j in enumerate(judgements) if j.verdict == "partly" and j.words_only]
    wanted = wanted[:MODEL_CANDIDATES]
    out = list(judgements)
    if not wanted:
        return out
    threshold = float(manifest()["lift_at"])
    for n in wanted:
        j = out[n]
        p = entailment(statement, j.evidence.quote)
        if p >= threshold:
            learned = {"entailment": round(p, 4), "threshold": round(threshold, 4)}
            out[n] = replace(j, verdict="supported", reasons={**j.reasons, "learned": learned})
    return out


def entailment(statement: str, evidence: str) -> float:
    """The probability that `evidence` says `statement`. One pair at a time, so a score never depends on which
    other pairs share its batch (the same in one process or on workers)."""
    import torch

    _tokenizer, encoder, head = _model()
    batch = encode_pair(statement, evidence)
    with torch.no_grad():
        return float(probability(encoder, head, batch["input_ids"], batch.get("token_type_ids")).reshape(()))


def encode_pair(statement: str, evidence: str) -> Any:
    """The tokenised pair as the verifier reads it: each text behind its prompt, cut to the model's length."""
    tokenizer, _encoder, _head = _model()
    prompts = manifest()["prompts"]
    return tokenizer(prompts[0] + statement, prompts[1] + evidence, truncation=True,
                     max_length=int(manifest()["max_length"]), return_tensors="pt")  # fmt: skip


def probability(encoder: Any, head: Any, input_ids: Any, token_type_ids: Any = None) -> Any:
    """The verifier's network over one tokenised pair (no padding, so no attention mask): every layer, the mean over
    the tokens, the head, a sigmoid. What `entailment` runs, and what an export of the verifier must run."""
    import torch

    hidden = encoder.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
    for layer in encoder.encoder.layer:
        out = layer(hidden, attention_mask=torch.zeros(1, 1, 1, hidden.shape[1]))
        hidden = out[0] if isinstance(out, tuple) else out
    return torch.sigmoid(head(hidden.mean(1)))


@functools.cache
def _model() -> tuple[Any, Any, Any]:
    """The tokenizer, e5-small-sv with the verifier's top layers, and its head (loaded once per process)."""
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModel, AutoTokenizer

    from textsamverkan.embed.backend import models_dir

    man = manifest()
    base = models_dir() / str(man["base"])
    built = json.loads((base / "textsamverkan_model.json").read_text(encoding="utf-8")) if base.is_dir() else {}
    if built.get("source_sha256") != man["base_sha256"]:
        problem = "is not built" if not built else "was built from another file than the learned verifier's"
        raise UserError(E_MODEL, f"{base} {problem}",
                        "run `make models` to build it, or link with --no-learned-verifier")  # fmt: skip
    tokenizer = AutoTokenizer.from_pretrained(base)
    encoder = AutoModel.from_pretrained(base)
    tensors = {k: v.float() for k, v in load_file(str(model_path() / WEIGHTS)).items()}
    for key, value in tensors.items():
        if key.startswith("layer."):
            number, name = key.removeprefix("layer.").split(".", 1)
            encoder.encoder.layer[int(number)].state_dict()[name].copy_(value)
    head = torch.nn.Linear(encoder.config.hidden_size, 1)
    head.load_state_dict({"weight": tensors["head.weight"], "bias": tensors["head.bias"]})
    encoder.eval()
    return tokenizer, encoder, head

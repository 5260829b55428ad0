"""What the two fine-tuning experiments share (claims/entailment_experiment.py, themes/finetune_experiment.py): the
top layers of e5-small-sv and a head run over hidden states the frozen lower layers computed once, and the optimiser
both train them with (AdamW, warm-up over a tenth of the steps, then linear decay)."""

from __future__ import annotations

from typing import Any


def first(output: Any) -> Any:
    """A layer's hidden states (older transformers return a tuple)."""
    return output[0] if isinstance(output, tuple) else output


def top_forward(top: Any, head: Any, states: list[Any]) -> Any:
    """The head's output for each of `states` (one lower-layer state per text, of its own length): padded into a
    batch, run through the `top` layers, mean-pooled over the real tokens."""
    import torch

    x = torch.zeros(len(states), max(s.shape[0] for s in states), states[0].shape[1])
    keep = torch.zeros(x.shape[:2])
    for i, s in enumerate(states):
        x[i, : s.shape[0]], keep[i, : s.shape[0]] = s, 1
    mask = (1.0 - keep[:, None, None, :]) * torch.finfo(torch.float32).min
    for layer in top:
        x = first(layer(x, attention_mask=mask))
    return head((x * keep[..., None]).sum(1) / keep.sum(1, keepdim=True))


def optimiser_for(top: Any, head: Any, steps: int, lr: float) -> tuple[Any, Any]:
    """AdamW over the top layers (`lr`) and the head (1e-3), with its warm-up and linear-decay schedule."""
    import torch

    optimiser = torch.optim.AdamW(
        [{"params": top.parameters(), "lr": lr}, {"params": head.parameters(), "lr": 1e-3}], weight_decay=0.01
    )
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: (step + 1) / warmup if step < warmup else max(0.0, (steps - step) / (steps - warmup))
    )
    return optimiser, schedule


def train_step(loss: Any, optimiser: Any, schedule: Any) -> float:
    """One optimiser step on `loss`; its value."""
    loss.backward()
    optimiser.step()
    schedule.step()
    optimiser.zero_grad()
    return float(loss.item())

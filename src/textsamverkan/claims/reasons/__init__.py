"""Reasons a statement is or is not backed by a piece of evidence, one module per kind of element.

Each `compare_*` function takes the statement, the evidence text (a sentence or two) and optionally wider context
(the whole passage, the document's title and region) and returns an `Outcome`: the statement's elements found in the
evidence, those in conflict with it (statement form, evidence form) and those missing. All are pure functions over
texts, so a verdict can be explained and tested on small Swedish examples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar


@dataclass
class Outcome:
    """Elements of one kind: `found` (as the statement says them), `conflict` pairs and `missing` ones."""

    kind: str
    found: list[str] = field(default_factory=list)
    conflict: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


class Mention(Protocol):
    """An element found in a text, shown as it is written there."""

    @property
    def text(self) -> str: ...


M = TypeVar("M", bound=Mention)


def match_mentions(
    kind: str,
    mine: Sequence[M],
    theirs: Sequence[M],
    in_context: Callable[[], Sequence[M]],
    agree: Callable[[M, M], bool],
    rival: Callable[[M, Sequence[M]], M | None],
    *,
    may_be_missing: bool = True,
) -> Outcome:
    """Each of the statement's mentions: found when one in the evidence agrees; else in conflict with the evidence
    mention `rival` picks; else found when the context (read once, only if needed) holds one that agrees; else
    missing, unless `may_be_missing` is false (a reference, time or rank the evidence does not name asks nothing of
    it)."""
    outcome = Outcome(kind)
    context: Sequence[M] | None = None
    for mention in mine:
        if any(agree(mention, other) for other in theirs):
            outcome.found.append(mention.text)
            continue
        opponent = rival(mention, theirs)
        if opponent is not None:
            outcome.conflict.append((mention.text, opponent.text))
            continue
        if context is None:
            context = in_context()
        if any(agree(mention, other) for other in context):
            outcome.found.append(mention.text)
        elif may_be_missing:
            outcome.missing.append(mention.text)
    return outcome

"""Reasons a statement is or is not backed by a piece of evidence, one module per kind of element.

Each `compare_*` function takes the statement, the evidence text (a sentence or two) and optionally wider context
(the whole passage, the document's title and region) and returns an `Outcome`: the statement's elements found in the
evidence, those in conflict with it (statement form, evidence form) and those missing. All are pure functions over
texts, so a verdict can be explained and tested on small Swedish examples.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    """Elements of one kind: `found` (as the statement says them), `conflict` pairs and `missing` ones."""

    kind: str
    found: list[str] = field(default_factory=list)
    conflict: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

"""The shapes shared by the REFI-QDA writer and reader and the agreement measure: codes, sources, codings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# A colour per code where the codebook gives none (ColorBrewer Set2/Dark2-like, readable on white).
PALETTE = (
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
    "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6",
)


@dataclass(frozen=True)
class QdaCode:
    """A code of the codebook: a stable id, the name coders see, a description, a colour (#rrggbb), a parent."""

    id: str
    name: str
    description: str = ""
    color: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class QdaSource:
    """A plain-text source: a stable id (the document id), a display name, its text and variables (metadata).

    `created` (ISO 8601, e.g. the document's ingest time) becomes the source's creation date where given;
    `description` is shown by QDA tools as the source's memo.
    """

    id: str
    name: str
    text: str
    variables: dict[str, str] = field(default_factory=dict)
    created: str = ""
    description: str = ""


@dataclass(frozen=True, order=True)
class Coding:
    """One coded selection: source `[start, end)` in characters (code points) of the source text, and the code.

    `source` and `code` are ids or names depending on where the coding came from (see the functions using it).
    `user` (who coded it, where known) does not take part in comparisons: split codings by coder first.
    """

    source: str
    start: int
    end: int
    code: str
    user: str = field(default="", compare=False)


def codes_from_codebook(
    ids: Sequence[str],
    names: Sequence[str],
    descriptions: Sequence[str] | None = None,
    colours: Sequence[str | None] | None = None,
    parents: Sequence[str | None] | None = None,
) -> list[QdaCode]:
    """Codes from parallel lists (as a codebook gives them); missing colours come from a fixed palette."""
    n = len(ids)
    for label, values in (("names", names), ("descriptions", descriptions), ("colours", colours),
                          ("parents", parents)):
        if values is not None and len(values) != n:
            raise ValueError(f"{label} has {len(values)} entries, ids has {n}")
    if len(set(ids)) != n:
        raise ValueError("code ids must be unique")
    codes = []
    for i, code_id in enumerate(ids):
        colour = colours[i] if colours is not None else None
        codes.append(QdaCode(
            id=code_id,
            name=names[i],
            description=descriptions[i] if descriptions is not None else "",
            color=colour or PALETTE[i % len(PALETTE)],
            parent=parents[i] if parents is not None else None,
        ))
    return codes

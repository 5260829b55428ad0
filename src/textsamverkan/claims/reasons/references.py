"""References to documents: statute numbers ("(2003:766)", "SFS 2020:123"), inquiries ("SOU 2020:70"), memoranda
("Ds 2021:5"), bills ("prop. 2020/21:84"), terms of reference ("dir. 2020:89") and EU memoranda ("2020/21:FPM18").

A statement's reference conflicts with the evidence when the evidence cites references of the same kind and none
with its number ("SOU 2020:47" against "SOU 2020:70", "(2003:767)" against "(2003:766)"). A reference the evidence
does not cite is not missing: restatements drop and add references freely, and what a reference names is judged by
the content words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome, match_mentions

_REFERENCE = re.compile(
    r"(?<![\w/:])(?:(?P<kind>SOU|Ds|prop\.?|dir\.?|SFS)\s*)?"
    r"(?P<number>(?:19|20)\d\d(?:/\d\d)?:(?:FPM)?\d{1,4})(?![\w:])",
    re.I,
)


@dataclass(frozen=True)
class Reference:
    kind: str  # "sou", "ds", "prop", "dir", "fpm" or "sfs"
    number: str
    text: str


@lru_cache(maxsize=1 << 14)
def references(text: str) -> tuple[Reference, ...]:
    """Every document reference in `text`; a bare "YYYY:N" is a statute, "YYYY/YY:N" a bill."""
    found = []
    for m in _REFERENCE.finditer(text):
        number = m.group("number").upper()
        kind = (m.group("kind") or "").lower().rstrip(".")
        if "FPM" in number:
            kind = "fpm"
        elif not kind:
            kind = "prop" if "/" in number else "sfs"
        found.append(Reference(kind, number, m.group().strip()))
    return tuple(found)


def compare_references(statement: str, evidence: str) -> Outcome:
    """The statement's references: found when the evidence cites the same one, in conflict when it cites others of
    the same kind and not that one; otherwise not judged."""
    mine = references(statement)
    theirs = references(evidence) if mine else ()

    def closest(ref: Reference, others: Sequence[Reference]) -> Reference | None:
        same_kind = [r for r in others if r.kind == ref.kind]
        return max(same_kind, key=lambda r: _shared_start(r.number, ref.number), default=None)

    return match_mentions("reference", mine, theirs, lambda: (), _same, closest, may_be_missing=False)


def _same(a: Reference, b: Reference) -> bool:
    return a.kind == b.kind and a.number == b.number


def _shared_start(a: str, b: str) -> int:
    """How many characters `a` and `b` share from the start ("2003:766" and "2003:767": 7)."""
    return next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))

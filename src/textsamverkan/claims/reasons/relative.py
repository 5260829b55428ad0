"""Years said relative to the text's own: "i år", "förra året", "i fjol", "nästa år". A statement's relative year
conflicts with the evidence when the evidence names only another ("förra året" against "i år"); one the evidence
does not name asks nothing of it (the evidence may give the year as a number, which the date check judges)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome, match_mentions

# offset from the year the text was written in, by how it is said
_YEARS = (
    (re.compile(r"\b(?:i\s+år|innevarande\s+år|detta\s+år|det\s+här\s+året|årets)\b", re.I), 0),
    (re.compile(r"\b(?:förra\s+året|i\s+fjol|ifjol|föregående\s+år|fjolårets|förra\s+årets)\b", re.I), -1),
    (re.compile(r"\b(?:nästa\s+år|kommande\s+år|nästkommande\s+år|nästa\s+års)\b", re.I), 1),
)


@dataclass(frozen=True)
class RelativeYear:
    offset: int
    text: str
    start: int


@lru_cache(maxsize=1 << 14)
def relative_years(text: str) -> tuple[RelativeYear, ...]:
    """Every relative year in `text`, in text order."""
    found = [RelativeYear(offset, m.group(), m.start()) for pattern, offset in _YEARS for m in pattern.finditer(text)]
    return tuple(sorted(found, key=lambda y: y.start))


def compare_relative_years(statement: str, evidence: str) -> Outcome:
    """The statement's relative years: found when the evidence says the same, in conflict when it says only others."""
    mine = relative_years(statement)
    theirs = relative_years(evidence) if mine else ()

    def first(year: RelativeYear, others: Sequence[RelativeYear]) -> RelativeYear | None:
        return next((o for o in others if o.offset != year.offset), None)

    return match_mentions(
        "date", mine, theirs, lambda: (), lambda a, b: a.offset == b.offset, first, may_be_missing=False
    )

"""Times of day: "kl. 17.00", "klockan 22", "kl 8:30". A statement's time conflicts with the evidence when the
evidence names times and none is the same ("kl. 12.00" against "kl. 17.00"); a time the evidence does not name is
not judged here (the statement's other elements are)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome, match_mentions

_TIME = re.compile(r"\b(?:kl\.?|klockan)\s*(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?(?!\d)", re.I)


@dataclass(frozen=True)
class TimeOfDay:
    minutes: int
    text: str
    start: int
    end: int


@lru_cache(maxsize=1 << 14)
def times(text: str) -> tuple[TimeOfDay, ...]:
    """Every time of day in `text`, as minutes after midnight."""
    return tuple(
        TimeOfDay(int(m.group("hour")) * 60 + int(m.group("minute") or 0), m.group(), m.start(), m.end())
        for m in _TIME.finditer(text)
    )


def compare_times(statement: str, evidence: str) -> Outcome:
    """The statement's times: found when the evidence names the same time, in conflict when it names only others."""
    mine = times(statement)
    theirs = times(evidence) if mine else ()

    def closest(time: TimeOfDay, others: Sequence[TimeOfDay]) -> TimeOfDay | None:
        return min(others, key=lambda t: abs(t.minutes - time.minutes), default=None)

    return match_mentions(
        "time", mine, theirs, lambda: (), lambda a, b: a.minutes == b.minutes, closest, may_be_missing=False
    )

"""Times of day: "kl. 17.00", "klockan 22", "kl 8:30", and as speech says them: "klockan tio", "tjugotvå på
kvällen", "sju på morron". A statement's time conflicts with the evidence when the evidence names times and none is
the same ("kl. 12.00" against "kl. 17.00"); a time the evidence does not name is not judged here (the statement's
other elements are). An hour said with the evening or afternoon is after noon ("tio på kvällen" is 22); one said
without a part of the day ("klockan fem") is compared on a twelve-hour clock ("kl. 17")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.quantities import COMPOUND_NUMBER, NUMBER_WORDS, PART_OF_DAY, parse_number
from textsamverkan.claims.reasons import Outcome, match_mentions

_HOUR = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?(?!\d)"
# "ett" is an hour only after a clock ("klockan ett"); elsewhere it is an article
_HOUR_WORD = rf"{COMPOUND_NUMBER}|{'|'.join(NUMBER_WORDS)}|ett"
_TIME = re.compile(
    rf"\b(?P<clock>(?:kl\.?|klockan)\s*)?(?:(?P<before>halv|kvart\s+i|kvart\s+över)\s+)?"
    rf"(?P<hour>{_HOUR}|(?:{_HOUR_WORD})\b)(?:\s+{PART_OF_DAY})?",
    re.I,
)
# "halv nio" is 8.30, "kvart i sju" 6.45, "kvart över sju" 7.15: (hours to add, minutes)
_BEFORE_HOUR = {"halv": (-1, 30), "kvart i": (-1, 45), "kvart över": (0, 15)}
# the words before a time that make it a bound: "före kl. 17", "senast kl. 12" against "efter", "från", "sedan"
_BOUNDS = {
    "före": "före", "innan": "före", "senast": "före", "fram till": "före", "till": "före",
    "efter": "efter", "från": "efter", "sedan": "efter", "fr.o.m.": "efter",
}  # fmt: skip
_BOUND_BEFORE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in _BOUNDS) + r")\s+$", re.I
)
# a time is said with a clock or a part of the day: a text with neither is not searched for number words
_MAY_HOLD_TIME = re.compile(rf"\bkl|\b{PART_OF_DAY}", re.I)
_AFTERNOON = frozenset(["eftermiddagen", "kvällen", "kvällarna"])
# the hours (on a twelve-hour clock) a part of the day holds: "sju på kvällen" is a time, "vi var två på kvällen" not
_HOURS_OF = {
    "morgonen": range(4, 12), "morronen": range(4, 12), "morron": range(4, 12), "förmiddagen": range(8, 13),
    "eftermiddagen": range(1, 7), "kvällen": range(5, 12), "kvällarna": range(5, 12),
    "natten": (*range(9, 13), *range(1, 6)), "nätterna": (*range(9, 13), *range(1, 6)),
}  # fmt: skip
HALF_DAY = 12 * 60


@dataclass(frozen=True)
class TimeOfDay:
    minutes: int
    text: str
    start: int
    end: int
    twelve_hour: bool = False  # said without a part of the day that tells morning from evening ("klockan fem")
    bound: str = ""  # "före" for a time something happens before ("före kl. 17", "senast kl. 12"), "efter" after


@lru_cache(maxsize=1 << 14)
def times(text: str) -> tuple[TimeOfDay, ...]:
    """Every time of day in `text`, as minutes after midnight."""
    if not _MAY_HOLD_TIME.search(text):
        return ()  # most texts name no time: the number words need not be looked for at every position
    found: list[TimeOfDay] = []
    for m in _TIME.finditer(text):
        part = (m.group("part") or "").lower()
        if not m.group("clock") and (not part or m.group("hour").lower() == "ett"):
            continue  # a bare number is a time only with its part of the day ("sju på morron")
        hour, _sep, minute = m.group("hour").replace(":", ".").partition(".")
        hours = int(hour) if hour.isdigit() else int(parse_number(hour) or 0)
        if not 0 <= hours <= 24 or (not m.group("clock") and (hours - 1) % 12 + 1 not in _HOURS_OF[part]):
            continue
        if m.group("before"):
            shift, minutes = _BEFORE_HOUR[" ".join(m.group("before").lower().split())]
            hours, minute = hours + shift, str(minutes)
        if hours < 12 and (part in _AFTERNOON or (part in ("natten", "nätterna") and hours >= 6)):
            hours += 12
        # "kl. 5" is five in the morning, "klockan fem" either five or seventeen
        twelve_hour = not part and not hour.isdigit() and hours <= 12
        bound = _BOUND_BEFORE.search(text, max(0, m.start() - 12), m.start())
        side = _BOUNDS[" ".join(bound.group(1).lower().split())] if bound else ""
        found.append(TimeOfDay(hours * 60 + int(minute or 0), m.group(), m.start(), m.end(), twelve_hour, side))
    return tuple(found)


def hour_words(text: str) -> frozenset[str]:
    """The words (lower-cased) that say the hour of a time in `text` ("tjugotvå" in "tjugotvå på kvällen")."""
    return frozenset(w for t in times(text) for w in t.text.lower().split() if parse_number(w) is not None)


def _same(a: TimeOfDay, b: TimeOfDay) -> bool:
    if a.bound and b.bound and a.bound != b.bound:
        return False  # "före kl. 17" is not "efter kl. 17"
    if a.twelve_hour or b.twelve_hour:
        return (a.minutes - b.minutes) % HALF_DAY == 0
    return a.minutes == b.minutes


def _apart(a: TimeOfDay, b: TimeOfDay) -> int:
    gap = abs(a.minutes - b.minutes)
    return min(gap % HALF_DAY, HALF_DAY - gap % HALF_DAY) if a.twelve_hour or b.twelve_hour else gap


def compare_times(statement: str, evidence: str) -> Outcome:
    """The statement's times: found when the evidence names the same time, in conflict when it names only others."""
    mine = times(statement)
    theirs = times(evidence) if mine else ()

    def closest(time: TimeOfDay, others: Sequence[TimeOfDay]) -> TimeOfDay | None:
        return min(others, key=lambda t: _apart(time, t), default=None)

    return match_mentions("time", mine, theirs, lambda: (), _same, closest, may_be_missing=False)

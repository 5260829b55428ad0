"""Swedish personnummer and samordningsnummer: the date and Luhn checks.

Written here rather than taken from python-stdnum, whose `stdnum.se.personnummer` (2.2) rejects every
samordningsnummer (day + 60) as an invalid component. A samordningsnummer is a personnummer whose day of birth
has 60 added (61–91).
"""

from __future__ import annotations

import datetime
import re

_DIGITS = re.compile(r"\D")


def luhn_ok(digits: str) -> bool:
    """The Luhn check over a 10-digit personnummer (YYMMDDNNNC): weights 2,1,2,1,… from the left."""
    total = 0
    for i, ch in enumerate(digits):
        value = int(ch) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def luhn_digit(nine: str) -> str:
    """The check digit that makes `nine` + digit Luhn-valid."""
    for digit in "0123456789":
        if luhn_ok(nine + digit):
            return digit
    raise ValueError(nine)  # pragma: no cover - one digit always fits


def classify(number: str) -> tuple[str, bool] | None:
    """("personnummer" | "samordningsnummer", luhn valid) for a 10- or 12-digit number with a real date, else None.

    Separators ('-', '+') are ignored. A 12-digit number must start with 18, 19 or 20. The date is checked as a
    calendar date (leap years included); a samordningsnummer's day is 61–91.
    """
    digits = _DIGITS.sub("", number)
    if len(digits) == 12:
        if digits[:2] not in ("18", "19", "20"):
            return None
        centuries, rest = [int(digits[:2]) * 100], digits[2:]
    elif len(digits) == 10:
        centuries, rest = [2000, 1900], digits  # the century is not written; either may hold the date
    else:
        return None
    month, day = int(rest[2:4]), int(rest[4:6])
    kind = "personnummer"
    if day > 60:
        kind, day = "samordningsnummer", day - 60
    if not any(_date_ok(century + int(rest[:2]), month, day) for century in centuries):
        return None
    return kind, luhn_ok(rest)


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True

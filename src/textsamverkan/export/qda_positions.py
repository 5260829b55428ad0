"""Character positions as QDA tools count them: Unicode code points or UTF-16 code units.

Our spans count code points (Python's `str` indices). NVivo (.NET), MAXQDA and ATLAS.ti (UTF-16 string types)
and Qt-based text views count UTF-16 code units, in which a character outside the Basic Multilingual Plane (an
emoji, a mathematical letter) takes two units. The two counts differ only after such a character.
"""

from __future__ import annotations

import bisect
from typing import Literal

Positions = Literal["utf16", "codepoints"]
POSITIONS: tuple[Positions, ...] = ("utf16", "codepoints")
POSITION_NAMES = {"utf16": "UTF-16 code units", "codepoints": "Unicode code points"}


def astral_indices(text: str) -> list[int]:
    """Code-point indices of the characters outside the BMP (each is two UTF-16 units), in order."""
    return [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]


def has_astral(text: str) -> bool:
    return any(ord(ch) > 0xFFFF for ch in text)


def utf16_length(text: str) -> int:
    return len(text) + len(astral_indices(text))


class PositionMap:
    """Converts between code-point and UTF-16 positions of one text (cheap when the text is all BMP)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = astral_indices(text)
        # UTF-16 index of the first unit of each astral character
        self._astral16 = [i + k for k, i in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    def to_utf16(self, codepoint: int) -> int:
        return codepoint + bisect.bisect_left(self._astral, codepoint)

    def to_codepoint(self, unit: int) -> int | None:
        """The code-point position of a UTF-16 position; None when it falls inside a surrogate pair."""
        before = bisect.bisect_left(self._astral16, unit)
        if before and self._astral16[before - 1] + 1 == unit:
            return None
        return unit - before

    def convert(self, position: int, positions: Positions) -> int | None:
        """A position counted in `positions` as a code-point position (None when it is not a valid one)."""
        if positions == "codepoints":
            return position if 0 <= position <= self.length else None
        if not 0 <= position <= self.utf16_length:
            return None
        return self.to_codepoint(position)

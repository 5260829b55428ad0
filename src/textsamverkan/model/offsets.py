"""Map canonical text offsets back to the raw text a reader produced.

Normalisation turns raw text into canonical text by a sorted list of non-overlapping edits, each replacing
`raw[raw_start:raw_end]` with a (possibly empty) piece of canonical text. Between edits the two texts are
identical, so the map is piecewise linear and stored compactly as the edit list.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """`raw[raw_start:raw_end]` became `replacement` in the canonical text."""

    raw_start: int
    raw_end: int
    replacement: str


class OffsetMap:
    """Piecewise-linear map from canonical offsets to raw offsets, built from the edits normalisation made."""

    def __init__(self, anchors: Sequence[tuple[int, int, int, int]] = ()) -> None:
        # Each anchor is (canon_start, canon_end, raw_start, raw_end) of one edit, sorted by canon_start.
        self._anchors = [tuple(a) for a in anchors]
        self._canon_starts = [a[0] for a in self._anchors]
        self._raw_starts = [a[2] for a in self._anchors]

    @classmethod
    def from_edits(cls, edits: Iterable[Edit]) -> OffsetMap:
        anchors: list[tuple[int, int, int, int]] = []
        shift = 0  # canonical position minus raw position after the edits seen so far
        for edit in edits:
            canon_start = edit.raw_start + shift
            canon_end = canon_start + len(edit.replacement)
            anchors.append((canon_start, canon_end, edit.raw_start, edit.raw_end))
            shift += len(edit.replacement) - (edit.raw_end - edit.raw_start)
        return cls(anchors)

    def to_raw(self, canon: int, *, is_end: bool = False) -> int:
        """The raw offset of canonical offset `canon`.

        An offset inside a replaced piece maps to the start of the raw piece it replaced (or its end, for a span
        end), so `raw[to_raw(s):to_raw(e, is_end=True)]` always covers the raw text behind `canon[s:e]`.
        """
        i = bisect.bisect_right(self._canon_starts, canon) - 1
        if i < 0:
            return canon
        c_start, c_end, r_start, r_end = self._anchors[i]
        if canon < c_end:  # inside a non-empty replacement: no linear correspondence
            return r_end if is_end and canon > c_start else r_start
        if is_end and canon == c_start == c_end:  # a span ending just before a deletion leaves it out
            return r_start
        return r_end + (canon - c_end)

    def to_canon(self, raw: int, *, is_end: bool = False) -> int:
        """The canonical offset of raw offset `raw` (the inverse of `to_raw` outside replaced pieces)."""
        i = bisect.bisect_right(self._raw_starts, raw) - 1
        if i < 0:
            return raw
        c_start, c_end, r_start, r_end = self._anchors[i]
        if raw < r_end:
            return c_end if is_end and raw > r_start else c_start
        return c_end + (raw - r_end)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.to_raw(start), self.to_raw(end, is_end=True)

    def to_json(self) -> list[list[int]]:
        return [list(a) for a in self._anchors]

    @classmethod
    def from_json(cls, data: Iterable[Sequence[int]]) -> OffsetMap:
        return cls([(int(a[0]), int(a[1]), int(a[2]), int(a[3])) for a in data])

    def __len__(self) -> int:
        return len(self._anchors)

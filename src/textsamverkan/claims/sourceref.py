"""SourceRef: where a quote is, stored so it can be re-verified and re-anchored after a document changes.

Like the W3C Web Annotation TextQuoteSelector, a reference keeps the exact quote with 32 characters of context on
each side, plus the offsets and the text's sha256. `verify` says "ok" when the quote is still where it was, "moved"
(with new offsets) when it is found elsewhere and the context singles out one occurrence, and "ambiguous" or "lost"
otherwise: it never guesses between equally good places.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any, Literal

CONTEXT = 32
Status = Literal["ok", "moved", "ambiguous", "lost"]


@dataclass(frozen=True)
class SourceRef:
    """A quote of a document: offsets in its canonical text, the exact quote, context and the text's sha256."""

    doc_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    text_sha256: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceRef:
        return cls(
            doc_id=str(data["doc_id"]),
            start=int(data["start"]),
            end=int(data["end"]),
            quote=str(data["quote"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            text_sha256=str(data.get("text_sha256", "")),
        )


@dataclass(frozen=True)
class Verification:
    """The outcome of `verify`: status, the (possibly new) offsets when found, and how many occurrences were seen."""

    status: Status
    start: int | None
    end: int | None
    occurrences: int


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_ref(doc_id: str, text: str, start: int, end: int, *, sha256: str | None = None) -> SourceRef:
    """A reference to `text[start:end]`; pass `sha256` when the text's hash is already known."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"invalid quote offsets {start}:{end} for a text of length {len(text)}")
    return SourceRef(
        doc_id=doc_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        text_sha256=sha256 or text_sha256(text),
    )


def _context_score(ref: SourceRef, text: str, start: int) -> int:
    """How many characters of the stored prefix and suffix agree with the text around an occurrence at `start`."""
    before = text[max(0, start - len(ref.prefix)) : start]
    after = text[start + len(ref.quote) : start + len(ref.quote) + len(ref.suffix)]
    return _common_start(before[::-1], ref.prefix[::-1]) + _common_start(after, ref.suffix)


def _common_start(a: str, b: str) -> int:
    """Length of the longest common beginning of two strings."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    i = text.find(quote)
    while i >= 0:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def verify(ref: SourceRef, text: str | None) -> Verification:
    """Check `ref` against the current `text` (None: the document is gone) and re-anchor it when the text changed."""
    if text is None or not ref.quote:
        return Verification("lost", None, None, 0)
    in_place = text[ref.start : ref.end] == ref.quote
    if in_place and text_sha256(text) == ref.text_sha256:
        return Verification("ok", ref.start, ref.end, 1)
    places = _occurrences(text, ref.quote)
    if not places:
        return Verification("lost", None, None, 0)
    scores = sorted(((_context_score(ref, text, p), p) for p in places), reverse=True)
    best_score, best = scores[0]
    if len(scores) > 1 and scores[1][0] == best_score:
        return Verification("ambiguous", None, None, len(places))  # equally good places: we cannot tell which
    status: Status = "ok" if best == ref.start else "moved"
    return Verification(status, best, best + len(ref.quote), len(places))

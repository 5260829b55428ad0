"""Ranks: an ordinal and what it ranks ("världens fjärde största ekonomi", "näst största", "den tolfte
graviditetsveckan", "tredje plats"). A statement's rank conflicts with a rank of the same thing in the evidence that
has another place: "tredje största" against "fjärde största", "näst största" against "största" (first). A rank is
never missing: "i första hand" or "för första gången" in a restatement asks nothing of the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.quantities import MONTHS, ORDINAL_WORDS
from textsamverkan.claims.reasons import match_mentions

ORDINALS = {**{word: n for word, n in ORDINAL_WORDS.items() if n <= 20}, "näst": 2}
# "näst" ranks only a superlative ("näst största"); "andra" is most often "other" ("de andra regionerna"), so it ranks
# only a superlative or a place ("andra plats")
_SUPERLATIVE_ONLY = frozenset(["näst", "andra"])
_PLACES = frozenset(["plats", "platsen", "placering", "placeringen"])
# what an ordinal before these ranks is a date, a share or a phrase, never a rank ("första april", "var tredje")
_NOT_RANKED = frozenset(MONTHS) | frozenset(
    ["gången", "gång", "hand", "rummet", "instans", "instansen", "och", "eller", "i", "på", "av", "till"]
)
_RANK = re.compile(
    r"(?<![\w-])(?:(?P<before>var|vart|varje)\s+)?(?P<ordinal>" + "|".join(ORDINALS) + r")\s+"
    r"(?:(?P<degree>mest|minst)\s+)?(?P<what>[^\W\d_][\w-]*)",
    re.I,
)
# a superlative said without an ordinal is first: "världens största" (an -ste/-sta adjective or "mest"/"minst" + word)
_FIRST = re.compile(
    r"(?<![\w-])(?:(?P<degree>mest|minst)\s+(?P<adjective>[^\W\d_]+)|(?P<superlative>[^\W\d_]+st[ae]))\b", re.I
)


@dataclass(frozen=True)
class Rank:
    place: int
    what: str  # the superlative or thing ranked, lower-cased with its degree word: "största", "mest jämställda"
    text: str
    ordinal: bool  # said with an ordinal ("fjärde största"), not a bare superlative ("största")


# superlatives not in -aste/-asta
_SHORT_SUPERLATIVES = frozenset(
    ["största", "störste", "högsta", "högste", "lägsta", "lägste", "bästa", "bäste", "sämsta", "sämste", "minsta",
     "minste", "yngsta", "yngste", "äldsta", "äldste", "längsta", "längste", "översta", "nedersta", "yttersta"]
)  # fmt: skip


def is_superlative(word: str) -> bool:
    """"största", "vanligaste", "viktigaste": not "testa", "lista" or the ordinal "första"."""
    return word in _SHORT_SUPERLATIVES or (word.endswith(("aste", "asta")) and len(word) >= 7)


@lru_cache(maxsize=1 << 14)
def ranks(text: str) -> tuple[Rank, ...]:
    """Every rank in `text` (see the module docstring); superlatives without an ordinal are first."""
    found: list[Rank] = []
    taken: list[tuple[int, int]] = []
    for m in _RANK.finditer(text):
        ordinal, what = m.group("ordinal").lower(), m.group("what").lower()
        degree = (m.group("degree") or "").lower()
        if m.group("before") or what in _NOT_RANKED:
            continue  # "var tredje" is a share, "första april" a date, "i första hand" a phrase
        superlative = bool(degree) or is_superlative(what)
        if ordinal in _SUPERLATIVE_ONLY and not superlative and not (ordinal == "andra" and what in _PLACES):
            continue
        found.append(Rank(ORDINALS[ordinal], f"{degree} {what}".strip(), m.group(), ordinal=True))
        taken.append((m.start(), m.end()))
    for m in _FIRST.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m.group("superlative"):
            what = m.group("superlative").lower()
            if not is_superlative(what):
                continue
        else:
            what = f"{m.group('degree').lower()} {m.group('adjective').lower()}"
        found.append(Rank(1, what, m.group(), ordinal=False))
    return tuple(found)


def rank_conflicts(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement rank, evidence rank) for each rank of the statement that the evidence gives another place, when
    the evidence does not also give it the statement's place; only a rank said with an ordinal is checked (a bare
    superlative in the statement claims nothing about places)."""
    mine = [r for r in ranks(statement) if r.ordinal]
    theirs = ranks(evidence) if mine else ()

    def closest(rank: Rank, others: Sequence[Rank]) -> Rank | None:
        same = [r for r in others if r.what == rank.what]
        return min(same, key=lambda r: abs(r.place - rank.place), default=None)

    def agree(a: Rank, b: Rank) -> bool:
        return a.what == b.what and a.place == b.place

    return match_mentions("rank", mine, theirs, lambda: (), agree, closest, may_be_missing=False).conflict

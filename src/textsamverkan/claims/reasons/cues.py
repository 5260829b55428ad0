"""Negation cues and what a cue denies in its clause: the lowest layer of the negation and direction checks, which
both need to know whether a word is said with a "inte"."""

from __future__ import annotations

import re
from functools import lru_cache

from textsamverkan.claims.quantities import DENIED_BOUND, NUMBER_WORDS, denial_gap

CUES = ("inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "ingenting", "varken", "knappast")
# "slipper betala" is "behöver inte betala": a denial of the verb it governs (and one of the negation check's words)
SPARED = ("slipper", "slapp", "sluppit", "slippa", "slippit")
_CUE = re.compile(r"\b(?:" + "|".join(CUES + SPARED) + r")\b", re.I)
CUE_WORDS = frozenset(CUES + SPARED)
_NUMBER_WORDS = rf"(?:en|ett|{'|'.join(NUMBER_WORDS)})\b"
_DENIED_BOUNDS = "|".join(
    denial_gap(bound) + bound.replace(" ", r"\s+") for bound in sorted(DENIED_BOUND, key=len, reverse=True)
)
NOT_DENIAL = re.compile(
    r"\b(?:eller inte|eller ej|om inte|inte minst|inte bara|inte enbart|inte endast)\b"
    # "ska inte redovisa förrän våren" is "redovisas först våren"; "aldrig har så många anmälts" is a record
    r"|\binte\b(?=[^,.;:]{0,80}\bförrän\b)|\baldrig\b(?=\s+(?:\w+\s+){0,2}(?:så|fler|mer)\b)"
    # "som om detta inte vore nog" adds to what went before; "inte sällan" is "ofta" (the direction check reads it)
    r"|\bsom om (?:detta|det) inte\b|\binte\b(?=\s+(?:alltför\s+|så\s+|särskilt\s+)?sällan\b)"
    # a denied bound is a bound: "inte fler än 50 deltagare" is "högst 50", "får inte gälla längre än fyra veckor"
    r"|\b(?:inte|ej|ingen|inga|aldrig)\s+(?="
    rf"(?:{_DENIED_BOUNDS})\s+(?:(?:maximalt|max|högst|minst)\s+)?"
    r"(?:\d|" + _NUMBER_WORDS + r"))"
    # "har fyllt 18 men inte 23 år": the upper end of a range, judged by the number check
    r"|\b(?:men|och)\s+(?:inte|ej)\b(?=\s+\d)"
    # "icke-vaccinerade", "från icke nödvändiga resor": a word's prefix, no clause's denial ("ska icke" is one)
    r"|\bicke-|(?<!\bär )(?<!\bvar )(?<!\bska )(?<!\bskall )(?<!\bfår )(?<!\bkan )(?<!\bbör )(?<!\bhar )"
    r"\bicke(?=\s+[^\W\d_]+\s+[^\W\d_])",
    re.I,
)
WORD = re.compile(r"\w[\w-]*")
_SENTENCE_END = re.compile(r"[.!?]\s")


# words that may stand beside a cue repeated as a tag of its own, as speech repeats a denial ("vi fick ingen hjälp,
# typ ingenting", "det hände inte, nej, inte alls")
_TAG_WORDS = frozenset(
    ["typ", "alls", "liksom", "alltså", "asså", "nej", "nä", "ju", "väl", "eh", "ehm", "ens", "heller", "någonting",
     "nånting", "överhuvudtaget", "faktiskt", "egentligen", "verkligen", "absolut", "då"]
)  # fmt: skip
_STRETCH_END = re.compile(r"[,;:.!?()–—]")


@lru_cache(maxsize=1 << 16)
def negations(text: str) -> tuple[str, ...]:
    """The negation cues of `text` that deny something, in order (read once per text: a statement is read against
    every candidate). A "varken" after another cue of its sentence lists what that cue denies ("Inget land har
    avslutat samarbetet, varken USA eller Tyskland"), and a cue after another with nothing but `_TAG_WORDS` between
    punctuation repeats it ("ingen hjälp, typ ingenting", "Ingen ringde. Ingen alls."): one denial, not two."""
    plain = NOT_DENIAL.sub(" ", text)
    cues = list(_CUE.finditer(plain))
    return tuple(
        m.group()
        for n, m in enumerate(cues)
        if not (
            n
            and (
                (m.group().lower() == "varken" and not _SENTENCE_END.search(plain, cues[n - 1].end(), m.start()))
                or _repeated_as_tag(plain, m)
            )
        )
    )


def _repeated_as_tag(plain: str, cue: re.Match[str]) -> bool:
    """The cue's stretch of text between punctuation holds nothing but cues and `_TAG_WORDS`."""
    starts = [m.end() for m in _STRETCH_END.finditer(plain, 0, cue.start())]
    end = _STRETCH_END.search(plain, cue.end())
    stretch = plain[starts[-1] if starts else 0 : end.start() if end else len(plain)]
    return all(w.lower() in CUE_WORDS or w.lower() in _TAG_WORDS for w in WORD.findall(stretch))


SCOPE_BEFORE = 3  # words before a word that a cue may stand at


def negated_at(text: str, start: int, end: int) -> bool:
    """Whether the word(s) at text[start:end] are denied in their clause: a cue among the `SCOPE_BEFORE` words before
    ("inte tillräckligt", "har inte ökat") or the word after ("räckte inte"), not across punctuation or a
    conjunction, except "att" right after a cue ("tycker inte att det är rimligt", "kommer inte att minska")."""
    plain = NOT_DENIAL.sub(lambda m: " " * len(m.group()), text)  # "inte bara" is no cue; offsets kept
    before = list(WORD.finditer(plain, 0, start))[-(SCOPE_BEFORE + 1) :]  # and the word before, for "inte att"
    for n in range(len(before) - 1, max(-1, len(before) - 1 - SCOPE_BEFORE), -1):
        token = before[n]
        gap = plain[token.end() : (before[n + 1].start() if n + 1 < len(before) else start)]
        if _CLAUSE_BREAK.search(gap):
            return False
        low = token.group().lower()
        if low in CUE_WORDS:
            return True
        if low in _CLAUSE_WORDS:
            # "tycker inte att det är rimligt", "kommer inte att bli mindre": the cue goes on past "att"
            return low == "att" and n >= 1 and before[n - 1].group().lower() in CUE_WORDS
    after = WORD.search(plain, end)
    return bool(after and not _CLAUSE_BREAK.search(plain[end : after.start()]) and after.group().lower() in CUE_WORDS)


_CLAUSE_BREAK = re.compile(r"[,;:.!?()–—]")
_CLAUSE_WORDS = frozenset(["att", "och", "men", "medan", "samt", "eller", "som", "då", "när", "eftersom", "trots"])

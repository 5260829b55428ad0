"""Swedish compound splitting: the head and the parts of words like skyddsutrustningen or smittskyddsläkarna.

Lexicon: simplemma's Swedish table (a registry package, MIT licence; 964k word forms mapped to lemmas, drawn from
open lexical resources). It is already a dependency for the lemma fallback, it knows inflected forms (so the head
of "smittskyddsläkarna" can be lemmatised from "läkarna") and it is more than 40 times the size of the lemma lists
of the UD treebanks, which miss most domain vocabulary.

Method: the word is cut into the fewest parts such that the last part is a known word form (its lemma is the
compound's head) and every earlier part is a known lemma, optionally followed by the linking -s- ("smittskydd-s-")
or missing a final -a/-e ("skol-" for skola, "pojk-" for pojke), or with the -a turned into a linking -o-/-u-
("folkhälso-" for folkhälsa, "gatu-" for gata). Parts are at least three letters; function words (och, var, som, ...)
are never a head, which keeps "ansvar" or "samtidigt" whole. Ties go to the split whose head is longest, so
"hemsjukvårdsläkare" reads hemsjukvård + läkare when the lexicon knows "hemsjukvård", unless that head took the
modifier's linking vowel ("folkhälso|myndigheten", not "folkhäls|omyndigheten").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

MIN_PART = 3
MIN_KNOWN_COMPOUND = 8  # a word the lexicon knows is split only from this length ("förslag" stays whole)
LINKING = ("s",)
ELIDED = ("a", "e")
# a final -a turned into a linking vowel: "folkhälso-" for folkhälsa, "kvinno-" for kvinna, "gatu-" for gata
LINKING_VOWELS = ("o", "u")

# Closed-class words that may look like the end of a compound but never head one.
FUNCTION_WORDS = frozenset(
    {
        "att", "av", "bara", "bland", "både", "de", "dem", "den", "denna", "dess", "det", "detta", "dig",
        "din", "dit", "ditt", "dock", "du", "där", "då", "efter", "eller", "emot", "en", "er", "ett", "från",
        "för", "han", "hans", "har", "hon", "hos", "hur", "här", "i", "icke", "ingen", "inom", "inte", "jag",
        "ju", "man", "med", "medan", "men", "mig", "min", "mitt", "mot", "ni", "nog", "nu", "när", "och",
        "också", "om", "oss", "på", "sig", "sin", "sina", "sitt", "som", "så", "till", "tills", "under", "ut",
        "utan", "var", "vad", "vara", "vi", "vid", "vilka", "vilken", "vilket", "väl", "än", "ändå", "även",
        "åt", "över", "ens", "ans", "ena", "fast", "samt", "sedan", "mest", "mer", "mera", "helt", "hela",
        "gärna",
    }
)


@dataclass(frozen=True)
class Compound:
    """A word's analysis: `parts` are lemmas of the parts in order, `head` the last one (the compound's head).

    `surface` are the pieces of the word itself (linking letters kept, e.g. ("smittskydds", "läkarna")) and
    `lemma` the whole word's lemma (the surface modifiers plus the head's lemma). A simplex word has one part.
    """

    word: str
    parts: tuple[str, ...]
    surface: tuple[str, ...]
    head: str
    lemma: str

    @property
    def is_compound(self) -> bool:
        return len(self.parts) > 1


def _table() -> Mapping[str, str]:
    """simplemma's Swedish form → lemma table (shared with the lemma fallback, loaded once)."""
    from textsamverkan.nlp.lemmas import _simplemma_sv

    return _simplemma_sv()


def _known(piece: str) -> bool:
    return len(piece) >= MIN_PART and piece in _table()


def _modifier_lemma(piece: str) -> str | None:
    """What a non-final piece stands for, or None. In order: a word that is its own lemma; a word plus the
    linking -s ("skydds" → skydd, "arbets" → arbete); any known form, kept as written ("äldre", not "gammal");
    a stem missing its final -a/-e ("smitt" → smitta)."""
    table = _table()

    def lemma_like(candidate: str) -> bool:
        return len(candidate) >= MIN_PART and table.get(candidate) == candidate

    if lemma_like(piece):
        return piece
    for link in LINKING:
        if piece.endswith(link):
            stem = piece[: -len(link)]
            for candidate in (stem, stem + "e", stem + "a"):
                if lemma_like(candidate):
                    return candidate
    if piece.endswith(LINKING_VOWELS) and lemma_like(piece[:-1] + "a"):
        return piece[:-1] + "a"
    if _known(piece):
        return piece
    for vowel in ELIDED:
        if lemma_like(piece + vowel):
            return piece + vowel
    return None


def split_compound(word: str) -> Compound:
    """Analyse `word` (any inflected form) into its compound parts and head; a word that cannot be split is one part.

    >>> split_compound("smittskyddsläkarna").parts
    ('smittskydd', 'läkare')
    """
    lower = word.lower()
    table = _table()
    if word[:1].isupper() and word in table and lower not in table:  # a proper name
        return Compound(word, (word,), (word,), word, word)
    best = _best_split(lower, table)
    if best is None:
        lemma = table.get(lower, lower).lower()
        return Compound(word, (lemma,), (word,), lemma, lemma)
    pieces, parts = best
    surface, offset = [], 0
    for piece in pieces:  # keep the word's original casing in the surface pieces
        surface.append(word[offset : offset + len(piece)])
        offset += len(piece)
    head = parts[-1]
    lemma = "".join(pieces[:-1]) + head
    return Compound(word, tuple(parts), tuple(surface), head, lemma)


def compound_head(word: str) -> str:
    """The lemma of the compound's head ("skyddsutrustningen" → "utrustning"); the word's lemma if simplex."""
    return split_compound(word).head


def _best_split(word: str, table: Mapping[str, str]) -> tuple[list[str], list[str]] | None:
    """Fewest-parts split (surface pieces, part lemmas) with at least two parts, or None."""
    best: tuple[list[str], list[str]] | None = None
    whole = table.get(word)
    whole = whole.lower() if whole is not None else None
    last_cut = len(word) - MIN_PART
    if whole is not None:
        if len(word) < MIN_KNOWN_COMPOUND:
            return None
        # the head must hold at least MIN_PART letters of the word's own lemma ("region|erna" is inflection)
        shared = 0
        while shared < min(len(word), len(whole)) and word[shared] == whole[shared]:
            shared += 1
        last_cut = min(last_cut, shared - MIN_PART)
    for cut in range(MIN_PART, last_cut + 1):
        head_form = word[cut:]
        head_lemma = table.get(head_form)
        if head_lemma is None or head_form in FUNCTION_WORDS or head_lemma in FUNCTION_WORDS:
            continue
        if whole is not None:
            head_lemma = whole[cut:]  # the known word's own lemma fixes the head's reading (boende, not bo)
        left = _modifiers_cached(word[:cut])
        if left is None:
            continue
        candidate = ([*left[0], head_form], [*left[1], head_lemma.lower()])
        if best is None or len(candidate[0]) < len(best[0]) or _linking_vowel_wins(candidate[0], best[0]):
            best = candidate
        # equal part counts: the earlier cut (longer head) was seen first and is kept, unless it took the modifier's
        # linking vowel
    return best


def _linking_vowel_wins(pieces: list[str], kept: list[str]) -> bool:
    """Of two splits with as many parts, the one whose modifier ends in a linking vowel that the other reads as the
    start of its head: "folkhälso|myndigheten", not "folkhäls|omyndigheten" (folkhälsa + omyndighet)."""
    return (
        len(pieces) == len(kept)
        and pieces[-2].endswith(LINKING_VOWELS)
        and kept[-1] == pieces[-2][-1] + pieces[-1]
        and _modifier_lemma(pieces[-2]) == pieces[-2][:-1] + "a"
    )


@lru_cache(maxsize=65536)
def _modifiers_cached(prefix: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Split the part before the head into the fewest modifier pieces (surface, lemma), or None."""
    one = _modifier_lemma(prefix)
    if one is not None:
        return (prefix,), (one,)
    best: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    for cut in range(MIN_PART, len(prefix) - MIN_PART + 1):
        first = _modifier_lemma(prefix[:cut])
        if first is None:
            continue
        rest = _modifiers_cached(prefix[cut:])
        if rest is None:
            continue
        candidate = ((prefix[:cut], *rest[0]), (first, *rest[1]))
        if best is None or len(candidate[0]) < len(best[0]):
            best = candidate
    return best

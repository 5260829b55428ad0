"""Content lemmas of a statement and whether the evidence holds them, compound-aware.

"skyddsutrustningen" matches "skyddsutrustning", "läkartiden" matches "tid för läkare" (both parts present) and
"kommunal" matches "kommun" (one form is the other plus a short suffix). Function words, generic verbs and adverbs
are left out: they carry no claim. Words that the direction, negation, number and date checks judge are left out too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.bm25 import STOPWORDS
from textsamverkan.claims.reasons import Outcome

GENERIC = frozenset(
    [
        "säga",
        "berätta",
        "tala",
        "vilja",
        "kunna",
        "skola",
        "böra",
        "måste",
        "behöva",
        "finnas",
        "göra",
        "få",
        "ge",
        "ta",
        "komma",
        "gå",
        "hålla",
        "se",
        "vara",
        "bli",
        "ha",
        "helt",
        "mycket",
        "väldigt",
        "ganska",
        "lite",
        "kraftigt",
        "särskilt",
        "också",
        "bara",
        "ju",
        "nog",
        "redan",
        "fortfarande",
        "dock",
        "just",
        "sedan",
        "nu",
        "enligt",
        "genom",
        "både",
        "samt",
        "cirka",
        "omkring",
        "ungefär",
        "drygt",
        "runt",
        "nästan",
        "knappt",
        "minst",
        "högst",
        "totalt",
        "sammanlagt",
        "ytterligare",
        "varje",
        "per",
        "alla",
        "all",
        "allt",
        "hela",
        "del",
        "delar",
        "sätt",
        "fall",
        "gång",
        "gånger",
        "antal",
        "antalet",
        "år",
        "månad",
        "vecka",
        "dag",
        "då",
        "när",
        "där",
        "här",
        "dessa",
        "denna",
        "detta",
        "vilken",
        "vilket",
        "vilka",
        "varandra",
        "själv",
        "egen",
        "eget",
        "egna",
        "olika",
        "annan",
        "andra",
        "jämfört",
        "utifrån",
        "kring",
        "inom",
        "mellan",
        "bland",
        "hos",
        "via",
        "mot",
        "utan",
        "efter",
        "före",
        "innan",
        "hela",
        "stor",
        "liten",
        "tog",
        "togs",
        "tas",
        "tagit",
        "tagits",
        "gjorde",
        "gjort",
        "gjordes",
        "fick",
        "fått",
        "gav",
        "gett",
        "givit",
        "kom",
        "kommit",
        "gick",
        "gått",
        "haft",
        "blev",
        "blivit",
        "fanns",
        "sa",
        "sade",
        "sagt",
        "varit",
        "kunde",
        "kunnat",
        "skulle",
        "ville",
        "velat",
        "behövde",
        "hölls",
        "hålls",
        "två",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "åtta",
        "nio",
        "tio",
        "elva",
        "tolv",
        "tjugo",
        "trettio",
        "hundra",
        "tusen",
        "miljon",
        "miljoner",
        "miljard",
        "miljarder",
    ]
)
ENDINGS = frozenset(
    [
        "e",
        "en",
        "et",
        "er",
        "erna",
        "ernas",
        "ar",
        "arna",
        "or",
        "orna",
        "a",
        "an",
        "ade",
        "at",
        "as",
        "ats",
        "ades",
        "ad",
        "de",
        "te",
        "t",
        "s",
        "ens",
        "ets",
        "n",
        "na",
        "nas",
        "ande",
        "ende",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w-]*")


@dataclass(frozen=True)
class Word:
    """A content word: its surface form, lemma and compound parts (lemmas; one part for a simplex word)."""

    surface: str
    lemma: str
    parts: tuple[str, ...]


@lru_cache(maxsize=65536)
def analyse(surface: str) -> Word:
    """Lemma and compound parts of one word (simplemma plus the compound splitter)."""
    from textsamverkan.nlp.compounds import split_compound
    from textsamverkan.segment.sentences import simple_lemma

    lemma = simple_lemma(surface).lower()
    parts = tuple(p.lower() for p in split_compound(surface.lower()).parts) if len(surface) >= 8 else (lemma,)
    return Word(surface, lemma, parts or (lemma,))


def content_words(text: str, *, skip: frozenset[str] = frozenset()) -> list[Word]:
    """The content words of `text`, in order, without duplicates (by lemma)."""
    seen: set[str] = set()
    out: list[Word] = []
    for m in _WORD.finditer(text):
        word = analyse(m.group())
        low = m.group().lower()
        if (
            len(low) < 3
            or low in STOPWORDS
            or word.lemma in STOPWORDS
            or word.lemma in GENERIC
            or low in GENERIC
            or word.lemma in skip
            or low in skip
            or word.lemma in seen
        ):
            continue
        seen.add(word.lemma)
        out.append(word)
    return out


@lru_cache(maxsize=65536)
def keys(text: str) -> frozenset[str]:
    """Every lemma and compound part in `text`: what a statement word is looked up in."""
    out: set[str] = set()
    for m in _WORD.finditer(text):
        word = analyse(m.group())
        out.add(word.lemma)
        out.add(m.group().lower())
        out.update(p for p in word.parts if len(p) >= 3)
    return frozenset(out)


def _near(a: str, b: str) -> bool:
    """One form is the other plus a short suffix ("kommun"/"kommunal", "dag"/"daglig")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 4


def _same_stem(a: str, b: str) -> bool:
    """Two inflections of one known stem ("beslutet"/"beslutade"): a shared known word plus inflectional endings."""
    from textsamverkan.nlp.compounds import _known

    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n < 5:
        return False
    endings = ENDINGS | {""}
    return any(a[cut:] in endings and b[cut:] in endings and _known(a[:cut]) for cut in range(n, 4, -1))


def match(word: Word, evidence_keys: frozenset[str]) -> float:
    """1.0 when the word (or all its parts) is in the evidence, 0.5 when its head or another part is, else 0."""
    if word.lemma in evidence_keys or word.surface.lower() in evidence_keys:
        return 1.0
    if len(word.parts) > 1 and all(p in evidence_keys or any(_near(p, k) for k in evidence_keys) for p in word.parts):
        return 1.0
    if any(_near(word.lemma, k) for k in evidence_keys if k[:3] == word.lemma[:3]):
        return 1.0
    if any(_same_stem(word.surface.lower(), k) for k in evidence_keys if k[:4] == word.surface[:4].lower()):
        return 1.0
    if len(word.parts) > 1 and any(p in evidence_keys for p in word.parts if len(p) >= 4):
        return 0.5
    # the statement word is a part of a compound in the evidence ("platser" in "intensivvårdsplatser")
    return 0.0


def compare_content(statement: str, evidence: str, *, skip: frozenset[str] = frozenset()) -> tuple[Outcome, float]:
    """Which content lemmas of the statement the evidence holds, and the share found (0 when it has none)."""
    words = content_words(statement, skip=skip)
    found_keys = keys(evidence)
    outcome = Outcome("content")
    total = 0.0
    for word in words:
        score = match(word, found_keys)
        total += score
        (outcome.found if score >= 0.5 else outcome.missing).append(word.lemma)
    return outcome, (total / len(words) if words else 0.0)

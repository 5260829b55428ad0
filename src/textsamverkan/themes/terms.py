"""Codebook terms and the word-form index that finds them in tokens: lemma-, inflection- and compound-aware.

A term is one word as written in the codebook:
- `skyddsutrustning` matches the lemma (or the surface form) exactly, and any inflected surface form the
  lemmatizer did not know ("akutförrådet", "lagområdena") through a list of Swedish inflection endings;
- `-förråd` also matches compounds whose last part (head) is the term: "akutförråd", "läkemedelsförråden";
- `test-` also matches compounds whose first part (modifier) is the term, with a linking -s- or a dropped
  final -a/-e: "testutrustning", "smittskyddsläkare" (for `smittskydd-`), "läkarteam" (for `läkare-`);
- `-läkare-` does both;
- a term with a capital letter (`SoL`, `SIP`, `NPÖ`) is an acronym matched case-sensitively on the surface form,
  also as a hyphenated or colon-suffixed part ("SIP-möte", "SIP:ar").
Heads need at least MIN_PART letters before them and modifiers at least MIN_PART letters after them, and a
modifier's remainder must not be a mere inflection ending, so "testade" is not a compound of `test-`.
Which direction is right depends on the term: a compound is a kind of its head (an "akutförråd" is a "förråd"),
and is about its modifier ("testutrustning" is equipment for testing, so it is `test-`, not `-utrustning`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

MIN_PART = 3
# In a word the lemmatizer did not know, a head is found with inflection endings only when it is this long:
# otherwise "jättestor" would read as jät + test + -or.
MIN_GUESSED_HEAD = 5
# Swedish inflection endings (nouns, adjectives, verbs, genitive -s), used only on surface forms the lemmatizer
# left unchanged. Longest first does not matter: every split is tried.
INFLECTIONS = frozenset(
    [
        "s", "n", "ns", "en", "ens", "et", "ets", "t", "ts", "na", "nas", "ne", "er", "ers", "erna", "ernas", "ar",
        "ars", "arna", "arnas", "or", "ors", "orna", "ornas", "r", "rs", "rna", "rnas", "a", "as", "e", "es", "ena",
        "enas", "ade", "ades", "ad", "ads", "at", "ats", "ande", "andes", "ende", "endes", "de", "des", "te", "tes",
        "are", "ares", "aste"
    ]
) | {""}
# A term ending in -e is a noun (möte, läkare, handske, förkläde): its stem without the -e takes only noun endings,
# and the word itself no -r, so the noun `-möte` cannot match the verb "möta"/"möter"/"mötte" as a guessed form.
NOUN_E_STEM_ENDINGS = frozenset(["ar", "ars", "arna", "arnas", "na", "nas", "ne", "nes"])
VERB_LIKE_ON_WORD = frozenset(["r", "rs", "rna", "rnas", "de", "des", "te", "tes", "ade", "ades", "ad", "ads"])
# Verb forms that look like inflections of a noun term or get its lemma (simplemma lemmatises "möta" as "möte"; "besöka"
# is "besök" + a; the auxiliary "ska" has the lemma "skola", the noun for school): never a term.
VERB_HOMOGRAPHS = frozenset(
    ["möta", "möter", "mötte", "mött", "möts", "mötas", "möttes", "mötts", "mötande", "besöka", "besöker", "besökte",
     "besökt", "besöks", "besökas", "besöktes", "besökande", "ska", "skall", "skulle"]
)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_HYPHENS = re.compile(r"[-‐‑–]")


@dataclass(frozen=True)
class Term:
    """One codebook word: `word` (lower-cased unless an acronym) and where it may sit in a compound.

    `lenient` words (the words of multiword phrases, whose neighbours disambiguate them) match inflected surface
    forms even when the lemmatizer gave another lemma ("samordnade" for "samordnad", lemmatised "samordna").
    `exact_stem` words (the codebook's not_terms) take inflection endings only on the word as written, never on a
    stem without its final vowel, so the not_term "testa" cannot block "testerna".
    """

    written: str
    word: str
    head: bool
    modifier: bool
    exact_case: bool
    lenient: bool = False
    exact_stem: bool = False


@dataclass(frozen=True)
class Phrase:
    """A sequence of terms that must occur on consecutive tokens ("samordnad individuell plan")."""

    written: str
    words: tuple[Term, ...]


def parse_term(written: str, *, exact_stem: bool = False) -> Term:
    """Parse one word with optional compound hyphens ("-förråd", "test-", "-läkare-"); ValueError if malformed."""
    raw = written.strip()
    head = raw.startswith("-")
    modifier = raw.endswith("-") and len(raw) > 1
    word = raw.strip("-")
    if not word:
        raise ValueError(f"'{written}' is not a word")
    if any(c.isspace() for c in word):
        raise ValueError(f"'{written}' has a space: put multiword expressions under phrases")
    exact_case = any(c.isupper() for c in word)
    if not exact_case:
        word = word.lower()
    if (head or modifier) and (len(word) < MIN_PART or not _LETTER.search(word)):
        raise ValueError(f"'{written}' is too short to match inside compounds (at least {MIN_PART} letters)")
    return Term(raw, word, head, modifier, exact_case, exact_stem=exact_stem)


def parse_phrase(written: str) -> Phrase:
    """Parse a phrase: words separated by spaces, each a term (compound hyphens allowed on any word)."""
    parts = written.split()
    if not parts:
        raise ValueError("an empty phrase")
    words = tuple(parse_term(p) for p in parts)
    if len(words) > 1:
        words = tuple(Term(w.written, w.word, w.head, w.modifier, w.exact_case, lenient=True) for w in words)
    return Phrase(" ".join(parts), words)


def _stems(word: str) -> set[str]:
    """The word and the stems its inflected forms are built on (läkare → läkar, läkemedel → läkemedl)."""
    stems = {word}
    if len(word) > MIN_PART and word[-1] in "ae":
        stems.add(word[:-1])
    if len(word) > MIN_PART + 1 and word[-2:] in ("el", "er", "en"):
        stems.add(word[:-2] + word[-1])
    return stems


def _inflected_forms(word: str, *, exact_stem: bool) -> set[str]:
    """Surface forms a term may take when the lemmatizer did not know the word (see NOUN_E_STEM_ENDINGS)."""
    stems = {word} if exact_stem else _stems(word)
    noun_e = word.endswith("e") and not exact_stem
    out = set()
    for stem in stems:
        for suffix in INFLECTIONS:
            form = stem + suffix
            if len(form) < len(word):
                continue
            if noun_e and stem != word and suffix not in NOUN_E_STEM_ENDINGS and suffix:
                continue
            if noun_e and stem == word and suffix in VERB_LIKE_ON_WORD:
                continue
            out.add(form)
    return out


def _modifier_forms(word: str) -> set[str]:
    """How a word appears as a compound's first part: itself, with linking -s, without a final -a/-e."""
    forms = {word, word + "s"}
    if len(word) > MIN_PART and word[-1] in "ae":
        forms.update({word[:-1], word[:-1] + "s"})
    return forms


class TermIndex:
    """All terms of a codebook, numbered, with lookup tables from word forms to term numbers.

    `lookup(surface, lemma)` returns the numbers of the terms a token matches; results are cached per distinct
    (surface, lemma), which is what makes lexical coding fast on real text (word forms repeat).
    """

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        self.terms: list[Term] = []
        self._ids: dict[Term, int] = {}
        self._exact: dict[str, set[int]] = {}
        self._inflected: dict[str, set[int]] = {}
        self._head_exact: dict[str, set[int]] = {}
        self._head_inflected: dict[str, set[int]] = {}
        self._modifier: dict[str, set[int]] = {}
        self._case: dict[str, set[int]] = {}
        self._max_modifier = 0
        self._lenient: set[int] = set()
        self._cache: dict[tuple[str, str], frozenset[int]] = {}
        for term in terms:
            self.add(term)

    def add(self, term: Term) -> int:
        """Register a term (idempotent) and return its number."""
        if term in self._ids:
            return self._ids[term]
        n = len(self.terms)
        self.terms.append(term)
        self._ids[term] = n
        self._cache.clear()
        if term.exact_case:
            self._case.setdefault(term.word, set()).add(n)
            return n
        w = term.word
        self._exact.setdefault(w, set()).add(n)
        if term.lenient or term.exact_stem:  # not_terms block every inflected form, known to the lemmatizer or not
            self._lenient.add(n)
        inflected = _inflected_forms(w, exact_stem=term.exact_stem)
        for form in inflected:
            self._inflected.setdefault(form, set()).add(n)
        if term.head:
            self._head_exact.setdefault(w, set()).add(n)
            for form in inflected if len(w) >= MIN_GUESSED_HEAD else {w}:
                self._head_inflected.setdefault(form, set()).add(n)
        if term.modifier:
            for form in _modifier_forms(w):
                self._modifier.setdefault(form, set()).add(n)
                self._max_modifier = max(self._max_modifier, len(form))
        return n

    def id_of(self, term: Term) -> int:
        """The number of a registered term."""
        return self._ids[term]

    def lookup(self, surface: str, lemma: str) -> frozenset[int]:
        """Numbers of the terms that the token (surface form, lemma) matches; cached."""
        key = (surface, lemma)
        found = self._cache.get(key)
        if found is None:
            found = self._match(surface, lemma)
            if len(self._cache) < 500_000:
                self._cache[key] = found
        return found

    def _match(self, surface: str, lemma: str) -> frozenset[int]:
        hits: set[int] = set()
        if self._case:
            for part in re.split(r"[-‐‑–:/]", surface):
                if part in self._case:
                    hits |= self._case[part]
        lemma_l = lemma.lower()
        surf_l = surface.lower()
        candidates = {lemma_l, surf_l}
        for form in list(candidates):
            if _HYPHENS.search(form):
                joined = _HYPHENS.sub("", form)
                candidates.add(joined)
                candidates.update(p for p in _HYPHENS.split(form) if p)
        # A lemmatizer that changed the form knew the word: trust its lemma. One that left it unchanged may not have
        # known it: then inflection endings are tried on the surface form.
        unknown = lemma_l == surf_l
        if _last_part(surf_l) in VERB_HOMOGRAPHS:  # the verb "möta" lemmatised as the noun "möte"
            return frozenset(hits)
        for form in candidates:
            hits |= self._match_form(form, inflect=unknown)
        return frozenset(hits)

    def _match_form(self, form: str, *, inflect: bool) -> set[int]:
        hits: set[int] = set(self._exact.get(form, ()))
        inflected = self._inflected.get(form)
        if inflected:
            hits |= inflected if inflect else inflected & self._lenient
        heads = self._head_inflected if inflect else self._head_exact
        if heads:
            for i in range(MIN_PART, len(form) - MIN_PART + 1):
                found = heads.get(form[i:])
                if found:
                    hits |= found
        if self._modifier:
            for i in range(MIN_PART, min(len(form) - MIN_PART, self._max_modifier) + 1):
                found = self._modifier.get(form[:i])
                if found and form[i:] not in INFLECTIONS and _LETTER.match(form[i:]):
                    hits |= found
        return hits


def _last_part(word: str) -> str:
    return _HYPHENS.split(word)[-1]


@lru_cache(maxsize=4096)
def term_of(written: str) -> Term:
    """Cached `parse_term`."""
    return parse_term(written)

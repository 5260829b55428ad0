"""The lexical theme matcher: terms, phrases and proximity patterns of a codebook, found in tokenised sentences.

Every token is looked up once in a `TermIndex` (cached per distinct word form, so coding runs at hundreds of
thousands of words per second); a code's rules are then evaluated only in sentences where one of its words
occurs. A code is assigned to a sentence when any of its rules matches and none of its exclusions does. Tokens
that match one of the code's `not_terms` never count as evidence for its terms and phrases (patterns list their
words explicitly and are not affected; a pattern's own `not` words keep tokens out of its groups). Evidence records
each rule that matched, with the character spans and text of the matched tokens.

A pattern with `document` words may also match without its last group (the care context) in a document about
care: one of `MIN_DOCUMENT_SENTENCES` sentences or more, at least `DOCUMENT_SHARE` of which hold one of those words.
Its evidence then carries that share (`document`), so the reader sees the sentence was read in its document.

`code_sentences` combines this with optional semantic matching (see `semantic.py`) into `ThemeHit`s.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textsamverkan.segment.sentences import Sentence
from textsamverkan.themes.codebook import Code, Codebook, Pattern
from textsamverkan.themes.statements import is_reference_list, law_titles_in_heading, names_only
from textsamverkan.themes.terms import Phrase, TermIndex
from textsamverkan.themes.types import Method, ThemeHit

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from textsamverkan.themes.semantic import ExemplarScorer

MATCHER_VERSION = "themes.matcher.v4"
MAX_COMBINATIONS = 4096
# a document this long, with this share of its sentences naming care actors or settings, is about care
MIN_DOCUMENT_SENTENCES = 8
DOCUMENT_SHARE = 0.2

PhraseIds = tuple[int, ...]


@dataclass(frozen=True)
class _CompiledPattern:
    id: str
    groups: tuple[tuple[PhraseIds, ...], ...]
    window: int
    document: tuple[PhraseIds, ...] = ()
    not_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class _CompiledCode:
    code: Code
    terms: tuple[tuple[str, int], ...]  # (rule id, term number)
    phrases: tuple[tuple[str, PhraseIds], ...]
    patterns: tuple[_CompiledPattern, ...]
    not_ids: frozenset[int]
    exclude: tuple[_CompiledPattern, ...]


@dataclass(frozen=True)
class RuleMatch:
    """One rule that matched in a sentence: its id and the token spans (character offsets) it matched; `document`
    is the share of the document's sentences that made it one about care, when the document met the last group."""

    rule: str
    spans: tuple[tuple[int, int], ...]
    text: tuple[str, ...]
    document: float | None = None

    def as_evidence(self) -> dict[str, Any]:
        evidence: dict[str, Any] = {"rule": self.rule, "spans": [list(s) for s in self.spans], "text": list(self.text)}
        if self.document is not None:
            evidence["document"] = self.document
        return evidence


class LexicalMatcher:
    """Compiled lexical rules of a codebook; `match(sentence)` gives the codes whose rules match, with evidence."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.index = TermIndex()
        self.codes: list[_CompiledCode] = [self._compile(c) for c in codebook.codes]
        self._by_id = {cc.code.id: cc for cc in self.codes}
        self._document_patterns = [p for cc in self.codes for p in cc.patterns if p.document]
        # term number -> indexes of codes whose positive rules use it (so a sentence only tries relevant codes)
        self._trigger: dict[int, set[int]] = {}
        for n, cc in enumerate(self.codes):
            if not cc.code.codable:
                continue
            ids: set[int] = {t for _, t in cc.terms}
            ids.update(p[0] for _, p in cc.phrases)
            for pat in cc.patterns:
                ids.update(alt[0] for alt in pat.groups[0])
            for i in ids:
                self._trigger.setdefault(i, set()).add(n)

    def _phrase(self, phrase: Phrase) -> PhraseIds:
        return tuple(self.index.add(w) for w in phrase.words)

    def _pattern(self, pattern: Pattern) -> _CompiledPattern:
        groups = tuple(tuple(self._phrase(ph) for ph in group) for group in pattern.groups)
        document = tuple(self._phrase(ph) for ph in pattern.document)
        not_ids = frozenset(self.index.add(t) for t in pattern.not_terms)
        return _CompiledPattern(pattern.id, groups, pattern.window, document, not_ids)

    def _compile(self, code: Code) -> _CompiledCode:
        return _CompiledCode(
            code=code,
            terms=tuple((f"{code.id}/term:{t.written}", self.index.add(t)) for t in code.terms),
            phrases=tuple((f"{code.id}/phrase:{p.written}", self._phrase(p)) for p in code.phrases),
            patterns=tuple(self._pattern(p) for p in code.patterns),
            not_ids=frozenset(self.index.add(t) for t in code.not_terms),
            exclude=tuple(self._pattern(p) for p in code.exclude),
        )

    def _positions(self, sentence: Sentence) -> tuple[list[frozenset[int]], dict[int, list[int]]]:
        lookup = self.index.lookup
        token_ids = [lookup(t.text, t.lemma) for t in sentence.tokens]
        positions: dict[int, list[int]] = {}
        for k, ids in enumerate(token_ids):
            for i in ids:
                positions.setdefault(i, []).append(k)
        return token_ids, positions

    def excluded(self, sentence: Sentence, code_id: str) -> bool:
        """Whether one of the code's exclusions occurs in the sentence."""
        cc = self._by_id[code_id]
        if not cc.exclude:
            return False
        token_ids, positions = self._positions(sentence)
        return any(self._find_pattern(p, token_ids, positions, set()) for p in cc.exclude)

    def trigger_tokens(self, sentence: Sentence) -> set[int]:
        """Indexes of the sentence's tokens that are a trigger word of some code's rules (a term, the first word of
        a phrase, a word of a pattern's first group), whether or not a rule then matches."""
        lookup = self.index.lookup
        return {k for k, t in enumerate(sentence.tokens) if any(i in self._trigger for i in lookup(t.text, t.lemma))}

    def documents(self, sentences: Sequence[Sentence]) -> dict[str, dict[str, float]]:
        """Per document of `sentences`: the patterns whose document words it is about (pattern id → share of its
        sentences that hold one of them); a document shorter than `MIN_DOCUMENT_SENTENCES` is about nothing."""
        out: dict[str, dict[str, float]] = {}
        if not self._document_patterns:
            return out
        by_doc: dict[str, list[Sentence]] = {}
        for s in sentences:
            by_doc.setdefault(s.doc_id, []).append(s)
        for doc_id, doc in by_doc.items():
            if len(doc) < MIN_DOCUMENT_SENTENCES:
                continue
            looked_up = [self._positions(s) for s in doc]
            about: dict[str, float] = {}
            for pat in self._document_patterns:
                holding = sum(
                    1
                    for token_ids, positions in looked_up
                    if any(_phrase_occurrences(ids, token_ids, positions, set()) for ids in pat.document)
                )
                share = holding / len(doc)
                if share >= DOCUMENT_SHARE:
                    about[pat.id] = round(share, 2)
            if about:
                out[doc_id] = about
        return out

    def match(self, sentence: Sentence, document: Mapping[str, float] | None = None) -> dict[str, list[RuleMatch]]:
        """Codes matched in one sentence → the rules that matched (empty dict when none; always empty for a list or
        heading of laws, a section heading or a header line of an e-mail or minutes, see `statements`; in a heading line
        that names a law, the words of its title match nothing). `document`: what the sentence's document is about
        (`documents`), which may stand in for a pattern's last group."""
        if (":" in sentence.text and is_reference_list(sentence.text)) or names_only(sentence.text):
            return {}
        lookup = self.index.lookup
        token_ids = [lookup(t.text, t.lemma) for t in sentence.tokens]
        candidates: set[int] = set()
        for ids in token_ids:
            for i in ids:
                codes = self._trigger.get(i)
                if codes:
                    candidates |= codes
        if not candidates:
            return {}
        positions: dict[int, list[int]] = {}
        for k, ids in enumerate(token_ids):
            for i in ids:
                positions.setdefault(i, []).append(k)
        named = _law_title_tokens(sentence)
        out: dict[str, list[RuleMatch]] = {}
        for n in sorted(candidates):
            cc = self.codes[n]
            blocked = {k for i in cc.not_ids for k in positions.get(i, ())} | named
            found = self._rules(cc, sentence, token_ids, positions, blocked, document or {}, named)
            if found and not any(self._find_pattern(p, token_ids, positions, set()) for p in cc.exclude):
                out[cc.code.id] = found
        return out

    def _rules(
        self,
        cc: _CompiledCode,
        sentence: Sentence,
        token_ids: list[frozenset[int]],
        positions: dict[int, list[int]],
        blocked: set[int],
        document: Mapping[str, float],
        named: set[int],
    ) -> list[RuleMatch]:
        toks = sentence.tokens
        found: list[RuleMatch] = []

        def make(rule: str, ranges: Iterable[tuple[int, int]], share: float | None = None) -> RuleMatch:
            spans = tuple((toks[a].start, toks[b].end) for a, b in ranges)
            return RuleMatch(rule, spans, tuple(sentence_text(sentence, s, e) for s, e in spans), share)

        for rule, tid in cc.terms:
            ks = [k for k in positions.get(tid, ()) if k not in blocked]
            if ks:
                found.append(make(rule, [(k, k) for k in ks]))
        for rule, ids in cc.phrases:
            occ = _phrase_occurrences(ids, token_ids, positions, blocked)
            if occ:
                found.append(make(rule, occ))
        for pat in cc.patterns:  # patterns name their words explicitly: the code's not_terms do not apply, their own do
            own = named | ({k for k, ids in enumerate(token_ids) if ids & pat.not_ids} if pat.not_ids else set())
            chosen = self._find_pattern(pat, token_ids, positions, own)
            if chosen:
                found.append(make(pat.id, chosen))
            elif pat.id in document:
                # the document is about care: the pattern's last group, the care context, is met by it
                chosen = self._find_pattern(replace(pat, groups=pat.groups[:-1]), token_ids, positions, own)
                if chosen:
                    found.append(make(pat.id, chosen, document[pat.id]))
        return found

    def _find_pattern(
        self,
        pat: _CompiledPattern,
        token_ids: list[frozenset[int]],
        positions: dict[int, list[int]],
        blocked: set[int],
    ) -> list[tuple[int, int]]:
        """Token ranges of the tightest occurrence of every group (within the window), or [] when none."""
        per_group: list[list[tuple[int, int]]] = []
        for group in pat.groups:
            occ: list[tuple[int, int]] = []
            for ids in group:
                occ.extend(_phrase_occurrences(ids, token_ids, positions, blocked))
            if not occ:
                return []
            per_group.append(sorted(set(occ)))
        best: tuple[int, list[tuple[int, int]]] | None = None
        for n, combo in enumerate(itertools.product(*per_group)):
            if n >= MAX_COMBINATIONS:
                break
            lo = min(a for a, _ in combo)
            hi = max(b for _, b in combo)
            stretch = hi - lo + 1
            if pat.window and stretch > pat.window:
                continue
            if best is None or stretch < best[0]:
                best = (stretch, sorted(combo))
        return best[1] if best else []


def _law_title_tokens(sentence: Sentence) -> set[int]:
    """Indexes of the tokens inside the title of a law that a heading line names (`law_titles_in_heading`): names,
    never evidence."""
    spans = law_titles_in_heading(sentence.text)
    if not spans:
        return set()
    return {
        k
        for k, t in enumerate(sentence.tokens)
        if any(a <= t.start - sentence.start and t.end - sentence.start <= b for a, b in spans)
    }


def sentence_text(sentence: Sentence, start: int, end: int) -> str:
    """The text of [start, end) in document offsets, cut from the sentence."""
    return sentence.text[start - sentence.start : end - sentence.start]


def _phrase_occurrences(
    ids: PhraseIds, token_ids: list[frozenset[int]], positions: dict[int, list[int]], blocked: set[int]
) -> list[tuple[int, int]]:
    """(first, last) token indexes of each occurrence of a phrase (consecutive tokens, none blocked)."""
    out = []
    n = len(ids)
    for k in positions.get(ids[0], ()):
        if k + n > len(token_ids):
            continue
        if all(ids[j] in token_ids[k + j] for j in range(1, n)) and not any(k + j in blocked for j in range(n)):
            out.append((k, k + n - 1))
    return out


def code_sentences(
    sentences: Sequence[Sentence],
    codebook: Codebook,
    *,
    matcher: LexicalMatcher | None = None,
    scorer: ExemplarScorer | None = None,
    vectors: npt.NDArray[np.float32] | None = None,
) -> list[ThemeHit]:
    """Code every sentence against the codebook: lexical rules, plus semantic matching when `scorer` is given.

    `vectors` are the sentences' embeddings from the scorer's embedder (computed here when missing). A code is
    assigned when a lexical rule matches ("lexical"), the closest exemplar is at least the code's threshold
    ("semantic"), or both ("both"); exclusions veto both. Hits come in sentence order, then codebook order.
    """
    lex = matcher or LexicalMatcher(codebook)
    order = {c.id: n for n, c in enumerate(codebook.codes)}
    semantic: list[dict[str, tuple[float, str]]] | None = None
    if scorer is not None:
        semantic = scorer.matches(sentences, vectors=vectors)
    documents = lex.documents(sentences)
    hits: list[ThemeHit] = []
    for n, s in enumerate(sentences):
        lexical = lex.match(s, documents.get(s.doc_id))
        sem = semantic[n] if semantic is not None else {}
        if sem:
            sem = {cid: v for cid, v in sem.items() if cid in lexical or not lex.excluded(s, cid)}
        for cid in sorted(set(lexical) | set(sem), key=order.__getitem__):
            evidence: dict[str, Any] = {}
            method: Method
            if cid in lexical:
                evidence["rules"] = [r.as_evidence() for r in lexical[cid]]
            if cid in sem:
                sim, exemplar = sem[cid]
                evidence["exemplar"] = exemplar
                evidence["similarity"] = round(sim, 4)
            if cid in lexical and cid in sem:
                method, score = "both", 1.0
            elif cid in lexical:
                method, score = "lexical", 1.0
            else:
                method, score = "semantic", round(sem[cid][0], 4)
            hits.append(ThemeHit(s.doc_id, s.start, s.end, cid, score, method, evidence))
    return hits

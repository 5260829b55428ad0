"""An evaluative word swapped for its opposite: "gynnar de människor" against "en katastrof för de människor",
"våldsamma demonstrationer" against "fredliga demonstrationer", "fördelar med" against "nackdelar med".

The direction check knows pairs it lists (öka/minska, brist/tillgång); most evaluative words are in no such pair. A
statement word of clear valence (nlp/valence.py: at least `CLEAR` either way) that the evidence lacks is read
against the words the evidence has in its place: between the nearest words on either side that both texts share
(at most `GAP` words apart). A word there of clear opposite valence that the statement lacks is a conflict. A word
said with a negation ("inte bra" for "dålig") is left to the negation check, and a word on a direction axis to the
direction check.
"""

from __future__ import annotations

import re
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.words import Word

CLEAR = 1.5
GAP = 6
# words the lexicon scores for another sense than the one they mostly have in Swedish prose: "fast" (although),
# "trots" (despite)
_OTHER_SENSE = frozenset(["fast", "trots"])


def compare_valence(statement: str, evidence: str) -> Outcome:
    """Each evaluative statement word the evidence has the opposite of, in the same place (kind "antonym")."""
    outcome = Outcome("antonym")
    outcome.conflict += _opposites(statement, evidence)
    return outcome


@lru_cache(maxsize=1 << 14)
def _opposites(statement: str, evidence: str) -> tuple[tuple[str, str], ...]:
    from textsamverkan.claims.reasons.content import content_words, keys, match
    from textsamverkan.claims.reasons.cues import WORD, negated_at
    from textsamverkan.claims.reasons.direction import pole
    from textsamverkan.claims.reasons.words import analyse

    words = content_words(statement)
    if not any(_evaluative(w.surface, w.lemma) for w in words):
        return ()  # nothing evaluative to read: the evidence is not read
    evidence_keys = keys(evidence)
    found = {w.surface.lower(): match(w, evidence_keys) >= 1.0 for w in words}
    by_surface = {w.surface.lower(): w for w in words}
    mine = [m for m in WORD.finditer(statement) if m.group().lower() in by_surface]
    theirs = list(WORD.finditer(evidence))
    statement_keys = keys(statement)
    out: list[tuple[str, str]] = []
    for n, m in enumerate(mine):
        word = by_surface[m.group().lower()]
        value = _evaluative(word.surface, word.lemma)
        if not value or found[word.surface.lower()] or pole(m.group()) or negated_at(statement, m.start(), m.end()):
            continue
        before = next((by_surface[a.group().lower()] for a in reversed(mine[:n]) if found[a.group().lower()]), None)
        after = next((by_surface[a.group().lower()] for a in mine[n + 1 :] if found[a.group().lower()]), None)
        for other in _in_place(before, after, theirs):
            analysed = analyse(other.group())
            other_value = _evaluative(other.group(), analysed.lemma)
            if (
                other_value * value < 0
                and not pole(other.group())
                and match(analysed, statement_keys) < 1.0
                and not negated_at(evidence, other.start(), other.end())
            ):
                out.append((m.group(), other.group()))
                break
    return tuple(out)


def _in_place(before: Word | None, after: Word | None, tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """The evidence tokens between the places of the shared words on either side of the statement word (at most
    `GAP` between them): none when the statement word has no shared word on one side."""
    from textsamverkan.claims.reasons.content import keys, match

    if before is None or after is None:
        return []
    lefts = [i for i, t in enumerate(tokens) if match(before, keys(t.group())) >= 1.0]
    rights = [i for i, t in enumerate(tokens) if match(after, keys(t.group())) >= 1.0]
    spans = [(a, b) for a in lefts for b in rights if 0 < b - a <= GAP + 1]
    if not spans:
        return []
    a, b = min(spans, key=lambda span: span[1] - span[0])
    return tokens[a + 1 : b]


def _evaluative(surface: str, lemma: str) -> float:
    """The word's valence when it is clear (at least `CLEAR` either way), else 0."""
    from textsamverkan.nlp.valence import valence

    low = surface.lower()
    if low in _OTHER_SENSE:
        return 0.0
    table = valence()
    value = table.get(low, table.get(lemma, 0.0))
    return value if abs(value) >= CLEAR else 0.0

"""Negation and its Swedish forms: "fick ingen hjälp" against "fick stor hjälp", "täcks inte" against "täcks".

Cues: inte, ej, icke, aldrig, ingen, inget, inga, ingenting, varken, knappast. Fixed expressions that do not deny the
claim ("eller inte", "om inte", "inte minst", "inte bara", "inte heller" after a negation) are ignored. The evidence is
cut into clauses at punctuation and conjunctions; only clauses that share content with the statement count, so a
negation elsewhere in a long sentence does not flip it. Polarity is the parity of the cues.
"""

from __future__ import annotations

import re

from textsamverkan.claims.reasons import Outcome

CUES = ("inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "ingenting", "varken", "knappast")
_CUE = re.compile(r"\b(?:" + "|".join(CUES) + r")\b", re.I)
_NOT_DENIAL = re.compile(r"\b(?:eller inte|eller ej|om inte|inte minst|inte bara|inte enbart|inte endast)\b", re.I)
_CLAUSE = re.compile(r"[,;:()–—]|\s(?:men|och|samt|eftersom|medan|då|när|så att)\s", re.I)


def negations(text: str) -> list[str]:
    """The negation cues of `text` that deny something, in order."""
    return [m.group() for m in _CUE.finditer(_NOT_DENIAL.sub(" ", text))]


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


def compare_negation(statement: str, evidence: str, shares_content: object = None) -> Outcome:
    """Whether the statement and the evidence (its clauses that share content with it) agree in polarity."""
    from textsamverkan.claims.reasons.content import content_words, keys, match

    outcome = Outcome("negation")
    words = content_words(statement)
    relevant = [c for c in clauses(evidence) if any(match(w, keys(c)) >= 1.0 for w in words)] or [evidence]
    mine = negations(statement)
    theirs = [cue for c in relevant for cue in negations(c)]
    if len(mine) % 2 == len(theirs) % 2:
        if mine:
            outcome.found.append(" ".join(mine))
        return outcome
    outcome.conflict.append((" ".join(mine) or "(jakande)", " ".join(theirs) or "(jakande)"))
    return outcome

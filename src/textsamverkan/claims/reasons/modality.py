"""A decision the evidence leaves open: "Folkhälsomyndigheten har beslutat att vaccinet ska ingå" against "ska utreda
om vaccinet kan ingå". Government assignments say often what an authority is to look into; a claim that it was
decided is then not backed, however many words the two share. The statement's decision word ("beslutat",
"beslutade", "har bedömt att") is missing when the evidence asks whether ("utreda om", "pröva om", "huruvida", "i så
fall", a sentence that begins "Om") and names no decision of its own.
"""

from __future__ import annotations

import re

from textsamverkan.claims.reasons import Outcome

_DECIDED = re.compile(
    r"\b(?:beslutat|beslutats|beslutade|beslutades|har\s+bedömt|hade\s+bedömt|bedömde|fastställt|fastställde)\b", re.I
)
_OPEN = re.compile(
    r"\b(?:utreda|utredas|utreder|bedöma|bedömer|bedömas|pröva|prövas|undersöka|undersöker|överväga|överväger)\s+om\b"
    r"|\bhuruvida\b|\bi så fall\b|(?:^|[.!?]\s+)Om\b",
)
_DECISION = re.compile(r"\bbeslut|\bfastställ", re.I)


def compare_modality(statement: str, evidence: str) -> Outcome:
    """The statement's decision word, missing when the evidence only considers whether (see the module docstring)."""
    outcome = Outcome("modality")
    decided = _DECIDED.search(statement)
    if decided and _OPEN.search(evidence) and not _DECISION.search(evidence):
        outcome.missing.append(decided.group())
    return outcome

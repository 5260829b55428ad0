"""A decision or a finding the evidence leaves open: "Folkhälsomyndigheten har beslutat att vaccinet ska ingå"
against "ska utreda om vaccinet kan ingå", "utvärderingen visar att kostnaderna sänkts" against "utvärderingen ska
innehålla en bedömning av kostnaderna". Government assignments often say what an authority is to look into; a claim
that it was decided or found is then not backed, however many words the two share. The statement's decision word
("beslutat", "beslutade", "har bedömt att") is missing when the evidence asks whether ("utreda om", "pröva om",
"huruvida", "i så fall", a sentence that begins "Om") and names no decision of its own; its finding word ("visar att",
"konstaterade", "kom fram till") is missing when the evidence gives the task ("ska utvärdera", "i uppdrag att", "syftar
till att") and no finding or result. A restriction the statement adds ("…, men bara till de regioner som har
ansökt") is missing when the evidence restricts nothing (no "bara", "endast", "begränsat till", bound in time).
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
# a finding: "visar att", "har visat", "konstaterade", "kom fram till"
_FOUND = re.compile(
    r"\b(?:visar|visade|har\s+visat|visats|konstaterar|konstaterade|har\s+konstaterat|kom\s+fram\s+till|"
    r"har\s+kommit\s+fram\s+till|framgår|framgick)\b",
    re.I,
)
# a task still to be done: "ska utvärdera", "i uppdrag att kartlägga", "syftar till att"
_TASK = re.compile(
    r"\b(?:ska|skall|bör)\s+(?:\w+\s+)?(?:utvärdera|analysera|kartlägga|undersöka|bedöma|följa\s+upp|belysa|"
    r"utreda|granska|innehålla)\b|\bi\s+uppdrag\s+att\b|\bsyftar\s+till\s+att\b",
    re.I,
)
_FINDING = re.compile(r"\bvisa|\bkonstater|\bframg[åi]|\bresultat|\bslutsats", re.I)
# a restriction added to a claim: "…, men bara i södra Sverige", "men enbart ur ett nationellt perspektiv"; the
# evidence backs it with a restricting word or a bound in time ("upphör att gälla den 1 oktober")
_ONLY = re.compile(r"\bmen\s+(?:bara|endast|enbart|uteslutande)\b", re.I)
_RESTRICTED = re.compile(
    r"\b(?:bara|endast|enbart|uteslutande|enda|ensam|ensamt|exklusivt|förbehållen|begränsa\w*|upphör\w*|"
    r"fram\s+till|till\s+och\s+med)\b",
    re.I,
)


def compare_modality(statement: str, evidence: str) -> Outcome:
    """The statement's decision or finding word, missing when the evidence only considers whether or gives the task
    (see the module docstring)."""
    outcome = Outcome("modality")
    decided = _DECIDED.search(statement)
    if decided and _OPEN.search(evidence) and not _DECISION.search(evidence):
        outcome.missing.append(decided.group())
    found = _FOUND.search(statement)
    if found and _TASK.search(evidence) and not _FINDING.search(evidence):
        outcome.missing.append(found.group())
    only = _ONLY.search(statement)
    if only and not _RESTRICTED.search(evidence):
        outcome.missing.append(only.group())
    return outcome

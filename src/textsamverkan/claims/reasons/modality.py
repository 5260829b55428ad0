"""A decision or a finding the evidence leaves open: "Folkhälsomyndigheten har beslutat att vaccinet ska ingå"
against "ska utreda om vaccinet kan ingå", "utvärderingen visar att kostnaderna sänkts" against "utvärderingen ska
innehålla en bedömning av kostnaderna". Government assignments often say what an authority is to look into; a claim
that it was decided or found is then not backed, however many words the two share. The statement's decision word
("beslutat", "beslutade", "har bedömt att") is missing when the evidence asks whether ("utreda om", "pröva om",
"huruvida", "i så fall", a sentence that begins "Om") and names no decision of its own; its finding word ("visar att",
"konstaterade", "kom fram till") is missing when the evidence gives the task ("ska utvärdera", "i uppdrag att", "syftar
till att") and no finding or result. A restriction the statement adds ("…, men bara till de regioner som har
ansökt", "ska endast gälla kommunerna") is missing when the evidence restricts nothing (no "bara", "endast",
"begränsat till", "men inte", "utom", bound in time). A
thing the statement says is done ("har inrättats") is missing when the evidence only proposes or wants it ("anser att
det bör inrättas", "har föreslagit att man ska införa") and the statement itself proposes nothing.
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
# a restriction added to a claim: "…, men bara i södra Sverige", "men enbart ur ett nationellt perspektiv", "ska
# endast gälla kommunerna" ("bara" alone is too often speech's "just": "jag bara ringde"; "inte endast" restricts
# nothing); the evidence backs it with a restricting word or a bound in time ("upphör att gälla den 1 oktober")
_ONLY = re.compile(
    r"\bmen\s+(?:bara|endast|enbart|uteslutande)\b|(?<!inte )(?<!ej )(?<!icke )\b(?:endast|enbart|uteslutande)\b",
    re.I,
)
_RESTRICTED = re.compile(
    r"\b(?:bara|endast|enbart|uteslutande|enda|ensam|ensamt|exklusivt|förbehållen|begränsa\w*|upphör\w*|"
    # what is left out restricts too: "i glesbygd men inte i städerna", "alla utom Gotland"
    r"fram\s+till|till\s+och\s+med|men\s+(?:inte|ej)|utom|förutom)\b",
    re.I,
)


# a proposal or a wish: "Moderaterna har föreslagit att man ska införa", "Liberalerna anser att det bör inrättas"
_PROPOSED = re.compile(r"\b(?:föresl\w*|förslag\w*|bör|borde|vill(?!\s+säga)|önskar|kräver|yrkar|anser att)\b", re.I)
# the statement's own intent or proposal: it claims no more than the evidence
_INTENDED = re.compile(
    r"\b(?:föresl\w*|förslag\w*|bör|borde|vill|vilja|önska\w*|kräv\w*|yrka\w*|ska|skall|kommer att|planer\w*|"
    r"avser|avsikt\w*|tänker|anser|tycker|menar)\b",
    re.I,
)
# a thing said to be done: "har inrättats", "har nu införts", "har redan byggt upp"
_DONE = re.compile(r"\b(?:har|hade)\s+(?:(?:nu|redan|också|även)\s+)?(?P<verb>[^\W\d_]+(?:ts|tt|t))\b", re.I)
PROPOSAL_REACH = 8  # words after a proposal word that it governs


def _done_as_proposed(statement: str, evidence: str) -> str | None:
    """The statement's "har inrättats" where the evidence only proposes it ("anser att det bör inrättas"), or None."""
    from textsamverkan.claims.reasons.words import analyse

    if _INTENDED.search(statement):
        return None
    for done in _DONE.finditer(statement):
        lemma = analyse(done.group("verb")).lemma
        for proposal in _PROPOSED.finditer(evidence):
            governed = re.findall(r"[^\W\d_]+", evidence[proposal.end() :])[:PROPOSAL_REACH]
            if any(analyse(word).lemma == lemma for word in governed):
                return done.group()
    return None


# a claim about all of a kind ("samtliga länder", "alla som får ersättningen") where the evidence speaks of some
# ("som enda land", "allt fler förlorar den", "flera kommuner")
# ("de allra flesta" is as near all as "nästan alla")
_ALL = re.compile(
    r"\b(?:alla|samtliga|varenda|vartenda|allihop|de\s+allra\s+flesta)\b(?!\s+(?:fler|mer|större|färre|mindre)\b)", re.I
)
_SOME = re.compile(
    r"\b(?:allt\s+(?:fler|färre|mer|mindre)|flera|många|vissa|några|en\s+del|de\s+flesta|majoriteten|enda|"
    r"ett\s+fåtal|få|somliga|ett\s+antal|hälften|"
    # a share: "vart femte av dessa brott", "varannan kommun", "en tredjedel av boendena"
    r"var(?:t|je)?\s+(?:tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde)|varannan|vartannat|"
    r"(?:en|ett|två|tre|fyra)\s+(?:tredjedel|fjärdedel|femtedel|tiondel)(?:ar)?)\b",
    re.I,
)


def _clause_of(text: str, found: re.Match[str]) -> str:
    """The clause of `text` that holds `found` (cut at punctuation and conjunctions, as the negation check cuts)."""
    from textsamverkan.claims.reasons.negation import clauses

    start = 0
    for clause in clauses(text):
        start = text.index(clause, start)
        if start <= found.start() < start + len(clause):
            return clause
        start += len(clause)
    return text


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
    if proposed := _done_as_proposed(statement, evidence):
        outcome.missing.append(proposed)
    every = _ALL.search(statement)
    # "nästan alla dessa brott" against "vart femte av dessa brott"; a share elsewhere in the statement is no answer
    some_in_evidence = not _ALL.search(evidence) and _SOME.search(evidence)
    if every and some_in_evidence and not _SOME.search(_clause_of(statement, every)):
        outcome.missing.append(every.group())
    only = _ONLY.search(statement)
    if only and not _RESTRICTED.search(evidence):
        outcome.missing.append(only.group().lower())
    return outcome

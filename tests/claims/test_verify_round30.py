"""Round 30 of the claim verifier: two actors whose parts a statement swaps, read off care documents; a restatement
that turns a clause round, uses a passive or names an actor as a possessor is no swap."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.roles import compare_roles
from textsamverkan.claims.verdict import judge_evidence


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        (
            "Kommunerna betalar sjuksköterskorna och regionen står för bilarna.",
            "Regionen betalar sjuksköterskorna och kommunerna står för bilarna.",
        ),
        (
            "I dag ansvarar regionen för hemtjänsten, medan kommunen ansvarar för läkarbesöken.",
            "I dag ansvarar kommunen för hemtjänsten, medan regionen ansvarar för läkarbesöken.",
        ),
        (
            "Enligt avtalet håller regionen lager åt kommunerna, och kommunerna står för transporterna.",
            "Enligt avtalet håller kommunerna själva lager, och regionen står för transporterna.",
        ),
    ],
)
def test_swapped_roles_contradict(statement: str, evidence: str) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted", reasons
    assert "role" in reasons["conflict"], reasons


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        # the clauses in the other order
        (
            "Kommunen ansvarar för hemtjänsten och regionen för läkarbesöken.",
            "Regionen ansvarar för läkarbesöken, medan kommunen ansvarar för hemtjänsten.",
        ),
        # a passive: the agent after "av" is no doer
        (
            "Kommunerna fick hjälp av regionen med lagret av handskar.",
            "Regionen hjälpte kommunerna med lagret av handskar.",
        ),
        # a possessor is no doer: "regionens uppdrag" against "regionen ger uppdraget"
        (
            "Kommunförbundet fick i mars regionens uppdrag att samordna transporterna.",
            "Regionen meddelade i mars att Kommunförbundet ges i uppdrag att samordna transporterna.",
        ),
        # a profession after the clause's first content word is what the doer acts on
        (
            "Kommunen anställer sjuksköterskorna och regionen betalar bilarna.",
            "Regionen betalar bilarna, och kommunen anställer sjuksköterskorna.",
        ),
    ],
)
def test_roles_said_another_way_are_no_swap(statement: str, evidence: str) -> None:
    assert compare_roles(statement, evidence).conflict == []


def test_a_swap_one_way_only_is_left_to_the_other_checks() -> None:
    """One part moved to another doer, nothing moved back: a passive or a reordering can do that, so no conflict."""
    statement = "Kommunen ansvarar för läkarinsatserna till dem som får hemsjukvård av regionen."
    evidence = "Regionen ansvarar för läkarinsatserna till dem som får hemsjukvård av kommunen."
    assert compare_roles(statement, evidence).conflict == []


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        ("Till mötet kom bara sjukhuset.", "Till mötet kom sjukhuset, kommunen och vårdcentralen."),
        ("Numera får enbart läkare ge sådana injektioner.", "Numera får läkare, tandläkare och sjuksköterskor ge dem."),
        ("Kravet gäller bara de mycket stora boendena.", "Kravet gäller små boenden och mycket stora hem."),
    ],
)
def test_one_thing_alone_against_a_list_that_names_others_contradicts(statement: str, evidence: str) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted", reasons


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        # "inte bara" claims nothing alone
        ("Inte bara läkare får ge injektionerna.", "Läkare och sjuksköterskor får ge injektionerna."),
        # the statement names the others too
        ("Bara läkare och tandläkare får göra det.", "Läkare och tandläkare får göra det, ingen annan."),
        # the thing said alone stands alone in the evidence
        ("Bara sjukhuset kom till mötet.", "Sjukhuset kom till mötet, men inte kommunen."),
    ],
)
def test_alone_said_the_evidence_way_is_no_conflict(statement: str, evidence: str) -> None:
    from textsamverkan.claims.reasons.scope import scope_conflicts

    assert scope_conflicts(statement, evidence) == []

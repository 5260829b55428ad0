"""Round 52 of the claim verifier: two public actors are things of one kind, so a statement that swaps them across
two clauses where neither is the doer ("kommunernas lager … samordningen med regionerna" against the regions' stock
and the municipalities' coordination) is caught as it is for two weekdays or two pieces of protective equipment."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.reasons.roles import compare_roles

EVIDENCE = (
    "Utredaren ska kartlägga regionernas lager av skyddsutrustning och föreslå hur samordningen med kommunerna kan "
    "bli bättre."
)
SWAPPED = "Utredaren ska kartlägga kommunernas lager av skyddsutrustning och föreslå bättre samordning med regionerna."
SAME = "Utredaren ska kartlägga regionernas lager av skyddsutrustning och föreslå bättre samordning med kommunerna."


@pytest.mark.parametrize(("statement", "expected"), [(SWAPPED, NOT_SUPPORTED), (SAME, "supported")])
def test_two_public_actors_swapped_across_clauses(statement: str, expected: str) -> None:
    assert_verdict(statement, EVIDENCE, expected)


def test_the_swap_is_named_and_a_list_of_both_actors_is_no_swap() -> None:
    assert compare_roles(SWAPPED, EVIDENCE).conflict
    listed = "Kommunerna och regionerna ska kartlägga sina lager, och samordningen ska bli bättre."
    evidence = "Regionerna och kommunerna ska kartlägga sina lager och förbättra samordningen."
    assert compare_roles(listed, evidence).conflict == []

"""Round 55 of the claim verifier: the Riksdag "ställer sig bakom" a proposal is the approving side of a decision,
so a statement that it rejects ("avslå") the proposal conflicts with it."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

EVIDENCE = (
    "Riksdagen ställer sig bakom det som anförs i motionen om tydligare regler för delegering inom äldreomsorgen och "
    "tillkännager detta för regeringen."
)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Riksdagen avslår det som anförs i motionen om tydligare regler för delegering inom äldreomsorgen.",
         NOT_SUPPORTED),
        ("Riksdagen ställde sig bakom det som anförs i motionen om tydligare regler för delegering inom äldreomsorgen.",
         "supported"),
    ],
)
def test_approving_against_rejecting(statement: str, expected: str) -> None:
    assert_verdict(statement, EVIDENCE, expected)

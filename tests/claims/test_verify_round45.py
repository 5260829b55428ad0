"""Round 45 of the claim verifier: a word that notes write shortened with a period ("utb.", "insp.", "avsn.") is
found in the evidence word it begins ("utb." in "utbildning"); a shortened word the evidence lacks stays missing."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Rapp. t. nämnden om utb. i hygien.", "Rapport till nämnden om utbildning i hygien.", "supported"),
        ("Rapp. t. nämnden om utb. i hygien.", "Rapport till nämnden om handledning i hygien.", "partly"),
    ],
)  # fmt: skip
def test_verdicts_of_round_45(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

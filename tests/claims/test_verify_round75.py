"""Round 75 of the claim verifier: an amount whose "what it counts" is only its unit ("48 timmar", "tre dygn")
counts nothing in particular, so two time amounts are compared in one unit: "48 timmar" is "två dygn" and not "tre
dygn"."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Är du förkyld de sista 48 timmarna, vänta med besöket.",
         "Om du har varit förkyld de senaste tre dygnen, vänta med besöket.", "contradicted"),
        ("Är du förkyld de sista 48 timmarna, vänta med besöket.",
         "Om du har varit förkyld de senaste två dygnen, vänta med besöket.", "supported"),
        ("Lagret ska räcka i 6 veckor.", "Lagret ska räcka i tolv veckor.", "contradicted"),
    ],
)
def test_time_amounts_in_one_unit(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

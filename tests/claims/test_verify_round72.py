"""Round 72 of the claim verifier: "doktor" and "sköterska" are professions like "läkare" and "sjuksköterska": a
statement's doctor is not the evidence's nurse ("på delegering från en doktor" against "från en sjuksköterska"),
while a doctor said as "läkare" is the same."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Hemtjänsten ger insulin på delegering från en doktor.",
         "Hemtjänsten ger insulin på delegering från en sjuksköterska.", "partly"),
        ("Det var en dietist jag fick träffa, inte en doktor.",
         "Jag fick träffa en diabetessköterska, inte en doktor.", "partly"),
        ("Hemtjänsten ger insulin på delegering från en doktor.",
         "Hemtjänsten ger insulin på delegering från en läkare.", "supported"),
    ],
)
def test_a_doctor_and_a_nurse_are_two_professions(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

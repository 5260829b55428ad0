"""Round 40 of the claim verifier: checks that read what a near-miss changes, each able only to take support away:
"mot en avgift" against "kostnadsfritt", relatives among the people around a patient, places of care and everyday
places as one kind, and all of something against an indefinite count of it ("samtliga boenden" against "på fyra
boenden": `partly`, the whole is not found), though not the country's own count ("varje region" against "21
regioner")."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Trygghetslarmet hyrs mot en avgift.", "Trygghetslarmet lånas ut kostnadsfritt.", "contradicted"),
        ("Trygghetslarmet lånas ut utan kostnad.", "Trygghetslarmet lånas ut kostnadsfritt.", "supported"),
        ("Vid besöket satt grannen med i köket.", "Vid besöket satt sjuksköterskan med i köket.", NOT_SUPPORTED),
        ("Vid besöket satt dottern med i köket.", "Vid besöket satt sonen med i köket.", NOT_SUPPORTED),
        ("Handskarna fick köpas på apoteket.", "Handskarna fick köpas på en bensinmack.", NOT_SUPPORTED),
        ("Under hösten hade samtliga boenden utbrott.", "Under hösten hade vi utbrott på tre boenden.", "partly"),
        ("Under hösten hade samtliga boenden utbrott.", "Under hösten hade kommunens tre boenden utbrott.",
         "supported"),
        ("Om varje region gör egna affischer spretar budskapen.",
         "Om 21 regioner gör egna affischer spretar budskapen.", "supported"),
    ],
)  # fmt: skip
def test_verdicts_of_round_40(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

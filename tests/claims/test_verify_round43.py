"""Round 43 of the claim verifier: "omöjlig" is the hard side of easy and hard, "mot sin egen vilja" is not "efter
egen önskan", "fysiskt på plats" is a channel like "per telefon", and the day is not the night ("på dagen" against
"nattetid")."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Smittspårningen i hemtjänsten var i princip enkel.",
         "Smittspårningen i hemtjänsten var i stort sett omöjlig.", "contradicted"),
        ("Smittspårningen i hemtjänsten var i princip omöjlig.", "Smittspårningen i hemtjänsten var väldigt svår.",
         "supported"),
        ("Brukarna har kamera på natten mot sin egen vilja.", "Brukarna har kamera på natten efter egen önskan.",
         "contradicted"),
        ("Brukarna har kamera på natten på egen begäran.", "Brukarna har kamera på natten efter egen önskan.",
         "supported"),
        ("Läkarna deltog oftast fysiskt på plats.", "Läkarna deltog oftast per telefon.", NOT_SUPPORTED),
        ("De flesta fall sker på dagen vid toalettbesök.", "De flesta fall sker nattetid vid toalettbesök.",
         "contradicted"),
        ("De flesta fall sker på natten vid toalettbesök.", "De flesta fall sker nattetid vid toalettbesök.",
         "supported"),
    ],
)  # fmt: skip
def test_verdicts_of_round_43(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

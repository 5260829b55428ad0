"""Round 67 of the claim verifier: the least of a quality is its other pole ("den minst viktiga reformen" against "den
viktigaste"), while "mindre trygga" may be the decrease "tryggheten har minskat" says; a cue's modifier ("söker nästan
ingen") is not what the cue denies, and "knappt någon" says no as well as "nästan ingen"."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Omställningen är regeringens minst viktiga reform.",
         "Omställningen är regeringens viktigaste reform.", "contradicted"),
        ("Flickor och kvinnor har blivit mindre trygga de senaste åren.",
         "Tryggheten för flickor och kvinnor har minskat under senare år.", "supported"),
        ("Vi behöver anställa fler, och det är massor som söker.",
         "Vi behöver rekrytera fler, och det söker nästan ingen.", "contradicted"),
        ("Vi behöver anställa fler, och det är knappt någon som söker.",
         "Vi behöver rekrytera fler, och det söker nästan ingen.", "supported"),
    ],
)
def test_the_least_of_a_quality_and_almost_none(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

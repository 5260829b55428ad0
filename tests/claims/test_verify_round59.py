"""Round 59 of the claim verifier: "av" before the evidence's "samtliga" makes it a part only after an amount or a
part ("70 procent av alla vuxna"); the agent of a passive ("användes av samtliga kommuner") is the whole, so a
statement about "några av kommunerna" claims less than the evidence says."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Endast några av kommunerna använde journalsystemets gemensamma planeringsfunktion.",
         "Den gemensamma planeringsfunktionen i journalsystemet användes av samtliga kommuner.", NOT_SUPPORTED),
        ("Hälften av alla vuxna har fått dosen.", "Hälften av alla vuxna har fått dosen.", "supported"),
        ("Några av de vuxna har fått dosen.", "70 procent av alla vuxna har fått dosen.", "supported"),
    ],
)
def test_a_passive_agent_is_the_whole(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)

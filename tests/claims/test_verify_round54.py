"""Round 54 of the claim verifier: earlier and later are the two poles of one axis ("tidigare än vanligt" is not
"senare än normalt"); the words still carry content, and neither the spoken "sen" ("sen var jag ute själv", then) nor
"samtidigt" (at the same time, split by the compound splitter into "sam" + "tidigt") is on a pole."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.reasons.direction import pole

EVIDENCE = "Smittskyddsläkaren sa att influensan har kommit tidigare än vanligt och att två boenden har utbrott."


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Smittskyddsläkaren sa att influensan har kommit senare än vanligt och att två boenden har utbrott.",
         NOT_SUPPORTED),
        ("Smittskyddsläkaren sa att influensan har kommit tidigare än vanligt och att två boenden har utbrott.",
         "supported"),
    ],
)
def test_late_against_early(statement: str, expected: str) -> None:
    assert_verdict(statement, EVIDENCE, expected)


def test_the_poles_of_early_and_late() -> None:
    assert pole("tidigare") == ("tidpunkt", 0)
    assert pole("senarelagt") == ("tidpunkt", 1)
    assert pole("sen") is None  # spoken "sedan"
    assert pole("samtidigt") is None
